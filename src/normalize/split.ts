// Digits that ran together (`640020470` = 64 0 0 2 0 4 70): every way to read a row's cells as
// exactly n numbers, and a bounded search for the readings the table's own arithmetic allows.
import type { Cell } from '../lex/cell.js';

/** A piece of a cell: the whole cell, or some of its digits. */
export interface Piece {
  cell: Cell;
  text: string;
  start: number;
  end: number;
}

/** Digits one piece may have: beyond 15 a number is not exact in a double, and no count is that long. */
const MAX_PIECE_DIGITS = 15;
/** Steps of the search before it gives up ('too-many'): bounded time however long the digits run. */
const MAX_STEPS = 200_000;

/** Readings of a row as exactly n pieces, or 'too-many' past `limit` readings or the step bound. Pure-digit cells may split. */
export function rowReadings(cells: readonly Cell[], n: number, limit = 5000, keep: (pieces: readonly Piece[]) => boolean = () => true): Piece[][] | 'too-many' {
  const trimmed = trimTrailingBlanks(cells, n);
  if (trimmed.length === n) return [trimmed.map(whole)];
  if (trimmed.length > n) return [];
  const results: Piece[][] = [];
  const current: Piece[] = [];
  // Cells still to read after cell i can give at least `minAfter[i]` and at most `maxAfter[i]` pieces.
  const maxOf = (c: Cell) => (splittable(c) ? c.text.length : 1);
  const maxAfter = new Array<number>(trimmed.length + 1).fill(0);
  const minAfter = new Array<number>(trimmed.length + 1).fill(0);
  for (let i = trimmed.length - 1; i >= 0; i--) {
    maxAfter[i] = maxAfter[i + 1]! + maxOf(trimmed[i]!);
    minAfter[i] = minAfter[i + 1]! + 1;
  }
  let overflow = false;
  let steps = 0;
  const visit = (i: number): void => {
    if (overflow) return;
    if (++steps > MAX_STEPS) {
      overflow = true;
      return;
    }
    if (i === trimmed.length) {
      if (current.length === n) {
        if (results.length >= limit) overflow = true;
        else results.push([...current]);
      }
      return;
    }
    const need = n - current.length;
    if (need < minAfter[i]! || need > maxAfter[i]!) return;
    const cell = trimmed[i]!;
    if (!splittable(cell)) {
      current.push(whole(cell));
      if (keep(current)) visit(i + 1);
      current.pop();
      return;
    }
    splitDigits(cell, 0, i);
  };
  // Splits the digits of `cell` from position `at` into pieces, then continues with the next cell.
  const splitDigits = (cell: Cell, at: number, i: number): void => {
    const digits = cell.text;
    // Offsets of a piece are exact when the cell's source is its text (text forms), else the cell's.
    const exact = cell.end - cell.start === digits.length;
    if (at === digits.length) {
      visit(i + 1);
      return;
    }
    const need = n - current.length;
    const room = need - (minAfter[i + 1] ?? 0);
    if (room <= 0 || digits.length - at > room * MAX_PIECE_DIGITS) return;
    if (++steps > MAX_STEPS) {
      overflow = true;
      return;
    }
    // A number never starts with 0 unless it is 0.
    const maxLen = digits[at] === '0' ? 1 : Math.min(digits.length - at, MAX_PIECE_DIGITS);
    for (let len = 1; len <= maxLen && !overflow; len++) {
      const piece = exact
        ? { cell, text: digits.slice(at, at + len), start: cell.start + at, end: cell.start + at + len }
        : { cell, text: digits.slice(at, at + len), start: cell.start, end: cell.end };
      current.push(piece);
      if (keep(current)) splitDigits(cell, at + len, i);
      current.pop();
    }
  };
  visit(0);
  return overflow ? 'too-many' : results;
}

function trimTrailingBlanks(cells: readonly Cell[], n: number): Cell[] {
  const out = [...cells];
  while (out.length > n && out[out.length - 1]!.kind === 'blank') out.pop();
  return out;
}

function whole(cell: Cell): Piece {
  return { cell, text: cell.text, start: cell.start, end: cell.end };
}

/** Only a bare run of two or more digits, in a cell no separator bounds, may hide several cells. */
function splittable(cell: Cell): boolean {
  if (cell.kind !== 'value' || cell.delimited) return false;
  const t = cell.text;
  if (t.length < 2) return false;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) < 48 || t.charCodeAt(i) > 57) return false;
  return true;
}

export interface CellRef {
  row: string;
  col: number;
}

/** The sum of `lhs` must equal the sum of `rhs`. */
export interface Constraint {
  lhs: readonly CellRef[];
  rhs: readonly CellRef[];
}

export interface SolveResult {
  /** For each row id, the indices of its candidates that some solution uses. */
  used: Map<string, Set<number>>;
  solutions: number;
  /** False when the search stopped at its bound: nothing can be concluded. */
  complete: boolean;
}

/**
 * Finds every assignment of one candidate per row that satisfies all constraints (a cell whose value
 * is null is unknown: constraints naming it are skipped). Depth-first with pruning on non-negative sums.
 */
export function solve(rows: ReadonlyMap<string, readonly (number | null)[][]>, constraints: readonly Constraint[], bound = 200_000): SolveResult {
  const ids = [...rows.keys()].sort((a, b) => rows.get(a)!.length - rows.get(b)!.length);
  const chosen = new Map<string, readonly (number | null)[]>();
  const chosenIndex = new Map<string, number>();
  const used = new Map<string, Set<number>>();
  let solutions = 0;
  let steps = 0;
  let complete = true;
  const side = (refs: readonly CellRef[]) => {
    let sum = 0;
    let full = true;
    for (const ref of refs) {
      const row = chosen.get(ref.row);
      const v = row ? row[ref.col] : undefined;
      if (v === undefined) full = false;
      else if (v === null) return { sum, full, unknown: true };
      else sum += v;
    }
    return { sum, full, unknown: false };
  };
  const consistent = (): boolean => {
    for (const c of constraints) {
      const l = side(c.lhs);
      const r = side(c.rhs);
      if (l.unknown || r.unknown) continue;
      if (l.full && r.full && l.sum !== r.sum) return false;
      // Counts are never negative: a partial side already larger than a complete one cannot shrink.
      if (r.full && l.sum > r.sum) return false;
      if (l.full && r.sum > l.sum) return false;
    }
    return true;
  };
  const visit = (i: number): void => {
    if (!complete) return;
    if (++steps > bound) {
      complete = false;
      return;
    }
    if (i === ids.length) {
      solutions++;
      for (const [id, k] of chosenIndex) {
        let set = used.get(id);
        if (!set) used.set(id, (set = new Set()));
        set.add(k);
      }
      return;
    }
    const id = ids[i]!;
    rows.get(id)!.forEach((candidate, k) => {
      // Every candidate tried is a step: a row with thousands of readings must not multiply the bound.
      if (!complete || ++steps > bound) {
        complete = false;
        return;
      }
      chosen.set(id, candidate);
      chosenIndex.set(id, k);
      if (consistent()) visit(i + 1);
      chosen.delete(id);
      chosenIndex.delete(id);
    });
  };
  visit(0);
  return { used, solutions, complete };
}
