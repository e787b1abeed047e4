// Text → cells, by the evidence each part of the text gives, not by the converter that made it: tables
// drawn with boxes, raw HTML tables and tables aligned under dash rules are read as blocks; cells parted
// by separators (bars, tabs: on a line or across lines) by the separated reader; every other line on
// its own (line.ts). Only text that stacks cells one per line with no separator at all (lynx) is read
// as a whole (stacked.ts). One pass, no backtracking.
import { type Cell, isValueText, makeCell } from './cell.js';
import { isPageNumberLine } from '../../grammars/vocabulary/layout.js';
import { splitLines, isSpace, columnAt, type Line } from './lines.js';
import { lexLine, isRuleLine } from './line.js';
import { boxTableEnd, lexBox } from './box.js';
import { alignedTableEnd, lexAligned } from './aligned.js';
import { lexStacked } from './stacked.js';
import type { Form } from './form.js';
import { htmlTableEnd, lexHtmlTable, maskMarkup } from './markup.js';
import { SeparatedReader, shapeOf, holdsNoBreakSpace, type SeparatorShape } from './separated.js';

export { splitLines, type Line } from './lines.js';

type Lexer = (lines: readonly Line[], out: Cell[]) => void;

/** Table layouts read as blocks of lines, in the order they are tried: where each ends, and its lexer. */
const TABLE_BLOCKS: readonly [end: (lines: readonly Line[], i: number) => number | undefined, lex: Lexer][] = [
  [boxTableEnd, lexBox],
  [alignedTableEnd, lexAligned],
];

/** The table block starting at line i, if one does. */
function tableBlockAt(lines: readonly Line[], i: number): { end: number; lex: Lexer } | undefined {
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
  if (form === 'stacked-text') {
    lexStacked(lines, cells);
    return cells;
  }
  // Raw HTML tables go to the HTML lexer; everything else is read with markdown's inline markup blanked out.
  const read = shown === text ? lines : splitLines(shown);
  const shapes = read.map(shapeLine);
  const next = nextNonBlank(shapes);
  const lone = loneValues(read, shapes);
  /** The last non-blank line read, for a lone number's neighbours. */
  let previousIndex = -1;
  const reader = new SeparatedReader(cells);
  /** The last non-blank line's shape since a block or a prose line. */
  let previous: SeparatorShape | undefined;
  for (let i = 0; i < lines.length; ) {
    const htmlEnd = htmlTableEnd(lines, i);
    const block = htmlEnd === undefined ? tableBlockAt(read, i) : undefined;
    if (htmlEnd !== undefined || block) {
      reader.flush();
      if (htmlEnd !== undefined) lexHtmlTable(text, lines.slice(i, htmlEnd), cells);
      else block!.lex(read.slice(i, block!.end), cells);
      i = htmlEnd ?? block!.end;
      previous = undefined;
      continue;
    }
    const line = read[i]!;
    const shape = shapes[i];
    if (shape === null) {
      i++;
      continue;
    }
    if (shape === undefined) {
      // A rule (`|---|---|`, `├──┼──┤`): structure, no cells.
      i++;
      continue;
    }
    if (shape.seps > 0) reader.addLine(line, shape, !!previous && previous.content > 0 && previous.ends);
    else if (joinedBefore(previous) || joinedAfter(shapes[next[i]!], shapeAfter(shapes, next, next[i]!))) reader.addJoinedLine(line);
    else if (shape.content === 0) {
      // No-break spaces with no separator near: nothing.
      i++;
      continue;
    } else if (lone[i] && ((previousIndex >= 0 && lone[previousIndex]) || lone[next[i]!])) {
      // A number alone on its line beside another: a form that prints one cell per line (docx2txt,
      // PyMuPDF, mutool). The line break parts the cells, so the number is whole, and the row goes on.
      reader.flush();
      cells.push(loneCell(line));
    } else {
      reader.flush();
      lexLine(line, cells);
    }
    previous = shape;
    previousIndex = i;
    i++;
  }
  reader.flush();
  return cells;
}

/** Per line: 1 when it holds one number and nothing else (not a page number). */
function loneValues(lines: readonly Line[], shapes: readonly (SeparatorShape | null | undefined)[]): Uint8Array {
  const lone = new Uint8Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) {
    const s = shapes[i];
    if (!s || s.seps > 0 || s.content !== 1) continue;
    const t = lines[i]!.text.trim();
    if (t.length <= 40 && isValueText(t) && !isPageNumberLine(t)) lone[i] = 1;
  }
  return lone;
}

/** A lone number's cell: the trimmed line, continuing the row before it. */
function loneCell(line: Line): Cell {
  const t = line.text;
  let from = 0;
  let to = t.length;
  while (from < to && isSpace(t.charCodeAt(from))) from++;
  while (to > from && isSpace(t.charCodeAt(to - 1))) to--;
  return makeCell('value', t.slice(from, to), line.start + from, line.start + to, false, line.index, columnAt(line, from), columnAt(line, to));
}

/** A separator ends the line before, and that line is not a row of several cells: it joins this line to it. */
function joinedBefore(previous: SeparatorShape | undefined): boolean {
  return !!previous && previous.ends && previous.content <= 1;
}

/** The shape of the first non-blank line after line k; null past the text's end (undefined is a rule). */
function shapeAfter(shapes: readonly (SeparatorShape | null | undefined)[], next: Int32Array, k: number): SeparatorShape | null | undefined {
  const after = k < shapes.length ? next[k]! : shapes.length;
  return after < shapes.length ? shapes[after] : null;
}

/**
 * A separator starts the next line, and that line is not a row of several cells — nor a markdown
 * table's header row of empty cells (a rule under it, `afterNext` undefined), which starts a table: a
 * heading before it is no cell.
 */
function joinedAfter(next: SeparatorShape | null | undefined, afterNext: SeparatorShape | null | undefined): boolean {
  return !!next && next.starts && next.content <= 1 && !(next.content === 0 && afterNext === undefined);
}

/**
 * A line's separator shape; null for a blank line; undefined for a rule. A line of no-break spaces is
 * not blank: next to a separator it is an `&nbsp;` cell.
 */
function shapeLine(line: Line): SeparatorShape | null | undefined {
  const shape = shapeOf(line.text);
  if (shape.seps === 0 && shape.content === 0) return holdsNoBreakSpace(line.text) ? shape : null;
  if (isRuleLine(line.text)) return undefined;
  return shape;
}

/** For each line, the index of the next line that is not blank (lines.length when none). */
function nextNonBlank(shapes: readonly (SeparatorShape | null | undefined)[]): Int32Array {
  const next = new Int32Array(shapes.length);
  let k = shapes.length;
  for (let i = shapes.length - 1; i >= 0; i--) {
    next[i] = k;
    if (shapes[i] !== null) k = i;
  }
  return next;
}
