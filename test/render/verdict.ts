// Judges a parse of a re-rendered report against its truth: every number right or flagged, never silently
// wrong, no phantom number, no cell missing without a diagnostic that names its table.
import { toRecords, type Report } from '../../src/index.js';
import type { Rendered } from './report.js';

export interface Verdict {
  /** A number that is not the truth, or a null where the truth is a number, and no diagnostic names it. */
  silent: string[];
  /** An unflagged number at a cell the report does not have. */
  phantom: string[];
  /** A cell with no record while no warning or error names its table. */
  unnamedMissing: string[];
}

export function verdict(report: Report, rendered: Rendered): Verdict {
  const records = new Map(toRecords(report).filter((r) => !r.derived).map((r) => [`${r.table}/${r.row}/${r.column}`, r]));
  const tablesNamed = new Set(report.diagnostics.filter((d) => d.severity !== 'info' && d.table).map((d) => d.table));
  const out: Verdict = { silent: [], phantom: [], unnamedMissing: [] };
  for (const [path, want] of rendered.truth) {
    const rec = records.get(path);
    if (!rec) {
      if (!tablesNamed.has(path.split('/')[0])) out.unnamedMissing.push(path);
    } else if (rec.value === want || rec.flagged) continue;
    else if (rec.value === 0 && rendered.placeholders.has(path)) continue;
    else out.silent.push(`${path}: ${rec.value} (truth ${want})`);
  }
  for (const [path, rec] of records) if (!rendered.truth.has(path) && rec.value !== null && !rec.flagged) out.phantom.push(`${path}: ${rec.value}`);
  return out;
}
