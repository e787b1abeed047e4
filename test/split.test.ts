// Readings of a row (split.ts) and the solver that picks among them with the table's arithmetic
// (solve.ts), on rows of real reports.
import { describe, expect, it } from 'vitest';
import type { Cell } from '../src/lex/cell.js';
import { rowReadings, isBlankPiece, type Piece } from '../src/normalize/split.js';
import { solve, type Constraint, type Vector } from '../src/normalize/solve.js';
import { SearchBudget } from '../src/normalize/budget.js';

let at = 0;
/** A cell as a text lexer makes it (offsets are a running count, so pieces can be traced). */
function cell(text: string, more: Partial<Cell> = {}): Cell {
  const start = at;
  at += text.length + 1;
  const kind = text === '' ? 'blank' : /^\d/.test(text) ? 'value' : 'label';
  return { kind, text, start, end: start + text.length, rowStart: false, ...more };
}

const read = (pieces: readonly Piece[]) => pieces.map((p) => (isBlankPiece(p) ? '_' : p.text)).join(' ');
/** 总计 = the sum of the six applicant columns, with a blank read as 0 (a blank 总计 is not filled in). */
const rowSum = (pieces: readonly Piece[]) => {
  const v = pieces.map((p) => (isBlankPiece(p) ? null : Number(p.text)));
  return v[6] === null || v.slice(0, 6).reduce((a: number, b) => a + (b ?? 0), 0) === v[6];
};

describe('rowReadings', () => {
  it('splits run-together digits: 004 `640020470` has one reading that satisfies T3-C, 64 0 0 2 0 4 70', () => {
    const rs = rowReadings([cell('640020470', { runTogether: true })], 7);
    expect(rs).not.toBe('too-many');
    const fits = (rs as Piece[][]).filter(rowSum).map(read);
    expect(fits).toEqual(['64 0 0 2 0 4 70']);
  });

  it('gives each piece of a split cell its own offsets', () => {
    const c = cell('640020470', { runTogether: true });
    const fit = (rowReadings([c], 7) as Piece[][]).find(rowSum)!;
    expect(fit.map((p) => [p.start - c.start, p.end - c.start])).toEqual([[0, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7], [7, 9]]);
  });

  it('never splits a cell of a form that separates cells (a pipe or a tab between them); short of the template, it may stand in any column', () => {
    const rs = rowReadings([cell('640020470')], 7) as Piece[][];
    expect(new Set(rs.map(read))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6].map((at) => ['_', '_', '_', '_', '_', '_', '_'].map((b, k) => (k === at ? '640020470' : b)).join(' '))));
  });

  it('puts back blanks where no-break spaces stood: 014 bs4concat `82135  21859`', () => {
    const rs = rowReadings([cell('82135', { runTogether: true, gapAfter: 2 }), cell('21859', { runTogether: true, gapBefore: 2 })], 7) as Piece[][];
    expect(rs.filter(rowSum).map(read)).toEqual(['821 35 _ _ 2 1 859']);
    const blank = rs.find((r) => read(r) === '821 35 _ _ 2 1 859')![2]!;
    expect(blank.cell.kind).toBe('blank');
    expect(blank.start).toBe(blank.end);
  });

  it('places a row whose blanks vanished without a trace every way (014 bs4pipe `258 12 1 1`: C(7,4) = 35)', () => {
    const inf = { gapBefore: Infinity, gapAfter: Infinity };
    const rs = rowReadings(['258', '12', '1', '1'].map((t) => cell(t, inf)), 7) as Piece[][];
    expect(rs).toHaveLength(35);
    expect(rs.map(read)).toContain('258 12 _ _ 1 1 _');
  });

  it('drops blank cells a converter added for a lost colspan (014 pandoc grid `0 | | 0 | 0`)', () => {
    expect((rowReadings([cell('0'), cell(''), cell('0'), cell('0')], 3) as Piece[][]).map(read)).toEqual(['0 0 0']);
  });

  it('keeps readings that give the cells the same values only once', () => {
    // Two printed blanks, one too many: dropping either gives the same row.
    expect((rowReadings([cell('5'), cell(''), cell(''), cell('2')], 3) as Piece[][]).map(read)).toEqual(['5 _ 2']);
  });

  it('keeps a decimal part and a unit with the last piece (014 bs4concat `6251000元`: 采购项目数量 and 采购总金额)', () => {
    const rs = rowReadings([cell('6251000元', { runTogether: true })], 2) as Piece[][];
    expect(rs.map(read)).toEqual(['6 251000元', '62 51000元', '625 1000元', '625100 0元']);
  });

  it('stops at its limit', () => {
    expect(rowReadings([cell('1234567891234567', { runTogether: true })], 7, 100)).toBe('too-many');
  });

  it('prunes a partial reading as soon as `keep` refuses it (T4: 总计 = the four outcomes)', () => {
    const keep = (ps: readonly Piece[]) => ps.length !== 5 || Number(ps[4]!.text) === ps.slice(0, 4).reduce((a, p) => a + Number(p.text), 0);
    // 007's review row: 2 1 3 1 7 | 0 0 0 0 0 | 13 2 4 0 19
    const rs = rowReadings([cell('21317000001324019', { runTogether: true })], 15, 5000, (ps) => {
      for (let g = 0; g + 5 <= ps.length; g += 5) if (!keep(ps.slice(g, g + 5))) return false;
      return true;
    }) as Piece[][];
    expect(rs.map(read)).toEqual(['2 1 3 1 7 0 0 0 0 0 13 2 4 0 19']);
  });
});

describe('solve', () => {
  // rows a, b, c: a + b = c in column 0.
  const sum: Constraint[] = [{ lhs: [{ row: 'a', col: 0 }, { row: 'b', col: 0 }], rhs: [{ row: 'c', col: 0 }] }];

  it('keeps the candidates some solution uses, and only those', () => {
    const rows = new Map<string, Vector[]>([
      ['a', [[1], [2], [3]]],
      ['b', [[10], [20]]],
      ['c', [[12]]],
    ]);
    const r = solve(rows, sum);
    expect(r.consistent).toBe(true);
    expect(r.exact).toBe(true);
    expect([...r.possible.get('a')!]).toEqual([1]);
    expect([...r.possible.get('b')!]).toEqual([0]);
  });

  it('reads an unknown cell as some count ≥ 0: it bounds the other side instead of fixing it', () => {
    const rows = new Map<string, Vector[]>([
      ['a', [[1], [5], [30]]],
      ['b', [[null]]],
      ['c', [[12]]],
    ]);
    expect([...solve(rows, sum).possible.get('a')!].sort()).toEqual([0, 1]);
  });

  it('says when no choice balances (the table as printed fails a check)', () => {
    const rows = new Map<string, Vector[]>([
      ['a', [[1], [2]]],
      ['b', [[10]]],
      ['c', [[99]]],
    ]);
    expect(solve(rows, sum).consistent).toBe(false);
  });

  it('keeps exactly the candidates of every solution, as trying every choice does (400 seeded tables)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let t = 0; t < 400; t++) {
      // Rows p0 … p(n−1) and a total, two columns: each column's parts add up to the total's.
      const n = 2 + random(3);
      const rows = new Map<string, Vector[]>();
      const cell = () => (random(8) === 0 ? null : random(4));
      for (let i = 0; i < n; i++) rows.set(`p${i}`, Array.from({ length: 1 + random(4) }, () => [cell(), cell()]));
      rows.set('total', Array.from({ length: 1 + random(4) }, () => [random(9), random(9)]));
      const constraints: Constraint[] = [0, 1].map((col) => ({ lhs: Array.from({ length: n }, (_, i) => ({ row: `p${i}`, col })), rhs: [{ row: 'total', col }] }));
      const ids = [...rows.keys()];
      const expected = new Map(ids.map((id) => [id, new Set<number>()]));
      const balances = (choice: number[]) =>
        constraints.every((c) => {
          const side = (refs: readonly { row: string; col: number }[]) => refs.map((r) => rows.get(r.row)![choice[ids.indexOf(r.row)]!]![r.col] ?? null);
          const [l, r] = [side(c.lhs), side(c.rhs)];
          const known = (xs: (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);
          // An unknown is some count ≥ 0: it only lets its side grow.
          if (l.includes(null) && r.includes(null)) return true;
          if (l.includes(null)) return known(l) <= known(r);
          if (r.includes(null)) return known(r) <= known(l);
          return known(l) === known(r);
        });
      const visit = (choice: number[]) => {
        if (choice.length === ids.length) {
          if (balances(choice)) choice.forEach((k, i) => expected.get(ids[i]!)!.add(k));
          return;
        }
        for (let k = 0; k < rows.get(ids[choice.length]!)!.length; k++) visit([...choice, k]);
      };
      visit([]);
      const r = solve(rows, constraints);
      expect(r.exact).toBe(true);
      expect(r.consistent).toBe([...expected.values()].some((s) => s.size > 0));
      if (r.consistent) for (const id of ids) expect([...r.possible.get(id)!].sort()).toEqual([...expected.get(id)!].sort());
    }
  });

  it('counts the candidates it examines, not only its tries: rows of a thousand readings run out of steps early', () => {
    // a + b = c with a thousand readings each for a and b: every try narrows b by a thousand candidates.
    const rows = new Map<string, Vector[]>([
      ['a', Array.from({ length: 1000 }, (_, k) => [k])],
      ['b', Array.from({ length: 1000 }, (_, k) => [k])],
      ['c', [[999]]],
    ]);
    const budget = new SearchBudget();
    const r = solve(rows, sum, 20_000, budget);
    // About 2,000 tries would finish it; the candidates they examine cost far more than 20,000 steps.
    expect(r.exact).toBe(false);
    expect(budget.used).toBeGreaterThan(19_000);
    expect(r.possible.get('a')!.size).toBe(1000);
  });

  it('stays sound when it runs out of steps: every candidate it could not rule out stays possible', () => {
    // Forty rows of ten candidates each whose sum must be 0 mod nothing: the search cannot finish in 10 tries.
    const rows = new Map<string, Vector[]>(Array.from({ length: 40 }, (_, i) => [`r${i}`, Array.from({ length: 10 }, (_, k) => [k])]));
    const total: Constraint[] = [{ lhs: [...rows.keys()].map((row) => ({ row, col: 0 })), rhs: [{ row: 'total', col: 0 }] }];
    rows.set('total', [[200], [201]]);
    const r = solve(rows, total, 10);
    expect(r.exact).toBe(false);
    expect(r.possible.get('r0')!.size).toBe(10);
  });
});
