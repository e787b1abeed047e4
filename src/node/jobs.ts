// How many worker threads a batch gets when the caller does not say. Each worker loads the parser and
// compiles it anew, on a core the batch would otherwise have to itself, and its first files run cold:
// a batch of a few hundred reports is over before two workers have paid that back, and one thread
// is faster. So a batch is parsed in this thread below POOL_MIN_INPUTS inputs, on a worker per core
// from there on (measured with bench/batch.mjs, which runs both sides of this line).
import { availableParallelism } from 'node:os';

/** Inputs from which a default batch goes to a worker pool. */
export const POOL_MIN_INPUTS = 1500;

/** Worker threads for a batch of `inputs` inputs: 1 (this thread) below POOL_MIN_INPUTS, else one per core. */
export function defaultJobs(inputs: number): number {
  return inputs < POOL_MIN_INPUTS ? 1 : availableParallelism();
}
