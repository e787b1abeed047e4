// Rows of the applications table a one-row shift may have moved. A row that holds more numbers than its
// own took a neighbour's; when a row on the same side shows none, the numbers of the rows between may
// each stand one row off (a text that printed some rows' numbers before their labels, some after) —
// and no sum can tell, for moving numbers between rows changes no column's total.
import type { ApplicationRow } from '../../grammars/applications.js';
import { applicantColumns } from '../../grammars/applications.js';
import type { NormalizeContext, TableCells } from './table.js';

/** A row with more numbers than the table has columns: some are another row's. */
export function overfull(r: ApplicationRow): boolean {
  let numbers = 0;
  for (const v of r.values) if (v.kind !== 'blank') numbers++;
  return numbers > applicantColumns.length;
}

/**
 * Each row placed between a row that holds more than its own and the nearest row on that side that
 * shows no numbers: its cells are named (warnings; the numbers are kept as read).
 */
export function nameRowsAShiftMayMove(ids: readonly string[], placed: ReadonlyMap<string, ApplicationRow>, t: TableCells, ctx: NormalizeContext): void {
  const named = new Set<string>();
  ids.forEach((id, i) => {
    const row = placed.get(id);
    if (!row || !overfull(row)) return;
    for (const step of [-1, 1]) {
      const between: string[] = [];
      let j = i + step;
      for (; j >= 0 && j < ids.length; j += step) {
        const r = placed.get(ids[j]!);
        if (!r || overfull(r)) break;
        between.push(ids[j]!);
      }
      // The walk ends at a row without numbers (their row), not at the table's end or another full row.
      if (j < 0 || j >= ids.length || placed.has(ids[j]!)) continue;
      for (const b of between) {
        if (named.has(b)) continue;
        named.add(b);
        for (const c of applicantColumns)
          ctx.diagnostics.push({
            code: 'cell-unreadable',
            severity: 'warning',
            message: `row ${id} holds more numbers than its own and row ${ids[j]} shows none: the numbers of the rows between may each be one row off`,
            path: t.path(b, c),
            table: t.table,
          });
      }
    }
  });
}
