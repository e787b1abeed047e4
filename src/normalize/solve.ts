// Which readings of a table's rows its own arithmetic allows. Each row has candidate value vectors
// (split.ts); each constraint says two sums of cells are equal. An unknown cell (null: unreadable,
// or a blank the check cannot use) is some count ≥ 0, so a constraint naming one only bounds the
// other side. Two stages, both bounded: domain filtering (a candidate stays while, for every
// constraint, some choice of the other rows' candidates can satisfy it), then an exhaustive search
// over what is left. The answer is always sound: a candidate some solution uses is never dropped.
import { balances, partOf, type Compiled, type Part, type Term, type Vector } from './terms.js';
import { Search } from './search.js';
import { Sums, supported } from './sums.js';
import { FILTERED_PER_STEP, SearchBudget } from './budget.js';

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
/**
 * Steps one solve may take. The corpus's busiest table that the arithmetic settles exactly (014 as
 * pdftotext prints it, blanks vanished) takes about 16,500; this keeps the worst search a few ms.
 */
const SOLVE_STEPS = 20_000;
/** The share of a solve's steps the filter may take: on rows of thousands of readings it would take them all. */
const FILTER_SHARE = 0.25;

/**
 * `bound`: the steps the solver may take in all (within what the report's `budget` has left); past it,
 * what it could not rule out stays possible.
 */
export function solve(rows: ReadonlyMap<string, readonly Vector[]>, constraints: readonly Constraint[], bound = SOLVE_STEPS, budget = new SearchBudget()): SolveResult {
  const ids = [...rows.keys()];
  const index = new Map<string, number>();
  const domains: Set<number>[] = [];
  for (let i = 0; i < ids.length; i++) {
    index.set(ids[i]!, i);
    domains.push(allIndices(rows.get(ids[i]!)!));
  }
  const compiled: Compiled[] = [];
  for (const c of constraints) compiled.push(compile(c, index));
  const filtered = filter(ids, rows, domains, compiled, budget.allow(Math.floor(bound * FILTER_SHARE)));
  budget.spend(filtered.steps);
  if (!filtered.consistent) return { possible: toMap(ids, domains), consistent: false, exact: true };
  return solutions(ids, rows, domains, compiled, Math.max(0, bound - filtered.steps), budget);
}

/** 0 … length − 1: every candidate of a row. */
function allIndices(items: readonly unknown[]): Set<number> {
  const set = new Set<number>();
  for (let k = 0; k < items.length; k++) set.add(k);
  return set;
}

/** A constraint as terms per row of the table: the columns of each row it adds (+1) or subtracts (−1). */
function compile(c: Constraint, index: Map<string, number>): Compiled {
  const byRow = new Map<number, Term>();
  const unknownLeft = addTerms(byRow, c.lhs, 1, index);
  const unknownRight = addTerms(byRow, c.rhs, -1, index);
  return { terms: [...byRow.values()], unknownLeft, unknownRight };
}

/** Adds one side's cells to their rows' terms; true when the side names a row the table lacks (an unknown). */
function addTerms(byRow: Map<number, Term>, refs: readonly CellRef[], sign: 1 | -1, index: Map<string, number>): boolean {
  let unknown = false;
  for (const ref of refs) {
    const row = index.get(ref.row);
    if (row === undefined) {
      unknown = true;
      continue;
    }
    let t = byRow.get(row);
    if (!t) byRow.set(row, (t = { row, cols: [] }));
    t.cols.push({ col: ref.col, sign });
  }
  return unknown;
}

/**
 * Removes candidates no choice of the others can complete, until nothing changes or its steps run out
 * (what is left then is still sound). Inconsistent: a row has none left.
 */
function filter(ids: readonly string[], rows: ReadonlyMap<string, readonly Vector[]>, domains: Set<number>[], constraints: readonly Compiled[], bound: number): { consistent: boolean; steps: number } {
  let examined = 0;
  const steps = () => Math.floor(examined / FILTERED_PER_STEP);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const c of constraints) {
      if (steps() > bound) return { consistent: true, steps: steps() };
      const start = (c.unknownLeft ? 1 : 0) | (c.unknownRight ? 2 : 0);
      const parts: Group[][] = [];
      for (const t of c.terms) {
        examined += domains[t.row]!.size;
        parts.push(samePart(rows.get(ids[t.row]!)!, domains[t.row]!, t));
      }
      if (allSettled(parts)) {
        // Every row is settled for this constraint: it holds or the table has no solution.
        let d = 0;
        let flags = start;
        for (const p of parts) {
          if (!p[0]) return { consistent: false, steps: steps() };
          d += p[0].part.d;
          flags |= p[0].part.flags;
        }
        if (!balances(d, flags)) return { consistent: false, steps: steps() };
        continue;
      }
      const prefix: Sums[] = [Sums.unit(start)];
      for (const p of parts) prefix.push(prefix[prefix.length - 1]!.plus(partsOf(p)));
      const suffix: Sums[] = new Array(parts.length + 1);
      suffix[parts.length] = Sums.unit(0);
      for (let i = parts.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]!.plus(partsOf(parts[i]!));
      for (let i = 0; i < parts.length; i++) {
        const domain = domains[c.terms[i]!.row]!;
        for (const e of parts[i]!) {
          if (supported(e.part, prefix[i]!, suffix[i + 1]!)) continue;
          for (const k of e.ks) domain.delete(k);
          changed = true;
        }
      }
      if (anyEmpty(domains)) return { consistent: false, steps: steps() };
    }
    if (!changed) return { consistent: true, steps: steps() };
  }
  return { consistent: true, steps: steps() };
}

/** Candidates of a row that give a constraint the same part. */
interface Group {
  part: Part;
  ks: number[];
}

/** True when every row has at most one part left for the constraint. */
function allSettled(parts: readonly Group[][]): boolean {
  for (const p of parts) if (p.length > 1) return false;
  return true;
}

function partsOf(groups: readonly Group[]): Part[] {
  const parts: Part[] = [];
  for (const g of groups) parts.push(g.part);
  return parts;
}

function anyEmpty(domains: readonly Set<number>[]): boolean {
  for (const d of domains) if (d.size === 0) return true;
  return false;
}

/** Of groups with one known difference, the one whose part hides unknowns on the same sides. */
function withFlags(groups: readonly Group[], flags: number): Group | undefined {
  for (const g of groups) if (g.part.flags === flags) return g;
  return undefined;
}

/** A term's candidates grouped by their part, in the order each part first comes. */
function samePart(cands: readonly Vector[], domain: ReadonlySet<number>, term: Term): Group[] {
  const groups: Group[] = [];
  const byD = new Map<number, Group[]>();
  for (const k of domain) {
    const part = partOf(cands[k]!, term);
    let same = byD.get(part.d);
    if (!same) byD.set(part.d, (same = []));
    const group = withFlags(same, part.flags);
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
 * The candidates some solution uses, by one search over all solutions (search.ts). Past its steps every
 * candidate left stays possible, so the answer is sound; it is exact when the search finished.
 */
function solutions(
  ids: readonly string[],
  rows: ReadonlyMap<string, readonly Vector[]>,
  domains: readonly Set<number>[],
  constraints: readonly Compiled[],
  cap: number,
  budget: SearchBudget,
): SolveResult {
  const candidates: (readonly Vector[])[] = [];
  for (const id of ids) candidates.push(rows.get(id)!);
  const search = new Search(candidates, domains, constraints);
  const proven = search.all(budget.allow(cap));
  budget.spend(search.steps);
  if (proven === 'bound') return { possible: toMap(ids, domains), consistent: true, exact: false };
  return { possible: toMap(ids, proven), consistent: proven.some((set) => set.size > 0), exact: true };
}

function toMap(ids: readonly string[], sets: readonly Set<number>[]): Map<string, Set<number>> {
  const map = new Map<string, Set<number>>();
  for (let i = 0; i < ids.length; i++) map.set(ids[i]!, new Set(sets[i]));
  return map;
}
