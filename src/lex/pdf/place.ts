// Text items → the grid cells they are printed in, or free text. An item is placed by where its
// characters are: one that pdf.js ran across a rule (two cells' text in one item) is cut at the rule.
import type { PdfText } from '../../input/pdf/types.js';
import type { Box } from './geometry.js';
import { type Grid, slotAt } from './grid.js';

/** Text with its box: an item, or the part of one that lies in one cell. */
export interface Piece {
  text: string;
  box: Box;
  vertical: boolean;
}

export interface PlacedGrid {
  grid: Grid;
  /** Per grid cell, the pieces printed in it. */
  pieces: Piece[][];
}

export function placeTexts(texts: readonly PdfText[], grids: readonly Grid[]): { grids: PlacedGrid[]; free: Piece[] } {
  const placed: PlacedGrid[] = grids.map((grid) => ({ grid, pieces: grid.cells.map(() => []) }));
  const free: Piece[] = [];
  for (const t of texts) {
    const cx = (t.x0 + t.x1) / 2;
    const cy = (t.y0 + t.y1) / 2;
    const target = placed.find(({ grid: { box } }) => cx >= box[0] && cx <= box[2] && cy >= box[1] && cy <= box[3]);
    if (!target) free.push({ text: t.text, box: [t.x0, t.y0, t.x1, t.y1], vertical: t.vertical });
    else cutIntoCells(t, target);
  }
  return { grids: placed, free };
}

/** Each character's centre decides its cell; runs of characters in one cell become one piece. */
function cutIntoCells(t: PdfText, target: PlacedGrid): void {
  const n = t.text.length;
  const cx = (t.x0 + t.x1) / 2;
  const cy = (t.y0 + t.y1) / 2;
  let runStart = 0;
  let runCell = -1;
  const flush = (end: number) => {
    if (runCell < 0 || end <= runStart) return;
    const text = t.text.slice(runStart, end);
    if (text.trim() === '') return;
    const box: Box = t.vertical
      ? [t.x0, t.y1 - ((t.y1 - t.y0) * end) / n, t.x1, t.y1 - ((t.y1 - t.y0) * runStart) / n]
      : [t.x0 + ((t.x1 - t.x0) * runStart) / n, t.y0, t.x0 + ((t.x1 - t.x0) * end) / n, t.y1];
    target.pieces[runCell]!.push({ text, box, vertical: t.vertical });
  };
  for (let i = 0; i < n; i++) {
    const x = t.vertical ? cx : t.x0 + ((i + 0.5) * (t.x1 - t.x0)) / n;
    const y = t.vertical ? t.y1 - ((i + 0.5) * (t.y1 - t.y0)) / n : cy;
    const slot = slotAt(target.grid, x, y) ?? nearestSlot(target.grid, x, y);
    const cell = target.grid.owner[slot.row]![slot.col]!;
    if (cell !== runCell) {
      flush(i);
      runStart = i;
      runCell = cell;
    }
  }
  flush(n);
}

/** A point just outside the grid's lines (a character overhanging the border) belongs to the edge slot. */
function nearestSlot(grid: Grid, x: number, y: number): { row: number; col: number } {
  const cols = grid.xs.length - 1;
  const rows = grid.ys.length - 1;
  const clampX = Math.min(Math.max(x, grid.xs[0]!), grid.xs[cols]! - 1e-6);
  const clampY = Math.min(Math.max(y, grid.ys[rows]! + 1e-6), grid.ys[0]!);
  return slotAt(grid, clampX, clampY) ?? { row: 0, col: 0 };
}
