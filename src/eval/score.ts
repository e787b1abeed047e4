// Scoring a parsed Report against its gold file: each gold cell is right, caught, missed or silent,
// and an unflagged number the report does not print is a phantom (docs/eval.md has the definitions).
import { toRecords, type ReportRecord } from '../report/records.js';
import type { Report } from '../schema/report.js';
import type { Gold } from './gold.js';

/** A cell (or meta field, or source check) the parser did not get right, as `--verbose` lists it. */
export interface Discrepancy {
  kind: 'caught' | 'missed' | 'silent' | 'phantom' | 'meta' | 'source-check';
  /** The CellPath, `meta.agency`/`meta.year`/`meta.template`, or the check (`T4-A`). */
  path: string;
  text: string;
}

export interface ReportScore {
  /** The report file as the gold names it. */
  file: string;
  /** Why no cell could be read: the parse ended in an error and gave no cells (unreadable, not a report, …). */
  crash?: string;
  cells: number;
  /** Cells the source settles: all but the ambiguous ones the parser did not get right. */
  settled: number;
  settledRight: number;
  right: number;
  caught: number;
  missed: number;
  silent: number;
  phantom: number;
  meta: { right: number; total: number };
  sourceChecks: { flagged: number; expected: number };
  wrong: Discrepancy[];
}

export interface EvalTotals {
  reports: number;
  cells: number;
  settled: number;
  settledRight: number;
  right: number;
  caught: number;
  missed: number;
  silent: number;
  phantom: number;
  /** Reports whose parse ended in an error before any cell (see ReportScore.crash). */
  crashed: number;
  metaRight: number;
  metaTotal: number;
  checksFlagged: number;
  checksExpected: number;
}

const CHECKED_META = ['agency', 'year', 'template'] as const;

export function scoreReport(report: Report, gold: Gold): ReportScore {
  const s: ReportScore = {
    file: gold.file,
    cells: 0,
    settled: 0,
    settledRight: 0,
    right: 0,
    caught: 0,
    missed: 0,
    silent: 0,
    phantom: 0,
    meta: { right: 0, total: 0 },
    sourceChecks: { flagged: 0, expected: 0 },
    wrong: [],
  };
  const wrong = (kind: Discrepancy['kind'], path: string, text: string) => s.wrong.push({ kind, path, text });
  const records = new Map<string, ReportRecord>();
  for (const r of toRecords(report)) if (!r.derived) records.set(`${r.table}/${r.row}/${r.column}`, r);
  // An error that left no cell at all (the CLI prints nothing for it): nothing was read, not even meta.
  const error = report.diagnostics.find((d) => d.severity === 'error');
  const crashed = error !== undefined && records.size === 0;
  if (crashed) s.crash = `${error.code}: ${error.message}`;

  const ambiguous = new Set(gold.ambiguous ?? []);
  for (const [path, want] of Object.entries(gold.cells)) {
    s.cells++;
    const rec = records.get(path);
    if (!rec) {
      s.missed++;
      if (!ambiguous.has(path)) s.settled++;
      wrong('missed', path, `${path}: missing (want ${want})`);
      continue;
    }
    if (ambiguous.has(path) && rec.value !== want) {
      // The source cannot settle it: null or a flag is the right answer, an unflagged guess is not.
      if (rec.value === null || rec.flagged) s.caught++;
      else {
        s.silent++;
        wrong('silent', path, `${path}: ambiguous in source, got ${rec.value} unflagged`);
      }
      continue;
    }
    s.settled++;
    if (rec.value === want) {
      s.right++;
      s.settledRight++;
    } else if (rec.flagged) {
      s.caught++;
      wrong('caught', path, `${path}: got ${rec.value} (flagged), want ${want}`);
    } else {
      s.silent++;
      wrong('silent', path, `${path}: got ${rec.value}, want ${want}  << silent`);
    }
  }
  // A number at a cell the report does not print (any cell of a report without the template's tables).
  for (const [path, rec] of records)
    if (!(path in gold.cells) && rec.value !== null && !rec.flagged) {
      s.phantom++;
      wrong('phantom', path, `${path}: ${rec.value} is not in the report  << phantom`);
    }

  const meta: Record<string, unknown> = crashed ? {} : report.meta;
  for (const k of CHECKED_META) {
    const want = k === 'template' ? gold.template : gold.meta?.[k];
    if (want === undefined || want === null) continue;
    s.meta.total++;
    if (meta[k] === want) s.meta.right++;
    else wrong('meta', `meta.${k}`, `meta.${k}: got ${meta[k]}, want ${want}`);
  }

  // A check the published numbers fail must show as a flag on its table.
  for (const check of gold.sourceChecksFail ?? []) {
    s.sourceChecks.expected++;
    const table = check.startsWith('T3') ? 'applications' : 'reviewLitigation';
    let flagged = false;
    for (const rec of records.values()) if (rec.table === table && rec.flagged) flagged = true;
    if (flagged) s.sourceChecks.flagged++;
    else wrong('source-check', check, `source fails ${check} but nothing in ${table} is flagged`);
  }
  return s;
}

export function sumScores(scores: Iterable<ReportScore>): EvalTotals {
  const t: EvalTotals = { reports: 0, cells: 0, settled: 0, settledRight: 0, right: 0, caught: 0, missed: 0, silent: 0, phantom: 0, crashed: 0, metaRight: 0, metaTotal: 0, checksFlagged: 0, checksExpected: 0 };
  for (const s of scores) {
    t.reports++;
    if (s.crash !== undefined) t.crashed++;
    t.cells += s.cells;
    t.settled += s.settled;
    t.settledRight += s.settledRight;
    t.right += s.right;
    t.caught += s.caught;
    t.missed += s.missed;
    t.silent += s.silent;
    t.phantom += s.phantom;
    t.metaRight += s.meta.right;
    t.metaTotal += s.meta.total;
    t.checksFlagged += s.sourceChecks.flagged;
    t.checksExpected += s.sourceChecks.expected;
  }
  return t;
}
