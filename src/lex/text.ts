// Text → cells, by the form the text is in (form.ts). Text whose cells are parted by tabs
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
import type { Form } from './form.js';
import { htmlTableEnd, lexHtmlTable, maskMarkup } from './markup.js';
import { markdownTableEnd, lexMarkdownTable } from './markdown.js';

export { splitLines, type Line } from './lines.js';

/** Table layouts read as blocks of lines, in the order they are tried: where each ends, and its lexer. */
const TABLE_BLOCKS: readonly [end: (lines: readonly Line[], i: number) => number | undefined, lex: (lines: readonly Line[], out: Cell[]) => void][] = [
  [boxTableEnd, lexBox],
  [markdownTableEnd, lexMarkdownTable],
  [alignedTableEnd, lexAligned],
];

/** The table block starting at line i, if one does. */
function tableBlockAt(lines: readonly Line[], i: number): { end: number; lex: (lines: readonly Line[], out: Cell[]) => void } | undefined {
  for (const [endOf, lex] of TABLE_BLOCKS) {
    const end = endOf(lines, i);
    if (end !== undefined) return { end, lex };
  }
  return undefined;
}

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
    const block = tableBlockAt(read, i);
    if (block) {
      block.lex(read.slice(i, block.end), cells);
      i = block.end;
      continue;
    }
    lexLine(read[i]!, cells);
    i++;
  }
  return cells;
}
