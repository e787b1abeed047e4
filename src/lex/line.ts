// One line of text with no cell separators → cells: words parted by spaces, and digits run together with
// labels (`规章000行政规范性文件693665`). Page-number lines are breaks; rule lines are structure.
import { type Cell, isValueText, makeCell } from './cell.js';
import { isPageNumberLine } from '../../grammars/vocabulary/layout.js';
import { type Line, isBlank, isSpace, columnAt } from './lines.js';

/** Characters of a rule line, by code. */
const BOX_RULE = new Set(['─', '━', '┼', '├', '┤', '┌', '┐', '└', '┘', '┬', '┴', '═', '╪', '╞', '╡', '+', '-', '=', ':', ' ', '|', '│'].map((ch) => ch.charCodeAt(0)));
/** `-` `─` `━` `═` */
const DASHES = new Set(['-', '─', '━', '═'].map((ch) => ch.charCodeAt(0)));

export function lexLine(line: Line, out: Cell[]): void {
  const t = line.text;
  if (isBlank(t, 0, t.length)) return;
  if (isPageNumberLine(t)) {
    let from = 0;
    let to = t.length;
    while (from < to && isSpace(t.charCodeAt(from))) from++;
    while (to > from && isSpace(t.charCodeAt(to - 1))) to--;
    out.push(makeCell('break', t.slice(from, to), line.start + from, line.start + to, true, line.index));
    return;
  }
  if (isRuleLine(t)) return;
  lexPlainLine(line, out);
}

/** A markdown separator (`|---|:--|`) or a box-drawing rule (`├──┼──┤`): structure, no cells. */
export function isRuleLine(t: string): boolean {
  let dashes = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!BOX_RULE.has(c)) return false;
    if (DASHES.has(c)) dashes++;
  }
  return dashes >= 3;
}

/** The cell of `line` from `from` to `to` (its text trimmed), with offsets and display columns. */
export function cellAt(line: Line, kind: Cell['kind'], from: number, to: number, rowStart: boolean): Cell {
  return makeCell(kind, line.text.slice(from, to).trim(), line.start + from, line.start + to, rowStart, line.index, columnAt(line, from), columnAt(line, to));
}

/** Plain text: chunks separated by whitespace, each chunk split where labels and digits run together. */
export function lexPlainLine(line: Line, out: Cell[]): void {
  const t = line.text;
  const tokens: Cell[] = [];
  let i = 0;
  while (i < t.length) {
    while (i < t.length && isSpace(t.charCodeAt(i))) i++;
    if (i >= t.length) break;
    let j = i;
    while (j < t.length && !isSpace(t.charCodeAt(j))) j++;
    const chunk = t.slice(i, j);
    if (isValueText(chunk)) tokens.push(cellAt(line, 'value', i, j, false));
    else splitRunTogether(line, i, j, tokens);
    i = j;
  }
  // Labels broken by one stray space (`只计这一情 形`, `总 计`) are one label again.
  const merged: Cell[] = [];
  for (const tok of tokens) {
    const prev = merged[merged.length - 1];
    if (prev && prev.kind === 'label' && tok.kind === 'label' && tok.start - prev.end === 1 && !prev.text.endsWith('。')) {
      prev.end = tok.end;
      prev.text = t.slice(prev.start - line.start, tok.end - line.start);
      prev.xEnd = tok.xEnd;
    } else merged.push(tok);
  }
  if (merged[0]) merged[0].rowStart = true;
  markGaps(t, merged, line.start);
  // A loop, not push(...merged): a 1 MB line has more tokens than the stack has room for arguments.
  for (const cell of merged) out.push(cell);
}

/**
 * Where blank cells may hide in a line of plain text: each no-break space (an HTML `&nbsp;` cell)
 * may be one; a run of two or more spaces (aligned columns) may hide any number, and so may the
 * end of a line laid out in columns. A single space is only word spacing.
 */
function markGaps(t: string, tokens: Cell[], lineStart: number): void {
  let aligned = false;
  const marks: number[] = [];
  const wide: boolean[] = [];
  for (let k = 0; k <= tokens.length; k++) {
    const from = k === 0 ? 0 : tokens[k - 1]!.end - lineStart;
    const to = k === tokens.length ? t.length : tokens[k]!.start - lineStart;
    let m = 0;
    let run = 0;
    let w = false;
    for (let i = from; i < to; i++) {
      const c = t.charCodeAt(i);
      if (c === 0xa0 || c === 0x3000) m++;
      run = c === 32 ? run + 1 : 0;
      if (run >= 2) w = true;
    }
    if (w && k > 0 && k < tokens.length) aligned = true;
    marks.push(m);
    wide.push(w);
  }
  // A line that is one table row — its label, then numbers each set off by spaces (pdftotext -raw) —
  // prints its cells in order and drops the blank ones: any number may hide before, between, after.
  const first = firstValueIndex(tokens);
  let rowLine = first > 0;
  for (let k = first; rowLine && k < tokens.length; k++) {
    if (tokens[k]!.kind !== 'value' || tokens[k]!.start - lineStart === (k === 0 ? 0 : tokens[k - 1]!.end - lineStart)) rowLine = false;
  }
  // Between tokens a wide gap may hide cells; before the first and after the last only in a line laid out in columns.
  const gaps: number[] = [];
  for (let k = 0; k <= tokens.length; k++) {
    const hidesAny = (rowLine && k >= first) || (k === 0 || k === tokens.length ? aligned : wide[k]);
    gaps.push(hidesAny ? Infinity : marks[k]!);
  }
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok.kind !== 'value') continue;
    tok.runTogether = true;
    if (gaps[k]) tok.gapBefore = gaps[k];
    if (gaps[k + 1]) tok.gapAfter = gaps[k + 1];
  }
}

function firstValueIndex(tokens: readonly Cell[]): number {
  for (let k = 0; k < tokens.length; k++) if (tokens[k]!.kind === 'value') return k;
  return -1;
}

/** `.` `．` `、` after an item number. */
function isItemMark(c: number): boolean {
  return c === 0x2e || c === 0xff0e || c === 0x3001;
}

/** `(` `（` `[` `【` `〔` */
function isOpen(c: number): boolean {
  return c === 0x28 || c === 0xff08 || c === 0x5b || c === 0x3010 || c === 0x3014;
}

/** `)` `）` `]` `】` `〕` */
function isClose(c: number): boolean {
  return c === 0x29 || c === 0xff09 || c === 0x5d || c === 0x3011 || c === 0x3015;
}

const FULL_STOP = 0x3002;

/**
 * Splits a chunk such as `规章000行政规范性文件693665` or `信息00000002.其他法律…` into label and value
 * tokens. An item number (`2.` before a label) belongs to the label; digits inside parentheses stay
 * in the label (`（指2019年事项数）`); a sentence end (`。`) ends a label.
 */
function splitRunTogether(line: Line, from: number, to: number, out: Cell[]): void {
  const t = line.text;
  let tokStart = from;
  let kind: 'label' | 'value' | null = null;
  let depth = 0;
  let i = from;
  while (i < to) {
    const c = t.charCodeAt(i);
    if (isSign(c) && i + 1 < to && isDigit(t.charCodeAt(i + 1)) && kind !== null && depth === 0) {
      // `12-3`, `4051-27988`, `396+18`: a signed 本年增/减 run into its neighbours starts a number of its own.
      tokStart = flush(line, kind, tokStart, i, out);
      kind = 'value';
      i++;
      continue;
    }
    if (isDigit(c) && !(kind === 'label' && depth > 0)) {
      if (isItemNumberAt(t, i, to)) {
        // `2.其他…`: a new label starts at its item number.
        tokStart = flush(line, kind, tokStart, i, out);
        kind = 'label';
        depth = 0;
        i += 2;
        continue;
      }
      if (kind !== 'value') {
        tokStart = flush(line, kind, tokStart, i, out);
        kind = 'value';
      }
      i++;
      // A decimal point between digits stays in the number (escaped too: markdown's `18651\\.06`).
      if (i + 1 < to && t.charCodeAt(i) === 0x2e && isDigit(t.charCodeAt(i + 1))) i++;
      else if (i + 2 < to && t.charCodeAt(i) === 0x5c && t.charCodeAt(i + 1) === 0x2e && isDigit(t.charCodeAt(i + 2))) i += 2;
      continue;
    }
    if (kind === 'value') {
      const unitLen = unitLengthAt(t, i, to);
      tokStart = flush(line, kind, tokStart, i + unitLen, out);
      kind = null;
      if (unitLen > 0) {
        i += unitLen;
        continue;
      }
    }
    if (kind === null) kind = 'label';
    if (isOpen(c)) depth++;
    else if (isClose(c)) depth = Math.max(0, depth - 1);
    i++;
    if (c === FULL_STOP) {
      tokStart = flush(line, kind, tokStart, i, out);
      kind = null;
      depth = 0;
    }
  }
  flush(line, kind, tokStart, to, out);
}

/** Ends the token of `kind` from `start` at `end` (a cell when it is not empty); the next starts at `end`. */
function flush(line: Line, kind: 'label' | 'value' | null, start: number, end: number, out: Cell[]): number {
  if (kind && end > start) out.push(cellAt(line, kind, start, end, false));
  return end;
}

/** `2.其` / `2、其` / `2．其`: a digit, a numbering mark, then a non-digit. */
function isItemNumberAt(t: string, i: number, to: number): boolean {
  // `1.` ending a chunk: an item number whose label wrapped to another line.
  if (i + 2 === to) return isItemMark(t.charCodeAt(i + 1)) && (i === 0 || !isDigit(t.charCodeAt(i - 1)));
  if (i + 2 > to) return false;
  const next = t.charCodeAt(i + 2);
  if (!isItemMark(t.charCodeAt(i + 1))) return false;
  // `4.5.保护…`: an item whose label was lost, before the next item number — not the decimal 4.5.
  if (isDigit(next)) return (i === 0 || !isDigit(t.charCodeAt(i - 1))) && isItemNumberAt(t, i + 2, to);
  return !isSpace(next);
}

/** 元, or 万元 / 亿元 (萬元 / 億元 in traditional spelling): the unit after a run of digits. */
function unitLengthAt(t: string, i: number, to: number): number {
  const c = t.charCodeAt(i);
  if (c === 0x5143) return 1;
  if ((c === 0x4e07 || c === 0x4ebf || c === 0x842c || c === 0x5104) && i + 1 < to && t.charCodeAt(i + 1) === 0x5143) return 2;
  return 0;
}

/** `-` `−` `－` `+` `＋`: a sign (a dash `—` is a placeholder, not a sign). */
function isSign(c: number): boolean {
  return c === 0x2d || c === 0x2212 || c === 0xff0d || c === 0x2b || c === 0xff0b;
}

/** ASCII and full-width digits. */
function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}
