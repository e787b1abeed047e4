// What a batch task is and what it gives back: kept apart from the parser (./task.ts), so the main
// thread of a pooled batch can hand out tasks and read outcomes without loading the parser at all.
import type { ParseOptions } from '../report/parse.js';
import type { YearReport } from '../check/acrossYears.js';
import type { Report } from '../schema/report.js';

/** Where a report comes from: a file (read by whoever runs the task), bytes or text. */
export type TaskSource = { path: string } | { bytes: Uint8Array; fileName?: string } | { text: string; fileName?: string };

/**
 * What to hand back: the Report itself, the parts of it the cross-year checks read (`years`), or the
 * text the CLI writes for it (formatting in the worker keeps the main thread free to only write).
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
}

export function sourceName(source: TaskSource): string {
  return 'path' in source ? source.path : (source.fileName ?? '');
}

/** A task that failed outside the parser (a crashed worker): reported like an internal error. */
export function failedOutcome(name: string, message: string): Outcome {
  return { name, hasError: true, hasWarning: false, codes: ['internal-error'], errors: [`internal-error: ${message}`] };
}
