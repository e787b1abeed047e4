#!/usr/bin/env bash
# Makes HTML reports' tables wider than the page (1100px) and prints them as a Word file does: the HTML to
# .docx and the .docx to PDF by LibreOffice, which cuts such a table at the paper's edge — the columns
# past it are not in the file. For corpus/docs/NAME.wide.word.pdf (gold: the report's, see its notes).
#   scripts/render-wide.sh OUTDIR FILE.html...     (Debian: libreoffice-writer-nogui fonts-noto-cjk python3-lxml)
set -eu
out=$1; shift; mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)
tools=${TOOLS:-$here/../../shared/tools}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$@"; do
  n=$(basename "$f"); n=${n%.html}
  /usr/bin/python3 "$tools/report-body.py" "$f" "$tmp/body.html" >/dev/null
  python3 - "$tmp/body.html" "$tmp/$n.wide.html" <<'PY'
import re, sys
s = open(sys.argv[1], 'rb').read().decode('utf-8', errors='replace')
wide = lambda m: '<table' + re.sub(r'\s(width|style)="[^"]*"', '', m.group(1)) + ' width="1100" style="width:1100px">'
open(sys.argv[2], 'w').write(re.sub(r'<table\b([^>]*)>', wide, s, flags=re.I))
PY
  soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$tmp/$n.wide.html" >/dev/null 2>&1
  soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/$n.wide.docx" >/dev/null 2>&1
  cp "$tmp/$n.wide.pdf" "$out/$n.wide.word.pdf"
done
