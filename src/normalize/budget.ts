// The search steps one report may spend. Every search of the normalizers — a row's readings (split.ts),
// the table's arithmetic (solve.ts, search.ts) — has its own cap, and all of them draw on one budget per
// report, so no input, however many rows go ambiguous at once, searches for more than a few milliseconds.
// A search that runs out says so ('too-many', 'bound'), and its cells come out null with
// `ambiguous-split`: never a guess. Counted in steps, not time, so the answer is the same on any machine.

/**
 * Steps per report: a step of the readings' walk costs ~0.1–0.2 µs, one of the arithmetic's search
 * about as much (bench/run.mjs prints the slowest searches). The corpus's busiest report spends
 * about a tenth of it.
 */
export const REPORT_SEARCH_STEPS = 60_000;

export class SearchBudget {
  private spent = 0;

  constructor(readonly steps: number = REPORT_SEARCH_STEPS) {}

  /** The steps a search may take: its own cap, within what the report has left. */
  allow(cap: number): number {
    return Math.max(0, Math.min(cap, this.steps - this.spent));
  }

  /** A search took `steps`. */
  spend(steps: number): void {
    this.spent += steps;
  }

  /** Steps spent so far. */
  get used(): number {
    return this.spent;
  }
}
