// Tables laid out in aligned columns under a rule of dash groups (pandoc's plain simple and
// multiline tables): `  ------ -------- ----`. The groups give each column's extent, so a word
// belongs to the column it starts in, and a column with nothing in it on a row of numbers is a blank
// cell (the form prints blank cells as spaces, so position is the only trace of them).
import { type Cell, isValueText, makeCell } from './cell.js';
import { type Line, displayColumns, isSpace } from './lines.js';
import { joinWrapped } from './box.js';

interface Extent {
  x0: number;
  x1: number;
}

/** Lines a table may span before its closing rule. */
const MAX_TABLE_LINES = 400;

/** The column extents of a rule of two or more dash groups, or undefined. */
function dashRule(t: string): Extent[] | undefined {
  const first = t.trimStart();
  if (first[0] !== '-' || !first.startsWith('---')) return undefined;
  const cols = displayColumns(t);
  const groups: Extent[] = [];
  let i = 0;
  while (i < t.length) {
    if (t[i] === ' ') {
      i++;
      continue;
    }
    if (t[i] !== '-') return undefined;
    let j = i;
    while (j < t.length && t[j] === '-') j++;
    if (j - i < 3) return undefined;
    groups.push({ x0: cols[i]!, x1: cols[j]! });
    i = j;
  }
  return groups.length >= 2 ? groups : undefined;
}

/** The index after the aligned table whose rule is line `i` (its closing rule, or the blank line after its rows). */
export function alignedTableEnd(lines: readonly Line[], i: number): number | undefined {
  const rule = dashRule(lines[i]!.text);
  if (!rule) return undefined;
  const close = closingRule(lines, i, rule);
  if (close !== undefined) {
    // A rule under a header is followed by the body and the closing rule (multiline tables).
    const body = lines[close + 1]?.text.trim() ? closingRule(lines, close, rule) : undefined;
    return (body ?? close) + 1;
  }
  // A simple table with its header above the rule: the rows run to the first blank line.
  let j = i + 1;
  while (j < lines.length && lines[j]!.text.trim() !== '') j++;
  return j > i + 1 ? j : undefined;
}

/** The next rule after line i within MAX_TABLE_LINES, when it has the same columns. */
function closingRule(lines: readonly Line[], i: number, rule: readonly Extent[]): number | undefined {
  for (let j = i + 1; j < lines.length && j <= i + MAX_TABLE_LINES; j++) {
    const other = dashRule(lines[j]!.text);
    if (other) return sameColumns(rule, other) ? j : undefined;
  }
  return undefined;
}

function sameColumns(a: readonly Extent[], b: readonly Extent[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]!.x0 !== b[k]!.x0) return false;
  return true;
}

interface Token {
  text: string;
  start: number;
  end: number;
  x0: number;
  line: number;
}

/** Lexes the aligned table on `lines` (starting with its rule) into cells, row by row. */
export function lexAligned(lines: readonly Line[], out: Cell[]): void {
  const extents = dashRule(lines[0]!.text)!;
  // Rows are lines, or groups of lines between blank lines or rules (multiline tables).
  const multiline = hasBlankInside(lines);
  const rows: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    const boundary = line.text.trim() === '' || dashRule(line.text) !== undefined;
    if (boundary || !multiline) {
      if (current.length) rows.push(current);
      current = [];
    }
    if (!boundary) current.push(line);
    if (!multiline && current.length) {
      rows.push(current);
      current = [];
    }
  }
  if (current.length) rows.push(current);
  const perRow: Token[][][] = [];
  for (const row of rows) perRow.push(columnsOf(row, extents));
  // Label columns come first: every column from the first that holds a number on is a value column;
  // rows before the first that holds a number are headers.
  let firstValueColumn = extents.length;
  let firstBodyRow = perRow.length;
  for (let r = 0; r < perRow.length; r++) {
    const cols = perRow[r]!;
    for (let c = 0; c < cols.length; c++) {
      if (!hasValue(cols[c]!)) continue;
      firstValueColumn = Math.min(firstValueColumn, c);
      firstBodyRow = Math.min(firstBodyRow, r);
    }
  }
  for (let r = 0; r < perRow.length; r++) {
    const cols = perRow[r]!;
    const line = rows[r]![0]!;
    let first = true;
    for (let c = 0; c < cols.length; c++) {
      const toks = cols[c]!;
      if (toks.length === 0) {
        // A value column left empty on a row of numbers: a blank cell the layout shows as spaces.
        if (r < firstBodyRow || c < firstValueColumn) continue;
        const at = line.start;
        out.push(makeCell('blank', '', at, at, first, line.index, extents[c]!.x0, extents[c]!.x1));
        first = false;
        continue;
      }
      const text = cellText(toks);
      out.push(makeCell(isValueText(text) ? 'value' : 'label', text, toks[0]!.start, toks[toks.length - 1]!.end, first, toks[0]!.line, toks[0]!.x0, extents[c]!.x1));
      first = false;
    }
  }
}

/**
 * A blank line between two lines of cells: the rows of a multiline table. One beside a rule parts no
 * rows: a row of empty cells (Word's borderless spacer row under a table) prints as spaces there.
 */
function hasBlankInside(lines: readonly Line[]): boolean {
  for (let k = 1; k < lines.length - 1; k++) if (isEmpty(lines[k]!) && holdsCells(lines[k - 1]!) && holdsCells(lines[k + 1]!)) return true;
  return false;
}

function isEmpty(line: Line): boolean {
  return line.text.trim() === '';
}

function holdsCells(line: Line): boolean {
  return !isEmpty(line) && dashRule(line.text) === undefined;
}

function hasValue(toks: readonly Token[]): boolean {
  for (const t of toks) if (isValueText(t.text)) return true;
  return false;
}

/** A cell's words: on one line joined by a space, wrapped lines joined as text wraps. */
function cellText(toks: readonly Token[]): string {
  const lines: string[] = [];
  let line = -1;
  for (const t of toks) {
    if (t.line !== line) lines.push(t.text);
    else lines[lines.length - 1] += ` ${t.text}`;
    line = t.line;
  }
  return joinWrapped(lines);
}

/** The words of a row's lines, by the column each starts in (a word in the gap before a column belongs to it). */
function columnsOf(row: readonly Line[], extents: readonly Extent[]): Token[][] {
  const cols: Token[][] = [];
  for (let c = 0; c < extents.length; c++) cols.push([]);
  for (const line of row) {
    const t = line.text;
    const x = displayColumns(t);
    // Words come left to right, so the column search resumes where the last word's stopped.
    let c = 0;
    let i = 0;
    while (i < t.length) {
      if (isSpace(t.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i;
      while (j < t.length && !isSpace(t.charCodeAt(j))) j++;
      while (c < extents.length - 1 && x[i]! >= extents[c]!.x1) c++;
      cols[c]!.push({ text: t.slice(i, j), start: line.start + i, end: line.start + j, x0: x[i]!, line: line.index });
      i = j;
    }
  }
  return cols;
}
