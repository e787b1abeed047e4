// A row that lost cells before its total. SPEC D1 lets 总计 stay blank (014 leaves it blank for most
// rows), but not like this: the total cell empty while the row's last number, standing in another
// column, is the sum of the numbers before it. That is the row's total, and every number of the row
// stands left of its column (a converter, or the page itself, dropped the row's blank cells). The row's
// cells are named, so none of its numbers passes unflagged.
import type { Diagnostic } from '../schema/report.js';
import { columnLabels } from '../../grammars/labels.js';
import type { SumCheck } from './arithmetic.js';

/**
 * The rows of one table that lost cells: each row (`checks`: a row's sum, its parts in column order and
 * its total) whose last number is its blank total; and once one has, every other row with numbers and
 * no total — the same converter dropped the same blanks there, where no sum gives it away.
 */
export function shiftedRows(checks: readonly SumCheck[], value: (path: string) => number | null): Diagnostic[] {
  const shifted: Diagnostic[] = [];
  let first: SumCheck | undefined;
  for (const c of checks) {
    const why = lostCells(c, value);
    if (!why) continue;
    first ??= c;
    shifted.push(rowShifted(c, why));
  }
  if (!first) return shifted;
  const named = new Set(shifted.map((d) => d.path));
  for (const c of checks) {
    const total = c.rhs[0]!;
    if (named.has(total) || value(total) !== null || !c.lhs.some((p) => value(p) !== null)) continue;
    shifted.push(rowShifted(c, `总计 is blank, and another row of this table lost cells (${first.where}): this row's numbers may stand left of their columns too`));
  }
  return shifted;
}

/**
 * Why `check`'s row (its parts in column order, `lhs`, and its total, `rhs`) lost cells: its total is
 * empty and its last number is the sum of the numbers before it (null parts are passed over); else undefined.
 */
function lostCells(check: SumCheck, value: (path: string) => number | null): string | undefined {
  if (check.rhs.length !== 1 || value(check.rhs[0]!) !== null) return undefined;
  let last: string | undefined;
  let lastValue = 0;
  let before = 0;
  for (const path of check.lhs) {
    const v = value(path);
    if (v === null) continue;
    before += lastValue;
    last = path;
    lastValue = v;
  }
  if (last === undefined || lastValue === 0 || before !== lastValue) return undefined;
  const column = columnLabels[last.slice(last.lastIndexOf('/') + 1)] ?? last;
  return `总计 is blank while ${lastValue} under ${column} is the sum of the numbers before it — the row seems to have lost cells, and its numbers stand left of their columns`;
}

/** The warning on a row: its 总计 as path, its every cell named. */
function rowShifted(check: SumCheck, why: string): Diagnostic {
  return { code: 'row-shifted', severity: 'warning', message: `${check.where}: ${why}`, path: check.rhs[0]!, table: check.table, check: check.check, cells: [...check.lhs, ...check.rhs] };
}
