// Every cell of every report in corpus/, against its checked gold file: one case per report.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, toRecords, reportSchema } from '../src/index.js';
import { goldFiles } from './goldCorpus.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus');

describe('corpus/', () => {
  for (const { gold, path } of goldFiles(CORPUS)) {
    it(`${gold.file}: every gold cell right, every doubt flagged`, () => {
      const report = parseReport(readFileSync(path), { fileName: gold.file });
      expect(reportSchema.safeParse(report).success).toBe(true);
      const records = new Map(toRecords(report).filter((r) => !r.derived).map((r) => [`${r.table}/${r.row}/${r.column}`, r]));
      const ambiguous = new Set(gold.ambiguous ?? []);
      const wrong: string[] = [];
      for (const [cell, want] of Object.entries(gold.cells)) {
        const rec = records.get(cell);
        if (!rec) wrong.push(`${cell}: missing`);
        else if (ambiguous.has(cell)) {
          // A cell the source cannot settle: the proven value, or null / flagged.
          if (rec.value !== want && rec.value !== null && !rec.flagged) wrong.push(`${cell}: ${rec.value} unflagged (ambiguous)`);
        } else if (rec.value !== want) wrong.push(`${cell}: got ${rec.value}, want ${want}`);
      }
      for (const [cell, rec] of records) if (!(cell in gold.cells) && rec.value !== null && !rec.flagged) wrong.push(`${cell}: ${rec.value} is not in the report`);
      expect(wrong).toEqual([]);
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
