// Every way to read a row's cells as exactly n cells: digits that ran together (`640020470` =
// 64 0 0 2 0 4 70) are split, blank cells a form dropped are put back where the lexer says some may
// have vanished (`Cell.gapBefore/gapAfter`), and blank cells a form added (colspans lost) may be
// dropped. The arithmetic that picks among the readings is in solve.ts.
import { type Cell, vanishedBlank, parseNumberText } from '../lex/cell.js';
import { SearchBudget } from './budget.js';

/** A piece of a cell: the whole cell, some of its digits, or a blank (printed or vanished). */
export interface Piece {
  cell: Cell;
  text: string;
  start: number;
  end: number;
}

/** Whether the walk remembers where it has been (see visitGap). */
const REMEMBER = false;

/** Texts the walk's memory tells apart (numbered as met, each by a step: a budget of steps stays far below). */
const TEXTS = 2_097_152;

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
 * Readings of a row as exactly n pieces, or 'too-many' past `limit` distinct readings or past the
 * steps the walk may take (`steps`, within what the report's `budget` has left). Readings that give
 * every cell the same text are one reading. `keep` prunes a partial reading early; it must look at
 * the pieces' texts and their cells' kinds only. `anywhere`: the form is known to drop blank cells without a
 * trace, so a blank may have vanished in any gap.
 */
export function rowReadings(
  cells: readonly Cell[],
  n: number,
  limit = 5000,
  keep: (pieces: readonly Piece[]) => boolean = () => true,
  steps = 50_000,
  anywhere = false,
  budget = new SearchBudget(),
): Piece[][] | 'too-many' {
  if (cells.length === n && !anywhere) return [cells.map(whole)];
  if (cells.length === 0) return [];
  const readings = new Readings(cells, n, limit, keep, budget.allow(steps), anywhere);
  const result = readings.all();
  budget.spend(readings.walked);
  return result;
}

/** A cell whose digits may be several cells run together. */
export function isRunTogether(cell: Cell): boolean {
  return cell.runTogether === true;
}

/**
 * The walk behind `rowReadings`: depth first over the cells, trying for each gap none, one, … of the
 * blanks that may have vanished there, and for each run of digits every split into pieces. Partial
 * readings `keep` refuses emit nothing, so the walk itself is bounded too (`steps`).
 */
class Readings {
  private readonly results: Piece[][] = [];
  private readonly seen = new Set<string>();
  private readonly current: Piece[] = [];
  private overflow = false;
  /** Steps taken. */
  walked = 0;
  /**
   * Per cell: a blank that may be dropped. Blank cells beyond the row's width are layout (a colspan the
   * form lost); in a row short of it, a blank only a heuristic marked (`Cell.weak`) may be no cell at all.
   */
  private readonly droppable: Uint8Array;
  /** Per cell: how many of its leading digits may be parted (`leadingDigits`), after a sign of 1 character. */
  private readonly leading: Int32Array;
  private readonly sign: Int32Array;
  /** Blanks that may have vanished before cell i; i = row.length is the gap after the last cell. */
  private readonly gaps: Int32Array;
  /** The fewest and the most pieces cells i.. (and the gaps after them) can give. */
  private readonly minFrom: Int32Array;
  private readonly maxFrom: Int32Array;
  /** Pieces made so far, per cell: a vanished blank before it, or some of its digits (the walk meets them again and again). */
  private readonly blankBefore: (Piece | undefined)[];
  private readonly digitPieces: Map<number, Piece>[];
  /**
   * Where the walk has been: a gap visited again after the same texts (blank rows of 14 cells read as
   * 7 reach each point thousands of ways) can only make readings already made, so it is skipped.
   * Prefixes of the reading are numbered as they are met (`prefixIds[k]`: the first k pieces).
   */
  private readonly visited = new Set<number>();
  private readonly prefixIds: number[] = [0];
  private readonly prefixPieces: Piece[] = [];
  private readonly childIds = new Map<number, number>();
  private prefixCount = 1;
  private readonly textIds = new Map<string, number>();

  constructor(
    private readonly row: readonly Cell[],
    private readonly n: number,
    private readonly limit: number,
    private readonly keep: (pieces: readonly Piece[]) => boolean,
    private readonly steps: number,
    anywhere: boolean,
  ) {
    const len = row.length;
    this.sign = Int32Array.from(row, signLength);
    this.leading = Int32Array.from(row, leadingDigits);
    // A row of whole cells that is short of the template lost cells the form did not mark: a blank may
    // have vanished anywhere, and its weak blank markers are no evidence of place.
    const lost = anywhere || (len < n && !row.some(isRunTogether));
    this.droppable = Uint8Array.from(row, (c) => (c.kind === 'blank' && (len > n || (lost && c.weak === true)) ? 1 : 0));
    this.gaps = new Int32Array(len + 1);
    for (let i = 0; i <= len; i++) this.gaps[i] = lost ? n : Math.min(n, i < len ? (row[i]!.gapBefore ?? 0) : (row[len - 1]!.gapAfter ?? 0));
    this.minFrom = new Int32Array(len + 1);
    this.maxFrom = new Int32Array(len + 1);
    for (let i = len - 1; i >= 0; i--) {
      const c = row[i]!;
      this.minFrom[i] = this.minFrom[i + 1]! + (this.droppable[i] ? 0 : 1);
      this.maxFrom[i] = Math.min(n + 1, this.maxFrom[i + 1]! + this.gaps[i + 1]! + Math.max(1, this.leading[i]!));
    }
    this.blankBefore = new Array<Piece | undefined>(len + 1);
    this.digitPieces = row.map(() => new Map());
  }

  all(): Piece[][] | 'too-many' {
    this.visitGap(0);
    return this.overflow ? 'too-many' : this.results;
  }

  private emit(): void {
    // Keying and keeping a reading is a step per piece: a row of many readings spends its budget on them too.
    this.walked += this.current.length;
    if (this.walked > this.steps) {
      this.overflow = true;
      return;
    }
    const key = readingKey(this.current);
    if (this.seen.has(key)) return;
    if (this.results.length >= this.limit) {
      this.overflow = true;
      return;
    }
    this.seen.add(key);
    this.results.push([...this.current]);
  }

  /** None, one, … of the blanks that may have vanished before cell i, then cell i. */
  private visitGap(i: number): void {
    const { row, n, current } = this;
    // The memory is off until renderings 66 and 79 of test/property.placement.test.ts (011, review row
    // null and unnamed with it on) are understood: it must change no answer, only the steps.
    const prefix = REMEMBER ? this.prefixId() : -1;
    if (prefix >= 0) {
      const state = prefix * (row.length + 1) + i;
      if (this.visited.has(state)) return;
      this.visited.add(state);
    }
    const cap = this.gaps[i]!;
    let pushed = 0;
    for (let j = 0; !this.overflow; j++) {
      const need = n - current.length;
      if (need < this.minFrom[i]!) break;
      if (need <= this.maxFrom[i]!) {
        if (i < row.length) this.visitCell(i);
        else if (need === 0) this.emit();
      }
      if (j >= cap || need === 0) break;
      if (++this.walked > this.steps) this.overflow = true;
      current.push((this.blankBefore[i] ??= whole(vanishedBlank(i < row.length ? row[i]!.start : row[row.length - 1]!.end))));
      pushed++;
      if (!this.keep(current)) break;
    }
    current.length -= pushed;
  }

  private visitCell(i: number): void {
    const cell = this.row[i]!;
    if (this.droppable[i]) this.visitGap(i + 1);
    if (this.current.length >= this.n) return;
    if (this.leading[i]! > 1) this.splitDigits(i, 0);
    else if (this.enter(whole(cell))) {
      this.visitGap(i + 1);
      this.current.pop();
    }
  }

  /** The number of the reading so far, by its texts (and kinds): equal texts, equal numbers (-1 past TEXTS texts: no memory). */
  private prefixId(): number {
    const { current, prefixIds, prefixPieces } = this;
    if (this.textIds.size + current.length >= TEXTS) return -1;
    let k = 0;
    while (k < current.length && k < prefixPieces.length && prefixPieces[k] === current[k]) k++;
    prefixPieces.length = k;
    for (; k < current.length; k++) {
      const p = current[k]!;
      const key = isBlankPiece(p) ? 0 : this.textId(p.cell.kind === 'value' ? p.text : `${p.cell.kind}\u0001${p.text}`);
      // A prefix and the text after it, as one number.
      const child = prefixIds[k]! * TEXTS + key;
      let id = this.childIds.get(child);
      if (id === undefined) this.childIds.set(child, (id = this.prefixCount++));
      prefixIds[k + 1] = id;
      prefixPieces.push(p);
    }
    return prefixIds[current.length]!;
  }

  private textId(text: string): number {
    let id = this.textIds.get(text);
    if (id === undefined) this.textIds.set(text, (id = this.textIds.size + 1));
    return id;
  }

  /** Adds a piece to the reading when the walk may go on and `keep` accepts it; the caller removes it after. */
  private enter(p: Piece): boolean {
    if (++this.walked > this.steps) this.overflow = true;
    if (this.overflow) return false;
    this.current.push(p);
    if (this.keep(this.current)) return true;
    this.current.pop();
    return false;
  }

  /**
   * Splits the leading digits of cell i from position `at` into pieces, then goes on after the cell;
   * what follows the digits (`.52`, `元`) stays with the last piece (`6251000元` = 6 | 251000元).
   */
  private splitDigits(i: number, at: number): void {
    const cell = this.row[i]!;
    const text = cell.text;
    const digits = this.leading[i]!;
    if (at === digits) {
      this.visitGap(i + 1);
      return;
    }
    if (this.current.length >= this.n) return;
    // The rest must fit in the pieces still to give, none longer than a double holds exactly.
    if (digits - at > (this.n - this.current.length) * MAX_PIECE_DIGITS) return;
    // A number never starts with 0 unless it is 0 (or 0.5).
    const maxLen = text[this.sign[i]! + at] === '0' ? 1 : Math.min(digits - at, MAX_PIECE_DIGITS);
    for (let len = 1; len <= maxLen && !this.overflow; len++) {
      if (!this.enter(this.digitPiece(i, at, len))) continue;
      this.splitDigits(i, at + len);
      this.current.pop();
    }
  }

  /** Digits `at` to `at + len` of cell i as a piece (with the rest of the cell when they end its digits). */
  private digitPiece(i: number, at: number, len: number): Piece {
    const key = at * (MAX_PIECE_DIGITS + 1) + len;
    const made = this.digitPieces[i]!.get(key);
    if (made) return made;
    const cell = this.row[i]!;
    const text = cell.text;
    // The sign stays with the first piece (`-27988` = -27 | 988).
    const sign = this.sign[i]!;
    const to = at + len === this.leading[i]! ? text.length : sign + at + len;
    at = at === 0 ? 0 : sign + at;
    // Offsets of a piece are exact when the cell's source is its text (text forms), else the cell's.
    const exact = cell.end - cell.start === text.length;
    const p = exact ? { cell, text: text.slice(at, to), start: cell.start + at, end: cell.start + to } : { cell, text: text.slice(at, to), start: cell.start, end: cell.end };
    this.digitPieces[i]!.set(key, p);
    return p;
  }
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
  const sign = signLength(cell);
  let k = sign;
  while (k < t.length && t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57) k++;
  if (k === t.length) return k - sign;
  return k > sign && parseNumberText(`0${t.slice(k)}`) !== null ? k - sign : 0;
}

/** 1 when a run-together number starts with a sign (`-27988`, `+18`), else 0. */
function signLength(cell: Cell): number {
  if (!cell.runTogether) return 0;
  const c = cell.text.charCodeAt(0);
  return c === 0x2d || c === 0x2212 || c === 0xff0d || c === 0x2b || c === 0xff0b ? 1 : 0;
}

/** A reading as a string, a blank as NUL, pieces joined by `|` (a loop, not map().join(): no array per reading). */
function readingKey(pieces: readonly Piece[]): string {
  let key = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    key += (i ? '|' : '') + (isBlankPiece(p) ? '\u0000' : p.text);
  }
  return key;
}
