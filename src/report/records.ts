// Tidy long format (CONTRACT §4): one record per cell, reported cells before derived ones.
import { applicationGroupTotals, rowsOf } from '../../grammars/applications.js';
import type { Report } from '../schema/report.js';

export interface ReportRecord {
  file: string | null;
  agency: string | null;
  year: number | null;
  template: string;
  table: string;
  row: string;
  column: string;
  value: number | null;
  /** Computed (a group total), not read from the report. */
  derived: boolean;
  /** Some warning or error diagnostic names this cell, directly or as part of a failed check. */
  flagged: boolean;
}

const TABLE_ORDER = ['documents', 'decisions', 'fees', 'applications', 'reviewLitigation'] as const;

/** Paths named by warnings and errors: their records are flagged. */
export function flaggedPaths(report: Report): Set<string> {
  const out = new Set<string>();
  for (const d of report.diagnostics) {
    if (d.severity === 'info') continue;
    if (d.path && d.path !== 'table') out.add(d.path);
    // Not `?? []`: an empty literal is another array map than the cell lists the loop reads.
    if (d.cells) for (const c of d.cells) out.add(c);
  }
  return out;
}

export function toRecords(report: Report): ReportRecord[] {
  const flagged = flaggedPaths(report);
  const underFlagged = groupsFlagged(flagged);
  const file = report.source.fileName ?? null;
  const agency = report.meta.agency ?? null;
  const year = report.meta.year ?? null;
  const template = report.meta.template;
  const reported: ReportRecord[] = [];
  const derived: ReportRecord[] = [];
  for (const table of TABLE_ORDER) {
    const t = report.tables[table] as Record<string, unknown> | undefined;
    if (!t) continue;
    const derivedRows = table === 'applications' ? derivedRowsOf(report) : new Set<string>();
    for (const { row, cells } of tableRows(t)) {
      const isDerived = derivedRows.has(row);
      for (const [column, value] of Object.entries(cells)) {
        const path = `${table}/${row}/${column}`;
        const rec: ReportRecord = { file, agency, year, template, table, row, column, value, derived: isDerived, flagged: flagged.has(path) };
        if (isDerived) {
          // A sum is as doubtful as the cells it adds up (a derived row is always a group's `.total`).
          rec.flagged = underFlagged.has(groupKey(`${table}/${row.replace(/\.total$/, '.')}`, column));
          derived.push(rec);
        } else reported.push(rec);
      }
    }
  }
  return [...reported, ...derived];
}

/**
 * For each flagged path, every prefix of it that ends in a dot (`applications/results.denied.`) with
 * the path's column: a group total is flagged when one of its parts is, looked up instead of scanned.
 */
function groupsFlagged(flagged: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const p of flagged) {
    const column = p.slice(p.lastIndexOf('/') + 1);
    for (let dot = p.indexOf('.'); dot >= 0; dot = p.indexOf('.', dot + 1)) out.add(groupKey(p.slice(0, dot + 1), column));
  }
  return out;
}

/** The key `groupsFlagged` files a group prefix and a column under. */
function groupKey(prefix: string, column: string): string {
  return `${prefix}\n${column}`;
}

/** The group totals the applications table computes rather than reads (V2019 reads （六）其他处理). */
function derivedRowsOf(report: Report): Set<string> {
  const template = report.tables.applications?.template ?? 'V2021';
  const reportedRows = new Set(rowsOf(template));
  return new Set(Object.keys(applicationGroupTotals).filter((r) => !reportedRows.has(r)));
}

/** Rows of a table object: nested objects whose values are all numbers or null. */
function tableRows(table: Record<string, unknown>, prefix = ''): { row: string; cells: Record<string, number | null> }[] {
  const out: { row: string; cells: Record<string, number | null> }[] = [];
  for (const [key, value] of Object.entries(table)) {
    if (key === 'template' || key === 'extraRows' || value === null || typeof value !== 'object') continue;
    const entries = Object.entries(value as Record<string, unknown>);
    const isRow = entries.length > 0 && entries.every(([, v]) => v === null || typeof v === 'number');
    if (isRow) out.push({ row: prefix + key, cells: value as Record<string, number | null> });
    else out.push(...tableRows(value as Record<string, unknown>, `${prefix}${key}.`));
  }
  return out;
}
