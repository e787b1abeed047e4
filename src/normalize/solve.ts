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
const SUM_SET_CAP = 256;
/** Work (a set's size × a row's distinct parts) one step may take before the set is given up for its bounds. */
const SUM_WORK_CAP = 20_000;
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
        if (o.set && e.set && e.set.size * parts.length <= SUM_WORK_CAP) {
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
        if (p.d + a.min + b.min > 0 || p.d + a.max + b.max < 0) continue;
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

/**
 * Depth-first search with forward checking: a row down to one candidate goes next, then rows in small
 * constraints, then rows with few candidates. Once a constraint has one row left, that row keeps only
 * the candidates that balance it; with more left, the bounds of what they can add must allow a balance.
 * The bounds are kept up to date as candidates are removed and restored, so a step costs little.
 */
class Search {
  /** Candidates still allowed per row (true = alive), and how many. */
  private readonly alive: boolean[][];
  private readonly count: number[];
  /** Per constraint and term: each candidate's part. */
  private readonly parts: Part[][][];
  private readonly byRow: { c: number; t: number }[][];
  private readonly weight: number[];
  private readonly assigned: number[];
  /** Per constraint: the assigned rows' known difference, and how many hide an unknown left / right. */
  private readonly d: number[];
  private readonly unknownLeft: number[];
  private readonly unknownRight: number[];
  private readonly open: number[];
  /** Per constraint and term: the min and max difference and the unknowns of the alive candidates. */
  private readonly termMin: number[][];
  private readonly termMax: number[][];
  private readonly termFlags: number[][];
  /** Per constraint, over the unassigned terms: sums of those bounds, and how many may hide an unknown left / right. */
  private readonly sumMin: number[];
  private readonly sumMax: number[];
  private readonly mayLeft: number[];
  private readonly mayRight: number[];
  /** Removed candidates, newest last: undone back to a mark. */
  private readonly trail: number[] = [];
  private readonly stamp: number[];
  private stampNow = 0;
  private found: number[] | null = null;
  private steps = 0;

  constructor(
    cands: readonly (readonly Vector[])[],
    domains: readonly Set<number>[],
    private readonly constraints: readonly Compiled[],
  ) {
    this.alive = cands.map((cs, r) => cs.map((_, k) => domains[r]!.has(k)));
    this.count = domains.map((d) => d.size);
    this.byRow = cands.map(() => []);
    this.weight = cands.map(() => 0);
    this.parts = constraints.map((c, ci) =>
      c.terms.map((t, ti) => {
        this.byRow[t.row]!.push({ c: ci, t: ti });
        this.weight[t.row] = this.weight[t.row]! + 1 / c.terms.length;
        return cands[t.row]!.map((v) => partOf(v, t));
      }),
    );
    this.assigned = cands.map(() => -1);
    this.stamp = cands.map(() => 0);
    this.d = constraints.map(() => 0);
    this.unknownLeft = constraints.map((c) => (c.unknownLeft ? 1 : 0));
    this.unknownRight = constraints.map((c) => (c.unknownRight ? 1 : 0));
    this.open = constraints.map((c) => c.terms.length);
    this.termMin = constraints.map((c) => c.terms.map(() => 0));
    this.termMax = constraints.map((c) => c.terms.map(() => 0));
    this.termFlags = constraints.map((c) => c.terms.map(() => 0));
    this.sumMin = constraints.map(() => 0);
    this.sumMax = constraints.map(() => 0);
    this.mayLeft = constraints.map(() => 0);
    this.mayRight = constraints.map(() => 0);
    constraints.forEach((c, ci) =>
      c.terms.forEach((_, ti) => {
        this.measure(ci, ti);
        this.include(ci, ti, 1);
      }),
    );
  }

  /** One solution with `row` = candidate `k`: the chosen candidate per row, null if none, 'bound' past the step budget. */
  first(row: number, k: number, bound: number): number[] | null | 'bound' {
    const mark = this.trail.length;
    for (let kk = 0; kk < this.alive[row]!.length; kk++) if (kk !== k && this.alive[row]![kk]) this.kill(row, kk);
    this.remeasure(row);
    this.found = null;
    const result = this.visit(bound);
    this.revive(mark);
    if (result === 'bound') return 'bound';
    return result ? this.found : null;
  }

  private visit(bound: number): boolean | 'bound' {
    let row = -1;
    for (let r = 0; r < this.assigned.length; r++) if (this.assigned[r] === -1 && (row < 0 || this.before(r, row))) row = r;
    if (row < 0) {
      this.found = [...this.assigned];
      return true;
    }
    const alive = this.alive[row]!;
    for (let k = 0; k < alive.length; k++) {
      if (!alive[k]) continue;
      if (++this.steps > bound) return 'bound';
      const mark = this.trail.length;
      const ok = this.assign(row, k);
      const result = ok ? this.visit(bound) : false;
      this.unassign(row, k, mark);
      if (result !== false) return result;
    }
    return false;
  }

  private before(a: number, b: number): boolean {
    const fa = this.count[a] === 1;
    const fb = this.count[b] === 1;
    if (fa !== fb) return fa;
    if (this.weight[a] !== this.weight[b]) return this.weight[a]! > this.weight[b]!;
    return this.count[a]! < this.count[b]!;
  }

  private assign(row: number, k: number): boolean {
    this.assigned[row] = k;
    for (const { c, t } of this.byRow[row]!) {
      this.include(c, t, -1);
      const part = this.parts[c]![t]![k]!;
      this.d[c] = this.d[c]! + part.d;
      if (part.flags & 1) this.unknownLeft[c]!++;
      if (part.flags & 2) this.unknownRight[c]!++;
      this.open[c] = this.open[c]! - 1;
    }
    for (const { c } of this.byRow[row]!) if (!this.check(c)) return false;
    return true;
  }

  private unassign(row: number, k: number, mark: number): void {
    this.revive(mark);
    for (const { c, t } of this.byRow[row]!) {
      const part = this.parts[c]![t]![k]!;
      this.d[c] = this.d[c]! - part.d;
      if (part.flags & 1) this.unknownLeft[c]!--;
      if (part.flags & 2) this.unknownRight[c]!--;
      this.open[c] = this.open[c]! + 1;
      this.include(c, t, 1);
    }
    this.assigned[row] = -1;
  }

  /** Constraint c can still balance; with one row left, that row keeps only the candidates that balance it. */
  private check(c: number): boolean {
    const flags = (this.unknownLeft[c]! > 0 ? 1 : 0) | (this.unknownRight[c]! > 0 ? 2 : 0);
    if (this.open[c] === 0) return balances(this.d[c]!, flags);
    if (this.open[c] === 1) {
      const terms = this.constraints[c]!.terms;
      const ti = terms.findIndex((t) => this.assigned[t.row] === -1);
      const row = terms[ti]!.row;
      const parts = this.parts[c]![ti]!;
      const alive = this.alive[row]!;
      const before = this.trail.length;
      for (let k = 0; k < alive.length; k++) if (alive[k] && !balances(this.d[c]! + parts[k]!.d, flags | parts[k]!.flags)) this.kill(row, k);
      if (this.count[row] === 0) return false;
      if (this.trail.length > before) this.remeasure(row);
      return true;
    }
    const can = flags | (this.mayLeft[c]! > 0 ? 1 : 0) | (this.mayRight[c]! > 0 ? 2 : 0);
    const lo = this.d[c]! + this.sumMin[c]!;
    const hi = this.d[c]! + this.sumMax[c]!;
    if (can === 3) return true;
    if (can === 1) return lo <= 0;
    if (can === 2) return hi >= 0;
    return lo <= 0 && hi >= 0;
  }

  /** Recomputes the bounds of term t of constraint c from its row's alive candidates. */
  private measure(c: number, t: number): void {
    const row = this.constraints[c]!.terms[t]!.row;
    const parts = this.parts[c]![t]!;
    let min = Infinity;
    let max = -Infinity;
    let flags = 0;
    const alive = this.alive[row]!;
    for (let k = 0; k < alive.length; k++) {
      if (!alive[k]) continue;
      const p = parts[k]!;
      if (p.d < min) min = p.d;
      if (p.d > max) max = p.d;
      flags |= p.flags;
    }
    this.termMin[c]![t] = min;
    this.termMax[c]![t] = max;
    this.termFlags[c]![t] = flags;
  }

  /** Adds (sign 1) or removes (−1) term t's bounds to or from constraint c's sums over unassigned terms. */
  private include(c: number, t: number, sign: 1 | -1): void {
    this.sumMin[c] = this.sumMin[c]! + sign * this.termMin[c]![t]!;
    this.sumMax[c] = this.sumMax[c]! + sign * this.termMax[c]![t]!;
    const f = this.termFlags[c]![t]!;
    if (f & 1) this.mayLeft[c] = this.mayLeft[c]! + sign;
    if (f & 2) this.mayRight[c] = this.mayRight[c]! + sign;
  }

  /** A candidate removed or restored: the bounds of the row's terms change (only unassigned rows count). */
  private remeasure(row: number): void {
    const counted = this.assigned[row] === -1;
    for (const { c, t } of this.byRow[row]!) {
      if (counted) this.include(c, t, -1);
      this.measure(c, t);
      if (counted) this.include(c, t, 1);
    }
  }

  /** Removes a candidate; the caller remeasures the row once it has removed all it will. */
  private kill(row: number, k: number): void {
    this.alive[row]![k] = false;
    this.count[row] = this.count[row]! - 1;
    this.trail.push(row, k);
  }

  /** Restores the candidates removed since `mark`, and the bounds of their rows. */
  private revive(mark: number): void {
    const now = ++this.stampNow;
    const rows: number[] = [];
    while (this.trail.length > mark) {
      const k = this.trail.pop()!;
      const row = this.trail.pop()!;
      this.alive[row]![k] = true;
      this.count[row] = this.count[row]! + 1;
      if (this.stamp[row] !== now) {
        this.stamp[row] = now;
        rows.push(row);
      }
    }
    for (const row of rows) this.remeasure(row);
  }
}

function toMap(ids: readonly string[], sets: readonly Set<number>[]): Map<string, Set<number>> {
  return new Map(ids.map((id, i) => [id, new Set(sets[i])]));
}
