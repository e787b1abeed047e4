// The report's prose as a second source (after normalize, before check): the statements that give a
// table's number again, whether they agree with the table (a `narrative-mismatch` warning when none of
// their readings does), and the cells the form could not give that they settle (`narrative-settled`).
import type { Version } from '../../grammars/types.js';
import type { NarrativeTable } from '../../grammars/narrative.js';
import type { Diagnostic, Narrative, Tables } from '../schema/report.js';
import type { Vector } from '../normalize/solve.js';
import type { NormalizeContext, TableCells } from '../normalize/table.js';
import { agreementOf } from './agree.js';
import { TableValues, splitPath } from './cells.js';
import { settleCells } from './settle.js';
import { readStatements, type Statement } from './statements.js';
import type { ProsePiece } from './prose.js';
import type { Regions } from '../../grammars/report.js';

export { textProse, htmlProse, type ProsePiece } from './prose.js';
export type { Span } from './statements.js';

export interface NarrativeInput {
  prose: readonly ProsePiece[];
  tables: Tables;
  /** The cells the checks read, per table: a settled cell is written there too. */
  cells: Readonly<Record<string, TableCells | undefined>>;
  /** The applications rows as the arithmetic sees them (normalizeApplications), for the solver. */
  vectors?: ReadonlyMap<string, readonly Vector[]>;
  /** Its `open` rows are those the normalizers left with several readings. */
  ctx: NormalizeContext;
  agency?: string;
  year?: number;
  /** The template of a table the report lacks. */
  template: Version;
  /** The table regions: a number among their cells is the table's, not the prose's. */
  regions: Regions;
}

/** Longest sentence quoted in a diagnostic. */
const QUOTE_LIMIT = 160;

export function readNarrative(input: NarrativeInput): Narrative {
  const { tables, ctx } = input;
  const template = (table: string): Version => (tables as Record<string, { template?: Version } | undefined>)[table]?.template ?? input.template;
  const statements = readStatements(input.prose, {
    template: (table: NarrativeTable) => template(table),
    ...(input.agency ? { agency: input.agency } : {}),
    ...(input.year !== undefined ? { year: input.year } : {}),
    inTable: tableCells(input.regions),
  });
  const values = new TableValues(tables, input.cells, ctx);
  const { settled, openAt } = settleCells({ statements, values, open: ctx.open ?? [], ...(input.vectors ? { vectors: input.vectors } : {}), template, ctx });

  if (settled.length) {
    const paths = new Set(settled.map((s) => s.path));
    // The doubt is resolved: the cell's `ambiguous-split` warning gives way to the note of where its value comes from.
    for (let i = ctx.diagnostics.length - 1; i >= 0; i--) {
      const d = ctx.diagnostics[i]!;
      if (d.code === 'ambiguous-split' && d.path && paths.has(d.path)) ctx.diagnostics.splice(i, 1);
    }
    for (const { path, statements: by } of settled) ctx.diagnostics.push(settledNote(path, values.get(path) ?? null, by));
  }

  const out: Narrative['statements'] = [];
  for (const s of statements) {
    const a = agreementOf(s, values, openAt);
    out.push({ span: s.span, text: s.text, value: s.value, cells: a.cells, agrees: a.agrees });
    if (a.agrees === false) ctx.diagnostics.push(mismatch(s, a.cells, a.table!));
  }
  return { statements: out };
}

function settledNote(path: string, value: number | null, by: readonly Statement[]): Diagnostic {
  const s = by[0]!;
  return {
    code: 'narrative-settled',
    severity: 'info',
    message: `the table leaves this cell open; the prose settles it${value === null ? ' as blank' : ` as ${value}`}: "${quote(s)}"${by.length > 1 ? ` (and ${by.length - 1} more statement(s))` : ''}`,
    path,
    table: splitPath(path).table,
    span: s.span,
    cells: [path],
  };
}

function mismatch(s: Statement, cells: string[], table: number): Diagnostic {
  const has = cells.length > 1 ? `the table's cells add up to ${table}` : `the table has ${table}`;
  return {
    code: 'narrative-mismatch',
    severity: 'warning',
    message: `the prose states ${s.value} ("${s.text.replace(/\s+/g, '')}"); ${has}: "${quote(s)}"`,
    path: cells[0]!,
    table: s.table,
    span: s.sentence,
    cells,
  };
}

/** The sentence as printed, spaces and line breaks dropped, cut short. */
function quote(s: Statement): string {
  const text = s.sentenceText.replace(/\s+/g, '');
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
}

/** Whether an offset lies in a value cell of a table's region, where every table cell is read from (a scan: statements are few). */
function tableCells(regions: Regions): (at: number) => boolean {
  const tables = [regions.activeDisclosure, regions.applications, regions.reviewLitigation];
  return (at) => {
    for (const rows of tables) for (const r of rows) for (const v of r.values) if (v.start <= at && at < v.end) return true;
    return false;
  };
}
