// Does a statement agree with the table? Yes when some reading of it sums the table's cells to its
// number; no when every reading's cells were read and none does; else it cannot be checked: a cell is
// blank, unreadable, or read several ways (a form that garbled a row may have lost the right reading).
import { isBlankPiece, type Piece } from '../normalize/split.js';
import { numberOf } from '../normalize/value.js';
import type { TableValues } from './cells.js';
import type { Statement } from './statements.js';

export interface OpenCell {
  state: { readings: readonly Piece[][] };
  column: number;
}

export interface Agreement {
  agrees: boolean | null;
  /** The reading that agrees (or may), else the likeliest. */
  cells: string[];
  /** The table's sum of those cells, when they disagree. */
  table?: number;
}

type Status = { kind: 'yes' } | { kind: 'maybe' } | { kind: 'no'; table: number };

export function agreementOf(s: Statement, values: TableValues, openAt: ReadonlyMap<string, OpenCell>): Agreement {
  let maybe: string[] | undefined;
  let first: { cells: string[]; table: number } | undefined;
  // The likeliest reading the table does not rule out decides: a later one that agrees does not outweigh it.
  for (const reading of s.readings) {
    const status = statusOf(reading, s.value, values, openAt);
    if (status.kind === 'yes' && !maybe) return { agrees: true, cells: reading };
    if (status.kind === 'maybe') maybe ??= reading;
    else if (status.kind === 'no') first ??= { cells: reading, table: status.table };
  }
  // Unconfirmed: the likeliest reading's cells.
  if (maybe) return { agrees: null, cells: s.readings[0]! };
  return { agrees: false, ...first! };
}

function statusOf(reading: readonly string[], value: number, values: TableValues, openAt: ReadonlyMap<string, OpenCell>): Status {
  let known = 0;
  const open: OpenCell[] = [];
  for (const path of reading) {
    const v = values.get(path);
    if (v === undefined) return { kind: 'maybe' };
    if (v !== null) known += v;
    else {
      const cell = openAt.get(path);
      if (!cell) return { kind: 'maybe' };
      open.push(cell);
    }
  }
  if (!open.length) return round(known) === value ? { kind: 'yes' } : { kind: 'no', table: round(known) };
  // Open cells of one row: agreed when every reading left gives the number.
  const state = open[0]!.state;
  if (open.some((c) => c.state !== state)) return { kind: 'maybe' };
  const sums = new Set<number>();
  for (const r of state.readings) {
    let sum = known;
    for (const c of open) {
      const p = r[c.column]!;
      // A blank cannot be checked (as in a table that prints it): the statement is unconfirmed.
      if (isBlankPiece(p)) return { kind: 'maybe' };
      const v = numberOf(p.text);
      if (v === null) return { kind: 'maybe' };
      sum += v;
    }
    sums.add(round(sum));
  }
  return sums.size === 1 && sums.has(value) ? { kind: 'yes' } : { kind: 'maybe' };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
