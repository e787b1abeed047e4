// Settling cells from the prose. A cell the form could not give (its row read several ways, a cell that
// is not a number, a row that is missing, a number lost in conversion) takes the value a statement
// gives it — only a null cell, never a printed number; never against the table's arithmetic or the
// other statements. A statement narrows the readings of a row that read several ways; the
// applications table's readings are solved again with the statements as sums (solve.ts), so the
// other cells of the row, and of other rows, may settle too.
import { rowsOf } from '../../grammars/applications.js';
import type { Version } from '../../grammars/types.js';
import type { Diagnostic } from '../schema/report.js';
import { applicationConstraints, vectorOf } from '../normalize/applications.js';
import { solve, type Constraint, type SolveResult, type Vector } from '../normalize/solve.js';
import { isBlankPiece, pieceKey, type Piece } from '../normalize/split.js';
import type { NormalizeContext, OpenRow } from '../normalize/table.js';
import { numberOf, readCell } from '../normalize/value.js';
import { applicantColumns } from '../../grammars/applications.js';
import { impliedValues, splitPath, type TableValues } from './cells.js';
import type { Statement } from './statements.js';

/** Statements spanning several open rows given to the solver, at most. */
const MAX_SPANNING = 24;
/**
 * The solver's tries when it runs again, drawn from the report's search budget (budget.ts). Its answer is
 * sound within any budget (a reading some solution uses is never dropped); past the budget it keeps what
 * its filtering could not rule out.
 */
const SOLVE_BOUND = 500;

export interface Settled {
  path: string;
  statements: Statement[];
}

export interface SettleInput {
  statements: readonly Statement[];
  values: TableValues;
  open: readonly OpenRow[];
  /** The applications rows as the arithmetic sees them (applications.ts), when the table was read. */
  vectors?: ReadonlyMap<string, readonly Vector[]>;
  template(table: string): Version;
  ctx: NormalizeContext;
}

/** The state of an open row: its readings left, and the statements that narrowed them. */
interface OpenState {
  row: OpenRow;
  readings: readonly Piece[][];
  by: Statement[];
}

export interface SettleResult {
  settled: Settled[];
  /** Open rows by cell path, with the readings the statements left (for agreement). */
  openAt: Map<string, { state: OpenState; column: number }>;
}

export function settleCells(input: SettleInput): SettleResult {
  const { values, ctx } = input;
  const openAt = new Map<string, { state: OpenState; column: number }>();
  const settled: Settled[] = [];
  // Statements whose cells were all read have nothing to settle (most reports: no work here).
  if (!input.statements.some((s) => s.readings.some((r) => r.some((p) => values.get(p) === null)))) return { settled, openAt };
  const states: OpenState[] = [];
  for (const row of input.open) {
    // Narrowing replaces `readings`, never changes it: the row's own list until a statement narrows it.
    const state: OpenState = { row, readings: row.readings, by: [] };
    states.push(state);
    for (let column = 0; column < row.paths.length; column++) openAt.set(row.paths[column]!, { state, column });
  }
  const { named, unblank } = namedCells(ctx.diagnostics);
  const blanks = new Map<string, number>();
  // Nothing to do unless a statement names a cell the form could not give: a row left open, a cell a
  // diagnostic names, or the one blank of its table (most reports, and tables that print blanks: none).
  const settleable = (p: string) => values.get(p) === null && (openAt.has(p) || named.has(p) || blankCount(splitPath(p).table, values, named, openAt, blanks) === 1);
  if (!input.statements.some((s) => s.readings.some((r) => r.some(settleable)))) return { settled, openAt };

  // Cells no reading can give: settled directly by a statement that names them with known cells only,
  // when the template's sums give the same value (when they cannot — other cells of the sums unknown —
  // the statement alone, for a cell that cannot be a printed blank). A cell read blank may be one the
  // table prints: only a table whose other cells are all printed lost it in conversion.
  for (const s of input.statements) {
    const single = singleReading(s, values);
    if (!single || single.unknown.length !== 1) continue;
    const path = single.unknown[0]!;
    if (openAt.has(path) || single.rest < 0) continue;
    const table = splitPath(path).table;
    if (!named.has(path) && blankCount(table, values, named, openAt, blanks) !== 1) continue;
    const implied = impliedValues(path, input.template(table), values);
    if (implied.some((v) => v !== single.rest) || (!implied.length && !unblank.has(path) && !givenWhereUnprinted(path, single.rest, ctx))) continue;
    values.set(path, { value: single.rest, source: { raw: ctx.input.slice(s.number.start, s.number.end), start: s.number.start, end: s.number.end } });
    blanks.delete(table);
    settled.push({ path, statements: [s] });
  }

  // Rows read several ways: each statement keeps the readings it agrees with.
  narrowApplications(input, states, openAt);
  for (const s of input.statements) {
    if (s.table === 'applications' && input.vectors) continue;
    const single = singleReading(s, values);
    const state = single?.unknown.length ? openAt.get(single.unknown[0]!)?.state : undefined;
    if (!single || !state || single.unknown.some((p) => openAt.get(p)?.state !== state)) continue;
    const columns = single.unknown.map((p) => openAt.get(p)!.column);
    const kept = state.readings.filter((r) => allows(r.map(outcomeOf), columns, single.rest));
    if (kept.length && kept.length < state.readings.length) {
      state.readings = kept;
      state.by.push(s);
    }
  }

  // Cells on which every reading left agrees.
  for (const state of states) {
    if (!state.by.length || state.readings.length === state.row.readings.length) continue;
    // Only the cells the prose states are known when the prose picked a garbled reading of an applications
    // row (its 总计 is not the sum of its cells), or one of the places where a row's blanks vanished in a
    // table whose sums across rows do not check them (a form that added or lost cells leaves none right).
    const stated = new Set(state.by.flatMap((s) => s.readings.flat()));
    const applications = state.row.paths[0]!.startsWith('applications/');
    const sound = applications ? state.readings.every((r) => rowSumHolds(vectorOf(r))) : !placesBlanks(state.row.readings);
    state.row.paths.forEach((path, i) => {
      if (values.get(path) !== null || (!sound && !stated.has(path))) return;
      const keys = new Set(state.readings.map((r) => pieceKey(r[i]!)));
      const piece = state.readings[0]![i]!;
      // A blank is no number the prose gives: the form may have lost the cell's number (html2text: `62` for `62 33 440`).
      if (keys.size !== 1 || isBlankPiece(piece)) return;
      const read = readCell({ kind: piece.cell.kind, text: piece.text, start: piece.start, end: piece.end }, path, state.row.rules[i] ?? {}, ctx.diagnostics, ctx.input);
      values.set(path, read);
      settled.push({ path, statements: state.by });
    });
  }
  values.refreshGroupTotals();
  return { settled, openAt };
}

/**
 * The applications table: a statement on one open row keeps the readings that meet it (each of them is
 * already part of a solution of the table's arithmetic); then the solver runs again, within a small
 * budget, to carry that to the other open rows, with the statements that span several rows as sums it
 * must meet when it can prove the table meets them all (else without them).
 */
function narrowApplications(input: SettleInput, states: OpenState[], openAt: Map<string, { state: OpenState; column: number }>): void {
  const { vectors, values } = input;
  if (!vectors) return;
  const own = states.filter((s) => s.row.paths[0]!.startsWith('applications/'));
  const narrowedBy: Statement[] = [];
  const spanning: { statement: Statement; lhs: { row: string; col: number }[]; rest: number }[] = [];
  for (const s of input.statements) {
    const single = s.table === 'applications' ? singleReading(s, values) : undefined;
    const touched = new Set(single?.unknown.map((p) => openAt.get(p)?.state));
    if (!single || !single.unknown.length || !touched.size || (touched.size === 1 && touched.has(undefined))) continue;
    if (touched.size === 1) {
      const state = [...touched][0]!;
      const columns = single.unknown.map((p) => openAt.get(p)!.column);
      const kept = state.readings.filter((r) => allows(vectorOf(r), columns, single.rest));
      if (kept.length && kept.length < state.readings.length) {
        state.readings = kept;
        state.by.push(s);
        narrowedBy.push(s);
      }
    } else if (spanning.length < MAX_SPANNING) {
      const lhs = single.unknown.map((p) => {
        const { row, column } = splitPath(p);
        return { row, col: applicantColumns.indexOf(column as (typeof applicantColumns)[number]) };
      });
      spanning.push({ statement: s, lhs, rest: single.rest });
    }
  }
  if (!spanning.length && (!narrowedBy.length || own.length < 2)) return;
  const rowOf = (s: OpenState) => splitPath(s.row.paths[0]!).row;
  const rows = new Map<string, (number | null)[][]>();
  for (const [id, vs] of vectors) rows.set(id, vs.map((v) => [...v]));
  for (const s of own) rows.set(rowOf(s), s.readings.map(vectorOf));
  // Cells settled since the normalizer ran are known now.
  for (const [id, vs] of rows) {
    if (vs.length !== 1) continue;
    applicantColumns.forEach((c, col) => {
      const v = values.get(`applications/${id}/${c}`);
      if (v !== null && v !== undefined) vs[0]![col] = v;
    });
  }
  const constraints: Constraint[] = applicationConstraints(rowsOf(input.template('applications')));
  // Sums over several rows count only when the solver proves the table meets them (its search finished).
  let used: Statement[] = [];
  let result: SolveResult | undefined;
  // A sum over several rows goes to the solver only when it rules a reading out by itself (bounds alone):
  // one that every reading can meet rarely narrows anything, and the solver's run is most of the layer's cost.
  if (spanning.length && spanning.some((sum) => prunes(sum.lhs, sum.rest, rows))) {
    const base = constraints.length;
    spanning.forEach((sum, k) => {
      rows.set(`§${k}`, [[sum.rest]]);
      constraints.push({ lhs: sum.lhs, rhs: [{ row: `§${k}`, col: 0 }] });
    });
    result = solve(rows, constraints, SOLVE_BOUND, input.ctx.budget);
    if (result.exact && result.consistent) used = spanning.map((s) => s.statement);
    else {
      constraints.length = base;
      result = undefined;
    }
  }
  if (!result) {
    if (!narrowedBy.length || own.length < 2) return;
    result = solve(rows, constraints, SOLVE_BOUND, input.ctx.budget);
  }
  if (!result.consistent) return;
  const by = [...narrowedBy, ...used];
  for (const state of own) {
    const possible = result.possible.get(rowOf(state));
    if (!possible || possible.size === state.readings.length) continue;
    state.readings = state.readings.filter((_, k) => possible.has(k));
    for (const s of by) if (!state.by.includes(s)) state.by.push(s);
  }
}

/**
 * Whether cells of several rows adding up to `sum` rule out some candidate of a row on bounds alone: its
 * part of the sum, with the other rows' least (or greatest) parts, cannot reach (or stays above) it. An
 * unknown cell is any count ≥ 0.
 */
function prunes(cells: readonly { row: string; col: number }[], sum: number, rows: ReadonlyMap<string, readonly (readonly (number | null)[])[]>): boolean {
  const byRow = new Map<string, number[]>();
  for (const { row, col } of cells) byRow.set(row, [...(byRow.get(row) ?? []), col]);
  const parts: { lo: number; hi: number }[][] = [];
  for (const [row, cols] of byRow) {
    const candidates = rows.get(row);
    if (!candidates?.length) return false;
    parts.push(
      candidates.map((v) => {
        let lo = 0;
        let hi = 0;
        for (const c of cols) {
          const x = v[c];
          if (x === null || x === undefined) hi = Infinity;
          else (lo += x), (hi += x);
        }
        return { lo, hi };
      }),
    );
  }
  const least = parts.map((ps) => Math.min(...ps.map((p) => p.lo)));
  const most = parts.map((ps) => Math.max(...ps.map((p) => p.hi)));
  const allLeast = least.reduce((a, b) => a + b, 0);
  const allMost = most.reduce((a, b) => a + b, 0);
  return parts.some((ps, r) => ps.some((p) => p.lo + allLeast - least[r]! > sum || p.hi + (allMost - most[r]!) < sum));
}

/**
 * A statement's cells as one sum, when its readings agree on it: the cells not yet known, and what
 * they must add up to. Undefined when its readings differ on the unknown cells or on the known sum.
 */
export function singleReading(s: Statement, values: TableValues): { unknown: string[]; rest: number } | undefined {
  let result: { unknown: string[]; rest: number } | undefined;
  for (const reading of s.readings) {
    const unknown: string[] = [];
    let known = 0;
    for (const path of reading) {
      const v = values.get(path);
      if (v === undefined) return undefined;
      if (v === null) unknown.push(path);
      else known += v;
    }
    const here = { unknown, rest: roundSum(s.value - known) };
    if (result && (result.rest !== here.rest || result.unknown.join() !== here.unknown.join())) return undefined;
    result = here;
  }
  return result;
}

/** The readings differ in where the row's blanks are (a cell blank in one, a number in another), not only in how digits split. */
function placesBlanks(readings: readonly (readonly Piece[])[]): boolean {
  for (let i = 0; i < readings[0]!.length; i++) {
    const blank = isBlankPiece(readings[0]![i]!);
    for (const r of readings) if (isBlankPiece(r[i]!) !== blank) return true;
  }
  return false;
}

/** T3-C on a reading of an applications row: the six applicant cells add up to 总计 (an unknown leaves it open). */
function rowSumHolds(v: readonly (number | null)[]): boolean {
  const total = v[v.length - 1];
  let sum = 0;
  for (let c = 0; c < v.length - 1; c++) {
    if (v[c] === null || total === null) return true;
    sum += v[c]!;
  }
  return sum === total;
}

/** Cells `columns` of a reading (its values; null: unknown, some count ≥ 0) can add up to `sum`. */
function allows(reading: readonly (number | null)[], columns: readonly number[], sum: number): boolean {
  let total = 0;
  let unknown = false;
  for (const c of columns) {
    const v = reading[c]!;
    if (v === null) unknown = true;
    else total += v;
  }
  return unknown ? roundSum(total) <= sum : roundSum(total) === sum;
}

/** A piece as a count of the review table and the section-二 tables: a blank is 0, text that is no number unknown. */
function outcomeOf(p: Piece): number | null {
  return isBlankPiece(p) ? 0 : numberOf(p.text);
}

/**
 * A cell the file does not print takes the prose's number with no sum to confirm it — but not a 0:
 * that is what a blank the table may print there means, and a printed blank is null (D1).
 */
function givenWhereUnprinted(path: string, value: number, ctx: NormalizeContext): boolean {
  return value !== 0 && !!ctx.unprinted?.has(path);
}

/**
 * Cells a diagnostic says the form could not give (`named`), and of those the ones that cannot be a
 * blank the table prints (`unblank`): a cell printed as text that is no number (`不详`). A row with fewer
 * numbers than cells may hold printed blanks, and so may a row the input lacks (014 as PyMuPDF prints
 * it lost the label of 其他处理, a row printed blank, and its prose says 其他处理0件).
 */
function namedCells(diagnostics: readonly Diagnostic[]): { named: Set<string>; unblank: Set<string> } {
  const named = new Set<string>();
  const unblank = new Set<string>();
  for (const d of diagnostics) {
    if (d.code !== 'ambiguous-split' && d.code !== 'cell-unreadable' && d.code !== 'row-missing') continue;
    const own = d.code === 'cell-unreadable' && !d.cells && d.span && d.span.end > d.span.start;
    const into = own ? [named, unblank] : [named];
    for (const set of into) {
      if (d.path && d.path !== 'table') set.add(d.path);
      for (const c of d.cells ?? []) set.add(c);
    }
  }
  return { named, unblank };
}

/** How many cells of a table are read blank (null, and neither open nor named by a diagnostic), counted once per table. */
function blankCount(table: string, values: TableValues, named: ReadonlySet<string>, openAt: ReadonlyMap<string, unknown>, counted: Map<string, number>): number {
  let n = counted.get(table);
  if (n === undefined) {
    n = 0;
    for (const p of values.nullPaths(table)) if (!named.has(p) && !openAt.has(p)) n++;
    counted.set(table, n);
  }
  return n;
}

function roundSum(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
