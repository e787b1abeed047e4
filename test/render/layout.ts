// Text layouts of a table grid, the ways converters print tables: cells between `|` (with or without outer
// pipes, with or without a markdown rule row), tabs, box-drawing bars, runs of spaces in aligned columns, or
// one cell per line. Spans printed as empty cells or not at all, blank cells as some marker or dropped,
// labels wrapped over several lines, header rows dropped or repeated, markdown escapes and `<br>`.
import type { Grid, GridCell, GridRow } from './grid.js';

export const LAYOUTS = ['pipe', 'tab', 'box', 'aligned', 'cellPerLine'] as const;
/** How a blank value cell prints ('' and whitespace-only markers are blank; the others mean "none"). */
export const BLANKS = ['', ' ', '\u00a0', '\u3000', '-', '—', '/', '无'] as const;
/** Markers the contract reads as 0 with `placeholder-zero` (README: `—` `-` `/` `无`). */
export const PLACEHOLDERS: ReadonlySet<string> = new Set(['-', '—', '/', '无']);

export interface Style {
  layout: (typeof LAYOUTS)[number];
  /** pipe: `| a | b |` rather than `a | b`. */
  outerPipes: boolean;
  /** pipe: a `|---|---|` row after each table's first row (markdown). */
  markdownRule: boolean;
  /** Colspans and rowspan-covered positions: printed as empty cells (`grid`) or not printed (`omit`). */
  spans: 'grid' | 'omit';
  blank: (typeof BLANKS)[number];
  /** Lossy converters: blank value cells are not printed at all. */
  dropBlanks: boolean;
  /** Labels longer than this many characters wrap onto further lines (null: no wrapping). */
  wrap: number | null;
  /** The value cells of a wrapped row go on its first line, or on its last. */
  valuesOnLast: boolean;
  /** Header rows of tables 三 and 四: kept, dropped, or printed again before the middle data row. */
  header: 'keep' | 'drop' | 'repeat';
  /** Markdown escapes: `18651\.06`, `\-3`, `1\.属于国家秘密`. */
  escape: boolean;
  /** pipe: a wrapped label's parts joined by `<br>` in one cell. */
  br: boolean;
  /** `**label**`. */
  emphasis: boolean;
  /** aligned and box: spaces added to every column's width; aligned: spaces between columns (≥ 2). */
  pad: number;
  gap: number;
  /** box: a ruling line between rows. */
  rules: boolean;
  /** fees: `251000元` rather than `251000`. */
  yuanSuffix: boolean;
}

/** Display width: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000]/.test(ch) ? 2 : 1;
  return w;
}

function wrapText(text: string, at: number | null): string[] {
  if (!at || text.length <= at) return [text];
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += at) parts.push(text.slice(i, i + at));
  return parts;
}

function numberText(cell: GridCell, style: Style): string {
  const v = cell.value!;
  let s = String(v);
  if (style.yuanSuffix && cell.path?.endsWith('/amountYuan')) s += '元';
  if (style.escape) s = s.replace(/\./g, '\\.').replace(/^-/, '\\-');
  return s;
}

function labelText(text: string, style: Style): string {
  let s = text;
  if (style.escape) s = s.replace(/^(\d+)\./, '$1\\.');
  if (style.emphasis && s) s = `**${s}**`;
  return s;
}

/** A row's printed cells, each a list of lines (a wrapped label has several). */
function rowCells(row: GridRow, style: Style): string[][] {
  const out: string[][] = [];
  const fill = (n: number) => {
    if (style.spans === 'grid') for (let i = 0; i < n; i++) out.push(['']);
  };
  for (const cell of row.cells) {
    if (cell.covered) {
      fill(cell.span);
      continue;
    }
    if (cell.path !== undefined) {
      if (cell.value === null && style.dropBlanks) continue;
      out.push([cell.value === null ? style.blank : numberText(cell, style)]);
    } else {
      const parts = wrapText(cell.text, style.wrap).map((p) => labelText(p, style));
      out.push(style.layout === 'pipe' && style.br ? [parts.join('<br>')] : parts);
    }
    fill(cell.span - 1);
  }
  return out;
}

/** A row's physical lines: cells side by side, a wrapped label continuing below with the other cells empty. */
function physicalLines(cells: string[][], style: Style): string[][] {
  const height = Math.max(1, ...cells.map((c) => c.length));
  const lines: string[][] = [];
  for (let k = 0; k < height; k++) {
    lines.push(
      cells.map((c) => {
        if (c.length > 1) return c[k] ?? '';
        return k === (style.valuesOnLast ? height - 1 : 0) ? c[0]! : '';
      }),
    );
  }
  return lines;
}

function pipeLine(cells: string[], style: Style): string {
  const body = cells.join(' | ');
  return style.outerPipes ? `| ${body} |` : body;
}

function padTo(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

/** The table as text in the style's layout. */
export function renderGrid(grid: Grid, style: Style): string {
  let rows = grid.rows;
  if (grid.table !== 'active' && style.header !== 'keep') {
    const headers = rows.filter((r) => r.kind === 'header');
    const data = rows.filter((r) => r.kind !== 'header');
    if (style.header === 'drop') rows = data;
    else {
      const mid = Math.floor(data.length / 2);
      rows = [...headers, ...data.slice(0, mid), ...headers, ...data.slice(mid)];
    }
  }
  const logical = rows.map((r) => rowCells(r, style));
  if (style.layout === 'cellPerLine') {
    return logical.flatMap((cells) => cells.flatMap((c) => c)).join('\n');
  }
  const physical = logical.map((cells) => physicalLines(cells, style));
  if (style.layout === 'pipe') {
    const out: string[] = [];
    physical.forEach((lines, i) => {
      for (const l of lines) out.push(pipeLine(l, style));
      if (i === 0 && style.markdownRule) out.push(pipeLine(lines[0]!.map(() => '---'), style));
    });
    return out.join('\n');
  }
  if (style.layout === 'tab') return physical.flatMap((lines) => lines.map((l) => l.join('\t'))).join('\n');
  // Aligned and box: every column as wide as its widest cell, plus padding.
  const widths: number[] = [];
  for (const lines of physical) for (const l of lines) l.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c) + style.pad)));
  if (style.layout === 'aligned') {
    const sep = ' '.repeat(Math.max(2, style.gap));
    const blankish = (c: string) => (c.trim() === '' ? '' : c);
    return physical.flatMap((lines) => lines.map((l) => l.map((c, i) => padTo(blankish(c), widths[i]!)).join(sep).trimEnd())).join('\n');
  }
  const rule = (cells: number) => '├' + widths.slice(0, cells).map((w) => '─'.repeat(w + 2)).join('┼') + '┤';
  const out: string[] = [];
  physical.forEach((lines, i) => {
    if (i > 0 && style.rules) out.push(rule(lines[0]!.length));
    for (const l of lines) out.push('│ ' + l.map((c, j) => padTo(c, widths[j]!)).join(' │ ') + ' │');
  });
  return out.join('\n');
}
