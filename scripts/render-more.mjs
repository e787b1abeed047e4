// Renders report HTML, Word and PDF files the way npm converters do (run by render-more.sh):
//   node render-more.mjs OUTDIR FILE.html|FILE.docx|FILE.pdf...
// HTML → NAME.turndowngfm.md (turndown + turndown-plugin-gfm tables), NAME.joplin.md (@joplin/turndown +
// its gfm plugin), NAME.rehyperemark.md (unified: rehype-parse → rehype-remark → remark-gfm → remark-stringify),
// NAME.htmltomd.md (html-to-md), NAME.mdream.md (mdream).
// .docx → NAME.mammothmd.md (mammoth convertToMarkdown), NAME.mammothraw.txt (mammoth extractRawText).
// .pdf → NAME.pdfparse.txt (pdf-parse: pdf.js text content). (@opendocsg/pdf2md 0.2.9 and 0.3.2 hang on
// these PDFs under Node 20: the fonts they wait for never arrive from pdf.js; so it is not used.)
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const [out, ...files] = process.argv.slice(2);
const put = (name, text) => writeFileSync(join(out, name), text.endsWith('\n') ? text : text + '\n');

for (const f of files) {
  const name = basename(f).replace(/\.(html?|docx|pdf)$/, '');
  if (/\.html?$/.test(f)) {
    const html = readFileSync(f, 'utf8');
    const { default: TurndownService } = await import('turndown');
    const { gfm } = await import('turndown-plugin-gfm');
    const td = new TurndownService();
    td.use(gfm);
    put(name + '.turndowngfm.md', td.turndown(html));
    const { default: JoplinTurndown } = await import('@joplin/turndown');
    const joplinGfm = await import('@joplin/turndown-plugin-gfm');
    const jt = new JoplinTurndown();
    jt.use(joplinGfm.gfm);
    put(name + '.joplin.md', jt.turndown(html));
    const { unified } = await import('unified');
    const { default: rehypeParse } = await import('rehype-parse');
    const { default: rehypeRemark } = await import('rehype-remark');
    const { default: remarkGfm } = await import('remark-gfm');
    const { default: remarkStringify } = await import('remark-stringify');
    const md = await unified().use(rehypeParse).use(rehypeRemark).use(remarkGfm).use(remarkStringify).process(html);
    put(name + '.rehyperemark.md', String(md));
    const { default: html2md } = await import('html-to-md');
    put(name + '.htmltomd.md', html2md(html));
    const { htmlToMarkdown } = await import('mdream');
    put(name + '.mdream.md', htmlToMarkdown(html));
  } else if (f.endsWith('.docx')) {
    const { default: mammoth } = await import('mammoth');
    put(name + '.mammothmd.md', (await mammoth.convertToMarkdown({ path: f })).value);
    put(name + '.mammothraw.txt', (await mammoth.extractRawText({ path: f })).value);
  } else if (f.endsWith('.pdf')) {
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: new Uint8Array(readFileSync(f)) });
    put(name + '.pdfparse.txt', (await parser.getText()).text);
    await parser.destroy();
  }
}
