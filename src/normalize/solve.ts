// Which readings of a table's rows its own arithmetic allows. Each row has candidate value vectors
// (split.ts); each constraint says two sums of cells are equal. An unknown cell (null: unreadable,
// or a blank the check cannot use) is some count ≥ 0, so a constraint naming one only bounds the
// other side. Two stages, both bounded: domain filtering (a candidate stays while, for every
// constraint, some choice of the other rows' candidates can satisfy it), then an exhaustive search
// over what is left. The answer is always sound: a candidate some solution uses is never dropped.
import { balances, partOf, type Compiled, type Part, type Term, type Vector } from './terms.js';
import { Search } from './search.js';
import { Sums, supported } from './sums.js';

export type { Vector } from './terms.js';

export interface CellRef {
  row: string;
  col: number;
}

/** The sum of `lhs` must equal the sum of `rhs`. */
export interface Constraint {
  lhs: readonly CellRef[];
  rhs: readonly CellRef[];
}

export interface SolveResult {
  /** For each row, the candidates that may be part of a solution (exactly those, when `exact`). */
  possible: Map<string, Set<number>>;
  /** False when no choice of candidates satisfies every constraint (the table as printed fails a check). */
  consistent: boolean;
  /** True when the search finished: `possible` holds exactly the candidates some solution uses. */
  exact: boolean;
}

/** Filtering passes over the constraints before stopping (each pass only removes candidates). */
const MAX_PASSES = 6;

/** `bound`: the tries the search may make in all; past it, what it could not rule out stays possible. */
export function solve(rows: ReadonlyMap<string, readonly Vector[]>, constraints: readonly Constraint[], bound = 20_000): SolveResult {
  const ids = [...rows.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const domains = ids.map((id) => new Set(rows.get(id)!.map((_, k) => k)));
  // Each constraint as terms per row: the columns it adds (+1) or subtracts (−1).
  const compiled = constraints.map((c) => compile(c, index));
  if (!filter(ids, rows, domains, compiled)) return { possible: toMap(ids, domains), consistent: false, exact: true };
  return witness(ids, rows, domains, compiled, bound);
}

function compile(c: Constraint, index: Map<string, number>): Compiled {
  const byRow = new Map<number, Term>();
  let unknownLeft = false;
  let unknownRight = false;
  const add = (ref: CellRef, sign: 1 | -1) => {
    const row = index.get(ref.row);
    if (row === undefined) {
      if (sign === 1) unknownLeft = true;
      else unknownRight = true;
      return;
    }
    let t = byRow.get(row);
    if (!t) byRow.set(row, (t = { row, cols: [] }));
    t.cols.push({ col: ref.col, sign });
  };
  for (const r of c.lhs) add(r, 1);
  for (const r of c.rhs) add(r, -1);
  return { terms: [...byRow.values()], unknownLeft, unknownRight };
}

/** Removes candidates no choice of the others can complete, until nothing changes. False: a row has none left. */
function filter(ids: readonly string[], rows: ReadonlyMap<string, readonly Vector[]>, domains: Set<number>[], constraints: readonly Compiled[]): boolean {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const c of constraints) {
      const start = (c.unknownLeft ? 1 : 0) | (c.unknownRight ? 2 : 0);
      const parts = c.terms.map((t) => samePart(rows.get(ids[t.row]!)!, domains[t.row]!, t));
      if (parts.every((p) => p.length <= 1)) {
        // Every row is settled for this constraint: it holds or the table has no solution.
        let d = 0;
        let flags = start;
        for (const p of parts) {
          if (!p[0]) return false;
          d += p[0].part.d;
          flags |= p[0].part.flags;
        }
        if (!balances(d, flags)) return false;
        continue;
      }
      const prefix: Sums[] = [Sums.unit(start)];
      for (const p of parts) prefix.push(prefix[prefix.length - 1]!.plus(p.map((e) => e.part)));
      const suffix: Sums[] = new Array(parts.length + 1);
      suffix[parts.length] = Sums.unit(0);
      for (let i = parts.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]!.plus(parts[i]!.map((e) => e.part));
      parts.forEach((p, i) => {
        const domain = domains[c.terms[i]!.row]!;
        for (const e of p) {
          if (supported(e.part, prefix[i]!, suffix[i + 1]!)) continue;
          for (const k of e.ks) domain.delete(k);
          changed = true;
        }
      });
      if (domains.some((d) => d.size === 0)) return false;
    }
    if (!changed) return true;
  }
  return true;
}

/** A term's candidates grouped by their part, in the order each part first comes. */
function samePart(cands: readonly Vector[], domain: ReadonlySet<number>, term: Term): { part: Part; ks: number[] }[] {
  const groups: { part: Part; ks: number[] }[] = [];
  const byD = new Map<number, { part: Part; ks: number[] }[]>();
  for (const k of domain) {
    const part = partOf(cands[k]!, term);
    let same = byD.get(part.d);
    if (!same) byD.set(part.d, (same = []));
    const group = same.find((g) => g.part.flags === part.flags);
    if (group) group.ks.push(k);
    else {
      const created = { part, ks: [k] };
      same.push(created);
      groups.push(created);
    }
  }
  return groups;
}

/**
 * For every candidate left, looks for one solution that uses it (a witness); a witness found for one
 * candidate also proves every other candidate it uses. Candidates whose search runs out of steps stay
 * possible, so the answer is sound; it is exact when every search finished.
 */
function witness(ids: readonly string[], rows: ReadonlyMap<string, readonly Vector[]>, domains: readonly Set<number>[], constraints: readonly Compiled[], bound: number): SolveResult {
  const search = new Search(ids.map((id) => rows.get(id)!), domains, constraints);
  const possible = ids.map(() => new Set<number>());
  let exact = true;
  let any = false;
  ids.forEach((_, row) => {
    for (const k of domains[row]!) {
      if (possible[row]!.has(k) || !exact) continue;
      const found = search.first(row, k, bound);
      if (found === 'bound') {
        exact = false;
        possible[row]!.add(k);
      } else if (found) {
        any = true;
        found.forEach((kk, r) => possible[r]!.add(kk));
      }
    }
  });
  if (!exact) domains.forEach((d, row) => d.forEach((k) => possible[row]!.add(k)));
  return { possible: toMap(ids, possible), consistent: any || !exact, exact };
}

function toMap(ids: readonly string[], sets: readonly Set<number>[]): Map<string, Set<number>> {
  return new Map(ids.map((id, i) => [id, new Set(sets[i])]));
}
