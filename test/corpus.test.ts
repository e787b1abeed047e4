// Every cell of every report in corpus/, against its checked gold file: one case per report.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, reportSchema } from '../src/index.js';
import { goldFiles, score } from './goldCorpus.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus');

describe('corpus/', () => {
  for (const { gold, path } of goldFiles(CORPUS)) {
    it(`${gold.file}: every gold cell right, every doubt flagged`, () => {
      const report = parseReport(readFileSync(path), { fileName: gold.file });
      expect(reportSchema.safeParse(report).success).toBe(true);
      const s = score(report, gold);
      const ambiguous = new Set(gold.ambiguous ?? []);
      // A cell the source cannot settle may be null or flagged; every other cell is right.
      expect(s.caught.filter((c) => !ambiguous.has(c.split(':')[0]!))).toEqual([]);
      expect([...s.silent, ...s.phantom, ...s.missing]).toEqual([]);
      expect(report.meta.template).toBe(gold.template);
      if (gold.meta.year) expect(report.meta.year).toBe(gold.meta.year);
      if (gold.meta.agency) expect(report.meta.agency).toBe(gold.meta.agency);
      for (const check of gold.sourceChecksFail ?? []) {
        const failed = report.diagnostics.filter((d) => d.code === 'check-failed' && d.check === check);
        expect(failed.length, `${check} is reported`).toBeGreaterThan(0);
        expect(failed.every((d) => (d.cells ?? []).length > 0)).toBe(true);
      }
      if (gold.template === 'unknown') {
        expect(Object.keys(report.tables)).toEqual([]);
        expect(report.diagnostics.filter((d) => d.code === 'table-missing')).toHaveLength(5);
      }
    });
  }
});
