// One unit of batch work — read, parse, format — the same in a worker thread and in-process, so
// `--jobs 1` and `--jobs N` give byte-identical output.
import { readFile } from 'node:fs/promises';
import { parseReport, type ParseOptions } from '../report/parse.js';
import { flaggedPaths, toRecords } from '../report/records.js';
import type { YearReport } from '../check/acrossYears.js';
import type { Report } from '../report/schema.js';
import { csvLine } from '../cli/csv.js';
import { formatDiagnostics } from '../cli/summary.js';

/** Where a report comes from: a file (read by whoever runs the task), bytes or text. */
export type TaskSource = { path: string } | { bytes: Uint8Array; fileName?: string } | { text: string; fileName?: string };

/**
 * What to hand back: the Report itself, or the text the CLI writes for it (formatting in the worker
 * keeps the main thread free to only write).
 */
export type TaskOutput = 'report' | 'years' | 'json' | 'json-pretty' | 'ndjson' | 'csv' | 'check';

export interface Task {
  source: TaskSource;
  output: TaskOutput;
  options?: Omit<ParseOptions, 'fileName'>;
  /** With `strict`, a report with an error diagnostic gives no text (CLI `--strict`). */
  strict?: boolean;
}

/** What the batch summary needs of a report: whether it has errors or warnings, and which codes. */
export interface Outcome {
  name: string;
  /** Set when the input could not be read at all (an I/O error): there is no report. */
  ioError?: string;
  hasError: boolean;
  hasWarning: boolean;
  /** Codes of the warning and error diagnostics. */
  codes: string[];
  /** `code: message` of each error diagnostic. */
  errors: string[];
  report?: Report;
  /** For `years`: just what the cross-year checks read, and how many cells the report flags. */
  years?: { report: YearReport; flagged: number };
  text?: string;
  /** `text` as UTF-8, when it comes from a worker: encoded there and transferred, not copied. */
  utf8?: Uint8Array;
}

export function sourceName(source: TaskSource): string {
  return 'path' in source ? source.path : (source.fileName ?? '');
}

/** Reads a file: asynchronously where other work may overlap it, at once in a worker that has nothing else to do. */
export type ReadFile = (path: string) => Promise<Uint8Array> | Uint8Array;

export async function runTask(task: Task, read: ReadFile = readFile): Promise<Outcome> {
  const name = sourceName(task.source);
  let input: string | Uint8Array;
  try {
    input = 'path' in task.source ? await read(task.source.path) : 'bytes' in task.source ? task.source.bytes : task.source.text;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return { name, ioError: `cannot read ${name}: ${reason}`, hasError: false, hasWarning: false, codes: [], errors: [] };
  }
  const report = parseReport(input, { ...task.options, ...(name ? { fileName: name } : {}) });
  const outcome = summarize(name, report);
  if (task.output === 'report') outcome.report = report;
  else if (task.output === 'years') outcome.years = { report: yearPart(report), flagged: flaggedPaths(report).size };
  else if (!(task.strict && outcome.hasError)) outcome.text = format(report, name, task.output);
  return outcome;
}

/** A task that failed outside the parser (a crashed worker): reported like an internal error. */
export function failedOutcome(name: string, message: string): Outcome {
  return { name, hasError: true, hasWarning: false, codes: ['internal-error'], errors: [`internal-error: ${message}`] };
}

function summarize(name: string, report: Report): Outcome {
  const notInfo = report.diagnostics.filter((d) => d.severity !== 'info');
  const errors = notInfo.filter((d) => d.severity === 'error');
  return {
    name,
    hasError: errors.length > 0,
    hasWarning: notInfo.length > errors.length,
    codes: notInfo.map((d) => d.code),
    errors: errors.map((d) => `${d.code}: ${d.message}`),
  };
}

/** The parts of a report the cross-year checks read: a batch over thousands of files keeps only these. */
function yearPart(report: Report): YearReport {
  const { applications, documents } = report.tables;
  return {
    meta: { ...(report.meta.year !== undefined ? { year: report.meta.year } : {}), ...(report.meta.agency ? { agency: report.meta.agency } : {}) },
    source: report.source.fileName ? { fileName: report.source.fileName } : {},
    tables: {
      ...(applications ? { applications: { carriedOver: applications.carriedOver, carriedForward: applications.carriedForward } } : {}),
      ...(documents ? { documents } : {}),
    },
  };
}

function format(report: Report, name: string, output: Exclude<TaskOutput, 'report' | 'years'>): string {
  switch (output) {
    case 'json':
      return JSON.stringify(report);
    case 'json-pretty':
      return JSON.stringify(report, null, 2);
    case 'check':
      return formatDiagnostics(name, report);
    case 'ndjson':
    case 'csv': {
      let out = '';
      for (const rec of toRecords(report)) out += output === 'ndjson' ? `${JSON.stringify(rec)}\n` : csvLine(rec);
      return out;
    }
  }
}
