// Cells parted by separators — `|`, `│`, `┃`, `║` and tabs — wherever a converter puts them: between
// cells on one line (markdown with or without outer pipes, a spreadsheet's copy, a browser's
// innerText), at the end of every line (BeautifulSoup `text |`), or alone on a line between
// paragraphs (Python html2text `821\n\n| \n\n35`, innerText `821\n\n\t\n\n35`). One reading for all:
//   - the text between two separators is one cell, across line breaks; nothing but spaces there is a
//     blank cell (the one trace a blank leaves in these forms), and so are no-break spaces (`&nbsp;`)
//     before a row's first separator or after its last;
//   - a line break is a row boundary when no separator joins the pieces around it, when it ends a
//     line of several cells, or when a line ending in a separator meets one starting with another;
//   - pieces no separator parts stay one cell only while both are labels (a label wrapped over lines);
//     a number never merges with its neighbour, and a label after a number starts a new row;
//   - blanks before a row's label are label columns (rowspans, lost colspans), never value cells.
// Lines with no separator near them are not table text: line.ts reads them.
import { type Cell, isValueText, makeCell, trailingNumberAt, unescapeMarkdown } from './cell.js';
import { type Line, isSpace, columnAt } from './lines.js';
import { lexPlainLine } from './line.js';

const TAB = 9;
const BACKSLASH = 0x5c;

/** `|` `│` `┃` `║`, by code. */
export function isBar(code: number): boolean {
  return code === 0x7c || code === 0x2502 || code === 0x2503 || code === 0x2551;
}

/** What a line holds, as the reader needs it. */
export interface SeparatorShape {
  /** Separators on the line (bars and tabs; an escaped `\|` is text). */
  seps: number;
  /** Bars among them. */
  bars: number;
  /** Pieces of text between them that are not blank. */
  content: number;
  /** The first / last non-space character is a separator. */
  starts: boolean;
  ends: boolean;
}

/** The separator shape of a line (linear, no strings made). */
export function shapeOf(t: string): SeparatorShape {
  let seps = 0;
  let bars = 0;
  let content = 0;
  let inPiece = false;
  let first = -1;
  let last = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isSeparator(t, i, c)) {
      seps++;
      if (c !== TAB) bars++;
      inPiece = false;
      if (first < 0) first = 1;
      last = 1;
    } else if (!isSpace(c)) {
      if (!inPiece) content++;
      inPiece = true;
      if (first < 0) first = 0;
      last = 0;
    }
  }
  return { seps, bars, content, starts: first === 1, ends: last === 1 };
}

/** A bar at the line's start followed directly by dashes, and nothing else: `|-`, `|---`. */
function isRowRule(t: string): boolean {
  let i = 0;
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  if (t.charCodeAt(i) !== 0x7c || t.charCodeAt(i + 1) !== 0x2d) return false;
  i += 2;
  while (i < t.length && t.charCodeAt(i) === 0x2d) i++;
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  return i === t.length;
}

function isSeparator(t: string, i: number, c: number): boolean {
  if (c === TAB) return true;
  return isBar(c) && (c !== 0x7c || i === 0 || t.charCodeAt(i - 1) !== BACKSLASH);
}

/** A piece of a cell in the making: text on one line, trimmed. */
interface Piece {
  line: Line;
  from: number;
  to: number;
  value: boolean;
}

/**
 * Reads lines into cells, line by line, keeping what a row and a cell have gathered so far. `add`
 * takes a line with separators, or a line without any that a separator before or after joins to a
 * cell; `flush` ends the block (a plain line, a table block or the end of the text follows).
 */
export class SeparatedReader {
  /** The cell in the making: pieces since the last separator. */
  private pieces: Piece[] = [];
  /** Where the last separator stood (a blank cell's place). */
  private sepAt = -1;
  private sepLine: Line | undefined;
  /** A separator has come in this row: the text up to the next one is a cell, blank or not. */
  private sepInRow = false;
  /** Text since the last separator went into the row as plain-text cells (prose beside a stray separator). */
  private filled = false;
  /** No-break spaces since the last separator, where no text is: an `&nbsp;` cell, blank even at a row's end. */
  private nbsp: Cell | undefined;
  private row: Cell[] = [];
  /** The rows of the block read so far: blanks are judged by the block's columns when it ends. */
  private rows: Cell[][] = [];

  constructor(private readonly out: Cell[]) {}

  /** A line with separators. `afterRowLine`: the line before had content and ended in a separator. */
  addLine(line: Line, shape: SeparatorShape, afterRowLine: boolean): void {
    const t = line.text;
    // Bars and nothing between them (`||`, `|||`, or `|` after a line that ends in its own bar): the span
    // slots of BeautifulSoup text, a row's end. With spaces between (`|  |  |`), they part blank cells.
    if (shape.content === 0 && barsOnly(t) && (shape.bars >= 2 || afterRowLine)) {
      this.endRow();
      return;
    }
    // `|-` alone on its line, the dash against the bar: a row rule (MediaWiki's), not a cell holding a dash
    // (a dash cell is written `| -`, or stands between two bars).
    if (isRowRule(t)) {
      this.endRow();
      return;
    }
    if (shape.starts && shape.content > 0 && afterRowLine) this.endRow();
    // A row line that opens with a separator but is not closed by one (and any opening tab) has an
    // empty first cell, not an outer pipe: its columns count from the line's start.
    if (shape.starts && shape.content > 0 && !this.row.length && !this.pieces.length && (!shape.ends || firstSeparatorIsTab(t))) this.sepInRow = true;
    let from = 0;
    for (let i = 0; i <= t.length; i++) {
      if (i < t.length && !isSeparator(t, i, t.charCodeAt(i))) continue;
      this.addText(line, from, i);
      if (i < t.length) this.separator(line, i);
      from = i + 1;
    }
    // A line of several cells is a row of its own.
    if (shape.content >= 2) this.endRow();
  }

  /** A line without separators that a separator before or after it joins to a cell. */
  addJoinedLine(line: Line): void {
    this.addText(line, 0, line.text.length);
  }

  /** Text between two separators (or a line's ends) on one line. */
  private addText(line: Line, from: number, to: number): void {
    const t = line.text;
    let a = from;
    let b = to;
    while (a < b && isSpace(t.charCodeAt(a))) a++;
    while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
    if (a === b) {
      if (!this.pieces.length && holdsNoBreakSpace(t, from, to)) this.nbsp = makeCell('blank', '', line.start + from, line.start + to, false, line.index, columnAt(line, from), columnAt(line, to));
      return;
    }
    // No-break spaces at the end of a line, text on the next: the spaces were a cell of their own.
    if (this.nbsp) this.row.push(this.nbsp);
    this.nbsp = undefined;
    if (isProsePiece(t, a, b)) {
      // A sentence or a page's worth of text beside a stray tab is no cell: it is read as plain text.
      this.closeCell();
      lexPlainLine(subLine(line, a, b), this.row);
      this.filled = true;
      return;
    }
    const value = isValueText(unescapeMarkdown(t.slice(a, b)));
    // A label and, after a space, a number (`计其他情形） 4`): the row's first cell on its label's line.
    const split = value ? -1 : trailingNumberAt(t.slice(a, b));
    if (split > 0) {
      this.addText(line, a, a + split);
      this.addText(line, a + split, b);
      return;
    }
    const last = this.pieces[this.pieces.length - 1];
    if (last && (last.value || value)) {
      // No separator between a number and its neighbour: two cells; a label after a number starts a row.
      this.closeCell();
      if (last.value && !value) this.endRow();
    }
    this.pieces.push({ line, from: a, to: b, value });
  }

  private separator(line: Line, at: number): void {
    if (this.pieces.length) this.closeCell();
    else if (this.filled) {
      // The text since the last separator is in the row already.
    } else if (this.nbsp) this.row.push(this.nbsp);
    else if (this.sepInRow) this.row.push(this.blankAt(line, at));
    this.nbsp = undefined;
    this.filled = false;
    this.sepInRow = true;
    this.sepAt = at;
    this.sepLine = line;
  }

  /** A blank cell between the last separator and the one at `at` (offsets of the spaces between). */
  private blankAt(line: Line, at: number): Cell {
    const sameLine = this.sepLine === line;
    const start = sameLine ? line.start + this.sepAt + 1 : line.start + at;
    return makeCell('blank', '', start, line.start + at, false, line.index, columnAt(line, sameLine ? this.sepAt + 1 : at), columnAt(line, at));
  }

  /** The pieces gathered as one cell: a label wrapped over lines is joined, as text wraps. */
  private closeCell(): void {
    const ps = this.pieces;
    if (!ps.length) return;
    const first = ps[0]!;
    const last = ps[ps.length - 1]!;
    let text = '';
    for (const p of ps) text += unescapeMarkdown(p.line.text.slice(p.from, p.to));
    const start = first.line.start + first.from;
    const end = last.line.start + last.to;
    this.row.push(makeCell(first.value ? 'value' : isValueText(text) ? 'value' : 'label', text, start, end, false, first.line.index, columnAt(first.line, first.from), columnAt(last.line, last.to)));
    this.pieces = [];
  }

  /** Closes the row (its cells wait for the block's end). */
  endRow(): void {
    this.closeCell();
    if (this.nbsp) this.row.push(this.nbsp);
    this.nbsp = undefined;
    if (this.row.length) this.rows.push(this.row);
    this.row = [];
    this.sepInRow = false;
    this.filled = false;
  }

  /**
   * Ends the block (a prose line, another table form or the end of the text follows): its cells go
   * out, each row's first marked as a row's start. Blanks that cannot be value cells are dropped: those
   * of header rows (rows with no number), those left of the block's first column that holds a number,
   * and those in a row's label columns.
   */
  flush(): void {
    this.endRow();
    let firstValueColumn = Infinity;
    for (const row of this.rows) {
      for (let k = 0; k < row.length && k < firstValueColumn; k++) if (row[k]!.kind === 'value') firstValueColumn = k;
    }
    for (const row of this.rows) {
      let hasValue = false;
      for (const c of row) if (c.kind === 'value') hasValue = true;
      let first = true;
      let lineFrom = 0;
      // What stands before and after the run of blanks the loop is in, found once per run.
      let runEnd = -1;
      let before: Cell['kind'] | undefined;
      let after: Cell['kind'] | undefined;
      for (let k = 0; k < row.length; k++) {
        const c = row[k]!;
        if (k === 0 || c.line !== row[k - 1]!.line) lineFrom = k;
        // Its column is its place among its line's separators, not where a tab puts it.
        c.x = k - lineFrom;
        c.xEnd = c.x + 1;
        if (c.kind === 'blank' && k >= runEnd) {
          runEnd = k;
          while (runEnd < row.length && row[runEnd]!.kind === 'blank') runEnd++;
          before = row[k - 1]?.kind;
          after = row[runEnd]?.kind;
        }
        // In the row's label columns: labels (or the row's start) before the run, a label after it. A blank after a number is that number's row's own.
        const labelColumn = after === 'label' && (before === undefined || before === 'label');
        if (c.kind === 'blank' && (!hasValue || k < firstValueColumn || labelColumn)) continue;
        // Between a row's label and its first number: a column the label spans, or a blank value cell.
        if (c.kind === 'blank' && before === 'label' && after === 'value') c.weak = true;
        c.rowStart = first;
        first = false;
        this.out.push(c);
      }
    }
    this.rows = [];
  }
}

/** Longer than any label of the template, or a sentence: prose, not a cell. */
const CELL_TEXT_LIMIT = 60;

function isProsePiece(t: string, from: number, to: number): boolean {
  if (to - from > CELL_TEXT_LIMIT) return true;
  for (let i = from; i < to; i++) if (t.charCodeAt(i) === 0x3002) return true;
  return false;
}

/** Part of a line as a line of its own (offsets kept). */
function subLine(line: Line, from: number, to: number): Line {
  return { text: line.text.slice(from, to), start: line.start + from, index: line.index, colIndex: undefined, col: undefined };
}

function firstSeparatorIsTab(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isSeparator(t, i, c)) return c === TAB;
  }
  return false;
}

/** Nothing but bars once the line's ends are trimmed. */
function barsOnly(t: string): boolean {
  let from = 0;
  let to = t.length;
  while (from < to && isSpace(t.charCodeAt(from))) from++;
  while (to > from && isSpace(t.charCodeAt(to - 1))) to--;
  for (let i = from; i < to; i++) if (!isBar(t.charCodeAt(i))) return false;
  return to > from;
}

/** A no-break or ideographic space between `from` and `to`: the trace of an `&nbsp;` cell. */
export function holdsNoBreakSpace(t: string, from = 0, to = t.length): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c === 0xa0 || c === 0x3000) return true;
  }
  return false;
}

