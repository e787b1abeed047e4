// The template's arithmetic (SPEC §6): failures name every cell, blanks make a check "cannot check".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkApplications } from '../../src/check/applications.js';
import { checkReviewLitigation } from '../../src/check/reviewLitigation.js';
import { parseReport, toRecords } from '../../src/index.js';

const corpus = (name: string) => readFileSync(join(import.meta.dirname, '../../corpus', name));

describe('checkReviewLitigation', () => {
  it('flags 031 as published: 10 + 1 ≠ 0 (T4-A) and 5 ≠ 0 (T4-C), naming every cell', () => {
    const values: Record<string, number> = {
      'reviewLitigation/review/upheld': 10, 'reviewLitigation/review/corrected': 1, 'reviewLitigation/review/other': 0, 'reviewLitigation/review/pending': 0, 'reviewLitigation/review/total': 0,
      'reviewLitigation/litigationDirect/upheld': 0, 'reviewLitigation/litigationDirect/corrected': 0, 'reviewLitigation/litigationDirect/other': 0, 'reviewLitigation/litigationDirect/pending': 0, 'reviewLitigation/litigationDirect/total': 0,
      'reviewLitigation/litigationAfterReview/upheld': 5, 'reviewLitigation/litigationAfterReview/corrected': 0, 'reviewLitigation/litigationAfterReview/other': 0, 'reviewLitigation/litigationAfterReview/pending': 0, 'reviewLitigation/litigationAfterReview/total': 0,
    };
    const diagnostics = checkReviewLitigation((p) => values[p] ?? null);
    expect(diagnostics.map((d) => [d.code, d.check, d.severity])).toEqual([
      ['check-failed', 'T4-A', 'warning'],
      ['check-failed', 'T4-C', 'warning'],
    ]);
    expect(diagnostics[0]!.cells).toHaveLength(5);
  });

  it('cannot check a group with a blank cell (014): info, not a failure', () => {
    const diagnostics = checkReviewLitigation((p) => (p.endsWith('corrected') ? null : 1));
    expect(diagnostics.every((d) => d.code === 'check-skipped' && d.severity === 'info')).toBe(true);
  });
});

describe('checkApplications', () => {
  it('passes on a table that adds up, and reports the most specific failure', () => {
    const ok = checkApplications('V2021', () => 0);
    expect(ok).toEqual([]);
    // One applicant cell off by one: T3-C on its row, T3-A/T3-B on its column; the 总计 column is explained.
    const broken = checkApplications('V2021', (p) => (p === 'applications/results.granted/naturalPerson' ? 1 : 0));
    expect(broken.map((d) => d.check).sort()).toEqual(['T3-B', 'T3-C']);
  });
});

describe('checks in a parsed report', () => {
  it('031 fails T4-A and T4-C as published; the numbers stay as printed and their records are flagged', () => {
    const report = parseReport(corpus('031_hongze_2023.pdftotext-layout.txt'));
    expect(report.tables.reviewLitigation!.review).toEqual({ upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 });
    const flagged = toRecords(report).filter((r) => r.flagged).map((r) => `${r.row}/${r.column}`);
    expect(flagged).toContain('review/total');
    expect(flagged).toContain('litigationAfterReview/upheld');
    expect(flagged).not.toContain('litigationDirect/total');
  });
});
