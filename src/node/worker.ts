// The worker thread of the pool (./pool.ts): runs one task at a time and posts back its outcome.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { failedOutcome, runTask, sourceName, type Task } from './task.js';

const encoder = new TextEncoder();

parentPort!.on('message', async ({ id, task }: { id: number; task: Task }) => {
  let outcome;
  try {
    // A synchronous read: waiting on the thread pool would leave this thread idle, with nothing else to do.
    outcome = await runTask(task, readFileSync);
  } catch (error) {
    // runTask does not throw on report content; this is a bug, reported for this input only.
    outcome = failedOutcome(sourceName(task.source), error instanceof Error ? error.message : String(error));
  }
  // Encoding here spares the main thread, which then only writes the bytes; the buffer moves, uncopied.
  if (outcome.text !== undefined) {
    outcome.utf8 = encoder.encode(outcome.text);
    outcome.text = undefined;
    parentPort!.postMessage({ id, outcome }, [outcome.utf8.buffer as ArrayBuffer]);
  } else parentPort!.postMessage({ id, outcome });
});
