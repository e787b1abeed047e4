// A table row that a page break cuts in two: the page before ends the table with no rule under it, the
// next page starts it with no rule above. The two parts are one row: the second part's text joins the
// first part's cells, column by column (Chromium splits a tall header row so: 结/果 on one page, 维/持 on the next).
import { SNAP } from './geometry.js';
import type { PlacedGrid } from './place.js';

/** `pages[p]` are the grids of page p, top to bottom; continued rows are merged in place. */
export function joinRowsCutByPageBreaks(pages: PlacedGrid[][]): void {
  for (let p = 1; p < pages.length; p++) {
    const before = pages[p - 1]![pages[p - 1]!.length - 1];
    const after = pages[p]![0];
    if (!before || !after || !before.grid.openBottom || !after.grid.openTop || !sameColumns(before.grid.xs, after.grid.xs)) continue;
    moveFirstRow(after, before);
    if (after.grid.owner.length === 0) pages[p]!.shift();
  }
}

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) <= 2 * SNAP);
}

/** The text of `from`'s first row goes to `to`'s last row; the row is then dropped from `from`. */
function moveFirstRow(from: PlacedGrid, to: PlacedGrid): void {
  const last = to.grid.owner.length - 1;
  const first = from.grid.owner[0]!;
  const moved = new Set<number>();
  for (let c = 0; c < first.length; c++) {
    const k = first[c]!;
    const cell = from.grid.cells[k]!;
    // A cell that reaches further down this page keeps its text: it is a cell of this page too.
    if (moved.has(k) || cell.rows > 1) continue;
    moved.add(k);
    const target = to.grid.owner[last]![c]!;
    // Below everything already in the cell, in the order they were on their page.
    for (const piece of from.pieces[k]!) to.pieces[target]!.push({ ...piece, box: [piece.box[0], piece.box[1] - 1e5, piece.box[2], piece.box[3] - 1e5] });
  }
  const grid = from.grid;
  grid.owner.shift();
  grid.ys.shift();
  grid.ysUp.pop();
  for (const cell of grid.cells) {
    if (cell.row > 0) cell.row--;
    else cell.rows--;
  }
}
