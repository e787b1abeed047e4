// The safety net under every normalizer: a cell left null that the input does not show blank, and that
// no diagnostic names, gets one. Whatever a form loses, a number the parser could not place is never
// silently missing.
import type { Diagnostic } from '../schema/report.js';
import type { NormalizeContext, TableCells } from './table.js';

/** Names, row by row, every null cell of the context's tables that is neither read blank nor named yet. */
export function nameUnsettledCells(ctx: NormalizeContext): void {
  const named = namedPaths(ctx.diagnostics);
  for (const t of ctx.tables) {
    for (const [row, columns] of t.rows) {
      const unsettled: string[] = [];
      for (const [column, read] of columns) {
        if (read.value !== null || read.blank) continue;
        const path = t.path(row, column);
        if (!named.has(path)) unsettled.push(path);
      }
      if (unsettled.length) ctx.diagnostics.push(unsettledDiagnostic(t, row, unsettled));
    }
  }
}

function unsettledDiagnostic(t: TableCells, row: string, cells: string[]): Diagnostic {
  return {
    code: 'cell-unreadable',
    severity: 'warning',
    message: `row ${row}: ${cells.length} cell(s) have no value the input places there (numbers lost or not placed in conversion)`,
    path: cells[0]!,
    table: t.table,
    cells,
  };
}

function namedPaths(diagnostics: readonly Diagnostic[]): Set<string> {
  const named = new Set<string>();
  for (const d of diagnostics) {
    // An info does not flag a cell (records' `flagged` counts warnings and errors).
    if (d.severity === 'info') continue;
    if (d.path) named.add(d.path);
    if (d.cells) for (const c of d.cells) named.add(c);
  }
  return named;
}
