// A fixed pool of worker threads running batch tasks (./task.ts). A task whose worker dies (a crash,
// running out of heap) is reported as that input's internal error and the worker is replaced: one bad file
// never stops a batch.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { failedOutcome, sourceName, type Outcome, type Task } from './task.js';

interface Job {
  id: number;
  task: Task;
  resolve: (outcome: Outcome) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

/** Built, the worker sits beside this module; run from source (the tests), it is the built one in dist/. */
export function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/worker.js', here) : new URL('./worker.js', here);
}

export class TaskPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly workerUrl: URL = defaultWorkerUrl(),
  ) {
    if (size < 1) throw new RangeError(`a pool needs at least one worker (got ${size})`);
    if (!existsSync(fileURLToPath(workerUrl))) throw new Error(`the worker script ${fileURLToPath(workerUrl)} is missing: run \`npm run build\``);
  }

  /** Resolves with the task's outcome; never rejects. */
  run(task: Task): Promise<Outcome> {
    if (this.closed) return Promise.resolve(failedOutcome(sourceName(task.source), 'the pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(failedOutcome(sourceName(job.task.source), 'the pool was closed before this input ran'));
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
    this.slots.clear();
  }

  private dispatch(): void {
    while (this.queue.length) {
      const slot = [...this.slots].find((s) => !s.job) ?? (this.slots.size < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  private spawn(): Slot {
    // Default heap limits, as the main thread's: a smaller old generation also shrinks the young one,
    // and the batch then pays twice the GC (measured). Inputs are capped by `maxBytes` instead.
    const worker = new Worker(this.workerUrl);
    const slot: Slot = { worker };
    worker.on('message', ({ id, outcome }: { id: number; outcome: Outcome }) => {
      const job = slot.job;
      if (!job || job.id !== id) return;
      slot.job = undefined;
      job.resolve(outcome);
      this.dispatch();
    });
    const lost = (reason: string) => {
      const job = slot.job;
      slot.job = undefined;
      if (!this.slots.delete(slot)) return;
      if (job) job.resolve(failedOutcome(sourceName(job.task.source), `the worker stopped while parsing this input: ${reason}`));
      void worker.terminate();
      if (!this.closed) this.dispatch();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.slots.add(slot);
    return slot;
  }
}
