// T3-A, T3-B, T3-C over the applications table (SPEC §2.2, §6).
import { applicantColumns, rowsOf } from '../../grammars/applications.js';
import type { Version } from '../../grammars/types.js';
import type { Diagnostic } from '../report/schema.js';
import { columnLabels } from '../../grammars/labels.js';
import { runCheck, diagnosticOf, type SumCheck, type CheckOutcome } from './arithmetic.js';

const cache = new Map<Version, SumCheck[]>();

/** The checks of a template's table, built once per template. */
export function applicationChecks(template: Version): SumCheck[] {
  let checks = cache.get(template);
  if (!checks) cache.set(template, (checks = buildChecks(template)));
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

/** Runs the checks; a failure in the 总计 column is reported only when no T3-C failure explains it. */
export function checkApplications(template: Version, value: (path: string) => number | null): Diagnostic[] {
  const outcomes = applicationChecks(template).map((c) => runCheck(c, value));
  const rowFailures = new Set(outcomes.filter((o) => o.check.check === 'T3-C' && o.status === 'fail').flatMap((o) => o.check.rhs));
  const explained = (o: CheckOutcome) =>
    o.status === 'fail' && o.check.check !== 'T3-C' && o.check.where === `column ${columnLabels['total']}` && [...o.check.lhs, ...o.check.rhs].some((p) => rowFailures.has(p));
  return outcomes.filter((o) => !explained(o)).map(diagnosticOf).filter((d): d is Diagnostic => !!d);
}
