// The template's arithmetic (SPEC §6) as data: each check is "these cells sum to that cell".
// A check with a null cell cannot run (info); a failed check names every cell involved (warning).
import type { Diagnostic } from '../schema/report.js';

export interface SumCheck {
  check: 'T3-A' | 'T3-B' | 'T3-C' | 'T4-A' | 'T4-B' | 'T4-C';
  table: string;
  /** Cell paths whose sum must equal the sum of `rhs`. */
  lhs: readonly string[];
  rhs: readonly string[];
  /** Short description for the message (`column 自然人`). */
  where: string;
}

export interface CheckOutcome {
  check: SumCheck;
  status: 'pass' | 'fail' | 'cannot-check';
  lhs?: number;
  rhs?: number;
}

export function runCheck(check: SumCheck, value: (path: string) => number | null): CheckOutcome {
  let lhs = 0;
  let rhs = 0;
  for (const p of check.lhs) {
    const v = value(p);
    if (v === null) return { check, status: 'cannot-check' };
    lhs += v;
  }
  for (const p of check.rhs) {
    const v = value(p);
    if (v === null) return { check, status: 'cannot-check' };
    rhs += v;
  }
  return { check, status: lhs === rhs ? 'pass' : 'fail', lhs, rhs };
}

export function diagnosticOf(outcome: CheckOutcome): Diagnostic | undefined {
  const { check } = outcome;
  const cells = [...check.lhs, ...check.rhs];
  if (outcome.status === 'pass') return undefined;
  if (outcome.status === 'cannot-check') {
    return {
      code: 'check-skipped',
      severity: 'info',
      message: `${check.check} (${check.where}) cannot be checked: a cell it needs is blank or unreadable`,
      path: check.rhs[0]!,
      table: check.table,
      check: check.check,
    };
  }
  return {
    code: 'check-failed',
    severity: 'warning',
    message: `${check.check} fails (${check.where}): ${outcome.lhs} ≠ ${outcome.rhs} as published`,
    path: check.rhs[0]!,
    table: check.table,
    check: check.check,
    cells,
  };
}
