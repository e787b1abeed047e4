#!/usr/bin/env bash
# Renders the shared corpus's reports with converters the shared corpus does not hold yet, into corpus/scrapers/:
#   scripts/render-more.sh [OUTDIR]        (default: corpus/scrapers; run from the repository root)
# Sources (../shared/corpus): the HTML pages 014, 024, 033; their Word files docs/NAME.docx; the PDFs
# docs/NAME.word.pdf (LibreOffice export) and docs/NAME.chromium.pdf (Chromium print); pdf/031_hongze_2023.pdf.
# Output names are NAME.<converter>.<ext>, where NAME carries the source's kind (NAME.docx → NAME.docx.*,
# NAME.word.pdf → NAME.word.*, NAME.chromium.pdf → NAME.chromium.*). See corpus/scrapers/README.md.
# Needs Debian packages: pandoc links2 elinks w3m lynx poppler-utils mupdf-tools python3-pdfminer python3-fitz
# docx2txt libreoffice-writer-nogui. npm packages go into a cache folder outside the project on first use.
# The tests never run this: its output is committed as data.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared=${SHARED:-$here/../../shared}
[ -d "$shared/corpus" ] || shared=/work/shared
src=$shared/corpus
out=${1:-$here/../corpus/scrapers}; mkdir -p "$out"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/render-more
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
html="014_shanghai_szfbgt_2019 024_pingtan_2024 033_pingtan_2019"

# HTML pages: pandoc writers, text browsers at widths the shared corpus has not got.
for n in $html; do
  f=$src/$n.html
  pandoc -f html -t commonmark "$f" -o "$out/$n.commonmark.md"          # tables stay raw HTML
  pandoc -f html -t markdown --columns=200 "$f" -o "$out/$n.pandocmd.md" # pandoc markdown: simple/grid tables, [span]{attributes}
  pandoc -f html -t rst --columns=200 "$f" -o "$out/$n.rst.txt"
  pandoc -f html -t org "$f" -o "$out/$n.org.txt"
  pandoc -f html -t asciidoc "$f" -o "$out/$n.asciidoc.txt"
  pandoc -f html -t mediawiki "$f" -o "$out/$n.mediawiki.txt"
  links2 -dump -width 200 -codepage utf-8 "$f" > "$out/$n.links.txt"
  elinks -dump -dump-width 80 -dump-charset utf-8 -no-references -no-numbering "$f" > "$out/$n.elinks80.txt" 2>/dev/null
  w3m -dump -T text/html -I UTF-8 -O UTF-8 -cols 120 "$f" > "$out/$n.w3m120.txt"
  lynx -dump -nolist -width=120 -assume_charset=UTF-8 -display_charset=UTF-8 "$f" > "$out/$n.lynx120.txt" 2>/dev/null
done

# Word files: pandoc, docx2txt, LibreOffice's text export.
for n in $html; do
  f=$src/docs/$n.docx
  pandoc -f docx -t gfm "$f" -o "$out/$n.docx.gfm.md"
  pandoc -f docx -t plain --columns=200 "$f" -o "$out/$n.docx.plain.txt"
  pandoc -f docx -t markdown --columns=200 "$f" -o "$out/$n.docx.pandocmd.md"
  docx2txt "$f" "$out/$n.docx.docx2txt.txt"
  cp "$f" "$tmp/$n.docx"
  soffice --headless --convert-to 'txt:Text (encoded):UTF8' --outdir "$tmp" "$tmp/$n.docx" >/dev/null 2>&1
  cp "$tmp/$n.txt" "$out/$n.docx.soffice.txt"
done

# PDFs: poppler, mupdf, pdfminer, PyMuPDF.
pdfs=""
for n in $html; do pdfs="$pdfs $src/docs/$n.word.pdf $src/docs/$n.chromium.pdf"; done
pdfs="$pdfs $src/pdf/031_hongze_2023.pdf"
for f in $pdfs; do
  n=$(basename "$f" .pdf)
  case $n in *.chromium) ;; *) pdftotext -layout -enc UTF-8 "$f" "$out/$n.pdftotext.txt";; esac  # chromium -layout: corpus/forms
  case $n in 031_*) ;; *) pdftotext -raw -enc UTF-8 "$f" "$out/$n.pdfraw.txt";; esac            # 031: corpus/ has both
  pdftotext -enc UTF-8 "$f" "$out/$n.pdftotextplain.txt"
  pdftohtml -i -stdout -q -enc UTF-8 "$f" > "$out/$n.pdftohtml.html"
  mutool draw -q -F txt -o "$out/$n.mutool.txt" "$f"
  pdf2txt -o "$out/$n.pdfminer.txt" "$f"
  /usr/bin/python3 - "$f" "$out/$n" <<'PY'
import sys, fitz
doc = fitz.open(sys.argv[1])
open(sys.argv[2] + '.fitz.txt', 'w').write(''.join(p.get_text('text') for p in doc))
open(sys.argv[2] + '.fitzsort.txt', 'w').write(''.join(p.get_text('text', sort=True) for p in doc))
open(sys.argv[2] + '.fitzblocks.txt', 'w').write('\n'.join(b[4] for p in doc for b in p.get_text('blocks', sort=True)))
PY
done

# npm converters: HTML → markdown, Word → markdown/text, PDF → text.
if [ ! -d "$cache/node_modules/mammoth" ]; then
  mkdir -p "$cache" && (cd "$cache" && npm init -y >/dev/null && npm install --silent turndown@7.2.5 turndown-plugin-gfm@1.0.2 \
    @joplin/turndown@4.0.86 @joplin/turndown-plugin-gfm@1.0.68 unified@11.0.5 rehype-parse@9.0.1 rehype-remark@10.0.1 \
    remark-gfm@4.0.1 remark-stringify@11.0.0 html-to-md@0.8.8 mdream@1.7.2 @mdream/rust-linux-x64-gnu@1.7.2 \
    mammoth@1.13.0 pdf-parse@2.4.5 >/dev/null)
fi
cp "$here/render-more.mjs" "$cache/render-more.mjs"
for n in $html; do
  node "$cache/render-more.mjs" "$out" "$src/$n.html"
  cp "$src/docs/$n.docx" "$tmp/$n.docx.docx"; node "$cache/render-more.mjs" "$out" "$tmp/$n.docx.docx"
done
node "$cache/render-more.mjs" "$out" $pdfs
