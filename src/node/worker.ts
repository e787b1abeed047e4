// The worker thread of the pool (./pool.ts): runs its tasks one at a time, in the order they came, and
// posts back each outcome.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { failedOutcome, runTask, sourceName, type Task } from './task.js';

/** The pool sends a task while the one before it runs; chained, a crash hits the oldest task it sent. */
let previous: Promise<void> = Promise.resolve();

parentPort!.on('message', (message: { id: number; task: Task }) => {
  previous = previous.then(() => run(message));
});

async function run({ id, task }: { id: number; task: Task }): Promise<void> {
  let outcome;
  try {
    // A synchronous read: waiting on the thread pool would leave this thread idle, with nothing else to do.
    outcome = await runTask(task, readFileSync);
  } catch (error) {
    // runTask does not throw on report content; this is a bug, reported for this input only.
    outcome = failedOutcome(sourceName(task.source), error instanceof Error ? error.message : String(error));
  }
  // The text goes as a string: TextEncoder here cost the workers ~1 s per 10,000 files, more than the
  // main thread's own encoding as it writes; and a transferred buffer per file piled up (~40 MB) in the
  // main thread until its next GC, while strings go with its young generation.
  parentPort!.postMessage({ id, outcome });
}
