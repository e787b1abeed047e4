// Property: whatever is done to a corpus report — cells or lines deleted, duplicated or swapped, noise
// inserted, the text cut anywhere, a digit changed, several at once — parseReport answers: it does not
// throw, nothing fails inside it (no internal-error), every error has a code of ERROR_CODES, every code
// is in docs/diagnostics.md, and a sample of the Reports validates against the zod schema. Seeded: reproducible.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, reportSchema, toRecords, ERROR_CODES } from '../src/index.js';
import { mutate, mutation } from './mutations.js';
import { corpusReports } from './records.js';

const reports = corpusReports();
export const ROBUST_RUNS = 7000;

describe('mutated corpus reports', () => {
  it(`${ROBUST_RUNS} seeded mutations: never a throw, never an internal error, every error code stable and documented`, () => {
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: reports.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (k, mutations) => {
        const text = mutations.reduce(mutate, reports[k]!.text);
        const report = parseReport(text, { fileName: reports[k]!.name, provenance: false });
        const broken = report.diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message);
        if (broken.length) throw new Error(`internal error on a mutation of ${reports[k]!.name}: ${broken.join('; ')}`);
        const unknown = report.diagnostics.filter((d) => d.severity === 'error' && !(ERROR_CODES as readonly string[]).includes(d.code));
        if (unknown.length) throw new Error(`error codes outside ERROR_CODES: ${unknown.map((d) => d.code).join(', ')}`);
        for (const d of report.diagnostics) kinds.set(d.code, (kinds.get(d.code) ?? 0) + 1);
        toRecords(report);
        return true;
      }),
      { seed: 20240415, numRuns: ROBUST_RUNS },
    );
    // The mutations reach the failure paths, not only clean parses.
    for (const code of ['row-missing', 'cell-unreadable', 'check-failed', 'table-missing']) expect(kinds.get(code) ?? 0, code).toBeGreaterThan(0);
    // Every code that came up is documented.
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'diagnostics.md'), 'utf8');
    for (const code of kinds.keys()) expect(doc, code).toContain(`### \`${code}\``);
  }, 180_000);

  it('a sample of mutated Reports validates against the zod schema', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: reports.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (k, mutations) => {
        const report = parseReport(mutations.reduce(mutate, reports[k]!.text));
        expect(reportSchema.safeParse(report).success).toBe(true);
      }),
      { seed: 20240416, numRuns: 200 },
    );
  }, 60_000);
});
