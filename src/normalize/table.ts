// What every normalizer shares: cells read into rows, their provenance, and the diagnostics that
// name them; plus reading a row whose digits ran together.
import { type Cell, parseNumberText } from '../lex/cell.js';
import type { Diagnostic, Provenance, ExtraRow } from '../schema/report.js';
import { readCell, numberOf, type CellRead, type ColumnRule } from './value.js';
import { rowReadings, rewritten, pieceKey, type Piece } from './split.js';
import type { SearchBudget } from './budget.js';

export interface NormalizeContext {
  /** The decoded input: provenance offsets point into it. */
  input: string;
  diagnostics: Diagnostic[];
  /** Cell path → where it was read; a Map while tables are built (the Report gets it as an object, same order). */
  provenance: Map<string, Provenance>;
  /** The tables built, for the last look at their cells (`nameUnsettledCells`). */
  tables: TableCells[];
  /** The search steps the report may spend (budget.ts); a fresh budget per search when absent. */
  budget?: SearchBudget;
  /** Rows left with several readings, for a later source (the prose, src/narrative) to narrow. */
  open?: OpenRow[];
  /** Cells the input does not print at all (a table cut at a page's edge): the prose alone may give their numbers. */
  unprinted?: Set<string>;
}

/** A row that reads several ways: its cells (paths), the readings, and each column's rule. */
export interface OpenRow {
  paths: string[];
  readings: readonly Piece[][];
  rules: ColumnRule[];
}

/** A table under construction: row id → column key → what was read. */
export class TableCells {
  readonly rows = new Map<string, Map<string, CellRead>>();
  readonly extraRows: ExtraRow[] = [];
  private readonly byPath = new Map<string, number | null>();

  constructor(
    readonly table: string,
    private readonly ctx: NormalizeContext,
    /** False for a scratch table that another is built from. */
    registered = true,
  ) {
    if (registered) ctx.tables.push(this);
  }

  path(row: string, column: string): string {
    return `${this.table}/${row}/${column}`;
  }

  set(row: string, column: string, read: CellRead, path = this.path(row, column)): void {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    r.set(column, read);
    this.byPath.set(path, read.value);
    if (read.source) this.ctx.provenance.set(path, read.source);
  }

  /** The cell was read as blank from the input (not merely left without a value). */
  isBlank(row: string, column: string): boolean {
    return this.rows.get(row)?.get(column)?.blank === true;
  }

  get(row: string, column: string): number | null {
    return this.rows.get(row)?.get(column)?.value ?? null;
  }

  paths(row: string, columns: readonly string[]): string[] {
    const paths: string[] = [];
    for (const c of columns) paths.push(this.path(row, c));
    return paths;
  }

  /** The value at a full cell path (`applications/newReceived/total`), null when absent. */
  valueAt(path: string): number | null {
    return this.byPath.get(path) ?? null;
  }

  has(row: string): boolean {
    return this.rows.has(row);
  }

  /** Reads whole cells (one per column) into a row. */
  readRow(row: string, columns: readonly string[], pieces: readonly Piece[], rules: Readonly<Record<string, ColumnRule>> = {}): void {
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const piece = pieces[i]!;
      const path = this.path(row, column);
      const cell = { kind: piece.cell.kind, text: piece.text, start: piece.start, end: piece.end, page: piece.cell.page, box: piece.cell.box, unreadable: piece.cell.unreadable };
      this.set(row, column, readCell(cell, path, rules[column] ?? {}, this.ctx.diagnostics, this.ctx.input), path);
      if (piece.cell.unprinted) (this.ctx.unprinted ??= new Set()).add(path);
    }
  }

  /** A row the table should have but the input does not show: nulls, each named by a warning. */
  missing(row: string, columns: readonly string[], message: string, severity: Diagnostic['severity'] = 'warning'): void {
    for (const column of columns) this.set(row, column, { value: null });
    this.ctx.diagnostics.push({
      code: 'row-missing',
      severity,
      message,
      path: this.path(row, columns[0]!),
      table: this.table,
      cells: this.paths(row, columns),
    });
  }

  /** A row whose values could not be placed: nulls, named by a warning with the source span. */
  unreadable(row: string, columns: readonly string[], values: readonly Cell[], message: string): void {
    for (const column of columns) this.set(row, column, { value: null });
    this.ctx.diagnostics.push({
      code: 'cell-unreadable',
      severity: 'warning',
      message,
      path: this.path(row, columns[0]!),
      table: this.table,
      cells: this.paths(row, columns),
      ...spanOf(values),
    });
  }

  extra(label: string, values: readonly Cell[], rule: ColumnRule = {}): void {
    const cells = values.filter((v) => v.kind !== 'span').map((v) => readCell(v, `${this.table}/extra/${this.extraRows.length}`, rule, [], this.ctx.input).value);
    this.extraRows.push({ label, cells });
    this.ctx.diagnostics.push({
      code: 'extra-row',
      severity: 'info',
      message: `row "${label}" is not in the template: kept in extraRows, outside the checks`,
      path: 'table',
      table: this.table,
      ...spanOf(values),
    });
  }

  /** A nested object: `results.denied.stateSecret` → `{ results: { denied: { stateSecret: {…} } } }`. */
  toObject(rowIds: readonly string[], columns: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const id of rowIds) {
      const row: Record<string, number | null> = {};
      for (const c of columns) row[c] = this.get(id, c);
      setPath(out, id, row);
    }
    return out;
  }
}

/** Sets `value` at a dotted path (`results.denied.stateSecret`), making the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** A diagnostic's `span`: from the first to the last cell with source text (span cells skipped). */
export function spanOf(values: readonly Cell[]): { span?: { start: number; end: number } } {
  let first: Cell | undefined;
  let last: Cell | undefined;
  for (const v of values) {
    if (v.kind === 'span' || v.end <= v.start) continue;
    first ??= v;
    last = v;
  }
  if (!first) return {};
  return { span: { start: first.start, end: last!.end } };
}

/** The cells' texts joined by a space, as diagnostics quote a row. */
export function quotedText(values: readonly Cell[]): string {
  let text = '';
  for (let i = 0; i < values.length; i++) text += i ? ` ${values[i]!.text}` : values[i]!.text;
  return text;
}

/**
 * A row of a table without arithmetic (documents, decisions, fees): read when its cells can be read
 * only one way, else nulls with `ambiguous-split` or `cell-unreadable`.
 */
export function readUniqueRow(t: TableCells, row: string, columns: readonly string[], values: readonly Cell[], rules: Readonly<Record<string, ColumnRule>>, ctx: NormalizeContext): void {
  // A signed number run into its neighbours (`4051-27988`) is read only where a column takes a sign.
  const readings = rowReadings(values, columns.length, undefined, (pieces) => signFits(pieces, columns, rules), undefined, undefined, ctx.budget);
  if (readings !== 'too-many' && readings.length === 1) {
    t.readRow(row, columns, readings[0]!, rules);
    if (rewritten(readings[0]!, values)) ctx.diagnostics.push(splitInfo(t, row, columns, values));
    return;
  }
  if (readings === 'too-many' || readings.length > 1) {
    ambiguous(t, row, columns, readings === 'too-many' ? [] : readings, values, ctx, rules);
    return;
  }
  t.unreadable(row, columns, values, `${values.length} cell(s) where the template has ${columns.length}: "${quotedText(values)}"`);
}

/** The last piece of a partial reading is negative only in a signed column (本年增/减). */
function signFits(pieces: readonly Piece[], columns: readonly string[], rules: Readonly<Record<string, ColumnRule>>): boolean {
  const k = pieces.length - 1;
  const p = pieces[k]!;
  if (p.cell.kind !== 'value' || p.text.length < 2) return true;
  const c = p.text.charCodeAt(0);
  const negative = (c === 0x2d || c === 0x2212 || c === 0xff0d) && p.text.charCodeAt(1) >= 48 && p.text.charCodeAt(1) <= 57;
  return !negative || rules[columns[k]!]?.signed === true;
}

export function splitInfo(t: TableCells, row: string, columns: readonly string[], values: readonly Cell[]): Diagnostic {
  return {
    code: 'digits-split',
    severity: 'info',
    message: `"${quotedText(values)}" has one reading as ${columns.length} cells`,
    path: t.path(row, columns[0]!),
    table: t.table,
    ...spanOf(values),
  };
}

/** Every reading takes cell i from the same cell of the text. */
function sameCellIn(readings: readonly Piece[][], i: number): boolean {
  const cell = readings[0]![i]!.cell;
  for (const r of readings) if (r[i]!.cell !== cell) return false;
  return true;
}

/** Several readings: the cells on which they differ are null with their candidate values; the others are read by their column's rule. */
export function ambiguous(
  t: TableCells,
  row: string,
  columns: readonly string[],
  readings: readonly Piece[][],
  values: readonly Cell[],
  ctx: NormalizeContext,
  rules: Readonly<Record<string, ColumnRule>> = {},
): void {
  if (readings.length) ctx.open?.push({ paths: t.paths(row, columns), readings, rules: columns.map((c) => rules[c] ?? {}) });
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const keys = keysAt(readings, i);
    if (readings.length > 0 && keys.size === 1) {
      const piece = readings[0]![i]!;
      // A blank the text does not show, in every reading: the readings agree only because a check
      // cannot run on a blank (pdftotext of a page cut at its edge). Nor one the readings take from
      // different cells of the text: the row lost cells, and where its blanks stand is as open as where its
      // numbers do. Null, not read blank: the safety net names it.
      if (piece.cell.kind === 'blank' && (!values.includes(piece.cell) || !sameCellIn(readings, i))) t.set(row, column, { value: null });
      else t.readRow(row, [column], [piece], rules);
      continue;
    }
    t.set(row, column, { value: null });
    const blank = keys.has(null);
    const candidates = candidateValues(keys);
    const listed = listedCandidates(candidates, blank);
    ctx.diagnostics.push({
      code: 'ambiguous-split',
      severity: 'warning',
      message: readings.length
        ? `"${quotedText(values)}" reads ${readings.length} ways; this cell could be ${listed}${candidates.length > 12 ? ', …' : ''}`
        : `"${quotedText(values)}" reads too many ways to list`,
      path: t.path(row, column),
      table: t.table,
      candidates: candidates.slice(0, 50),
      ...spanOf(values),
    });
  }
}

/** What the readings put in cell `i`: distinct texts, null for a blank. */
function keysAt(readings: readonly Piece[][], i: number): Set<string | null> {
  const keys = new Set<string | null>();
  for (const r of readings) keys.add(pieceKey(r[i]!));
  return keys;
}

/** The first 12 candidates, then `blank` if a blank is one, comma-separated (a loop: no arrays made for a message). */
function listedCandidates(candidates: readonly number[], blank: boolean): string {
  let text = '';
  const shown = Math.min(candidates.length, 12);
  for (let i = 0; i < shown; i++) text += (i ? ', ' : '') + String(candidates[i]);
  if (blank) text += shown ? ', blank' : 'blank';
  return text;
}

/** The distinct numbers the texts read as, ascending. */
function candidateValues(keys: ReadonlySet<string | null>): number[] {
  const values = new Set<number>();
  for (const k of keys) {
    if (k === null) continue;
    const v = parseNumberText(k)?.value ?? numberOf(k);
    if (v !== null) values.add(v);
  }
  return [...values].sort(ascending);
}

function ascending(a: number, b: number): number {
  return a - b;
}
