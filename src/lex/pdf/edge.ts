// A table wider than the page is cut at the paper's edge: the columns past it are not in the file (a
// converter may still draw their rules), and the column the edge runs through shows part of its cells.
// The value columns are named by their header cells against the templates' column order — one
// sequence at one offset, or no naming at all — so each visible cell is read in its own column, the
// cells the edge hides are unreadable in their places, and a row keeps the template's width.
import { sequencesFor } from '../../../grammars/vocabulary/columns.js';
import { foldLabel } from '../../../grammars/vocabulary/fold.js';
import { isValueText } from '../cell.js';
import { type Box, SNAP } from './geometry.js';
import type { Piece, PlacedGrid } from './place.js';

export interface Sides {
  left: boolean;
  right: boolean;
}

export interface NamedColumns {
  /** The first grid column of values: the ones before it hold row labels. */
  from: number;
  /** The template's column labels, left to right, and which of them grid column `from` is. */
  labels: readonly string[];
  first: number;
}

/** Where a grid column stands against the paper's edges. */
export type EdgeOf = 'inside' | 'cut' | 'beyond';

/** No real table touches the paper's edge: one that does runs off the page. */
export function cutByEdge(box: Box, width: number): Sides | undefined {
  const left = box[0] <= SNAP;
  const right = box[2] >= width - SNAP;
  return left || right ? { left, right } : undefined;
}

/** A column or a cell from x a to x b against the paper's edges. */
export function edgeOf(a: number, b: number, width: number): EdgeOf {
  if (a >= width - SNAP || b <= SNAP) return 'beyond';
  return a <= SNAP || b >= width - SNAP ? 'cut' : 'inside';
}

/** The value columns on the page: rules a converter draws past the edge make no columns to read. */
export function visibleColumns(xs: readonly number[], from: number, width: number): number[] {
  const out: number[] = [];
  for (let c = from; c + 1 < xs.length; c++) if (edgeOf(xs[c]!, xs[c + 1]!, width) !== 'beyond') out.push(c);
  return out;
}

/** The header a part of a table ends with, for the part on the next page (no header of its own). */
export interface Header {
  /** Each grid column's x-lines and the label over it ('' for none). */
  columns: readonly { x0: number; x1: number; head: string }[];
  /** All the header's text, folded: a block's caption says which block it is. */
  text: string;
}

export interface RowNames {
  /** Per row: a row of data (values or blanks right of its label), and how its value columns are named (undefined: not named). */
  dataRow: boolean[];
  named: (NamedColumns | undefined)[];
  /** The header in force at the table's end. */
  header: Header | undefined;
}

/**
 * The cut table's value columns named, row by row, by the header over them: the label rows above a row
 * of data (each block of section 二 has its own), or, for rows with none above them in this part, the
 * header the part before ended with, over columns at the same x.
 */
export function nameRows(placed: PlacedGrid, texts: readonly string[], width: number, sides: Sides, carried: Header | undefined): RowNames {
  const { grid } = placed;
  const isValue = (k: number) => texts[k] !== '' && isValueText(texts[k]!);
  // A number the edge cut (`75394432.` of 75394432.00) is no label, nor a sliver of glyph past the edge.
  const isLabel = (k: number) => {
    if (texts[k] === '' || isValue(k)) return false;
    const edge = edgeOf(grid.cells[k]!.box[0], grid.cells[k]!.box[2], width);
    return edge === 'inside' || (edge === 'cut' && !isValueText(texts[k]!.replace(/[.,]+$/, '')));
  };
  // Values stand right of every row label of every row that holds values.
  let from = 0;
  for (const row of grid.owner) if (row.some(isValue)) row.forEach((k, c) => isLabel(k) && (from = Math.max(from, c + 1)));
  const dataRow = grid.owner.map((row, r) => row.some((k) => texts[k] !== '') && isDataRow(grid, r, from, isLabel));
  const own = (heads: string[], band: readonly number[]): Header => ({
    columns: heads.map((head, c) => ({ x0: grid.xs[c]!, x1: grid.xs[c + 1]!, head })),
    text: band.map((r) => [...new Set(grid.owner[r]!)].map((k) => foldLabel(texts[k]!)).join('')).join(''),
  });
  const names = (heads: readonly string[] | undefined): heads is string[] => !!heads?.some((h, c) => c >= from && h !== '');
  let header = carried;
  let named = carried ? align(headsUnder(carried, grid.xs), carried.text, placed, from, width, sides) : undefined;
  const out: (NamedColumns | undefined)[] = [];
  let band: number[] = [];
  grid.owner.forEach((row, r) => {
    // A row with no text at all (a sliver a page break left) is neither header nor data.
    if (!dataRow[r]) {
      if (row.some((k) => texts[k] !== '')) band.push(r);
      return;
    }
    const heads = band.length ? headsOf(placed, texts, band) : undefined;
    if (names(heads)) {
      header = own(heads, band);
      named = align(heads, header.text, placed, from, width, sides);
    }
    band = [];
    out[r] = named;
  });
  const heads = band.length ? headsOf(placed, texts, band) : undefined;
  if (names(heads)) header = own(heads, band);
  return { dataRow, named: out, header };
}

/** The carried header's labels over this part's columns: null where no column of it stands at the same x. */
function headsUnder(header: Header, xs: readonly number[]): (string | null)[] {
  const near = (a: number, b: number) => Math.abs(a - b) <= 2 * SNAP;
  const heads: (string | null)[] = [];
  for (let c = 0; c + 1 < xs.length; c++) heads.push(header.columns.find((h) => near(h.x0, xs[c]!) && near(h.x1, xs[c + 1]!))?.head ?? null);
  return heads;
}

/** The one way the templates' column sequences read these heads, if there is exactly one. */
function align(allHeads: readonly (string | null)[], headerText: string, { grid }: PlacedGrid, from: number, width: number, sides: Sides): NamedColumns | undefined {
  if (from >= grid.xs.length - 1) return undefined;
  const visible = visibleColumns(grid.xs, from, width);
  const heads = visible.map((c) => allHeads[c]);
  if (heads.some((h) => h === null || h === undefined) || heads.every((h) => h === '')) return undefined;
  const fits: NamedColumns[] = [];
  for (const { labels } of sequencesFor(headerText))
    for (let first = 0; first < labels.length; first++) {
      const last = first + heads.length - 1;
      // A side the paper does not cut is the table's own edge: no column is missing there.
      if (last >= labels.length || (!sides.left && first > 0) || (!sides.right && last < labels.length - 1)) continue;
      let anchors = 0;
      let fit = true;
      for (let i = 0; i < heads.length && fit; i++) {
        const head = heads[i]!;
        if (!head) continue;
        const label = labels[first + i]!;
        const cut = edgeOf(grid.xs[visible[i]!]!, grid.xs[visible[i]! + 1]!, width) === 'cut';
        if (head === label || (cut && isSubsequence(head, label))) anchors++;
        else fit = false;
      }
      if (fit && anchors > 0) fits.push({ from, labels, first });
    }
  return fits.length === 1 ? fits[0] : undefined;
}

/** Per grid column, the label over it in these rows: the lowest cell that is this column's alone. */
function headsOf({ grid }: PlacedGrid, texts: readonly string[], band: readonly number[]): string[] {
  const heads: string[] = [];
  for (let c = 0; c + 1 < grid.xs.length; c++) {
    heads.push('');
    for (let i = band.length - 1; i >= 0; i--) {
      const k = grid.owner[band[i]!]![c]!;
      if (grid.cells[k]!.cols !== 1 || texts[k] === '') continue;
      heads[c] = isValueText(texts[k]!) ? '' : foldLabel(texts[k]!);
      break;
    }
  }
  return heads;
}

/** What the edge leaves of a label (`法` of 法律服务机构, `科研构` of 科研机构 wrapped): its characters in order. */
function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const ch of part) {
    at = whole.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

/**
 * A number in the column the edge runs through is whole when it stops a character's width short of the
 * edge: a digit beyond it would still be on the page, and printed.
 */
export function clearOfEdge(pieces: readonly Piece[], width: number): boolean {
  for (const p of pieces) {
    const glyph = (p.box[2] - p.box[0]) / Math.max(1, p.text.length);
    if (p.box[0] < glyph || p.box[2] > width - glyph) return false;
  }
  return pieces.length > 0;
}

/** A row of data: no label right of the row labels, and a cell of its own there. */
function isDataRow(grid: PlacedGrid['grid'], r: number, from: number, isLabel: (k: number) => boolean): boolean {
  let own = false;
  for (let c = from; c < grid.owner[r]!.length; c++) {
    const k = grid.owner[r]![c]!;
    if (isLabel(k)) return false;
    if (grid.cells[k]!.row === r) own = true;
  }
  return own;
}

/** Why a value cell of a cut table whose columns could not be named is not read. */
export const UNNAMED_MESSAGE = 'the table is wider than the page and cut at its edge: its columns cannot be told apart';

export function cutMessage(label: string): string {
  return `the table is wider than the page and its edge cuts through column ${label}: its cells are not printed whole`;
}

export function pastMessage(label: string): string {
  return `the table is wider than the page and column ${label} is past its edge: not printed`;
}
