// PDF bytes → pages of positioned text and drawn rules (./types.ts), with pdf.js. Every way a PDF
// can fail to be read becomes a ReportError with a stable code; time, pages and images are bounded.
import { ReportError } from '../../schema/errors.js';
import { drawnSegments } from './drawing.js';
import { loadPdfJs, PackageDataFactory } from './pdfjs.js';
import { foldRadicals } from '../../../grammars/vocabulary/fold.js';
import type { PdfPage, PdfText } from './types.js';

export interface PdfLimits {
  /** Pages a document may have (a report has a few dozen at most). */
  maxPages: number;
  /** Milliseconds the whole read may take. */
  timeoutMs: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 200, timeoutMs: 60_000 };

export interface PdfRead {
  pages: PdfPage[];
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
}

export async function readPdf(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfRead> {
  const pdfjs = await loadPdfJs();
  const deadline = Date.now() + limits.timeoutMs;
  // pdf.js takes the buffer over (it is transferred to its worker): it gets a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    // Images are never decoded: a table is text and rules, and a scanned page's image is not read here.
    maxImageSize: 0,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    cMapUrl: 'cmaps/',
    cMapPacked: true,
    standardFontDataUrl: 'standard_fonts/',
    BinaryDataFactory: PackageDataFactory as never,
  } as Parameters<typeof pdfjs.getDocument>[0]);
  // Destroyed early (past the deadline), the loading rejects with nobody left to listen: not an unhandled rejection.
  task.promise.catch(() => {});
  try {
    let doc;
    try {
      doc = await beforeDeadline(task.promise, deadline, limits);
    } catch (error) {
      throw readError(error);
    }
    if (doc.numPages > limits.maxPages)
      throw new ReportError('input-too-large', `the PDF has ${doc.numPages} pages, over the ${limits.maxPages} a report is read to (a report has a few dozen)`);
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const previous = pages[pages.length - 1];
        pages.push(await beforeDeadline(readPage(doc, n, !!previous && drawsToItsFoot(previous)), deadline, limits));
        // In this thread the deadline's timer cannot fire while pdf.js works through a page: a page done late is late.
        if (Date.now() > deadline) throw tooLong(limits);
      } catch (error) {
        if (error instanceof ReportError) throw error;
        // One broken page (a truncated file, a bad stream) does not lose the others.
        pages.push({ number: n, width: 0, height: 0, texts: [], broken: true });
      }
    }
    return { pages };
  } finally {
    void task.destroy();
  }
}

/**
 * A page's drawing (its operator list: as costly as its text) is read only where a table can be: a
 * page with numbers standing alone in their items, or one after a page whose rules reach its foot (a
 * table running on, maybe with blank cells only).
 */
async function readPage(doc: Awaited<ReturnType<Awaited<ReturnType<typeof loadPdfJs>>['getDocument']>['promise']>, n: number, continues: boolean): Promise<PdfPage> {
  const page = await doc.getPage(n);
  try {
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const texts: PdfText[] = [];
    for (const item of content.items as TextItemLike[]) {
      const text = item.str;
      if (!text || !item.transform || text.trim() === '') continue;
      const vertical = (content.styles as Record<string, { vertical?: boolean }>)[item.fontName ?? '']?.vertical === true;
      texts.push(boxOf(foldRadicals(text), item.transform, item.width ?? 0, item.height ?? 0, vertical));
    }
    const size = { number: n, width: x1 - x0, height: y1 - y0, texts };
    if (!continues && countNumbers(texts) < 2) return size;
    return { ...size, segments: drawnSegments(await page.getOperatorList()) };
  } finally {
    page.cleanup();
  }
}

const NUMBER = /^[\s\d.,，+\-—–/／无%]+$/;

function countNumbers(texts: readonly PdfText[]): number {
  let n = 0;
  for (const t of texts) if (NUMBER.test(t.text) && /[\d—–\-/／无]/.test(t.text)) n++;
  return n;
}

/** Rules in the bottom fifth of the page: a table may run on to the next. */
function drawsToItsFoot(page: PdfPage): boolean {
  return !!page.segments?.some((s) => Math.min(s.y0, s.y1) < page.height * 0.2);
}

/** The item's box in page space: horizontal text from its baseline, vertical text down from its origin. */
function boxOf(text: string, t: number[], width: number, height: number, vertical: boolean): PdfText {
  const x = t[4]!;
  const y = t[5]!;
  if (vertical) return { text, x0: x, y0: y - height, x1: x + width, y1: y, vertical };
  const size = height || Math.hypot(t[2]!, t[3]!);
  return { text, x0: x, y0: y - 0.2 * size, x1: x + width, y1: y + 0.8 * size, vertical };
}

export function tooLong(limits: PdfLimits): ReportError {
  return new ReportError('input-too-large', `reading the PDF took over ${limits.timeoutMs / 1000} s, the bound on one document (huge streams or thousands of drawing operations)`);
}

function beforeDeadline<T>(promise: Promise<T>, deadline: number, limits: PdfLimits): Promise<T> {
  const left = deadline - Date.now();
  // Lost to the deadline, the read fails later as the document is destroyed: not an unhandled rejection.
  promise.catch(() => {});
  if (left <= 0) return Promise.reject(tooLong(limits));
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(tooLong(limits)), left);
    }),
  ]).finally(() => clearTimeout(timer));
}

function readError(error: unknown): ReportError {
  if (error instanceof ReportError) return error;
  const name = (error as { name?: string } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException')
    return new ReportError('pdf-encrypted', 'the PDF is encrypted with a password: it cannot be read without it (save an unprotected copy)');
  return new ReportError('pdf-corrupt', `the PDF cannot be read: ${message} (a damaged or truncated file?)`);
}
