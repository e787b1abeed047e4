// The tables as the narrative reads and writes them: a cell by its path, in the Report's table objects
// and in the cells the checks read; the template's sums (SPEC §6) that pin one cell from the others.
import { applicantColumns, applicationGroupTotals, rowsOf } from '../../grammars/applications.js';
import { outcomeColumns, reviewGroups } from '../../grammars/reviewLitigation.js';
import type { Version } from '../../grammars/types.js';
import type { Tables } from '../schema/report.js';
import type { TableCells, NormalizeContext } from '../normalize/table.js';
import type { CellRead } from '../normalize/value.js';

export interface CellPath {
  table: string;
  row: string;
  column: string;
}

export function splitPath(path: string): CellPath {
  const first = path.indexOf('/');
  const last = path.lastIndexOf('/');
  return { table: path.slice(0, first), row: path.slice(first + 1, last), column: path.slice(last + 1) };
}

export class TableValues {
  constructor(
    private readonly tables: Tables,
    /** The cells the checks read (applications, reviewLitigation): a settled value is written there too. */
    private readonly cells: Readonly<Record<string, TableCells | undefined>>,
    private readonly ctx: NormalizeContext,
  ) {}

  /** Row objects by `table/row`, found once. */
  private readonly rows = new Map<string, Record<string, unknown> | undefined>();

  private rowAt(path: string, lastSlash: number): Record<string, unknown> | undefined {
    const key = path.slice(0, lastSlash);
    if (this.rows.has(key)) return this.rows.get(key);
    const first = key.indexOf('/');
    const r = rowObject(this.tables, key.slice(0, first), key.slice(first + 1));
    this.rows.set(key, r);
    return r;
  }

  /** Values by path, as read so far (a statement's cells are looked up many times; `set` keeps it current). */
  private readonly known = new Map<string, number | null | undefined>();

  /** The cell's value; undefined when the table has no such cell. */
  get(path: string): number | null | undefined {
    if (this.known.has(path)) return this.known.get(path);
    const last = path.lastIndexOf('/');
    const r = this.rowAt(path, last);
    const column = path.slice(last + 1);
    const value = r && column in r ? (r[column] as number | null) : undefined;
    this.known.set(path, value);
    return value;
  }

  /** The cells a table reports (not its derived group totals) that are null, as paths. */
  nullPaths(table: string): string[] {
    const t = (this.tables as Record<string, { template?: Version } | undefined>)[table];
    if (!t) return [];
    const out: string[] = [];
    const rows = table === 'applications' ? rowsOf(t.template!) : Object.keys(t).filter((k) => k !== 'template' && k !== 'extraRows');
    for (const row of rows) {
      const r = rowObject(this.tables, table, row);
      if (r) for (const [c, v] of Object.entries(r)) if (v === null) out.push(`${table}/${row}/${c}`);
    }
    return out;
  }

  set(path: string, read: CellRead): void {
    const { table, row, column } = splitPath(path);
    const r = this.rowAt(path, path.lastIndexOf('/'));
    if (!r) return;
    r[column] = read.value;
    this.known.set(path, read.value);
    const cells = this.cells[table];
    if (cells) cells.set(row, column, read, path);
    else if (read.source) this.ctx.provenance.set(path, read.source);
    if (table === 'applications') this.totalsStale = true;
  }

  private totalsStale = false;

  /** The derived group totals of the applications table (results.denied.total …), summed again after cells were settled. */
  refreshGroupTotals(): void {
    if (!this.totalsStale) return;
    this.totalsStale = false;
    this.known.clear();
    const t = this.tables.applications;
    if (!t) return;
    const ids = rowsOf(t.template);
    for (const [total, items] of Object.entries(applicationGroupTotals)) {
      const present = items.filter((i) => ids.includes(i));
      const target = rowObject(this.tables, 'applications', total);
      if (!present.length || !target) continue;
      for (const c of applicantColumns) {
        let sum: number | null = 0;
        for (const id of present) {
          const v = rowObject(this.tables, 'applications', id)?.[c] as number | null | undefined;
          sum = v === null || v === undefined || sum === null ? null : sum + v;
        }
        target[c] = sum;
      }
    }
  }
}

function rowObject(tables: Tables, table: string, row: string): Record<string, unknown> | undefined {
  let node = (tables as Record<string, unknown>)[table] as Record<string, unknown> | undefined;
  for (const key of row.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = node[key] as Record<string, unknown> | undefined;
  }
  return node && typeof node === 'object' ? node : undefined;
}

/** A sum the template requires: the cells of `lhs` add up to those of `rhs`. */
export interface Identity {
  lhs: readonly string[];
  rhs: readonly string[];
}

/** The template's sums that involve a cell (T3-A/B/C, T4-A/B/C). */
export function identitiesOf(path: string, template: Version): Identity[] {
  const { table, row, column } = splitPath(path);
  const out: Identity[] = [];
  const p = (t: string, r: string, c: string) => `${t}/${r}/${c}`;
  if (table === 'applications') {
    const ids = rowsOf(template);
    const leaves = ids.filter((id) => id.startsWith('results.') && id !== 'results.total');
    out.push({ lhs: [p(table, 'newReceived', column), p(table, 'carriedOver', column)], rhs: [p(table, 'results.total', column), p(table, 'carriedForward', column)] });
    out.push({ lhs: leaves.map((r) => p(table, r, column)), rhs: [p(table, 'results.total', column)] });
    out.push({ lhs: applicantColumns.filter((c) => c !== 'total').map((c) => p(table, row, c)), rhs: [p(table, row, 'total')] });
  } else if (table === 'reviewLitigation' && (reviewGroups as readonly string[]).includes(row)) {
    out.push({ lhs: outcomeColumns.filter((c) => c !== 'total').map((c) => p(table, row, c)), rhs: [p(table, row, 'total')] });
  }
  return out.filter((i) => i.lhs.includes(path) || i.rhs.includes(path));
}

/**
 * The values the template's sums give a cell when every other cell of a sum is known: one per such
 * sum (they differ when the table fails a check).
 */
export function impliedValues(path: string, template: Version, values: TableValues): number[] {
  const out: number[] = [];
  for (const identity of identitiesOf(path, template)) {
    let known = 0;
    let complete = true;
    let sign = 0;
    for (const [side, s] of [
      [identity.lhs, 1],
      [identity.rhs, -1],
    ] as const) {
      for (const cell of side) {
        if (cell === path) {
          sign = s;
          continue;
        }
        const v = values.get(cell);
        if (v === null || v === undefined) complete = false;
        else known += s * v;
      }
    }
    if (complete && sign !== 0) out.push(-sign * known);
  }
  return out;
}
