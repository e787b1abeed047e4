// How many worker threads a batch gets when the caller does not say. Each worker loads the parser and
// compiles it anew, and its first files run cold: two workers spend ~20% more CPU than one thread on
// the same files. That pays back only with many files and cores no one else is using: a batch of a
// few hundred reports is over first, and on a machine whose cores are busy the pool was slower than
// one thread (bench/batch.mjs, 10,000 files while other processes used 1.8 of 2 cores: 245 s against
// 172 s; on an idle machine 15 s against 24 s). So: this thread below POOL_MIN_INPUTS inputs or
// without at least two idle cores, else a worker per idle core.
import { availableParallelism, loadavg } from 'node:os';

/** Inputs from which a default batch may go to a worker pool. */
export const POOL_MIN_INPUTS = 1500;

/**
 * Worker threads for a batch of `inputs` inputs, on `cores` cores of which other processes keep
 * `load` busy (the last minute's load average; 0 where the system has none): 1 (this thread) or ≥ 2.
 */
export function defaultJobs(inputs: number, load: number = loadavg()[0] ?? 0, cores: number = availableParallelism()): number {
  if (inputs < POOL_MIN_INPUTS) return 1;
  const idle = Math.min(cores, Math.round(cores - load));
  return idle >= 2 ? idle : 1;
}
