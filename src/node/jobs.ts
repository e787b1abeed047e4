// How many worker threads a batch gets when the caller does not say. Each worker loads the parser and
// compiles it anew, and its first files run cold: two workers spend ~20% more CPU than one thread on
// the same files. That pays back only with many files and cores no one else is using: a batch of a
// few hundred reports is over first, and on a machine whose cores are busy the pool was slower than
// one thread (bench/batch.mjs, 10,000 files while other processes used 1.8 of 2 cores: 245 s against
// 172 s; on an idle machine 15 s against 24 s). So: this thread below POOL_MIN_INPUTS inputs or
// without at least two idle cores, else a worker per idle core.
import { availableParallelism, cpus } from 'node:os';

/** Inputs from which a default batch may go to a worker pool. */
export const POOL_MIN_INPUTS = 1500;
/** How long the cores are watched to tell how many are idle. */
const SAMPLE_MS = 100;

/** Worker threads for a batch of `inputs` inputs, measuring how busy the machine is when it matters. */
export async function defaultJobs(inputs: number): Promise<number> {
  if (inputs < POOL_MIN_INPUTS) return 1;
  return jobsFor(inputs, await busyCores(), availableParallelism());
}

/** 1 (this thread) or a worker per idle core, ≥ 2, for `inputs` inputs on `cores` cores of which `busy` are in use. */
export function jobsFor(inputs: number, busy: number, cores: number): number {
  if (inputs < POOL_MIN_INPUTS) return 1;
  const idle = Math.min(cores, Math.round(cores - busy));
  return idle >= 2 ? idle : 1;
}

/** How many cores' worth of CPU the machine used over SAMPLE_MS (all processes). */
async function busyCores(): Promise<number> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  const after = cpuTimes();
  const total = after.total - before.total;
  return total > 0 ? ((after.total - after.idle - (before.total - before.idle)) / total) * cpus().length : 0;
}

function cpuTimes(): { total: number; idle: number } {
  let total = 0;
  let idle = 0;
  for (const { times } of cpus()) {
    total += times.user + times.nice + times.sys + times.idle + times.irq;
    idle += times.idle;
  }
  return { total, idle };
}
