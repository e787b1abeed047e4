// applications — 三、收到和处理政府信息公开申请情况 (CONTRACT §3.4). Rows are placed by their labels;
// value rows whose labels were detached (PDF-to-markdown) fill the gaps between labelled rows in
// print order, only where the count fits exactly; digits that ran together are split with the
// table's arithmetic (T3-A, T3-B, T3-C).
import {
  applicantColumns,
  applicationGroupTotals,
  rowsOf,
  type ApplicationRow,
  type ApplicationsRead,
} from '../../grammars/applications.js';
import type { Version } from '../../grammars/types.js';
import type { Cell } from '../lex/cell.js';
import type { Applications } from '../schema/report.js';
import { rowReadings, rewritten, isBlankPiece, isRunTogether, type Piece } from './split.js';
import { solve, type Constraint, type Vector } from './solve.js';
import { numberOf } from './value.js';
import { nameRowsAShiftMayMove, overfull } from './overfull.js';
import { TableCells, ambiguous, quotedText, spanOf, splitInfo, type NormalizeContext } from './table.js';

const COLUMNS = applicantColumns;
const N = COLUMNS.length;
const TOTAL = N - 1;

export interface ApplicationsResult {
  table: Applications;
  cells: TableCells;
  /** Each row as the arithmetic sees it (vectorOf): one vector, or an open row's candidates. */
  vectors: Map<string, Vector[]>;
}

export function normalizeApplications(read: ApplicationsRead, ctx: NormalizeContext, fallback: Version): ApplicationsResult | undefined {
  const template = read.template ?? fallback;
  const ids = rowsOf(template);
  const t = new TableCells('applications', ctx);
  const { placed, unplaced } = placeRows(read.rows, ids, t, ctx);
  if (placed.size === 0) return undefined;
  // A row printed with its label and no numbers, in a form that drops blank cells, is all blank (SPEC
  // D1) — unless some numbers could not be placed, or a row holds more than its own, for they might be
  // its numbers (a converter that prints every label, then every number).
  const scattered = unplaced > 0 || [...placed.values()].some(overfull);
  const empty = scattered ? [] : ids.filter((id) => read.labelled.has(id) && !placed.has(id));
  for (const id of empty) for (const c of COLUMNS) t.set(id, c, { value: null, blank: true });
  const vectors = readPlacedRows(placed, ids, t, ctx, empty, scattered);
  if (scattered) nameRowsAShiftMayMove(ids, placed, t, ctx);
  for (const id of ids) if (!t.has(id)) t.missing(id, COLUMNS, `row ${id} is not in the input`);
  const table = { template, ...t.toObject(ids, COLUMNS), extraRows: t.extraRows } as Record<string, unknown>;
  for (const [total, items] of Object.entries(applicationGroupTotals)) {
    const present = items.filter((i) => ids.includes(i));
    if (present.length === 0) continue;
    const sums: Record<string, number | null> = {};
    for (const c of COLUMNS) sums[c] = columnSum(t, present, c);
    setNested(table, total, sums);
  }
  return { table: table as unknown as Applications, cells: t, vectors };
}

/**
 * Which value row is which template row. Rows whose label is on their own line are anchors; the
 * others are placed between the anchors around them, in print order, when their count fits.
 */
function placeRows(rows: readonly ApplicationRow[], ids: readonly string[], t: TableCells, ctx: NormalizeContext): { placed: Map<string, ApplicationRow>; unplaced: number } {
  let unplaced = 0;
  const index = new Map(ids.map((id, i) => [id, i]));
  const placed = new Map<string, ApplicationRow>();
  const anchors: { at: number; row: number }[] = [];
  const loose: number[] = [];
  rows.forEach((r, k) => {
    if (r.evidence === 'strong' && r.id?.startsWith('group.') && plausible(r.values, true)) {
      t.extra(r.label, r.values);
      return;
    }
    const i = r.id !== null ? index.get(r.id) : undefined;
    if (r.evidence === 'strong' && i !== undefined && !placed.has(r.id!)) {
      placed.set(r.id!, r);
      anchors.push({ at: k, row: i });
    } else if (plausible(r.values, r.evidence !== 'none')) loose.push(k);
    else if (holdsNumber(r.values)) {
      // Too few numbers to be a row where they stand: they are some row's, and that row is not blank.
      unplaced++;
      ctx.diagnostics.push(unplacedValues(r));
    }
  });
  // A row whose cells are all blank, right before numbers no data row's label names: its label may wrap
  // onto the numbers' line (a table without row rules), so its blanks are no evidence.
  for (const { at } of anchors) {
    const r = rows[at]!;
    const after = rows[at + 1];
    if (!allBlank(r.values) || !after || !holdsNumber(after.values)) continue;
    if (after.id !== null && !after.id.startsWith('group.') && !placed.has(after.id)) continue;
    if (after.id !== null && placed.get(after.id) === after) continue;
    placed.delete(r.id!);
    t.unreadable(r.id!, COLUMNS, r.values, `row ${r.id} shows no numbers, and the numbers on the line after it ("${quotedText(after.values)}") may be its own: its label may wrap onto that line`);
  }
  // Gaps between consecutive anchors (and before the first, after the last).
  const bounds = [{ at: -1, row: -1 }, ...anchors, { at: rows.length, row: ids.length }];
  for (let g = 0; g + 1 < bounds.length; g++) {
    const lo = bounds[g]!;
    const hi = bounds[g + 1]!;
    const groups = loose.filter((k) => k > lo.at && k < hi.at);
    if (!groups.length) continue;
    const free = ids.filter((id, i) => i > lo.row && i < hi.row && !placed.has(id));
    if (groups.length === free.length) {
      groups.forEach((k, j) => {
        const r = rows[k]!;
        placed.set(free[j]!, r);
        if (r.id !== free[j]) ctx.diagnostics.push(byPosition(t, free[j]!, r));
      });
      continue;
    }
    // Counts differ: keep only rows whose own (weak) label names a free row, in order, and names only it.
    let last = -1;
    for (const k of groups) {
      const r = rows[k]!;
      const at = r.id !== null && !r.severalRows ? free.indexOf(r.id) : -1;
      if (at > last) {
        placed.set(r.id!, r);
        last = at;
      } else {
        unplaced++;
        ctx.diagnostics.push(unplacedValues(r));
      }
    }
  }
  return { placed, unplaced };
}

function unplacedValues(r: ApplicationRow) {
  return {
    code: 'cell-unreadable',
    severity: 'warning' as const,
    message: `values "${quotedText(r.values)}" could not be placed in a row of the table`,
    path: 'table',
    table: 'applications',
    ...spanOf(r.values),
  };
}

function allBlank(values: readonly Cell[]): boolean {
  if (!values.length) return false;
  for (const v of values) if (v.kind !== 'blank') return false;
  return true;
}

function holdsNumber(values: readonly Cell[]): boolean {
  for (const v of values) if (v.kind === 'value') return true;
  return false;
}

/** The note that values with no label of their own went into row `id` by print order. */
function byPosition(t: TableCells, id: string, r: ApplicationRow) {
  return {
    code: 'row-by-position',
    severity: 'info' as const,
    message: `values "${quotedText(r.values)}" have no label of their own: placed in ${id} by print order`,
    path: t.path(id, COLUMNS[0]),
    table: 'applications',
    ...spanOf(r.values),
  };
}

/**
 * A value row that could be a data row: not all blank, and room for 7 cells (digits may split;
 * blanks may have vanished, but only beside a label: a row with no label of its own must fill the row).
 */
function plausible(values: readonly Cell[], labelled: boolean): boolean {
  let capacity = 0;
  let nonBlank = 0;
  for (const v of values) {
    if (labelled) capacity += v.gapBefore ?? 0;
    if (v.kind === 'blank') capacity++;
    else {
      nonBlank++;
      capacity += v.runTogether && /^\d+$/.test(v.text) ? v.text.length : 1;
    }
  }
  if (labelled) capacity += values[values.length - 1]?.gapAfter ?? 0;
  return nonBlank > 0 && capacity >= N;
}

/**
 * `length` unknowns, to be filled in. Every vector starts with null elements, so numbers stored later leave
 * its element kind alone: the solver then meets one array map (a map() result is holey or packed,
 * small-integer or not, depending on its values and on whether its caller is optimized).
 */
function unknownVector(length: number): (number | null)[] {
  const v: (number | null)[] = [];
  for (let col = 0; col < length; col++) v.push(null);
  return v;
}

/** The one reading of a row the table shows empty: zeros, its total unknown. */
function emptyRowVector(): (number | null)[] {
  const v = unknownVector(N);
  for (let col = 0; col < TOTAL; col++) v[col] = 0;
  return v;
}

/**
 * Reads every placed row: directly when its cells read one way, else by the readings the table's
 * arithmetic allows (T3-C per row, then T3-A and T3-B across rows).
 */
function readPlacedRows(placed: Map<string, ApplicationRow>, ids: readonly string[], t: TableCells, ctx: NormalizeContext, empty: readonly string[], scattered: boolean): Map<string, Vector[]> {
  const readings = new Map<string, Piece[][] | 'too-many'>();
  const known = new Map<string, Vector[]>();
  for (const id of empty) known.set(id, [emptyRowVector()]);
  const anywhere = dropsBlanksUntraced(placed);
  for (const [id, r] of placed) {
    const rs = rowReadings(r.values, N, 5000, undefined, undefined, anywhere && r.values.some(isRunTogether), ctx.budget);
    if (rs !== 'too-many' && rs.length === 1) {
      t.readRow(id, COLUMNS, rs[0]!);
      if (rewritten(rs[0]!, r.values)) ctx.diagnostics.push(splitInfo(t, id, [...COLUMNS], r.values));
      if (scattered) flagVanished(t, id, rs[0]!, r.values, ctx);
      known.set(id, [vectorOf(rs[0]!)]);
    } else readings.set(id, rs);
  }
  if (!readings.size) return known;
  // Candidates per row: the readings that satisfy T3-C (总计 = the sum of the six applicant columns),
  // or all of them when none does (the published row may itself fail T3-C).
  const candidates = new Map<string, Piece[][]>();
  for (const [id, rs] of readings) {
    if (rs === 'too-many' || rs.length === 0) continue;
    const fits = rs.filter((pieces) => rowSumHolds(vectorOf(pieces)));
    candidates.set(id, fits.length ? fits : rs);
    known.set(id, vectorsOf(candidates.get(id)!));
  }
  const result = solve(known, applicationConstraints(ids), undefined, ctx.budget);
  for (const [id, rs] of readings) {
    const r = placed.get(id)!;
    if (rs === 'too-many' || rs.length === 0) {
      if (rs === 'too-many') ambiguous(t, id, COLUMNS, [], r.values, ctx);
      else t.unreadable(id, COLUMNS, r.values, `${r.values.length} cell(s) where the table has ${N}: "${quotedText(r.values)}"`);
      continue;
    }
    const own = candidates.get(id)!;
    // The readings some solution of the whole table may use; if the table as published has no
    // solution (it fails T3-A or T3-B), only the row's own T3-C narrows the readings.
    const possible = result.consistent ? result.possible.get(id) : undefined;
    const usable = possible ? own.filter((_, k) => possible.has(k)) : own;
    const chosen = usable.length ? usable : own;
    if (chosen.length === 1) {
      t.readRow(id, COLUMNS, chosen[0]!);
      ctx.diagnostics.push(splitInfo(t, id, [...COLUMNS], r.values));
      if (scattered) flagVanished(t, id, chosen[0]!, r.values, ctx);
    } else ambiguous(t, id, COLUMNS, chosen, r.values, ctx);
  }
  return known;
}

/**
 * Whether the text dropped blank cells without a trace: some row whose digits ran together has no
 * reading that meets T3-C unless blanks vanished where the text shows no gap (Readability's
 * textContent: `7673521805` is 767 35 _ _ 2 1 805). Then any row of it may have lost blanks anywhere.
 */
function dropsBlanksUntraced(placed: ReadonlyMap<string, ApplicationRow>): boolean {
  for (const r of placed.values()) {
    if (!r.values.some(isRunTogether)) continue;
    const traced = rowReadings(r.values, N);
    if (traced !== 'too-many' && traced.some((pieces) => rowSumHolds(vectorOf(pieces)))) continue;
    if (traced === 'too-many') continue;
    const untraced = rowReadings(r.values, N, 5000, undefined, undefined, true);
    if (untraced !== 'too-many' && untraced.some((pieces) => rowSumHolds(vectorOf(pieces)) && hasTotal(pieces))) return true;
  }
  return false;
}

/** The reading prints a 总计 (a row whose total is blank meets T3-C by any reading: no evidence). */
function hasTotal(pieces: readonly Piece[]): boolean {
  return !isBlankPiece(pieces[TOTAL]!);
}

/**
 * A reading as the arithmetic sees it (SPEC D1): a blank applicant cell is 0; a blank 总计 is a
 * total left unfilled, unknown; a cell that is not a number is unknown.
 */
export function vectorOf(pieces: readonly Piece[]): (number | null)[] {
  const v = unknownVector(pieces.length);
  for (let col = 0; col < pieces.length; col++) {
    const p = pieces[col]!;
    v[col] = isBlankPiece(p) ? (col === TOTAL ? null : 0) : numberOf(p.text);
  }
  return v;
}

/** The vectors of some readings, in a packed array built by push (see unknownVector). */
function vectorsOf(readings: readonly (readonly Piece[])[]): Vector[] {
  const out: Vector[] = [];
  for (const pieces of readings) out.push(vectorOf(pieces));
  return out;
}

/**
 * In a table whose numbers the text scattered (some could not be placed, or a row holds more than its
 * own), a row read with blanks that left no trace, whose printed 总计 does not account for its numbers:
 * those blanks may hide numbers read elsewhere, and its own numbers may be another row's. Each cell is
 * named; the blanks are null.
 */
function flagVanished(t: TableCells, id: string, pieces: readonly Piece[], values: readonly Cell[], ctx: NormalizeContext): void {
  const printed = new Set(values);
  const vanished = (p: Piece) => !printed.has(p.cell) && p.cell.kind === 'blank';
  if (!pieces.some(vanished) || accountedFor(vectorOf(pieces))) return;
  pieces.forEach((p, i) => {
    const message = vanished(p)
      ? `no cell of the text stands for it in "${quotedText(values)}", in a table whose numbers the text scattered: a blank that left no trace, or a number read elsewhere`
      : `read from "${quotedText(values)}", a row short of cells in a table whose numbers the text scattered: it may be another row's`;
    ctx.diagnostics.push({ code: 'cell-unreadable', severity: 'warning', message, path: t.path(id, COLUMNS[i]!), table: t.table });
  });
}

/** The row's 总计 is printed and its cells, blanks as none, add up to it. */
function accountedFor(v: readonly (number | null)[]): boolean {
  if (v[TOTAL] === null) return false;
  let sum = 0;
  for (let c = 0; c < TOTAL; c++) sum += v[c] ?? 0;
  return sum === v[TOTAL];
}

/** T3-C on one reading: the six applicant columns add up to 总计 (an unknown cell leaves it open). */
function rowSumHolds(v: readonly (number | null)[]): boolean {
  if (v[TOTAL] === null) return true;
  let sum = 0;
  for (let c = 0; c < TOTAL; c++) {
    const x = v[c];
    if (x === null) return true;
    sum += x!;
  }
  return sum === v[TOTAL];
}

/** T3-A and T3-B for every column, as constraints over rows. */
export function applicationConstraints(ids: readonly string[]): Constraint[] {
  const leaves = ids.filter((id) => id.startsWith('results.') && id !== 'results.total');
  const out: Constraint[] = [];
  for (let col = 0; col < N; col++) {
    out.push({ lhs: cellsOfColumn(leaves, col), rhs: [{ row: 'results.total', col }] });
    out.push({
      lhs: [{ row: 'newReceived', col }, { row: 'carriedOver', col }],
      rhs: [{ row: 'results.total', col }, { row: 'carriedForward', col }],
    });
  }
  return out;
}

/** Column `col` of each row, pushed into a packed array like the literal sides beside it (an optimized map() makes a holey one). */
function cellsOfColumn(rows: readonly string[], col: number): { row: string; col: number }[] {
  const out: { row: string; col: number }[] = [];
  for (const row of rows) out.push({ row, col });
  return out;
}

/** Column `column` summed over `rows`, or null when a cell is unknown (a loop: no closures made per call). */
function columnSum(t: TableCells, rows: readonly string[], column: string): number | null {
  let sum = 0;
  for (const id of rows) {
    const v = t.get(id, column);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** Puts a derived group total at its dotted path, unless the table already has that row. */
function setNested(target: Record<string, unknown>, path: string, value: Record<string, unknown>): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  // A V2019 （六）其他处理 is a reported row: its total is read, never replaced by a sum.
  if (node[last] === undefined) node[last] = value;
}
