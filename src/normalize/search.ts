// The exhaustive stage of the solver (solve.ts): one depth-first search over every solution, marking
// the candidates each uses, that leaves any subtree which can prove nothing new. Its state lives in flat
// typed arrays indexed by row, constraint and term (a constraint's part for one row), so a step
// allocates nothing and every method sees one shape of data.
import { balances, partOf, type Compiled, type Vector } from './terms.js';
import { CANDIDATES_PER_STEP } from './budget.js';

const FALSE = 0;
/** What a removed candidate costs, kill and undo, in candidates examined (measured on rows of ~800 readings). */
const KILL_COST = 2;
/** The step budget ran out. */
const BOUND = 2;

/**
 * Depth-first search with forward checking: a row down to one candidate goes next, then rows in small
 * constraints, then rows with few candidates. Once a constraint has one row left, that row keeps only
 * the candidates that balance it; with more left, the bounds of what they can add must allow a balance.
 * The bounds are kept up to date as candidates are removed and restored, so a step costs little.
 */
export class Search {
  /** Row r's candidates are numbered from `candStart[r]` in the per-candidate arrays; how many are alive per row. */
  private readonly candStart: Int32Array;
  private readonly count: Int32Array;
  /**
   * Row r's candidates, the alive ones first: `dense[candStart[r] .. candStart[r] + count[r]]` (a
   * reversible sparse set: a kill swaps the candidate past the alive ones, and undoing kills in reverse
   * order only counts them back). `place[candStart[r] + k]` is candidate k's position in it.
   */
  private readonly dense: Int32Array;
  private readonly place: Int32Array;
  /** Terms are numbered constraint by constraint: term i belongs to `termConstraint[i]` and names `termRow[i]`. */
  private readonly termRow: Int32Array;
  private readonly termConstraint: Int32Array;
  /** Term i's part under candidate k of its row is at `partStart[i] + k`. */
  private readonly partStart: Int32Array;
  private readonly partD: Float64Array;
  private readonly partFlags: Uint8Array;
  /** The terms of row r: `rowTerms[rowTermStart[r] .. rowTermStart[r + 1]]`, in constraint order. */
  private readonly rowTermStart: Int32Array;
  private readonly rowTerms: Int32Array;
  /** The terms of constraint c: `termStart[c] .. termStart[c + 1]`. */
  private readonly termStart: Int32Array;
  private readonly weight: Float64Array;
  private readonly assigned: Int32Array;
  /** Per constraint: the assigned rows' known difference, and how many hide an unknown left / right. */
  private readonly d: Float64Array;
  private readonly unknownLeft: Int32Array;
  private readonly unknownRight: Int32Array;
  private readonly open: Int32Array;
  /** Per term: the min and max difference and the unknowns of its row's alive candidates. */
  private readonly termMin: Float64Array;
  private readonly termMax: Float64Array;
  private readonly termFlags: Uint8Array;
  /** Per constraint, over the unassigned terms: sums of those bounds, and how many may hide an unknown left / right. */
  private readonly sumMin: Float64Array;
  private readonly sumMax: Float64Array;
  private readonly mayLeft: Int32Array;
  private readonly mayRight: Int32Array;
  /**
   * Changes to undo back to a mark, as pairs, newest last: (row, k) a removed candidate; (−1 − i, j)
   * term i's bounds before a narrowing, kept at `saved[j .. j + 3]` (min, max, flags).
   */
  private readonly trail: number[] = [];
  private readonly saved: number[] = [];
  /** Candidate k of row r has been in a solution: `proven[candStart[r] + k]`. */
  private readonly proven: Uint8Array;
  /** Per row, its alive candidates not yet proven. */
  private readonly unprovenAlive: Int32Array;
  /** Tries made so far. */
  private tries = 0;
  /** Candidates examined by forward checking: a try costs as much as the rows it narrows are long. */
  private scanned = 0;

  constructor(cands: readonly (readonly Vector[])[], domains: readonly Set<number>[], constraints: readonly Compiled[]) {
    // Loops, not arrow callbacks made anew per call: such a callback loses its optimized code at each
    // full GC (nothing keeps it alive), and V8 compiles it again (measured: ~15 times per 10,000 files).
    const rows = cands.length;
    this.candStart = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r++) this.candStart[r + 1] = this.candStart[r]! + cands[r]!.length;
    this.count = new Int32Array(rows);
    for (let r = 0; r < rows; r++) this.count[r] = domains[r]!.size;
    this.proven = new Uint8Array(this.candStart[rows]!);
    this.unprovenAlive = Int32Array.from(this.count);
    this.dense = new Int32Array(this.candStart[rows]!);
    this.place = new Int32Array(this.candStart[rows]!);
    for (let r = 0; r < rows; r++) {
      const start = this.candStart[r]!;
      let alive = start;
      let dead = start + this.count[r]!;
      for (let k = 0; k < this.candStart[r + 1]! - start; k++) {
        const at = domains[r]!.has(k) ? alive++ : dead++;
        this.dense[at] = k;
        this.place[start + k] = at;
      }
    }

    this.termStart = new Int32Array(constraints.length + 1);
    for (let ci = 0; ci < constraints.length; ci++) this.termStart[ci + 1] = this.termStart[ci]! + constraints[ci]!.terms.length;
    const terms = this.termStart[constraints.length]!;
    this.termRow = new Int32Array(terms);
    this.termConstraint = new Int32Array(terms);
    this.partStart = new Int32Array(terms + 1);
    this.weight = new Float64Array(rows);
    const rowTermCount = new Int32Array(rows);
    for (let ci = 0; ci < constraints.length; ci++) {
      const c = constraints[ci]!;
      for (let ti = 0; ti < c.terms.length; ti++) {
        const t = c.terms[ti]!;
        const i = this.termStart[ci]! + ti;
        this.termRow[i] = t.row;
        this.termConstraint[i] = ci;
        this.partStart[i + 1] = this.partStart[i]! + cands[t.row]!.length;
        this.weight[t.row] = this.weight[t.row]! + 1 / c.terms.length;
        rowTermCount[t.row]!++;
      }
    }
    this.partD = new Float64Array(this.partStart[terms]!);
    this.partFlags = new Uint8Array(this.partStart[terms]!);
    this.rowTermStart = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r++) this.rowTermStart[r + 1] = this.rowTermStart[r]! + rowTermCount[r]!;
    // A second pass over the terms: each row's slice of rowTerms starts where the first pass's counts put it.
    this.rowTerms = new Int32Array(terms);
    const filled = new Int32Array(rows);
    for (let ci = 0; ci < constraints.length; ci++) {
      const c = constraints[ci]!;
      for (let ti = 0; ti < c.terms.length; ti++) {
        const t = c.terms[ti]!;
        const i = this.termStart[ci]! + ti;
        this.rowTerms[this.rowTermStart[t.row]! + filled[t.row]!++] = i;
        const at = this.partStart[i]!;
        const vs = cands[t.row]!;
        for (let k = 0; k < vs.length; k++) {
          const part = partOf(vs[k]!, t);
          this.partD[at + k] = part.d;
          this.partFlags[at + k] = part.flags;
        }
      }
    }

    this.assigned = new Int32Array(rows).fill(-1);
    this.d = new Float64Array(constraints.length);
    this.unknownLeft = new Int32Array(constraints.length);
    this.unknownRight = new Int32Array(constraints.length);
    this.open = new Int32Array(constraints.length);
    for (let ci = 0; ci < constraints.length; ci++) {
      const c = constraints[ci]!;
      this.unknownLeft[ci] = c.unknownLeft ? 1 : 0;
      this.unknownRight[ci] = c.unknownRight ? 1 : 0;
      this.open[ci] = c.terms.length;
    }
    this.termMin = new Float64Array(terms);
    this.termMax = new Float64Array(terms);
    this.termFlags = new Uint8Array(terms);
    this.sumMin = new Float64Array(constraints.length);
    this.sumMax = new Float64Array(constraints.length);
    this.mayLeft = new Int32Array(constraints.length);
    this.mayRight = new Int32Array(constraints.length);
    for (let i = 0; i < terms; i++) {
      this.measure(i);
      this.include(i, 1);
    }
    this.scanned = 0;
  }

  /**
   * Every candidate some solution uses, by one search over them all that leaves any subtree which can
   * prove nothing new: per row, the candidates proven; 'bound' past the step budget (what it proved
   * is still proven).
   */
  all(bound: number): Set<number>[] | 'bound' {
    return this.visit(bound) === BOUND ? 'bound' : this.provenSets();
  }

  /** The candidates proven so far, per row. */
  private provenSets(): Set<number>[] {
    const sets: Set<number>[] = [];
    for (let r = 0; r < this.count.length; r++) {
      const set = new Set<number>();
      for (let k = 0; k < this.candStart[r + 1]! - this.candStart[r]!; k++) if (this.proven[this.candStart[r]! + k]) set.add(k);
      sets.push(set);
    }
    return sets;
  }

  /** The assigned candidates form a solution: each is proven. */
  private prove(): void {
    for (let r = 0; r < this.assigned.length; r++) {
      const at = this.candStart[r]! + this.assigned[r]!;
      if (this.proven[at]) continue;
      this.proven[at] = 1;
      this.unprovenAlive[r]!--;
    }
  }

  /** Some candidate of the current state is unproven: an assigned one, or one still alive in an unassigned row. */
  private unprovenLeft(): boolean {
    for (let r = 0; r < this.assigned.length; r++) {
      const k = this.assigned[r]!;
      if (k === -1 ? this.unprovenAlive[r]! > 0 : !this.proven[this.candStart[r]! + k]) return true;
    }
    return false;
  }

  private visit(bound: number): number {
    const assigned = this.assigned;
    let row = -1;
    for (let r = 0; r < assigned.length; r++) if (assigned[r] === -1 && (row < 0 || this.before(r, row))) row = r;
    if (row < 0) {
      this.prove();
      return FALSE;
    }
    if (!this.unprovenLeft()) return FALSE;
    // The row's alive candidates stay where they are while it is assigned: only unassigned rows narrow.
    const start = this.candStart[row]!;
    for (let p = start; p < start + this.count[row]!; p++) {
      const k = this.dense[p]!;
      if (this.over(bound)) return BOUND;
      const mark = this.trail.length;
      const result = this.assign(row, k) ? this.visit(bound) : FALSE;
      this.unassign(row, k, mark);
      if (result !== FALSE) return result;
    }
    return FALSE;
  }

  /** Steps taken so far: tries, and the candidates forward checking examined (CANDIDATES_PER_STEP to a step). */
  get steps(): number {
    return this.tries + Math.floor(this.scanned / CANDIDATES_PER_STEP);
  }

  /** Counts a try; true when it is past the bound. */
  private over(bound: number): boolean {
    this.tries++;
    return this.steps > bound;
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
    const from = this.rowTermStart[row]!;
    const to = this.rowTermStart[row + 1]!;
    for (let j = from; j < to; j++) {
      const i = this.rowTerms[j]!;
      const c = this.termConstraint[i]!;
      this.include(i, -1);
      const at = this.partStart[i]! + k;
      this.d[c] = this.d[c]! + this.partD[at]!;
      const flags = this.partFlags[at]!;
      if (flags & 1) this.unknownLeft[c]!++;
      if (flags & 2) this.unknownRight[c]!++;
      this.open[c]!--;
    }
    for (let j = from; j < to; j++) if (!this.check(this.termConstraint[this.rowTerms[j]!]!)) return false;
    return true;
  }

  private unassign(row: number, k: number, mark: number): void {
    this.revive(mark);
    for (let j = this.rowTermStart[row]!; j < this.rowTermStart[row + 1]!; j++) {
      const i = this.rowTerms[j]!;
      const c = this.termConstraint[i]!;
      const at = this.partStart[i]! + k;
      this.d[c] = this.d[c]! - this.partD[at]!;
      const flags = this.partFlags[at]!;
      if (flags & 1) this.unknownLeft[c]!--;
      if (flags & 2) this.unknownRight[c]!--;
      this.open[c]!++;
      this.include(i, 1);
    }
    this.assigned[row] = -1;
  }

  /** Constraint c can still balance; with one row left, that row keeps only the candidates that balance it. */
  private check(c: number): boolean {
    const flags = (this.unknownLeft[c]! > 0 ? 1 : 0) | (this.unknownRight[c]! > 0 ? 2 : 0);
    if (this.open[c] === 0) return balances(this.d[c]!, flags);
    if (this.open[c] === 1) {
      let i = this.termStart[c]!;
      while (this.assigned[this.termRow[i]!] !== -1) i++;
      const row = this.termRow[i]!;
      const parts = this.partStart[i]!;
      const start = this.candStart[row]!;
      const before = this.trail.length;
      this.scanned += this.count[row]!;
      // From the last alive down: a kill swaps in a candidate already seen.
      for (let p = start + this.count[row]! - 1; p >= start; p--) {
        const k = this.dense[p]!;
        if (!balances(this.d[c]! + this.partD[parts + k]!, flags | this.partFlags[parts + k]!)) this.kill(row, k);
      }
      if (this.count[row] === 0) return false;
      if (this.trail.length > before) this.narrow(row);
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

  /** Term i's bounds from its row's alive candidates (the first `count` of its dense slice). */
  private measure(i: number): void {
    const row = this.termRow[i]!;
    const parts = this.partStart[i]!;
    const start = this.candStart[row]!;
    const alive = this.count[row]!;
    let min = Infinity;
    let max = -Infinity;
    let flags = 0;
    for (let p = start; p < start + alive; p++) {
      const k = this.dense[p]!;
      const d = this.partD[parts + k]!;
      if (d < min) min = d;
      if (d > max) max = d;
      flags |= this.partFlags[parts + k]!;
    }
    this.termMin[i] = min;
    this.termMax[i] = max;
    this.termFlags[i] = flags;
    this.scanned += alive;
  }

  /** Adds (sign 1) or removes (−1) term i's bounds to or from its constraint's sums over unassigned terms. */
  private include(i: number, sign: 1 | -1): void {
    const c = this.termConstraint[i]!;
    this.sumMin[c] = this.sumMin[c]! + sign * this.termMin[i]!;
    this.sumMax[c] = this.sumMax[c]! + sign * this.termMax[i]!;
    const f = this.termFlags[i]!;
    if (f & 1) this.mayLeft[c] = this.mayLeft[c]! + sign;
    if (f & 2) this.mayRight[c] = this.mayRight[c]! + sign;
  }

  /** Candidates of an unassigned row were removed: its terms' bounds shrink to those of the ones left (the old ones kept to undo). */
  private narrow(row: number): void {
    for (let j = this.rowTermStart[row]!; j < this.rowTermStart[row + 1]!; j++) {
      const i = this.rowTerms[j]!;
      this.trail.push(-1 - i, this.saved.length);
      this.saved.push(this.termMin[i]!, this.termMax[i]!, this.termFlags[i]!);
      this.include(i, -1);
      this.measure(i);
      this.include(i, 1);
    }
  }

  /** Removes a candidate (swapped past the row's alive ones); the caller narrows the row once it has removed all it will. */
  private kill(row: number, k: number): void {
    const start = this.candStart[row]!;
    const last = start + this.count[row]! - 1;
    const at = this.place[start + k]!;
    const other = this.dense[last]!;
    this.dense[at] = other;
    this.place[start + other] = at;
    this.dense[last] = k;
    this.place[start + k] = last;
    this.count[row]!--;
    if (!this.proven[start + k]) this.unprovenAlive[row]!--;
    this.trail.push(row, k);
    this.scanned += KILL_COST;
  }

  /** Undoes the changes made since `mark`, newest first: a removed candidate is counted back where the kill left it. */
  private revive(mark: number): void {
    while (this.trail.length > mark) {
      const b = this.trail.pop()!;
      const a = this.trail.pop()!;
      if (a >= 0) {
        this.count[a]!++;
        if (!this.proven[this.candStart[a]! + b]) this.unprovenAlive[a]!++;
        continue;
      }
      const i = -1 - a;
      const counted = this.assigned[this.termRow[i]!] === -1;
      if (counted) this.include(i, -1);
      this.termMin[i] = this.saved[b]!;
      this.termMax[i] = this.saved[b + 1]!;
      this.termFlags[i] = this.saved[b + 2]!;
      this.saved.length = b;
      if (counted) this.include(i, 1);
    }
  }
}
