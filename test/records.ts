// Comparing two parses of the same report, cell by cell, for the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toRecords, type Report } from '../src/index.js';
import { goldFiles } from './goldCorpus.js';

export const CORPUS = join(import.meta.dirname, '..', 'corpus');
export const FORMS = join(CORPUS, 'forms');

/** Every report of the corpus and its forms that has a gold file: path, name and UTF-8 text. */
export function corpusReports(dirs: readonly string[] = [CORPUS, FORMS]): { name: string; path: string; text: string }[] {
  return dirs.flatMap((dir) => goldFiles(dir).map(({ gold, path }) => ({ name: gold.file, path, text: readFileSync(path, 'utf8') })));
}

/** Report files of a directory (no gold needed). */
export function reportFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.(html?|txt|md)$/.test(n) && n !== 'README.md')
    .sort()
    .map((n) => join(dir, n));
}

export interface CellRecord {
  value: number | null;
  flagged: boolean;
  derived: boolean;
}

/** `table/row/column` → value, flagged, derived. */
export function cellRecords(report: Report): Map<string, CellRecord> {
  return new Map(toRecords(report).map((r) => [`${r.table}/${r.row}/${r.column}`, { value: r.value, flagged: r.flagged, derived: r.derived }]));
}

/** The cells on which two parses differ, as readable lines (empty when they agree on every cell). */
export function recordDifferences(a: Report, b: Report): string[] {
  const ra = cellRecords(a);
  const rb = cellRecords(b);
  const out: string[] = [];
  for (const [path, x] of ra) {
    const y = rb.get(path);
    if (!y) out.push(`${path}: missing`);
    else if (x.value !== y.value || x.flagged !== y.flagged || x.derived !== y.derived) out.push(`${path}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
  }
  for (const path of rb.keys()) if (!ra.has(path)) out.push(`${path}: extra`);
  return out;
}

/** Diagnostics as `code path` lines, for comparing two parses. */
export function diagnosticKeys(report: Report): string[] {
  return report.diagnostics.map((d) => `${d.severity} ${d.code} ${d.path ?? ''} ${d.check ?? ''}`);
}
