// A Report as text for output: its records as CSV (RFC 4180), its diagnostics as `check` prints them.
import type { Report } from '../schema/report.js';
import type { ReportRecord } from './records.js';

const FIELDS: (keyof ReportRecord)[] = ['file', 'agency', 'year', 'template', 'table', 'row', 'column', 'value', 'derived', 'flagged'];

export function csvHeader(): string {
  return `${FIELDS.join(',')}\n`;
}

export function csvLine(rec: ReportRecord): string {
  return `${FIELDS.map((f) => field(rec[f])).join(',')}\n`;
}

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The human-readable form of a Report's diagnostics, as `check` prints them. */
export function formatDiagnostics(name: string, report: Report): string {
  const m = report.meta;
  let out = `${name}: ${m.agency ?? '?'} ${m.year ?? '?'} ${m.template}\n`;
  for (const d of report.diagnostics) out += `  ${d.severity.padEnd(7)} ${d.code}${d.check ? ` ${d.check}` : ''}${d.path && d.path !== 'table' ? ` ${d.path}` : d.table ? ` ${d.table}` : ''}: ${d.message}\n`;
  if (!report.diagnostics.length) out += '  no diagnostics\n';
  return out;
}
