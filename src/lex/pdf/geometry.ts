// Coordinates in PDF user space (points, y up): boxes, clusters of nearly equal coordinates, and
// intervals along a rule.

/** `[x0, y0, x1, y1]`, x0 ≤ x1, y0 ≤ y1. */
export type Box = [number, number, number, number];

/** Rules this close (points) are one rule: borders drawn twice, half-point offsets of thick lines. */
export const SNAP = 2;

/**
 * Sorted values grouped where consecutive ones are within `tolerance`: each group's mean. Linear after
 * the sort.
 */
export function clusterValues(values: readonly number[], tolerance = SNAP): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let count = 0;
  let last = -Infinity;
  for (const v of sorted) {
    if (count && v - last > tolerance) {
      out.push(sum / count);
      sum = 0;
      count = 0;
    }
    sum += v;
    count++;
    last = v;
  }
  if (count) out.push(sum / count);
  return out;
}

/** The index of the cluster value nearest to v, if one is within tolerance (binary search). */
export function nearestIndex(sorted: readonly number[], v: number, tolerance = SNAP): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  for (const i of [lo - 1, lo]) if (i >= 0 && i < sorted.length && Math.abs(sorted[i]! - v) <= tolerance && (best < 0 || Math.abs(sorted[i]! - v) < Math.abs(sorted[best]! - v))) best = i;
  return best;
}

/** Intervals `[from, to]` merged where they overlap or nearly touch; sorted. */
export function mergeIntervals(intervals: [number, number][], tolerance = SNAP): [number, number][] {
  const sorted = intervals.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + tolerance) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** Whether the merged intervals cover the middle half of `[from, to]`: a rule drawn along that edge of a cell. */
export function coversMiddle(intervals: readonly [number, number][], from: number, to: number): boolean {
  const quarter = (to - from) / 4;
  const a = from + quarter;
  const b = to - quarter;
  for (const [s, e] of intervals) if (s <= a + SNAP && e >= b - SNAP) return true;
  return false;
}

/** The index i with sorted[i] ≤ v < sorted[i + 1] (ascending), or -1 outside. */
export function bandOf(sorted: readonly number[], v: number): number {
  if (v < sorted[0]! || v > sorted[sorted.length - 1]!) return -1;
  let lo = 0;
  let hi = sorted.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
