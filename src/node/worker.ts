// The worker thread of the pool (./pool.ts): runs one task at a time and posts back its outcome.
import { parentPort } from 'node:worker_threads';
import { failedOutcome, runTask, sourceName, type Task } from './task.js';

parentPort!.on('message', async ({ id, task }: { id: number; task: Task }) => {
  let outcome;
  try {
    outcome = await runTask(task);
  } catch (error) {
    // runTask does not throw on report content; this is a bug, reported for this input only.
    outcome = failedOutcome(sourceName(task.source), error instanceof Error ? error.message : String(error));
  }
  parentPort!.postMessage({ id, outcome });
});
