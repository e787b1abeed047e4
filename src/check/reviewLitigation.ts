// T4-A/B/C over the review and litigation table (SPEC §2.3, §6).
import { outcomeColumns, reviewGroups } from '../../grammars/reviewLitigation.js';
import type { Diagnostic } from '../schema/report.js';
import { runCheck, diagnosticOf, type SumCheck } from './arithmetic.js';
import { shiftedRows } from './shifted.js';

const CHECK_OF = { review: 'T4-A', litigationDirect: 'T4-B', litigationAfterReview: 'T4-C' } as const;
const GROUP_NAMES = { review: '行政复议', litigationDirect: '未经复议直接起诉', litigationAfterReview: '复议后起诉' } as const;

function reviewChecks(): SumCheck[] {
  return reviewGroups.map((g) => ({
    check: CHECK_OF[g],
    table: 'reviewLitigation',
    where: GROUP_NAMES[g],
    lhs: outcomeColumns.filter((c) => c !== 'total').map((c) => `reviewLitigation/${g}/${c}`),
    rhs: [`reviewLitigation/${g}/total`],
  }));
}

const checks = reviewChecks();

export function checkReviewLitigation(value: (path: string) => number | null): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const c of checks) {
    const d = diagnosticOf(runCheck(c, value));
    if (d) diagnostics.push(d);
  }
  diagnostics.push(...shiftedRows(checks, value));
  return diagnostics;
}
