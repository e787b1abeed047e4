#!/usr/bin/env bash
# Prints HTML reports to PDF with Chromium with every table border removed: the tables "without rules"
# that some exports make, for corpus/docs/NAME.unruled.pdf (their gold is the report's).
#   scripts/render-unruled.sh OUTDIR FILE.html...     (Debian: chromium)
set -eu
out=$1; shift; mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$@"; do
  n=$(basename "$f"); n=${n%.html}
  python3 - "$f" "$tmp/$n.html" <<'PY'
import re, sys
s = open(sys.argv[1], 'rb').read().decode('utf-8', errors='replace')
style = '<style>table,tr,td,th{border:none!important;border-collapse:collapse!important;box-shadow:none!important}</style>'
open(sys.argv[2], 'w').write(re.sub(r'(<head[^>]*>)', r'\1' + style, s, count=1, flags=re.I))
PY
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/$n.unruled.pdf" "file://$tmp/$n.html" >/dev/null 2>&1
done
