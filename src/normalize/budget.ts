// The search steps one report may spend. Every search of the normalizers — a row's readings (split.ts),
// the table's arithmetic (solve.ts, search.ts) — has its own cap, and all of them draw on one budget per
// report, so no input, however many rows go ambiguous at once, searches for more than a few milliseconds.
// A search that runs out says so ('too-many', 'bound'), and its cells come out null with
// `ambiguous-split`: never a guess. Counted in steps, not time, so the answer is the same on any machine.

/**
 * Steps per report (a step: a piece placed or kept in a reading, a try of the arithmetic's search, or
 * the candidates below). The corpus's busiest report (014 as pdftotext prints it: rows whose blanks
 * vanished, read with the arithmetic to an exact answer) spends about 30,000; seeded mutations of the
 * corpus that spend the most are timed by bench/run.mjs (bench/cases/).
 */
export const REPORT_SEARCH_STEPS = 60_000;

/**
 * Candidates the search examines for one step (narrowing a row to those that balance): a try among
 * rows of hundreds of readings costs that much more. Measured: a try costs about as long as 64.
 */
export const CANDIDATES_PER_STEP = 64;
/** Candidates the solver's filter examines for one step (grouping, summing and testing each: measured about 4 to a try). */
export const FILTERED_PER_STEP = 4;

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
