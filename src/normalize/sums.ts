// What a run of rows can add up to, for the solver's filter (solve.ts): per set of unknown sides, the
// known differences the rows' parts can sum to (or only their bounds, past a cap). A set is kept
// sorted and distinct, so adding a row merges sorted runs instead of hashing every sum.
import type { Part } from './terms.js';

/** Distinct partial sums kept per constraint before a set is taken to allow anything. */
const SUM_SET_CAP = 256;
/** Work (a set's size × a row's distinct parts) one step may take before the set is given up for its bounds. */
const SUM_WORK_CAP = 20_000;

interface Achievable {
  /** The differences, ascending and distinct; null: too many to keep, only the bounds are known. */
  set: Float64Array | null;
  min: number;
  max: number;
}

// The running union of one `plus` moves between two buffers: a merge of two sets within the cap.
let merged = new Float64Array(2 * SUM_SET_CAP + 2);
let spare = new Float64Array(2 * SUM_SET_CAP + 2);

/** Achievable (difference, flags) over some rows: per flags (bit 1: an unknown left, bit 2: right). */
export class Sums {
  readonly byFlags: (Achievable | undefined)[] = [undefined, undefined, undefined, undefined];

  static unit(flags: number): Sums {
    const s = new Sums();
    s.byFlags[flags] = { set: Float64Array.of(0), min: 0, max: 0 };
    return s;
  }

  /** This ⊕ the parts one row can take. */
  plus(parts: readonly Part[]): Sums {
    const out = new Sums();
    for (let g = 0; g < 4; g++) {
      let o: Achievable | undefined;
      // The union so far is `merged[0, n)`, while `kept`: past the caps it is given up for the bounds.
      let n = 0;
      let kept = true;
      for (let f = 0; f < 4; f++) {
        const e = this.byFlags[f];
        if (!e) continue;
        for (const p of parts) {
          if ((f | p.flags) !== g) continue;
          o ??= { set: null, min: Infinity, max: -Infinity };
          o.min = Math.min(o.min, e.min + p.d);
          o.max = Math.max(o.max, e.max + p.d);
          if (kept && e.set && e.set.length * parts.length <= SUM_WORK_CAP) {
            n = mergeShifted(merged, n, e.set, p.d, spare);
            const union = spare;
            spare = merged;
            merged = union;
            if (n > SUM_SET_CAP) kept = false;
          } else kept = false;
        }
      }
      if (!o) continue;
      if (kept) o.set = merged.slice(0, n);
      out.byFlags[g] = o;
    }
    return out;
  }
}

/**
 * `into` ← the distinct values of `a[0, n)` and of `add` shifted by `d`, ascending; returns how many,
 * stopping early once past the cap (the union is given up then).
 */
function mergeShifted(a: Float64Array, n: number, add: Float64Array, d: number, into: Float64Array): number {
  let i = 0;
  let j = 0;
  let k = 0;
  while ((i < n || j < add.length) && k <= SUM_SET_CAP) {
    const v = j >= add.length || (i < n && a[i]! <= add[j]! + d) ? a[i++]! : add[j++]! + d;
    if (k === 0 || v !== into[k - 1]) into[k++] = v;
  }
  return k;
}

/** Is there a choice with the row's own part `p`, some prefix sum and some suffix sum that balances? */
export function supported(p: Part, before: Sums, after: Sums): boolean {
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
        const small = a.set.length <= b.set.length ? a.set : b.set;
        const large = small === a.set ? b.set : a.set;
        for (const x of small) if (holds(large, -p.d - x)) return true;
      }
    }
  }
  return false;
}

/** Binary search of a sorted set. */
function holds(set: Float64Array, v: number): boolean {
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = set[mid]!;
    if (x === v) return true;
    if (x < v) lo = mid + 1;
    else hi = mid;
  }
  return false;
}
