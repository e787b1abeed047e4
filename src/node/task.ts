// One unit of batch work — read, parse, format — the same in a worker thread and in-process, so
// `--jobs 1` and `--jobs N` give byte-identical output.
import { readFile } from 'node:fs/promises';
import { parseDocument } from '../report/document.js';
import { flaggedPaths, toRecords } from '../report/records.js';
import type { YearReport } from '../check/acrossYears.js';
import type { Report } from '../schema/report.js';
import type { Outcome, Task, TaskOutput } from './outcome.js';
import { sourceName } from './outcome.js';
import { csvLine, formatDiagnostics } from '../report/format.js';

export { failedOutcome, sourceName, type Outcome, type Task, type TaskOutput, type TaskSource } from './outcome.js';

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
  const report = await parseDocument(input, { ...task.options, ...(name ? { fileName: name } : {}) });
  const outcome = summarize(name, report);
  if (task.output === 'report') outcome.report = report;
  else if (task.output === 'years') outcome.years = { report: yearPart(report), flagged: flaggedPaths(report).size };
  else if (!(task.strict && outcome.hasError)) outcome.text = format(report, name, task.output);
  return outcome;
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
