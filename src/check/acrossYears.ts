// The soft cross-year checks of SPEC §6, between one agency's reports of two consecutive years:
// X-1 this year's 上年结转 = last year's 结转下年度继续办理 (per column), and X-2 (V2021 documents)
// 现行有效件数 = last year's + 本年制发 − 本年废止. Failures are warnings naming the cells of both reports;
// the numbers are never changed.
import { applicantColumns } from '../../grammars/applications.js';
import { columnLabels, rowLabels } from '../../grammars/labels.js';
import type { Applications, Diagnostic, Documents, Report } from '../schema/report.js';

export type CrossYearCheck = 'X-1' | 'X-2';

/** One side of a cross-year comparison: which report, and which of its cells the check reads. */
export interface YearSide {
  year?: number;
  file?: string;
  cells: string[];
}

/** A cross-year diagnostic: `path` and `cells` name the current report's cells, `previous` the earlier one's. */
export interface CrossYearDiagnostic extends Diagnostic {
  check: CrossYearCheck;
  previous: YearSide;
  current: YearSide;
}

/** What the checks read of a report: a whole `Report` will do, and so will just these parts of one. */
export interface YearReport {
  meta: { year?: number; agency?: string };
  source: { fileName?: string };
  tables: { applications?: Pick<Applications, 'carriedOver' | 'carriedForward'>; documents?: Documents };
}

const DOCUMENT_ROWS = ['regulations', 'normativeDocuments'] as const;

/**
 * between the reports of year N−1 (`previous`) and N (`current`). The caller pairs the
 * reports (same agency); reports whose years are not consecutive are not compared (an info says so).
 */
export function compareYears(previous: YearReport, current: YearReport): CrossYearDiagnostic[] {
  const py = previous.meta.year;
  const cy = current.meta.year;
  const side = (r: YearReport, cells: string[]): YearSide => ({
    ...(r.meta.year !== undefined ? { year: r.meta.year } : {}),
    ...(r.source.fileName ? { file: r.source.fileName } : {}),
    cells,
  });
  if (py === undefined || cy === undefined || cy !== py + 1) {
    const why = py === undefined || cy === undefined ? 'a report has no year' : `${py} and ${cy} are not consecutive years`;
    return (['X-1', 'X-2'] as const).map((check) => ({
      code: 'check-skipped',
      severity: 'info',
      message: `${check} not run: ${why}`,
      check,
      previous: side(previous, []),
      current: side(current, []),
    }));
  }
  const out: CrossYearDiagnostic[] = [];
  const skip = (check: CrossYearCheck, why: string, prev: string[], cur: string[]) =>
    out.push({ code: 'check-skipped', severity: 'info', message: `${check} not run: ${why}`, check, ...(cur[0] ? { path: cur[0] } : {}), previous: side(previous, prev), current: side(current, cur) });

  // X-1, per applicant column.
  if (!previous.tables.applications || !current.tables.applications) skip('X-1', `the ${!current.tables.applications ? cy : py} report has no applications table`, [], []);
  else
    for (const column of applicantColumns) {
      const cur = `applications/carriedOver/${column}`;
      const prev = `applications/carriedForward/${column}`;
      const now = cellAt(current, cur);
      const before = cellAt(previous, prev);
      if (now == null || before == null) skip('X-1', `${columnLabels[column]}: a cell is blank or unreadable`, [prev], [cur]);
      else if (now !== before)
        out.push({
          code: 'check-failed',
          severity: 'warning',
          check: 'X-1',
          message: `X-1 fails (${columnLabels[column]}): 上年结转 in ${cy} is ${now} (${cur}), but 结转下年度继续办理 in ${py} is ${before} (${prev})`,
          path: cur,
          table: 'applications',
          cells: [cur],
          previous: side(previous, [prev]),
          current: side(current, [cur]),
        });
    }

  // X-2, per documents row: only the V2021 columns carry this arithmetic.
  const pd = previous.tables.documents;
  const cd = current.tables.documents;
  if (pd?.template !== 'V2021' || cd?.template !== 'V2021') skip('X-2', `it needs the V2021 documents table in both years (${py}: ${pd?.template ?? 'none'}, ${cy}: ${cd?.template ?? 'none'})`, [], []);
  else
    for (const row of DOCUMENT_ROWS) {
      const prev = [`documents/${row}/inForce`];
      const cur = [`documents/${row}/inForce`, `documents/${row}/issued`, `documents/${row}/repealed`];
      const before = cellAt(previous, prev[0]!);
      const [inForce, issued, repealed] = cur.map((p) => cellAt(current, p));
      if (before == null || inForce == null || issued == null || repealed == null) skip('X-2', `${rowLabels[row]}: a cell is blank or unreadable`, prev, cur);
      else if (inForce !== before + issued - repealed)
        out.push({
          code: 'check-failed',
          severity: 'warning',
          check: 'X-2',
          message: `X-2 fails (${rowLabels[row]}): 现行有效件数 in ${cy} is ${inForce}, but ${before} in ${py} + ${issued} issued − ${repealed} repealed = ${before + issued - repealed}`,
          path: cur[0]!,
          table: 'documents',
          cells: cur,
          previous: side(previous, prev),
          current: side(current, cur),
        });
    }
  return out;
}

/** The value of a cell by its CellPath; undefined when the report has no such cell. */
export function cellAt(report: YearReport | Report, path: string): number | null | undefined {
  const [table, row, column] = path.split('/');
  let node: unknown = (report.tables as Record<string, unknown>)[table ?? ''];
  for (const key of [...(row ?? '').split('.'), column ?? '']) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === 'number' || node === null ? node : undefined;
}
