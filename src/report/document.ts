// parseDocument: every input the library reads — text, HTML, PDF, Word (.docx), as bytes or a string —
// to the same Report. PDF and Word are read asynchronously (pdf.js, mammoth); a PDF's pages become
// cells (src/lex/pdf) that the same grammars, normalizers and checks read as any other cells.
import { asInput } from '../input/limits.js';
import { documentKind } from '../input/sniff.js';
import { readDocx } from '../input/docx.js';
import { readPdfBounded } from '../input/pdf/bounded.js';
import { DEFAULT_PDF_LIMITS } from '../input/pdf/read.js';
import type { PdfPage } from '../input/pdf/types.js';
import { lexPdf } from '../lex/pdf/pages.js';
import { ReportError } from '../schema/errors.js';
import type { Report } from '../schema/report.js';
import { assemble, failed, parseReport, type ParseOptions } from './parse.js';

export interface DocumentOptions extends ParseOptions {
  /** A PDF with more pages is refused with `input-too-large` (default 200). */
  maxPages?: number;
  /** Milliseconds reading one PDF may take before it is refused with `input-too-large` (default 60,000). */
  timeoutMs?: number;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** A table area where more characters than this share have no Unicode mapping is unreadable text. */
const UNMAPPED_SHARE = 0.3;

/** Parses one report in any form the library reads. Never rejects: bad input gives a Report with an error diagnostic. */
export async function parseDocument(input: string | Uint8Array | ArrayBuffer, options: DocumentOptions = {}): Promise<Report> {
  try {
    const bytes = asInput(input);
    if (bytes === undefined || typeof bytes === 'string') return parseReport(input as string, options);
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (bytes.byteLength > maxBytes) return parseReport(bytes, options);
    const kind = documentKind(bytes);
    if (kind === 'pdf') return await parsePdf(bytes, options);
    if (kind === 'docx') return await parseDocx(bytes, options);
    return parseReport(bytes, options);
  } catch (error) {
    if (error instanceof ReportError) return failed(input, options, error.code, error.message);
    return failed(input, options, 'internal-error', `the parser failed on this input: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function parsePdf(bytes: Uint8Array, options: DocumentOptions): Promise<Report> {
  const { pages } = await readPdfBounded(bytes, { maxPages: options.maxPages ?? DEFAULT_PDF_LIMITS.maxPages, timeoutMs: options.timeoutMs ?? DEFAULT_PDF_LIMITS.timeoutMs });
  refuseTextless(pages);
  const lexed = lexPdf(pages);
  refuseUnmapped(lexed.tableText || lexed.text);
  return assemble(
    {
      text: lexed.text,
      cells: lexed.cells,
      plain: lexed.text,
      source: { form: 'pdf', encoding: 'binary', bytes: bytes.byteLength, ...(options.provenance === false ? {} : { text: lexed.text }) },
    },
    options,
  );
}

async function parseDocx(bytes: Uint8Array, options: DocumentOptions): Promise<Report> {
  const html = await readDocx(bytes);
  const report = parseReport(html, { ...options, form: 'html' });
  if (report.source.form !== 'html') return report;
  report.source = {
    form: 'docx',
    encoding: 'binary',
    bytes: bytes.byteLength,
    ...(report.source.fileName ? { fileName: report.source.fileName } : {}),
    ...(options.provenance === false ? {} : { text: html }),
  };
  return report;
}

/** A PDF without text (page images: a scan) is not read here. */
function refuseTextless(pages: readonly PdfPage[]): void {
  let chars = 0;
  for (const page of pages) for (const t of page.texts) chars += t.text.trim().length;
  if (chars < 10 * Math.max(1, pages.length) && chars < 200)
    throw new ReportError(
      'pdf-no-text',
      `the PDF has no text layer (${pages.length} page(s) with ${chars} character(s) of text: a scanned document?): OCR is not done here; a PDF with text (as exported by Word or WPS) is read`,
    );
}

/**
 * Glyphs a font does not map to Unicode come out as their glyph numbers: control, private-use,
 * replacement characters, letters of scripts a Chinese report is not written in. A large share of them
 * in the tables (or the text, where there is no table) is unreadable text, not "no table".
 */
function refuseUnmapped(text: string): void {
  let all = 0;
  let bad = 0;
  for (const ch of text) {
    if (ch.trim() === '') continue;
    all++;
    if (!isReportCharacter(ch.codePointAt(0)!)) bad++;
  }
  if (all > 0 && bad / all > UNMAPPED_SHARE)
    throw new ReportError(
      'pdf-unreadable-text',
      `the PDF's text cannot be read: ${Math.round((100 * bad) / all)}% of its characters have no Unicode mapping in its fonts (glyphs drawn without a ToUnicode map): the numbers and labels cannot be told apart; OCR is not done here`,
    );
}

/** ASCII, Latin-1 and general punctuation, CJK symbols, ideographs (and extension A), full-width forms. */
function isReportCharacter(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    (code >= 0x2000 && code <= 0x27bf) ||
    (code >= 0x2e80 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xffef) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}
