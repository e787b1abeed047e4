// Text → cells, by the form the text is in (src/input/form.ts). Text whose cells are parted by tabs
// across lines (a browser's innerText) or stacked one per line (lynx) is read as such; otherwise
// tables drawn with boxes, markdown pipe tables, raw HTML tables in markdown and tables aligned under
// dash rules are read as blocks, and every other line on its own (line.ts). One pass, no backtracking.
import type { Cell } from './cell.js';
import { splitLines, type Line } from './lines.js';
import { lexLine } from './line.js';
import { boxTableEnd, lexBox } from './box.js';
import { alignedTableEnd, lexAligned } from './aligned.js';
import { lexTabbed } from './tabbed.js';
import { lexStacked } from './stacked.js';
import type { Form } from '../input/form.js';
import { htmlTableEnd, lexHtmlTable, maskMarkup } from './markup.js';
import { markdownTableEnd, lexMarkdownTable } from './markdown.js';

export { splitLines, type Line } from './lines.js';

/**
 * Lexes a whole text in the given form into cells. `lines` are the text's lines and `shown` the text
 * with markdown's inline markup blanked out, when the caller has them already.
 */
export function lexText(text: string, form: Form, lines: readonly Line[] = splitLines(text), shown = form === 'markdown' ? maskMarkup(text) : text): Cell[] {
  const cells: Cell[] = [];
  if (form === 'tab-text') {
    lexTabbed(lines, cells);
    return cells;
  }
  if (form === 'stacked-text') {
    lexStacked(lines, cells);
    return cells;
  }
  // Markdown: raw HTML tables go to the HTML lexer; everything else is read with its inline markup blanked out.
  const markdown = form === 'markdown';
  const read = shown === text ? lines : splitLines(shown);
  for (let i = 0; i < lines.length; ) {
    const htmlEnd = markdown ? htmlTableEnd(lines, i) : undefined;
    if (htmlEnd !== undefined) {
      lexHtmlTable(text, lines.slice(i, htmlEnd), cells);
      i = htmlEnd;
      continue;
    }
    const boxEnd = boxTableEnd(read, i);
    if (boxEnd !== undefined) {
      lexBox(read.slice(i, boxEnd), cells);
      i = boxEnd;
      continue;
    }
    const markdownEnd = markdownTableEnd(read, i);
    if (markdownEnd !== undefined) {
      lexMarkdownTable(read.slice(i, markdownEnd), cells);
      i = markdownEnd;
      continue;
    }
    const alignedEnd = alignedTableEnd(read, i);
    if (alignedEnd !== undefined) {
      lexAligned(read.slice(i, alignedEnd), cells);
      i = alignedEnd;
      continue;
    }
    lexLine(read[i]!, cells);
    i++;
  }
  return cells;
}
