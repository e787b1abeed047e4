// reviewLitigation — 四、政府信息公开行政复议、行政诉讼情况 (CONTRACT §3.5): one row of 15 cells, three
// groups of 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计. Run-together digits are split with T4-A/B/C.
import { outcomeColumns, reviewGroups, type ReviewRead } from '../../grammars/reviewLitigation.js';
import { rowLabels } from '../../grammars/labels.js';
import type { Cell } from '../lex/cell.js';
import type { ReviewLitigation } from '../schema/report.js';
import { rowReadings, rewritten, isBlankPiece, type Piece } from './split.js';
import { numberOf } from './value.js';
import { TableCells, ambiguous, quotedText, splitInfo, type NormalizeContext } from './table.js';

const ROW = 'row';
const GROUP = outcomeColumns.length;

export interface ReviewResult {
  table: ReviewLitigation;
  cells: TableCells;
}

/** The flat row's columns: `group/outcome`, group by group. */
const FLAT_COLUMNS: readonly string[] = reviewGroups.flatMap((g) => outcomeColumns.map((c) => `${g}/${c}`));

export function normalizeReviewLitigation(read: ReviewRead, ctx: NormalizeContext): ReviewResult | undefined {
  if (read.values.length === 0 && !read.groups) return undefined;
  const firstDiagnostic = ctx.diagnostics.length;
  const firstOpen = ctx.open?.length ?? 0;
  // The table is kept as one row of 15 while reading, then shaped into its three groups.
  const flat = new TableCells('reviewLitigation', ctx, false);
  if (read.groups) {
    // One table per group: each group's five cells read under its own header.
    for (const g of reviewGroups) {
      const columns = FLAT_COLUMNS.filter((c) => c.startsWith(`${g}/`));
      const values = read.groups[g];
      if (values) readCells(flat, values, columns, ctx);
      else flat.unreadable(ROW, columns, [], `the ${rowLabels[g]} table's header stands over no cells (a row of blanks dropped, or numbers lost in conversion)`);
    }
  } else readCells(flat, read.values, FLAT_COLUMNS, ctx);
  // Re-key `reviewLitigation/row/review/upheld` as `reviewLitigation/review/upheld`.
  const cells = new TableCells('reviewLitigation', ctx);
  const table: Record<string, Record<string, number | null>> = {};
  for (const g of reviewGroups) {
    table[g] = {};
    for (const c of outcomeColumns) {
      const read = flat.rows.get(ROW)?.get(`${g}/${c}`) ?? { value: null };
      ctx.provenance.delete(`reviewLitigation/${ROW}/${g}/${c}`);
      cells.set(g, c, read);
      table[g]![c] = read.value;
    }
  }
  for (let i = firstDiagnostic; i < ctx.diagnostics.length; i++) retarget(ctx.diagnostics[i]!);
  for (const open of ctx.open?.slice(firstOpen) ?? []) open.paths = retargetPaths(open.paths);
  return { table: table as unknown as ReviewLitigation, cells };
}

/** Reads `values` into `columns` of the flat row: split by T4 where digits ran together, as printed when no reading holds T4. */
function readCells(flat: TableCells, values: readonly Cell[], columns: readonly string[], ctx: NormalizeContext): void {
  const readings = rowReadings(values, columns.length, 5000, groupsHold, undefined, undefined, ctx.budget);
  if (readings !== 'too-many' && readings.length === 1) {
    flat.readRow(ROW, columns, readings[0]!);
    if (rewritten(readings[0]!, values)) ctx.diagnostics.push(splitInfo(flat, ROW, columns, values));
  } else if (readings === 'too-many' || readings.length > 1) {
    ambiguous(flat, ROW, columns, readings === 'too-many' ? [] : readings, values, ctx);
  } else {
    // No reading satisfies T4: the published row may fail it (031). Read it as printed when it can be.
    const asPrinted = rowReadings(values, columns.length, undefined, undefined, undefined, undefined, ctx.budget);
    if (asPrinted !== 'too-many' && asPrinted.length === 1) flat.readRow(ROW, columns, asPrinted[0]!);
    else if (asPrinted === 'too-many' || asPrinted.length > 1) ambiguous(flat, ROW, columns, asPrinted === 'too-many' ? [] : asPrinted, values, ctx);
    else {
      flat.unreadable(ROW, columns, values, `${values.length} cell(s) where the table has ${columns.length}: "${quotedText(values)}"`);
      if (columns.length === FLAT_COLUMNS.length) offerVanishedBlanks(flat, values, ctx);
    }
  }
}

/**
 * A row with fewer numbers than cells and no trace of where its blanks were (`5 2 7 8 1 9`): its
 * cells stay unreadable here, but a later source (the prose, src/narrative) is offered the readings
 * with the blanks in any gaps that T4 allows, to narrow and settle the cells it states.
 */
function offerVanishedBlanks(flat: TableCells, values: readonly Cell[], ctx: NormalizeContext): void {
  if (!ctx.open || values.length >= FLAT_COLUMNS.length) return;
  const readings = rowReadings(values, FLAT_COLUMNS.length, 5000, groupsHold, undefined, true, ctx.budget);
  if (readings !== 'too-many' && readings.length > 1) ctx.open.push({ paths: flat.paths(ROW, FLAT_COLUMNS), readings, rules: FLAT_COLUMNS.map(() => ({})) });
}

/**
 * T4-A/B/C as the pieces arrive: each finished group's 总计 equals the sum of its four outcomes. A
 * blank counts 0 here (a group left empty had no cases); an unreadable cell cannot rule a reading out.
 */
function groupsHold(pieces: readonly Piece[]): boolean {
  if (pieces.length % GROUP !== 0) return true;
  const from = pieces.length - GROUP;
  let sum = 0;
  for (let k = 0; k < GROUP - 1; k++) {
    const v = outcomeOf(pieces[from + k]!);
    if (v === null) return true;
    sum += v;
  }
  const total = outcomeOf(pieces[from + GROUP - 1]!);
  return total === null || sum === total;
}

/** A cell as T4 counts it: a blank is 0, else its number (null when it has none). */
function outcomeOf(p: Piece): number | null {
  return isBlankPiece(p) ? 0 : numberOf(p.text);
}

/** Points a diagnostic of the flat row at the shaped table (`reviewLitigation/row/review/upheld` → `reviewLitigation/review/upheld`). */
function retarget(d: { path?: string; cells?: string[] }): void {
  if (d.path) d.path = retargetPath(d.path);
  if (d.cells) d.cells = retargetPaths(d.cells);
}

function retargetPath(p: string): string {
  return p.replace(`reviewLitigation/${ROW}/`, 'reviewLitigation/');
}

/** By push, not map(): an optimized map() makes a holey array, and toRecords would meet a second array map. */
function retargetPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) out.push(retargetPath(p));
  return out;
}
