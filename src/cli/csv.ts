// Records as CSV (RFC 4180): a header, then one line per cell.
import type { ReportRecord } from '../report/records.js';

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
