// The mechanics the three section-二 normalizers share: pick the version from the headers, read each
// template row found by its label, keep the agency's extra rows.
import type { KeyedRead } from '../../grammars/activeDisclosure.js';
import type { KeyedTableVocabulary, KeyedVersion, Version } from '../../grammars/types.js';
import { TableCells, readUniqueRow, setPath, type NormalizeContext } from './table.js';
import type { ColumnRule } from './value.js';

export interface KeyedResult {
  version: KeyedVersion;
  cells: TableCells;
}

/** Reads a section-二 table; undefined when none of its rows is in the input. */
export function normalizeKeyed(read: KeyedRead, vocab: KeyedTableVocabulary, ctx: NormalizeContext, fallback: Version): KeyedResult | undefined {
  const known = read.rows.filter((r) => r.id !== null);
  if (known.length === 0) return undefined;
  const version = pickVersion(read, vocab, fallback);
  const t = new TableCells(vocab.table, ctx);
  const rules: Record<string, ColumnRule> = {};
  for (const [column, unit] of Object.entries(version.units ?? {})) rules[column] = { unit };
  for (const column of version.signed ?? []) rules[column] = { ...rules[column], signed: true };
  for (const row of read.rows) {
    if (row.id === null) {
      t.extra(row.label, row.values);
      continue;
    }
    const columns = version.columns[row.id];
    if (!columns) {
      ctx.diagnostics.push({
        code: 'template-mismatch',
        severity: 'info',
        message: `row "${row.label}" belongs to another template than ${version.version}: kept in extraRows`,
        path: 'table',
        table: vocab.table,
      });
      t.extra(row.label, row.values);
      continue;
    }
    if (t.has(row.id)) {
      t.extra(row.label, row.values);
      continue;
    }
    readUniqueRow(t, row.id, columns, row.values, rules, ctx);
  }
  for (const [id, columns] of Object.entries(version.columns)) {
    if (!t.has(id)) t.missing(id, columns, `row ${id} of ${vocab.table} (${version.version}) is not in the input`);
    else if (read.offLabels)
      for (const c of columns)
        ctx.diagnostics.push({
          code: 'cell-unreadable',
          severity: 'warning',
          message: `the text prints some of section 二's numbers apart from their rows' labels (under a header with no label, or after the next block's header): this row's numbers may be its neighbour's`,
          path: t.path(id, c),
          table: vocab.table,
        });
  }
  return { version, cells: t };
}

/** The version its headers announce; without a header, the one whose column count fits the rows. */
function pickVersion(read: KeyedRead, vocab: KeyedTableVocabulary, fallback: Version): KeyedVersion {
  const byName = (v: Version) => vocab.versions.find((x) => x.version === v)!;
  const announced = read.rows.map((r) => r.header).filter((h): h is Version => !!h);
  if (announced.length) return byName(mostFrequent(announced));
  if (read.headers.length) return byName(read.headers[read.headers.length - 1]!);
  const fits = vocab.versions.filter((v) =>
    read.rows.every((r) => r.id === null || (v.columns[r.id] !== undefined && v.columns[r.id]!.length === r.values.length)),
  );
  return fits.length === 1 ? fits[0]! : byName(fallback);
}

function mostFrequent<T>(xs: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The table object: `{ template, <row>: { <column>: value }, extraRows }`, each row with its own columns. */
export function keyedObject({ version, cells }: KeyedResult): Record<string, unknown> {
  const out: Record<string, unknown> = { template: version.version };
  for (const [row, columns] of Object.entries(version.columns)) setPath(out, row, Object.fromEntries(columns.map((c) => [c, cells.get(row, c)])));
  out['extraRows'] = cells.extraRows;
  return out;
}
