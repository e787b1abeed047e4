// A report cut off inside a number (a partial download) is not told apart from a whole one by the
// number itself: the input ending on a value's last character is the only sign, so it is named.
import type { Cell } from '../lex/cell.js';
import type { Diagnostic, Provenance } from '../schema/report.js';

/**
 * A report cut off inside a number (a partial download): the input ends on the last cell's last
 * character. Every value read from that cell may be missing digits, so each is named by a warning.
 */
export function truncatedCells(text: string, cells: readonly Cell[], provenance: ReadonlyMap<string, Provenance>): Diagnostic[] {
  let last: Cell | undefined;
  for (let i = cells.length - 1; i >= 0 && !last; i--) if (cells[i]!.kind !== 'span' && cells[i]!.kind !== 'break') last = cells[i];
  if (!last || last.kind !== 'value' || last.end !== text.length) return [];
  const out: Diagnostic[] = [];
  for (const [path, p] of provenance) {
    if (p.start < last.start || p.end > last.end) continue;
    out.push({
      code: 'input-truncated',
      severity: 'warning',
      message: `the input ends inside this cell ("${p.raw}"): digits may have been cut off`,
      path,
      table: path.split('/')[0]!,
      span: { start: p.start, end: p.end },
    });
  }
  return out;
}
