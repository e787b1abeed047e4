// Every way to read a row's cells as exactly n cells: digits that ran together (`640020470` =
// 64 0 0 2 0 4 70) are split, blank cells a form dropped are put back where the lexer says some may
// have vanished (`Cell.gapBefore/gapAfter`), and blank cells a form added (colspans lost) may be
// dropped. The arithmetic that picks among the readings is in solve.ts.
import { type Cell, vanishedBlank, parseNumberText } from '../lex/cell.js';

/** A piece of a cell: the whole cell, some of its digits, or a blank (printed or vanished). */
export interface Piece {
  cell: Cell;
  text: string;
  start: number;
  end: number;
}

/** Digits one piece may have: beyond 15 a number is not exact in a double, and no count is that long. */
const MAX_PIECE_DIGITS = 15;

export function isBlankPiece(p: Piece): boolean {
  return p.cell.kind === 'blank';
}

/** What a reading says a cell holds: its text, or null for a blank. */
export function pieceKey(p: Piece): string | null {
  return isBlankPiece(p) ? null : p.text;
}

/** True when a reading is not simply the cells as printed (a split, a vanished or dropped blank). */
export function rewritten(pieces: readonly Piece[], cells: readonly Cell[]): boolean {
  if (pieces.length !== cells.length) return true;
  return pieces.some((p, i) => p.cell !== cells[i] || p.text !== p.cell.text);
}

/**
 * Readings of a row as exactly n pieces, or 'too-many' past `limit` distinct readings. Readings that
 * give every cell the same text are one reading. `keep` prunes a partial reading early.
 */
export function rowReadings(
  cells: readonly Cell[],
  n: number,
  limit = 5000,
  keep: (pieces: readonly Piece[]) => boolean = () => true,
  steps = 50_000,
): Piece[][] | 'too-many' {
  const row = [...cells];
  if (row.length === n) return [row.map(whole)];
  if (row.length === 0) return [];
  // Blank cells beyond the row's width are layout (a colspan the form lost): they may be dropped.
  const droppable = row.length > n;
  // Blanks that may have vanished before cell i; i = row.length is the gap after the last cell.
  const gap = (i: number) => Math.min(n, i < row.length ? (row[i]!.gapBefore ?? 0) : (row[row.length - 1]!.gapAfter ?? 0));
  // The fewest and the most pieces cells i.. (and the gaps after them) can give.
  const minFrom = new Array<number>(row.length + 1).fill(0);
  const maxFrom = new Array<number>(row.length + 1).fill(0);
  for (let i = row.length - 1; i >= 0; i--) {
    const c = row[i]!;
    minFrom[i] = minFrom[i + 1]! + (c.kind === 'blank' && droppable ? 0 : 1);
    maxFrom[i] = Math.min(n + 1, maxFrom[i + 1]! + gap(i + 1) + Math.max(1, leadingDigits(c)));
  }
  const results: Piece[][] = [];
  const seen = new Set<string>();
  const current: Piece[] = [];
  let overflow = false;

  const emit = () => {
    const key = current.map((p) => (isBlankPiece(p) ? '\u0000' : p.text)).join('|');
    if (seen.has(key)) return;
    if (results.length >= limit) {
      overflow = true;
      return;
    }
    seen.add(key);
    results.push([...current]);
  };
  // None, one, … of the blanks that may have vanished before cell i, then cell i.
  const visitGap = (i: number): void => {
    const cap = gap(i);
    const at = i < row.length ? row[i]!.start : row[row.length - 1]!.end;
    let pushed = 0;
    for (let j = 0; !overflow; j++) {
      const need = n - current.length;
      if (need < minFrom[i]!) break;
      if (need <= maxFrom[i]!) {
        if (i < row.length) visitCell(i);
        else if (need === 0) emit();
      }
      if (j >= cap || need === 0) break;
      if (++walked > steps) overflow = true;
      current.push(whole(vanishedBlank(at)));
      pushed++;
      if (!keep(current)) break;
    }
    current.length -= pushed;
  };
  const visitCell = (i: number): void => {
    const cell = row[i]!;
    if (cell.kind === 'blank' && droppable) visitGap(i + 1);
    if (current.length >= n) return;
    if (leadingDigits(cell) > 1) splitDigits(cell, 0, i);
    else push(whole(cell), () => visitGap(i + 1));
  };
  // Partial readings `keep` refuses emit nothing, so the walk itself is bounded too.
  let walked = 0;
  const push = (p: Piece, then: () => void) => {
    if (++walked > steps) overflow = true;
    if (overflow) return;
    current.push(p);
    if (keep(current)) then();
    current.pop();
  };
  // Splits the leading digits of `cell` from position `at` into pieces, then goes on after the cell;
  // what follows the digits (`.52`, `元`) stays with the last piece (`6251000元` = 6 | 251000元).
  const splitDigits = (cell: Cell, at: number, i: number): void => {
    const text = cell.text;
    const digits = leadingDigits(cell);
    if (at === digits) {
      visitGap(i + 1);
      return;
    }
    if (current.length >= n) return;
    // Offsets of a piece are exact when the cell's source is its text (text forms), else the cell's.
    const exact = cell.end - cell.start === text.length;
    // The rest must fit in the pieces still to give, none longer than a double holds exactly.
    if (digits - at > (n - current.length) * MAX_PIECE_DIGITS) return;
    // A number never starts with 0 unless it is 0 (or 0.5).
    const maxLen = text[at] === '0' ? 1 : Math.min(digits - at, MAX_PIECE_DIGITS);
    for (let len = 1; len <= maxLen && !overflow; len++) {
      const to = at + len === digits ? text.length : at + len;
      const p = exact ? { cell, text: text.slice(at, to), start: cell.start + at, end: cell.start + to } : { cell, text: text.slice(at, to), start: cell.start, end: cell.end };
      push(p, () => splitDigits(cell, at + len, i));
    }
  };
  visitGap(0);
  return overflow ? 'too-many' : results;
}

function whole(cell: Cell): Piece {
  return { cell, text: cell.text, start: cell.start, end: cell.end };
}

/**
 * How many leading digits of a cell may be parted into several cells: only in a form that runs cells
 * together, and only when what follows them is a decimal part or a unit (`13575394432.52元`). 0: none.
 */
function leadingDigits(cell: Cell): number {
  if (cell.kind !== 'value' || !cell.runTogether) return 0;
  const t = cell.text;
  let k = 0;
  while (k < t.length && t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57) k++;
  if (k === t.length) return k;
  return k > 0 && parseNumberText(`0${t.slice(k)}`) !== null ? k : 0;
}
