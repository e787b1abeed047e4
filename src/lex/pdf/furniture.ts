// Page furniture: page numbers and running headers or footers, printed in a page's top or bottom
// margin. They sit between the rows of a table that runs on to the next page, and are not the report's text.
import type { PdfPage } from '../../input/pdf/types.js';
import type { TextLine } from './lines.js';

/** The share of the page's height at its top and bottom where furniture is printed. */
const MARGIN = 0.1;

const PAGE_NUMBER = /^(?:[-—–－‐\s]*\d{1,4}[-—–－‐\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** Per page, per line: whether it is furniture. */
export function isFurniture(pages: readonly { page: PdfPage; lines: readonly TextLine[] }[]): boolean[][] {
  const inMargin = (page: PdfPage, line: TextLine) => line.box[1] >= page.height * (1 - MARGIN) || line.box[3] <= page.height * MARGIN;
  // A margin line printed on several pages (its digits aside: 第3页 and 第4页 are one footer) runs through the document.
  const seen = new Map<string, number>();
  for (const { page, lines } of pages)
    for (const key of new Set(lines.filter((l) => inMargin(page, l)).map((l) => shape(l.text)))) seen.set(key, (seen.get(key) ?? 0) + 1);
  const repeats = pages.length >= 3 ? 2 : Infinity;
  return pages.map(({ page, lines }) => lines.map((l) => inMargin(page, l) && (PAGE_NUMBER.test(l.text.trim()) || (seen.get(shape(l.text)) ?? 0) >= repeats)));
}

function shape(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}
