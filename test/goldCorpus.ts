// Reads a corpus directory's gold files (format: docs/eval.md) for the tests, and
// scores a parsed report against one the way the shared scorer does.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { toRecords, type Report } from '../src/index.js';

export interface Gold {
  file: string;
  template: string;
  meta: { agency?: string | null; year?: number | null };
  cells: Record<string, number | null>;
  ambiguous?: string[];
  sourceChecksFail?: string[];
}

export function goldFiles(dir: string): { gold: Gold; path: string }[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.gold.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as Gold)
    .filter((g) => existsSync(join(dir, g.file)))
    .map((gold) => ({ gold, path: join(dir, gold.file) }));
}

export interface Score {
  right: number;
  /** Wrong or null, but flagged (or an ambiguous cell left null). */
  caught: string[];
  /** Wrong and unflagged: the worst outcome. */
  silent: string[];
  /** An unflagged number at a cell the report does not print. */
  phantom: string[];
  missing: string[];
}

export function score(report: Report, gold: Gold): Score {
  const records = new Map(toRecords(report).filter((r) => !r.derived).map((r) => [`${r.table}/${r.row}/${r.column}`, r]));
  const ambiguous = new Set(gold.ambiguous ?? []);
  const out: Score = { right: 0, caught: [], silent: [], phantom: [], missing: [] };
  for (const [cell, want] of Object.entries(gold.cells)) {
    const rec = records.get(cell);
    if (!rec) out.missing.push(cell);
    else if (rec.value === want) out.right++;
    else if (rec.flagged || (ambiguous.has(cell) && rec.value === null)) out.caught.push(`${cell}: ${rec.value} (want ${want})`);
    else out.silent.push(`${cell}: ${rec.value} (want ${want})`);
  }
  for (const [cell, rec] of records) if (!(cell in gold.cells) && rec.value !== null && !rec.flagged) out.phantom.push(`${cell}: ${rec.value}`);
  return out;
}
