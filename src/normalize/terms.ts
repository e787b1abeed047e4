// The solver's constraints compiled per row: which columns of a row's candidate each constraint adds
// or subtracts, and what one candidate contributes. Shared by the filter (solve.ts) and the search.

export type Vector = readonly (number | null)[];

export interface Term {
  row: number;
  /** Column and sign (+1 left side, −1 right side). */
  cols: { col: number; sign: 1 | -1 }[];
}

export interface Compiled {
  terms: Term[];
  /** A row the constraint names that has no candidates at all (not in the table): an unknown on that side. */
  unknownLeft: boolean;
  unknownRight: boolean;
}

/** A row's part of a constraint under one candidate: the known difference, and which sides hide an unknown. */
export interface Part {
  d: number;
  /** Bit 1: an unknown on the left side; bit 2: on the right side. */
  flags: number;
}

export function partOf(v: Vector, term: Term): Part {
  let d = 0;
  let flags = 0;
  for (const { col, sign } of term.cols) {
    const x = v[col];
    if (x === null || x === undefined) flags |= sign === 1 ? 1 : 2;
    else d += sign * x;
  }
  return { d, flags };
}

/** Can known difference `d` with unknowns `flags` still balance? Unknowns are ≥ 0. */
export function balances(d: number, flags: number): boolean {
  if (flags === 3) return true;
  if (flags === 1) return d <= 0;
  if (flags === 2) return d >= 0;
  return d === 0;
}
