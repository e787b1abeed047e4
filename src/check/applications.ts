// T3-A, T3-B, T3-C over the applications table (SPEC §2.2, §6).
import { applicantColumns, rowsOf } from '../../grammars/applications.js';
import type { Version } from '../../grammars/types.js';
import type { Diagnostic } from '../schema/report.js';
import { columnLabels } from '../../grammars/labels.js';
import { runCheck, diagnosticOf, type SumCheck, type CheckOutcome } from './arithmetic.js';
import { shiftedRows } from './shifted.js';

const checksByTemplate = new Map<Version, SumCheck[]>();

/** The checks of a template's table, built once per template. */
function applicationChecks(template: Version): SumCheck[] {
  let checks = checksByTemplate.get(template);
  if (!checks) checksByTemplate.set(template, (checks = buildChecks(template)));
  return checks;
}

function buildChecks(template: Version): SumCheck[] {
  const ids = rowsOf(template);
  const leaves = ids.filter((id) => id.startsWith('results.') && id !== 'results.total');
  const p = (row: string, col: string) => `applications/${row}/${col}`;
  const checks: SumCheck[] = [];
  for (const col of applicantColumns) {
    const where = `column ${columnLabels[col]}`;
    checks.push({ check: 'T3-A', table: 'applications', where, lhs: [p('newReceived', col), p('carriedOver', col)], rhs: [p('results.total', col), p('carriedForward', col)] });
    checks.push({ check: 'T3-B', table: 'applications', where, lhs: leaves.map((r) => p(r, col)), rhs: [p('results.total', col)] });
  }
  for (const row of ids) {
    const parts = applicantColumns.filter((c) => c !== 'total').map((c) => p(row, c));
    checks.push({ check: 'T3-C', table: 'applications', where: `row ${row}`, lhs: parts, rhs: [p(row, 'total')] });
  }
  return checks;
}

/**
 * Runs the checks; a failure in the 总计 column is reported only when no T3-C failure explains it. A row
 * whose blank total is the sum of its numbers' last (shifted.ts) is said to have lost cells.
 */
export function checkApplications(template: Version, value: (path: string) => number | null): Diagnostic[] {
  const outcomes: CheckOutcome[] = [];
  for (const c of applicationChecks(template)) outcomes.push(runCheck(c, value));
  const rowFailures = failedRowTotals(outcomes);
  const diagnostics: Diagnostic[] = [];
  for (const o of outcomes) {
    if (explainedByRow(o, rowFailures)) continue;
    const d = diagnosticOf(o);
    if (d) diagnostics.push(d);
  }
  diagnostics.push(...shiftedRows(outcomes.filter((o) => o.check.check === 'T3-C').map((o) => o.check), value));
  return diagnostics;
}

/** The total cells of the rows whose own sum (T3-C) fails. */
function failedRowTotals(outcomes: readonly CheckOutcome[]): Set<string> {
  const cells = new Set<string>();
  for (const o of outcomes) if (o.check.check === 'T3-C' && o.status === 'fail') for (const p of o.check.rhs) cells.add(p);
  return cells;
}

/** A failure in the 总计 column that touches a row failing its own sum. */
function explainedByRow(o: CheckOutcome, rowFailures: ReadonlySet<string>): boolean {
  if (o.status !== 'fail' || o.check.check === 'T3-C' || o.check.where !== `column ${columnLabels['total']}`) return false;
  for (const p of o.check.lhs) if (rowFailures.has(p)) return true;
  for (const p of o.check.rhs) if (rowFailures.has(p)) return true;
  return false;
}
