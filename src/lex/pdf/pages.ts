// A PDF's pages → cells, and the text rendering of the document that the cells' offsets point into.
// Each page is read top to bottom: paragraphs of free text, and ruled tables row by row (a spanned
// slot is a `span` cell, an empty cell a `blank`, as the HTML lexer gives them). Page numbers and
// running headers are `break` cells, left out of the text, so a table or a paragraph runs on across a
// page break.
import type { PdfPage } from '../../input/pdf/types.js';
import { type Cell, isValueText, makeCell } from '../cell.js';
import type { Box } from './geometry.js';
import { findGrids } from './grid.js';
import { cellText, groupLines, joinLines, type TextLine } from './lines.js';
import { UNNAMED_MESSAGE, clearOfEdge, cutByEdge, cutMessage, edgeOf, nameRows, pastMessage, visibleColumns, type Header } from './edge.js';
import { placeTexts, type PlacedGrid } from './place.js';
import { isFurniture } from './furniture.js';
import { withoutDecorations } from './decorations.js';
import { joinRowsCutByPageBreaks } from './continued.js';
import { findUnruled, type UnruledTable } from './unruled.js';

export interface PdfLex {
  cells: Cell[];
  /** The document as text: a paragraph per line, a table row per line (cells parted by ` | `). */
  text: string;
  /** The text of the ruled tables' cells alone: where unreadable glyphs matter most. */
  tableText: string;
}

type Block = { top: number; paragraph: TextLine } | { top: number; furniture: TextLine } | { top: number; table: PlacedGrid } | { top: number; rows: UnruledTable };

export function lexPdf(pages: readonly PdfPage[]): PdfLex {
  const out = new Rendering();
  const laid = pages.map((page) => {
    const placed = placeTexts(page.texts, findGrids(withoutDecorations(page.segments ?? [], page.texts)));
    const unruled = findUnruled(placed.free);
    return { page, grids: placed.grids, unruled: unruled.tables, lines: groupLines(unruled.rest) };
  });
  joinRowsCutByPageBreaks(laid.map((l) => l.grids));
  const furniture = isFurniture(laid.map(({ page, lines }) => ({ page, lines })));
  laid.forEach(({ page, grids, unruled, lines }, p) => {
    const blocks: Block[] = [];
    const body: TextLine[] = [];
    lines.forEach((line, i) => (furniture[p]![i] ? blocks.push({ top: line.box[3], furniture: line }) : body.push(line)));
    for (const paragraph of paragraphs(body)) blocks.push({ top: paragraph.box[3], paragraph });
    for (const table of grids) blocks.push({ top: table.grid.box[3], table });
    for (const rows of unruled) blocks.push({ top: rows.top, rows });
    blocks.sort((a, b) => b.top - a.top);
    for (const block of blocks) {
      if ('paragraph' in block) out.line(page.number, block.paragraph);
      else if ('furniture' in block) out.pageBreak(page.number, block.furniture);
      else if ('rows' in block) out.unruled(page.number, block.rows);
      else out.table(page, block.table);
    }
  });
  return { cells: out.cells, text: out.text(), tableText: out.tableText.join('') };
}

/**
 * Wrapped lines of one paragraph joined: a line runs on when the one before it reaches the right edge
 * of the page's text and it is not indented (a new paragraph, a heading, starts indented or after a
 * short line).
 */
function paragraphs(lines: readonly TextLine[]): TextLine[] {
  if (!lines.length) return [];
  const right = Math.max(...lines.map((l) => l.box[2]));
  const out: TextLine[] = [];
  let current: TextLine | undefined;
  let last: TextLine | undefined;
  for (const line of lines) {
    const size = line.size || 10;
    const runsOn =
      current &&
      last &&
      last.box[2] >= right - 1.5 * size &&
      line.box[0] <= last.box[0] + 0.5 * size &&
      last.box[1] - line.box[3] < 1.2 * size &&
      Math.abs(line.size - last.size) < 0.2 * size;
    if (runsOn && current) current = { text: joinLines([current.text, line.text]), box: union(current.box, line.box), size: current.size };
    else {
      if (current) out.push(current);
      current = { ...line };
    }
    last = line;
  }
  if (current) out.push(current);
  return out;
}

function union(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** The text being written and the cells pointing into it. */
class Rendering {
  readonly cells: Cell[] = [];
  readonly tableText: string[] = [];
  private parts: string[] = [];
  /** The header the last table ended with, while it may run on to the next page. */
  private header: Header | undefined;
  private length = 0;

  text(): string {
    return this.parts.join('');
  }

  private write(s: string): number {
    const at = this.length;
    this.parts.push(s);
    this.length += s.length;
    return at;
  }

  private newLine(): void {
    if (this.length) this.write('\n');
  }

  line(page: number, line: TextLine): void {
    this.newLine();
    const start = this.write(line.text);
    this.cells.push(withPlace(makeCell(isValueText(line.text) ? 'value' : 'label', line.text, start, start + line.text.length, true), page, line.box));
  }

  pageBreak(page: number, line: TextLine): void {
    this.cells.push(withPlace(makeCell('break', line.text, this.length, this.length, true), page, line.box));
  }

  /** A table without rules: its rows as its columns placed them. */
  unruled(page: number, table: UnruledTable): void {
    for (const row of table.rows) {
      this.newLine();
      let written = false;
      row.forEach((c, i) => {
        if (c.text && written) this.write(' | ');
        const start = this.write(c.text);
        if (c.text) written = true;
        const cell = withPlace(makeCell(c.kind, c.text, start, start + c.text.length, i === 0), page, c.box);
        if (c.unreadable) cell.unreadable = c.unreadable;
        this.cells.push(cell);
      });
    }
  }

  table(page: PdfPage, placed: PlacedGrid): void {
    const { grid } = placed;
    const texts = placed.pieces.map(cellText);
    // A table wider than the page is cut at its edge: its visible columns are read where their header
    // names them (the part before names a part with no header), the others are unreadable cells.
    const sides = cutByEdge(grid.box, page.width);
    const names = sides ? nameRows(placed, texts, page.width, sides, this.header) : undefined;
    this.header = names?.header;
    const cols = grid.xs.length - 1;
    const namedAnywhere = names?.named.find((n) => n);
    for (let r = 0; r < grid.owner.length; r++) {
      this.newLine();
      // A header row's cut cells are no values when the table's columns are named anywhere.
      const named = names?.dataRow[r] ? names.named[r] : namedAnywhere;
      const visible = named ? visibleColumns(grid.xs, named.from, page.width) : [];
      const widened = names?.dataRow[r] && named;
      const rowBox = (x: number): Box => [x, grid.ys[r + 1]!, x, grid.ys[r]!];
      let first = true;
      let written = false;
      for (let c = 0; c < cols; c++) {
        if (widened && c === visible[0] && named.first > 0) {
          this.pastEdge(page.number, named.labels.slice(0, named.first), rowBox(0), first);
          first = false;
        }
        const k = grid.owner[r]![c]!;
        const cell = grid.cells[k]!;
        const edge = sides ? edgeOf(cell.box[0], cell.box[2], page.width) : 'inside';
        if (cell.row !== r || cell.col !== c || (named && edge === 'beyond')) {
          // A slot the cell to its left or above covers, as a colspan/rowspan does in HTML; or one past the
          // paper's edge, whose column the missing cells stand for.
          this.cells.push(makeCell('span', '', 0, 0, first));
        } else {
          const text = texts[k]!;
          if (text && written) this.write(' | ');
          const start = this.write(text);
          this.tableText.push(text);
          if (text) written = true;
          const kind = text === '' ? 'blank' : isValueText(text) ? 'value' : 'label';
          const made = withPlace(makeCell(kind, text, start, start + text.length, first), page.number, cell.box);
          if (widened && c >= named.from && edge !== 'inside') {
            // A cell the edge runs through is read when its text stops clear of the edge (label or number).
            if (kind === 'blank' || !clearOfEdge(placed.pieces[k]!, page.width)) {
              made.kind = 'value';
              made.unreadable = cutMessage(named.labels[named.first + visible.indexOf(c)]!);
            }
          } else if (sides && kind !== 'label' && !(named && edge === 'inside')) {
            // A header cell the edge cut is no value: its text is what is missing. Unnamed, no cell is read.
            if (named) made.kind = kind === 'blank' ? 'span' : kind;
            else {
              made.kind = 'value';
              made.unreadable = UNNAMED_MESSAGE;
            }
          }
          this.cells.push(made);
        }
        first = false;
      }
      if (widened) this.pastEdge(page.number, named.labels.slice(named.first + visible.length), rowBox(page.width), false);
    }
  }

  /** Cells of the columns a cut table does not print, each unreadable in its place. */
  private pastEdge(page: number, labels: readonly string[], box: Box, rowStart: boolean): void {
    labels.forEach((label, i) => {
      const cell = withPlace(makeCell('value', '', this.length, this.length, rowStart && i === 0), page, box);
      cell.unreadable = pastMessage(label);
      cell.unprinted = true;
      this.cells.push(cell);
    });
  }
}

function withPlace(cell: Cell, page: number, box: Box): Cell {
  cell.page = page;
  cell.box = [round(box[0]), round(box[1]), round(box[2]), round(box[3])];
  return cell;
}

/** Two decimals: a box in points, without float noise in the output. */
function round(v: number): number {
  return Math.round(v * 100) / 100;
}
