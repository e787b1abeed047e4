// `parse` and `check` over many inputs: tasks run on a worker pool (--jobs), results come back in
// input order and stream to the sink, so memory stays flat however many files there are.
import { mapOrdered } from '../node/ordered.js';
import { TaskPool } from '../node/pool.js';
import { defaultJobs } from '../node/jobs.js';
import type { Outcome, Task, TaskOutput } from '../node/outcome.js';
import { collectInputs, readInput, type InputRef } from '../node/inputs.js';
import { csvHeader } from '../report/format.js';
import { startProgress, type Progress } from './progress.js';
import { openOutput } from './sink.js';
import { Summary } from './summary.js';
import type { Io } from './run.js';

/** Inputs in flight per worker: enough to keep workers busy, few enough to bound memory. */
const WINDOW_PER_JOB = 4;

/** Runs `output` tasks over the inputs (on `jobs` threads, else by their number); calls `each` with every outcome, in input order. */
export async function forEachOutcome(
  refs: readonly InputRef[],
  output: TaskOutput,
  requested: number | undefined,
  io: Io,
  each: (outcome: Outcome, progress: Progress) => Promise<void> | void,
  strict = false,
): Promise<void> {
  const progress = startProgress(io.stderr, refs.length);
  const jobs = requested ?? (await defaultJobs(refs.length));
  const pool = jobs > 1 && refs.length > 1 ? new TaskPool(Math.min(jobs, refs.length)) : undefined;
  // The parser is loaded only where it runs: with a pool, this thread just hands out paths and writes.
  const runHere = pool ? undefined : (await import('../node/task.js')).runTask;
  // An input that failed before it could become a task (stdin unreadable) is already its outcome.
  const run = (item: Task | Outcome) => ('source' in item ? (pool ? pool.run(item) : runHere!(item)) : Promise.resolve(item));
  const tasks = (async function* (): AsyncGenerator<Task | Outcome> {
    for (const ref of refs) {
      if (!ref.stdin) {
        yield { source: { path: ref.name }, output, strict };
        continue;
      }
      // stdin is read here: a worker cannot read the main thread's stream.
      const bytes = await readInput(ref, io.stdin).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      yield bytes instanceof Error
        ? { name: ref.name, ioError: `cannot read ${ref.name}: ${bytes.message}`, hasError: false, hasWarning: false, codes: [], errors: [] }
        : { source: { bytes, fileName: ref.name }, output, strict };
    }
  })();
  try {
    for await (const outcome of mapOrdered(tasks, run, Math.max(1, jobs) * WINDOW_PER_JOB)) {
      progress.tick();
      await each(outcome, progress);
    }
  } finally {
    progress.stop();
    await pool?.close();
  }
}

export interface BatchArgs {
  command: 'parse' | 'check';
  paths: string[];
  format?: 'json' | 'ndjson' | 'csv';
  strict?: boolean;
  out?: string;
  jobs?: number;
}

export async function runBatch(args: BatchArgs, io: Io): Promise<number> {
  const summary = new Summary();
  const { inputs, errors } = await collectInputs(args.paths);
  for (const e of errors) {
    summary.ioError();
    io.stderr.write(`xxgk-report: ${e}\n`);
  }
  const sink = await openOutput(args.out, io);
  if (!sink) return 2;
  const format = args.format ?? 'json';
  const many = inputs.length !== 1;
  const output: TaskOutput = args.command === 'check' ? 'check' : format === 'json' ? (many ? 'json' : 'json-pretty') : format;
  if (output === 'json' || output === 'json-pretty') await sink.write(many ? '[\n' : '');
  if (output === 'csv') await sink.write(csvHeader());
  let first = true;
  await forEachOutcome(
    inputs,
    output,
    args.jobs,
    io,
    async (outcome, progress) => {
      if (outcome.ioError) {
        summary.ioError();
        progress.log(`xxgk-report: ${outcome.ioError}\n`);
        return;
      }
      summary.count(outcome);
      if (args.strict && outcome.hasError) progress.log(`${outcome.name}: ${outcome.errors.join('; ')}\n`);
      const text = outcome.text;
      if (text === undefined) return;
      if (output === 'json') {
        if (!first) await sink.write(',\n');
        first = false;
      }
      await sink.write(text);
    },
    args.strict,
  );
  if (output === 'json' || output === 'json-pretty') await sink.write(many ? '\n]\n' : '\n');
  await sink.close();
  if (args.command === 'check' || inputs.length !== 1 || errors.length) io.stderr.write(summary.text());
  return summary.exitCode();
}
