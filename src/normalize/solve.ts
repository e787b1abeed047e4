// Which readings of a table's rows its own arithmetic allows. Each row has candidate value vectors
// (split.ts); each constraint says two sums of cells are equal. An unknown cell (null: unreadable,
// or a blank the check cannot use) is some count ≥ 0, so a constraint naming one only bounds the
// other side. Two stages, both bounded: domain filtering (a candidate stays while, for every
// constraint, some choice of the other rows' candidates can satisfy it), then an exhaustive search
// over what is left. The answer is always sound: a candidate some solution uses is never dropped.

export type Vector = readonly (number | null)[];

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

/** Distinct partial sums kept per constraint before a set is taken to allow anything. */
const SUM_SET_CAP = 4096;
/** Filtering passes over the constraints before stopping (each pass only removes candidates). */
const MAX_PASSES = 50;

export function solve(rows: ReadonlyMap<string, readonly Vector[]>, constraints: readonly Constraint[], bound = 30_000): SolveResult {
  const ids = [...rows.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const domains = ids.map((id) => new Set(rows.get(id)!.map((_, k) => k)));
  // Each constraint as terms per row: the columns it adds (+1) or subtracts (−1).
  const compiled = constraints.map((c) => compile(c, index));
  if (!filter(ids, rows, domains, compiled)) return { possible: toMap(ids, domains), consistent: false, exact: true };
  return witness(ids, rows, domains, compiled, bound);
}

interface Term {
  row: number;
  /** Column and sign (+1 left side, −1 right side). */
  cols: { col: number; sign: 1 | -1 }[];
}

interface Compiled {
  terms: Term[];
  /** A row the constraint names that has no candidates at all (not in the table): an unknown on that side. */
  unknownLeft: boolean;
  unknownRight: boolean;
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

/** A row's part of a constraint under one candidate: the known difference, and which sides hide an unknown. */
interface Part {
  d: number;
  /** Bit 1: an unknown on the left side; bit 2: on the right side. */
  flags: number;
}

function partOf(v: Vector, term: Term): Part {
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
function balances(d: number, flags: number): boolean {
  if (flags === 3) return true;
  if (flags === 1) return d <= 0;
  if (flags === 2) return d >= 0;
  return d === 0;
}

/** Achievable (difference, flags) over some rows: per flags, the set of differences (or any), min and max. */
class Sums {
  readonly byFlags: ({ set: Set<number> | null; min: number; max: number } | undefined)[] = [undefined, undefined, undefined, undefined];

  static unit(flags: number): Sums {
    const s = new Sums();
    s.byFlags[flags] = { set: new Set([0]), min: 0, max: 0 };
    return s;
  }

  /** This ⊕ the parts one row can take. */
  plus(parts: readonly Part[]): Sums {
    const out = new Sums();
    for (let f = 0; f < 4; f++) {
      const e = this.byFlags[f];
      if (!e) continue;
      for (const p of parts) {
        const g = f | p.flags;
        let o = out.byFlags[g];
        if (!o) out.byFlags[g] = o = { set: new Set(), min: Infinity, max: -Infinity };
        o.min = Math.min(o.min, e.min + p.d);
        o.max = Math.max(o.max, e.max + p.d);
        if (o.set && e.set) {
          for (const x of e.set) o.set.add(x + p.d);
          if (o.set.size > SUM_SET_CAP) o.set = null;
        } else o.set = null;
      }
    }
    return out;
  }
}

/** Is there a choice with the row's own part `p`, some prefix sum and some suffix sum that balances? */
function supported(p: Part, before: Sums, after: Sums): boolean {
  for (let f = 0; f < 4; f++) {
    const a = before.byFlags[f];
    if (!a) continue;
    for (let g = 0; g < 4; g++) {
      const b = after.byFlags[g];
      if (!b) continue;
      const flags = f | g | p.flags;
      if (flags === 3) return true;
      if (flags === 1 && p.d + a.min + b.min <= 0) return true;
      if (flags === 2 && p.d + a.max + b.max >= 0) return true;
      if (flags === 0) {
        if (!a.set || !b.set) return true;
        const [small, large] = a.set.size <= b.set.size ? [a.set, b.set] : [b.set, a.set];
        for (const x of small) if (large.has(-p.d - x)) return true;
      }
    }
  }
  return false;
}

/** Removes candidates no choice of the others can complete, until nothing changes. False: a row has none left. */
function filter(ids: readonly string[], rows: ReadonlyMap<string, readonly Vector[]>, domains: Set<number>[], constraints: readonly Compiled[]): boolean {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const c of constraints) {
      const start = (c.unknownLeft ? 1 : 0) | (c.unknownRight ? 2 : 0);
      const parts = c.terms.map((t) => {
        const cands = rows.get(ids[t.row]!)!;
        const byKey = new Map<string, { part: Part; ks: number[] }>();
        for (const k of domains[t.row]!) {
          const part = partOf(cands[k]!, t);
          const key = `${part.d}/${part.flags}`;
          const e = byKey.get(key);
          if (e) e.ks.push(k);
          else byKey.set(key, { part, ks: [k] });
        }
        return [...byKey.values()];
      });
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

/**
 * For every candidate left, looks for one solution that uses it (a witness); a witness found for one
 * candidate also proves every other candidate it uses. Candidates whose search runs out of steps stay
 * possible, so the answer is sound; it is exact when every search finished.
 */
function witness(ids: readonly string[], rows: ReadonlyMap<string, readonly Vector[]>, domains: readonly Set<number>[], constraints: readonly Compiled[], bound: number): SolveResult {
  const search = new Search(ids, rows, domains, constraints);
  const possible = ids.map(() => new Set<number>());
  let exact = true;
  let any = false;
  ids.forEach((_, row) => {
    for (const k of domains[row]!) {
      if (possible[row]!.has(k)) continue;
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

/** Depth-first search over the filtered domains, pruned by the bounds each constraint's unassigned rows allow. */
class Search {
  private readonly order: number[];
  private readonly position: number[];
  /** Per constraint and term: each candidate's part. */
  private readonly parts: Map<number, Part>[][];
  /** Per constraint: the terms in search order, and from each search position the min, max and flags still to come. */
  private readonly remaining: { min: number[]; max: number[]; flags: number[] }[];
  private readonly byRow: { c: number; t: number }[][];
  private steps = 0;

  constructor(
    ids: readonly string[],
    rows: ReadonlyMap<string, readonly Vector[]>,
    private readonly domains: readonly Set<number>[],
    private readonly constraints: readonly Compiled[],
  ) {
    // Rows in small constraints first (a total that several sums must meet settles the most), then rows with few candidates.
    const weight = ids.map(() => 0);
    for (const c of constraints) for (const t of c.terms) weight[t.row] = weight[t.row]! + 1 / c.terms.length;
    this.order = ids.map((_, i) => i).sort((a, b) => weight[b]! - weight[a]! || domains[a]!.size - domains[b]!.size);
    this.position = new Array<number>(ids.length);
    this.order.forEach((row, p) => (this.position[row] = p));
    this.byRow = ids.map(() => []);
    this.parts = constraints.map((c, ci) =>
      c.terms.map((t, ti) => {
        this.byRow[t.row]!.push({ c: ci, t: ti });
        const cands = rows.get(ids[t.row]!)!;
        return new Map([...domains[t.row]!].map((k) => [k, partOf(cands[k]!, t)]));
      }),
    );
    this.remaining = constraints.map((c, ci) => {
      const n = this.order.length;
      const min = new Array<number>(n + 1).fill(0);
      const max = new Array<number>(n + 1).fill(0);
      const flags = new Array<number>(n + 1).fill(0);
      const at = new Map(c.terms.map((t, ti) => [this.position[t.row]!, ti]));
      for (let p = n - 1; p >= 0; p--) {
        const ti = at.get(p);
        min[p] = min[p + 1]!;
        max[p] = max[p + 1]!;
        flags[p] = flags[p + 1]!;
        if (ti === undefined) continue;
        let lo = Infinity;
        let hi = -Infinity;
        for (const part of this.parts[ci]![ti]!.values()) {
          lo = Math.min(lo, part.d);
          hi = Math.max(hi, part.d);
          flags[p] = flags[p]! | part.flags;
        }
        min[p] = min[p]! + lo;
        max[p] = max[p]! + hi;
      }
      return { min, max, flags };
    });
  }

  /** One solution with `row` = candidate `k`: the chosen candidate per row, null if none, 'bound' past the step budget. */
  first(row: number, k: number, bound: number): number[] | null | 'bound' {
    const chosen = new Array<number>(this.order.length).fill(-1);
    const d = this.constraints.map(() => 0);
    const f = this.constraints.map((c) => (c.unknownLeft ? 1 : 0) | (c.unknownRight ? 2 : 0));
    const flagsAt: number[][] = this.constraints.map(() => []);
    const feasible = (ci: number, p: number) => {
      const rem = this.remaining[ci]!;
      const flags = f[ci]! | rem.flags[p]!;
      const lo = d[ci]! + rem.min[p]!;
      const hi = d[ci]! + rem.max[p]!;
      if (flags === 3) return true;
      if (flags === 1) return lo <= 0;
      if (flags === 2) return hi >= 0;
      return lo <= 0 && hi >= 0;
    };
    const visit = (p: number): boolean | 'bound' => {
      if (++this.steps > bound) return 'bound';
      if (p === this.order.length) return true;
      const r = this.order[p]!;
      const options = r === row ? [k] : this.domains[r]!;
      for (const kk of options) {
        chosen[r] = kk;
        let ok = true;
        for (const { c, t } of this.byRow[r]!) {
          const part = this.parts[c]![t]!.get(kk)!;
          d[c] = d[c]! + part.d;
          flagsAt[c]!.push(f[c]!);
          f[c] = f[c]! | part.flags;
        }
        for (const { c } of this.byRow[r]!) if (!feasible(c, p + 1)) ok = false;
        const result = ok ? visit(p + 1) : false;
        for (const { c, t } of this.byRow[r]!) {
          d[c] = d[c]! - this.parts[c]![t]!.get(kk)!.d;
          f[c] = flagsAt[c]!.pop()!;
        }
        if (result) return result;
      }
      chosen[r] = -1;
      return false;
    };
    const result = visit(0);
    if (result === 'bound') return 'bound';
    return result ? chosen : null;
  }
}

function toMap(ids: readonly string[], sets: readonly Set<number>[]): Map<string, Set<number>> {
  return new Map(ids.map((id, i) => [id, new Set(sets[i])]));
}
