// parseReports / streamReports: many reports at once, on a pool of worker threads, in input order.
import { stat } from 'node:fs/promises';
import type { ParseOptions } from '../report/parse.js';
import type { Report } from '../schema/report.js';
import { collectInputs } from './inputs.js';
import { mapOrdered } from './ordered.js';
import { TaskPool } from './pool.js';
import { defaultJobs, POOL_MIN_INPUTS } from './jobs.js';
import { runTask, type Outcome, type Task, type TaskSource } from './task.js';

/**
 * A path (a file, or a directory read recursively like the CLI does), bytes, or a report's text.
 * A bare string is a path; give report text as `{ text }`.
 */
export type BatchInput = string | Uint8Array | { path: string } | { bytes: Uint8Array; fileName?: string } | { text: string; fileName?: string };

export interface BatchOptions extends Omit<ParseOptions, 'fileName'> {
  /** Worker threads; 1 parses in this thread. Default: this thread, or a worker per idle core for 1,500 inputs or more (jobs.ts). */
  concurrency?: number;
}

/** Parses every input; resolves to one Report per input file, in input order. Never rejects on bad input. */
export async function parseReports(inputs: Iterable<BatchInput> | AsyncIterable<BatchInput>, options: BatchOptions = {}): Promise<Report[]> {
  const reports: Report[] = [];
  for await (const report of streamReports(inputs, options)) reports.push(report);
  return reports;
}

/** Like `parseReports`, but yields each Report as soon as it and those before it are parsed: constant memory. */
export async function* streamReports(inputs: Iterable<BatchInput> | AsyncIterable<BatchInput>, options: BatchOptions = {}): AsyncGenerator<Report> {
  const { concurrency, ...parseOptions } = options;
  // NaN or Infinity would leave the number of inputs in flight unbounded: a caller's bug, said at once.
  if (concurrency !== undefined && !Number.isFinite(concurrency)) throw new RangeError(`concurrency must be a finite number of worker threads, got ${concurrency}`);
  const all = (async function* () {
    for await (const input of inputs) for (const source of await sourcesOf(input)) yield { source, output: 'report', options: parseOptions } satisfies Task;
  })();
  // Without a concurrency, the first POOL_MIN_INPUTS tasks are looked at: a batch that ends sooner stays in this thread.
  const head: Task[] = [];
  while (concurrency === undefined && head.length < POOL_MIN_INPUTS) {
    const next = await all.next();
    if (next.done) break;
    head.push(next.value);
  }
  const jobs = concurrency === undefined ? await defaultJobs(head.length) : Math.max(1, Math.floor(concurrency));
  const pool = jobs > 1 ? new TaskPool(jobs) : undefined;
  const run = (task: Task): Promise<Outcome> => (pool ? pool.run(task) : runTask(task));
  try {
    const tasks = (async function* () {
      yield* head;
      yield* all;
    })();
    for await (const outcome of mapOrdered(tasks, run, jobs * 4)) yield outcome.report ?? unreadable(outcome);
  } finally {
    await pool?.close();
  }
}

async function sourcesOf(input: BatchInput): Promise<TaskSource[]> {
  if (input instanceof Uint8Array) return [{ bytes: input }];
  if (typeof input !== 'string' && !('path' in input)) return [input];
  const path = typeof input === 'string' ? input : input.path;
  const isDirectory = await stat(path).then(
    (s) => s.isDirectory(),
    () => false, // a missing file is reported as unreadable by its task
  );
  if (!isDirectory) return [{ path }];
  const { inputs } = await collectInputs([path]);
  return inputs.map((ref) => ({ path: ref.name }));
}

/** The Report of an input that could not be read, or whose worker died: no tables, one error. */
function unreadable(outcome: Outcome): Report {
  return {
    schemaVersion: 1,
    source: { form: 'unknown', encoding: 'unknown', bytes: 0, ...(outcome.name ? { fileName: outcome.name } : {}) },
    meta: { template: 'unknown' },
    sections: {},
    tables: {},
    diagnostics: [
      outcome.ioError
        ? { code: 'io-error', severity: 'error', message: outcome.ioError }
        : { code: 'internal-error', severity: 'error', message: outcome.errors.join('; ') },
    ],
  };
}
