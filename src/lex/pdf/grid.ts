// A page's rules → ruled tables. Rules that touch form one table; its distinct rule positions are the
// grid's lines, and two neighbouring slots of the grid are one cell where the rule between them is not
// drawn (a colspan or rowspan, as the HTML had it).
import type { PdfSegment } from '../../input/pdf/types.js';
import { type Box, SNAP, bandOf, clusterValues, coversMiddle, mergeIntervals, nearestIndex } from './geometry.js';

export interface GridCell {
  /** Top-left slot and extent, in grid rows (top to bottom) and columns (left to right). */
  row: number;
  col: number;
  rows: number;
  cols: number;
  box: Box;
}

export interface Grid {
  box: Box;
  /** Column lines, left to right; row lines, top to bottom (descending y). */
  xs: number[];
  ys: number[];
  /** The row lines bottom to top, for searching. */
  ysUp: number[];
  cells: GridCell[];
  /** Slot [row][col] → index into cells. */
  owner: number[][];
  /** No rule along the top / bottom edge: the table runs on from the page before / to the next (a page break). */
  openTop: boolean;
  openBottom: boolean;
}

/** Slots one grid may have: a hostile drawing of thousands of rules must not make a million cells. */
const MAX_SLOTS = 100_000;

/** The ruled tables a page draws, top to bottom. */
export function findGrids(segments: readonly PdfSegment[]): Grid[] {
  const horizontal = mergeRules(segments.filter((s) => s.y0 === s.y1 && s.x1 - s.x0 > SNAP), 'h');
  const vertical = mergeRules(segments.filter((s) => s.x0 === s.x1 && s.y1 - s.y0 > SNAP), 'v');
  const grids: Grid[] = [];
  for (const group of touchingGroups(horizontal, vertical)) {
    const grid = gridOf(group.h, group.v);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => b.box[3] - a.box[3]);
}

/** A merged rule: horizontal at `at` from `from` to `to` (or vertical, x and y swapped). */
interface Rule {
  at: number;
  from: number;
  to: number;
}

/** Rules on one line (within SNAP) that overlap or touch are one rule: cells' borders drawn piece by piece. */
function mergeRules(segments: readonly PdfSegment[], dir: 'h' | 'v'): Rule[] {
  const raw = segments.map((s) => (dir === 'h' ? { at: s.y0, from: s.x0, to: s.x1 } : { at: s.x0, from: s.y0, to: s.y1 }));
  raw.sort((a, b) => a.at - b.at);
  const out: Rule[] = [];
  for (let i = 0; i < raw.length; ) {
    let j = i;
    let sum = 0;
    while (j < raw.length && raw[j]!.at - raw[i]!.at <= SNAP) sum += raw[j++]!.at;
    const at = sum / (j - i);
    for (const [from, to] of mergeIntervals(raw.slice(i, j).map((r) => [r.from, r.to]))) out.push({ at, from, to });
    i = j;
  }
  return out;
}

/** Rules that cross or touch, grouped (union-find); each group with rules both ways is a table candidate. */
function touchingGroups(h: readonly Rule[], v: readonly Rule[]): { h: Rule[]; v: Rule[] }[] {
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Vertical rules sorted by x: each horizontal one meets only those within its x range.
  const byX = v.map((r, i) => ({ r, i })).sort((a, b) => a.r.at - b.r.at);
  const xs = byX.map((e) => e.r.at);
  for (let a = 0; a < h.length; a++) {
    const hr = h[a]!;
    let k = lowerBound(xs, hr.from - SNAP);
    for (; k < byX.length && xs[k]! <= hr.to + SNAP; k++) {
      const { r: vr, i } = byX[k]!;
      if (vr.from - SNAP <= hr.at && hr.at <= vr.to + SNAP) parent[find(a)] = find(h.length + i);
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  const groupOf = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((r, i) => groupOf(i).h.push(r));
  v.forEach((r, i) => groupOf(h.length + i).v.push(r));
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}

function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function gridOf(h: readonly Rule[], v: readonly Rule[]): Grid | undefined {
  const xs = withOpenEdges(clusterValues(v.map((r) => r.at)), h).lines;
  const rowLines = withOpenEdges(clusterValues(h.map((r) => r.at)), v);
  const ys = rowLines.lines.reverse();
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1 || rows * cols < 2 || rows * cols > MAX_SLOTS) return undefined;
  // The drawn extent of every grid line, to tell a missing inner rule (a span) from a drawn one.
  const vAt: [number, number][][] = xs.map(() => []);
  for (const r of v) {
    const i = nearestIndex(xs, r.at);
    if (i >= 0) vAt[i]!.push([r.from, r.to]);
  }
  const ascendingYs = [...ys].reverse();
  const hAt: [number, number][][] = ys.map(() => []);
  for (const r of h) {
    const i = nearestIndex(ascendingYs, r.at);
    if (i >= 0) hAt[ys.length - 1 - i]!.push([r.from, r.to]);
  }
  const vCover = vAt.map((list) => mergeIntervals(list));
  const hCover = hAt.map((list) => mergeIntervals(list));

  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    // The root is the top-left slot: the cell is emitted there.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !coversMiddle(vCover[c + 1]!, ys[r + 1]!, ys[r]!)) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !coversMiddle(hCover[r + 1]!, xs[c]!, xs[c + 1]!)) union(r * cols + c, (r + 1) * cols + c);
    }
  const cells: GridCell[] = [];
  const index = new Map<number, number>();
  const owner: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: number[] = [];
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      let k = index.get(root);
      if (k === undefined) {
        k = cells.length;
        index.set(root, k);
        cells.push({ row: r, col: c, rows: 1, cols: 1, box: [xs[c]!, ys[r + 1]!, xs[c + 1]!, ys[r]!] });
      }
      const cell = cells[k]!;
      cell.rows = Math.max(cell.rows, r - cell.row + 1);
      cell.cols = Math.max(cell.cols, c - cell.col + 1);
      cell.box = [Math.min(cell.box[0], xs[c]!), Math.min(cell.box[1], ys[r + 1]!), Math.max(cell.box[2], xs[c + 1]!), Math.max(cell.box[3], ys[r]!)];
      line.push(k);
    }
    owner.push(line);
  }
  return { box: [xs[0]!, ys[rows]!, xs[cols]!, ys[0]!], xs, ys, ysUp: ascendingYs, cells, owner, openTop: rowLines.openHigh, openBottom: rowLines.openLow };
}

/**
 * Grid lines with an open edge closed: a table cut by a page break has no rule along the cut (the
 * cells run on), but its rules the other way reach there; their far ends are its edge.
 */
function withOpenEdges(lines: number[], across: readonly Rule[]): { lines: number[]; openLow: boolean; openHigh: boolean } {
  if (!lines.length) return { lines, openLow: false, openHigh: false };
  let low = Infinity;
  let high = -Infinity;
  for (const r of across) {
    low = Math.min(low, r.from);
    high = Math.max(high, r.to);
  }
  const out = [...lines];
  const openLow = low < out[0]! - SNAP;
  const openHigh = high > out[out.length - 1]! + SNAP;
  if (openLow) out.unshift(low);
  if (openHigh) out.push(high);
  return { lines: out, openLow, openHigh };
}

/** The grid slot holding a point, or undefined outside the grid. */
export function slotAt(grid: Grid, x: number, y: number): { row: number; col: number } | undefined {
  const col = bandOf(grid.xs, x);
  const band = bandOf(grid.ysUp, y);
  if (col < 0 || band < 0) return undefined;
  return { row: grid.ys.length - 2 - band, col };
}
