// Text → cells. One pass over the lines, no backtracking: pipes (`|`, `│`), markdown rows, tabs,
// runs of spaces, and digits run together with labels (`规章000行政规范性文件693665`).
import { type Cell, isValueText } from './cell.js';
import { isPageNumberLine } from '../../grammars/layout.js';

const PIPES = new Set(['|', '│', '┃', '║']);
const BOX_RULE = new Set(['─', '━', '┼', '├', '┤', '┌', '┐', '└', '┘', '┬', '┴', '═', '╪', '╞', '╡', '+', '-', '=', ':', ' ', '|', '│']);

export interface Line {
  text: string;
  start: number;
  index: number;
  /** The last position whose display column was computed, and that column (cells come left to right). */
  colIndex?: number;
  col?: number;
}

/** Splits text into lines with their offsets (handles \n, \r\n, \r). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text.charCodeAt(i);
    if (i === text.length || ch === 10 || ch === 13) {
      lines.push({ text: text.slice(start, i), start, index: lines.length });
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

/** Lexes a whole text into cells. */
export function lexText(text: string): Cell[] {
  const cells: Cell[] = [];
  for (const line of splitLines(text)) lexLine(line, cells);
  return cells;
}

function lexLine(line: Line, out: Cell[]): void {
  const t = line.text;
  if (isBlank(t, 0, t.length)) return;
  if (isPageNumberLine(t)) {
    out.push({ kind: 'break', text: t.trim(), start: line.start, end: line.start + t.length, rowStart: true, line: line.index });
    return;
  }
  if (isRuleLine(t)) return;
  let hasPipe = false;
  let hasTab = false;
  for (let i = 0; i < t.length; i++) {
    if (PIPES.has(t[i]!)) hasPipe = true;
    else if (t[i] === '\t') hasTab = true;
  }
  if (hasPipe) lexPipeLine(line, out);
  else if (hasTab) lexSeparatedLine(line, out, '\t');
  else lexPlainLine(line, out);
}

/** A markdown separator (`|---|:--|`) or a box-drawing rule (`├──┼──┤`): structure, no cells. */
function isRuleLine(t: string): boolean {
  let dashes = 0;
  for (const ch of t) {
    if (!BOX_RULE.has(ch)) return false;
    if (ch === '-' || ch === '─' || ch === '━' || ch === '═') dashes++;
  }
  return dashes >= 3;
}

function lexPipeLine(line: Line, out: Cell[]): void {
  const t = line.text;
  if (onlyPipes(t)) {
    // `|||`: slots covered by a span in the one-cell-per-line form; never values, and only skipped,
    // so one span cell stands for the run (20 MB of `|` must not become 20 million cells).
    const first = firstPipe(t);
    out.push(cellAt(line, 'span', first, first + 1, false));
    return;
  }
  const pieces: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || PIPES.has(t[i]!)) {
      pieces.push({ from, to: i });
      from = i + 1;
    }
  }
  const nonEmpty = pieces.filter((p) => !isBlank(t, p.from, p.to));
  const leading = isBlank(t, 0, pieces[0]!.to) && pieces.length > 1;
  if (!leading) {
    // `text |`: one cell per line (the seed, BeautifulSoup's ' |\n'); lines are cells, not rows.
    for (const p of nonEmpty) pushTrimmed(line, p.from, p.to, out, false, true);
    return;
  }
  // `| a | b |  |`: a table row; an empty piece between pipes is a blank cell.
  const last = pieces[pieces.length - 1]!;
  const inner = pieces.slice(1, isBlank(t, last.from, last.to) ? -1 : undefined);
  let first = true;
  for (const p of inner) {
    if (isBlank(t, p.from, p.to)) out.push(cellAt(line, 'blank', p.from, p.to, first));
    else pushTrimmed(line, p.from, p.to, out, first, true);
    first = false;
  }
}

function onlyPipes(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (!PIPES.has(t[i]!) && !isSpace(t.charCodeAt(i))) return false;
  return true;
}

function firstPipe(t: string): number {
  let i = 0;
  while (i < t.length && !PIPES.has(t[i]!)) i++;
  return i;
}

function isBlank(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(t.charCodeAt(i))) return false;
  return true;
}

function lexSeparatedLine(line: Line, out: Cell[], sep: string): void {
  const t = line.text;
  let from = 0;
  let first = true;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || t[i] === sep) {
      if (isBlank(t, from, i)) {
        if (i < t.length && from > 0) out.push(cellAt(line, 'blank', from, i, first));
      } else pushTrimmed(line, from, i, out, first);
      first = false;
      from = i + 1;
    }
  }
}

/** A whole piece between separators: one cell, a value if its whole text is a number or a placeholder. */
function pushTrimmed(line: Line, from: number, to: number, out: Cell[], rowStart: boolean, delimited = false): void {
  const t = line.text;
  while (from < to && isSpace(t.charCodeAt(from))) from++;
  while (to > from && isSpace(t.charCodeAt(to - 1))) to--;
  const text = t.slice(from, to);
  const cell = cellAt(line, isValueText(text) ? 'value' : 'label', from, to, rowStart);
  // Between pipes a number is one cell: its digits never hide several.
  if (delimited) cell.delimited = true;
  out.push(cell);
}

function cellAt(line: Line, kind: Cell['kind'], from: number, to: number, rowStart: boolean): Cell {
  return {
    kind,
    text: line.text.slice(from, to).trim(),
    start: line.start + from,
    end: line.start + to,
    rowStart,
    line: line.index,
    x: columnAt(line, from),
    xEnd: columnAt(line, to),
  };
}

/** Plain text: chunks separated by whitespace, each chunk split where labels and digits run together. */
function lexPlainLine(line: Line, out: Cell[]): void {
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
  // A loop, not push(...merged): a 1 MB line has more tokens than the stack has room for arguments.
  for (const cell of merged) out.push(cell);
}

const ITEM_MARKS = new Set(['.', '．', '、']);
const OPEN = new Set(['(', '（', '[', '【', '〔']);
const CLOSE = new Set([')', '）', ']', '】', '〕']);

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
  const flush = (end: number) => {
    if (kind && end > tokStart) out.push(cellAt(line, kind, tokStart, end, false));
    tokStart = end;
    kind = null;
  };
  let i = from;
  while (i < to) {
    const ch = t[i]!;
    const digit = isDigit(ch);
    if (digit && !(kind === 'label' && depth > 0)) {
      if (isItemNumberAt(t, i, to)) {
        // `2.其他…`: a new label starts at its item number.
        flush(i);
        kind = 'label';
        depth = 0;
        i += 2;
        continue;
      }
      if (kind !== 'value') {
        flush(i);
        kind = 'value';
      }
      i++;
      // A decimal point between digits stays in the number.
      if (i + 1 < to && t[i] === '.' && isDigit(t[i + 1]!)) i++;
      continue;
    }
    if (kind === 'value') {
      const unitLen = unitLengthAt(t, i, to);
      if (unitLen > 0) {
        i += unitLen;
        flush(i);
        continue;
      }
      flush(i);
    }
    if (kind === null) kind = 'label';
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    i++;
    if (ch === '。') {
      flush(i);
      depth = 0;
    }
  }
  flush(to);
}

/** `2.其` / `2、其` / `2．其`: a digit, a numbering mark, then a non-digit. */
function isItemNumberAt(t: string, i: number, to: number): boolean {
  if (i + 2 >= to) return false;
  const mark = t[i + 1]!;
  const next = t[i + 2]!;
  return ITEM_MARKS.has(mark) && !isDigit(next) && !isSpace(next.charCodeAt(0));
}

function unitLengthAt(t: string, i: number, to: number): number {
  const ch = t[i];
  if (ch === '元') return 1;
  // 萬元 and 億元 are the traditional spellings.
  if ((ch === '万' || ch === '亿' || ch === '萬' || ch === '億') && i + 1 < to && t[i + 1] === '元') return 2;
  return 0;
}

function isDigit(ch: string): boolean {
  return (ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９');
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000 || code === 10 || code === 13;
}

/** The display column of a position in a line: East Asian wide characters take two columns. */
function columnAt(line: Line, index: number): number {
  let i = 0;
  let col = 0;
  // Cells are made left to right, so the walk resumes where the last one stopped.
  if (line.colIndex !== undefined && line.colIndex <= index) {
    i = line.colIndex;
    col = line.col!;
  }
  const end = Math.min(index, line.text.length);
  for (; i < end; i++) col += isWide(line.text.charCodeAt(i)) ? 2 : 1;
  line.colIndex = i;
  line.col = col;
  return col;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}
