// Markdown pipe tables (`| a | b |  |`), read as a block: converters turn colspans and rowspans into
// empty cells, so an empty cell is a blank only where a number could stand — in a value column (from
// the first column that holds a number on), on a body row (from the first row that holds one).
// Header rows and label columns keep only their labels.
import { type Cell, isValueText, makeCell } from './cell.js';
import { type Line, isBlank, isSpace, columnAt } from './lines.js';

/** The index after the markdown table starting at line `i`: two or more lines that start and end with `|`. */
export function markdownTableEnd(lines: readonly Line[], i: number): number | undefined {
  let j = i;
  while (j < lines.length && isPipeRow(lines[j]!.text)) j++;
  return j - i >= 2 ? j : undefined;
}

function isPipeRow(t: string): boolean {
  const s = t.trim();
  return s.length > 2 && s[0] === '|' && s[s.length - 1] === '|';
}

/**
 * `|---|:--:|`: the rule under a header row, in `t` from `from` to `to`. Form detection asks the same
 * question, so a rule the lexer skips (spaces may be tabs or NBSPs) also counts as markdown there.
 */
export function isMarkdownRule(t: string, from = 0, to = t.length): boolean {
  let dashes = 0;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c === DASH) dashes++;
    else if (c !== PIPE && c !== COLON && !isSpace(c)) return false;
  }
  return dashes >= 3;
}

const DASH = 0x2d;
const PIPE = 0x7c;
const COLON = 0x3a;

interface RowCell {
  from: number;
  to: number;
  blank: boolean;
}

export function lexMarkdownTable(lines: readonly Line[], out: Cell[]): void {
  // Loops, not arrow callbacks made anew per call: those lose their optimized code at every full GC.
  const rows: { line: Line; cells: RowCell[] }[] = [];
  for (const line of lines) if (!isMarkdownRule(line.text)) rows.push({ line, cells: cellsOf(line.text) });
  let firstValueColumn = Infinity;
  let firstBodyRow = Infinity;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    for (let col = 0; col < r.cells.length; col++) {
      const c = r.cells[col]!;
      if (c.blank || !isValueText(r.line.text.slice(c.from, c.to))) continue;
      firstValueColumn = Math.min(firstValueColumn, col);
      firstBodyRow = Math.min(firstBodyRow, k);
    }
  }
  for (let k = 0; k < rows.length; k++) {
    const { line, cells } = rows[k]!;
    let first = true;
    for (let col = 0; col < cells.length; col++) {
      const c = cells[col]!;
      if (c.blank && (k < firstBodyRow || col < firstValueColumn)) continue;
      out.push(cellOf(line, c, first));
      first = false;
    }
  }
}

/** The pieces between the row's outer pipes (an escaped `\|` does not part cells). */
function cellsOf(t: string): RowCell[] {
  const open = t.indexOf('|');
  const close = t.lastIndexOf('|');
  const cells: RowCell[] = [];
  let from = open + 1;
  for (let i = open + 1; i <= close; i++) {
    if (t[i] !== '|' || t[i - 1] === '\\') continue;
    cells.push({ from, to: i, blank: isBlank(t, from, i) });
    from = i + 1;
  }
  return cells;
}

function cellOf(line: Line, c: RowCell, rowStart: boolean): Cell {
  const t = line.text;
  let from = c.from;
  let to = c.to;
  while (from < to && isSpace(t.charCodeAt(from))) from++;
  while (to > from && isSpace(t.charCodeAt(to - 1))) to--;
  const text = t.slice(from, to);
  const kind = c.blank ? 'blank' : isValueText(text) ? 'value' : 'label';
  return makeCell(kind, text, line.start + from, line.start + to, rowStart, line.index, columnAt(line, from), columnAt(line, to));
}
