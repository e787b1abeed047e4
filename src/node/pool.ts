// A fixed pool of worker threads running batch tasks (./task.ts). A task whose worker dies (a crash,
// running out of heap) is reported as that input's internal error and the worker is replaced: one bad file
// never stops a batch. Each worker holds up to JOBS_PER_WORKER tasks, run in the order sent.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { failedOutcome, sourceName, type Outcome, type Task } from './outcome.js';

interface Job {
  id: number;
  task: Task;
  resolve: (outcome: Outcome) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to the worker and not answered yet, oldest first: the worker runs them in that order. */
  jobs: Job[];
  /** Why the worker failed, when it reported an error before it exited. */
  failure?: string;
}

/**
 * Jobs a worker holds at once: the next one waits in its queue while it parses the current one, so
 * it never sits idle waiting for the main thread to answer and send more.
 */
const JOBS_PER_WORKER = 2;

/**
 * A worker's heap. Under 2 GB of old generation V8 lets it grow to at most twice what a full GC left
 * alive, not four times: a worker's heap peaked at 100-180 MB (10 MB live, more while a large page is
 * being parsed) and stays under ~80 MB, and the batch's peak RSS no longer climbs with its length, for
 * ~4% more time (measured: bench/batch.mjs). 2 GB still holds a report at the input limits (a 49 MB
 * text one takes ~600 MB). The young generation keeps V8's 48 MB: shrinking it doubles the GC.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 2047, maxYoungGenerationSizeMb: 48 };

/** Built, the worker sits beside this module; run from source (the tests), it is the built one in dist/. */
function defaultWorkerUrl(): URL {
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
      const slot = this.slotFor();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.jobs.push(job);
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  /** An idle worker, else a new one while there is room, else one that can take another job. */
  private slotFor(): Slot | undefined {
    let least: Slot | undefined;
    for (const s of this.slots) if (!least || s.jobs.length < least.jobs.length) least = s;
    if (least && least.jobs.length === 0) return least;
    if (this.slots.size < this.size) return this.spawn();
    return least && least.jobs.length < JOBS_PER_WORKER ? least : undefined;
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { resourceLimits: WORKER_HEAP });
    const slot: Slot = { worker, jobs: [] };
    worker.on('message', ({ id, outcome }: { id: number; outcome: Outcome }) => {
      const job = slot.jobs[0];
      if (!job || job.id !== id) return;
      slot.jobs.shift();
      job.resolve(outcome);
      this.dispatch();
    });
    // An error comes before the messages the worker posted earlier may have arrived; on exit they all
    // have, so only then is the oldest job left known to be the one it died on.
    worker.on('error', (error) => {
      slot.failure ??= error.message;
      void worker.terminate();
    });
    worker.on('exit', (code) => {
      if (!this.slots.delete(slot)) return;
      const [job, ...waiting] = slot.jobs;
      slot.jobs = [];
      if (job) job.resolve(failedOutcome(sourceName(job.task.source), `the worker stopped while parsing this input: ${slot.failure ?? `exit code ${code}`}`));
      // The jobs behind it never ran: they go to another worker, or fail if the pool is closing.
      if (this.closed) for (const w of waiting) w.resolve(failedOutcome(sourceName(w.task.source), 'the pool was closed before this input ran'));
      else {
        this.queue.unshift(...waiting);
        this.dispatch();
      }
    });
    this.slots.add(slot);
    return slot;
  }
}
