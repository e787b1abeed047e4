// The normalizers: one cell's text, run-together digits, and each table built from real rows.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCell } from '../../src/normalize/value.js';
import { rowReadings } from '../../src/normalize/split.js';
import { solve } from '../../src/normalize/solve.js';
import { TableCells, readUniqueRow, type NormalizeContext } from '../../src/normalize/table.js';
import type { Cell } from '../../src/lex/cell.js';
import type { Diagnostic } from '../../src/schema/report.js';
import { parseReport } from '../../src/index.js';

const cell = (text: string, kind: Cell['kind'] = 'value'): Cell => ({ kind, text, start: 0, end: text.length, rowStart: false });
/** Digits from page text, where cells run together. */
const run = (text: string): Cell => ({ ...cell(text), runTogether: true });
const corpus = (name: string) => readFileSync(join(import.meta.dirname, '../../corpus', name));

describe('readCell', () => {
  const read = (text: string, rule = {}, kind: Cell['kind'] = 'value') => {
    const diagnostics: Diagnostic[] = [];
    const { value } = readCell(cell(text, kind), 'fees/procurement/amountYuan', rule, diagnostics, text);
    return { value, codes: diagnostics.map((d) => d.code) };
  };
  it('reads placeholders as 0 with placeholder-zero (SPEC D2)', () => {
    for (const p of ['—', '-', '/', '无', '——']) expect(read(p)).toEqual({ value: 0, codes: ['placeholder-zero'] });
  });
  it('converts a unit written in the cell to the column unit (SPEC D3)', () => {
    expect(read('251000元', { unit: 'yuan' })).toEqual({ value: 251000, codes: [] });
    expect(read('3.5万元', { unit: 'yuan' })).toEqual({ value: 35000, codes: ['unit-converted'] });
    expect(read('12000元', { unit: 'wanYuan' })).toEqual({ value: 1.2, codes: ['unit-converted'] });
  });
  it('reads signed changes only where the column is signed', () => {
    expect(read('+1036', { signed: true })).toEqual({ value: 1036, codes: [] });
    expect(read('-8', { signed: true })).toEqual({ value: -8, codes: [] });
    expect(read('-8')).toEqual({ value: -8, codes: ['cell-unreadable'] });
  });
  it('reads a blank as null without a diagnostic (SPEC D1)', () => {
    expect(read('', {}, 'blank')).toEqual({ value: null, codes: [] });
  });
});

describe('rowReadings', () => {
  const texts = (rs: ReturnType<typeof rowReadings>) => (rs === 'too-many' ? rs : rs.map((r) => r.map((p) => p.text).join(' ')));
  it('never splits a cell that is one number in its form (an HTML <td>, a markdown cell)', () => {
    expect(new Set(texts(rowReadings([cell('000')], 3)))).toEqual(new Set(['000  ', ' 000 ', '  000']));
  });
  it('has one reading for 000 as three cells, and never reads a number with a leading zero', () => {
    expect(texts(rowReadings([run('000')], 3))).toEqual(['0 0 0']);
  });
  it('lists every reading of 350 as two cells (002 fees: ambiguous)', () => {
    expect(texts(rowReadings([run('350')], 2))).toEqual(['3 50', '35 0']);
  });
  it('finds 64 0 0 2 0 4 70 among the readings of 640020470 (004)', () => {
    const rs = texts(rowReadings([run('640020470')], 7));
    expect(rs).toContain('64 0 0 2 0 4 70');
  });
  it('respects the gaps the text did print (002: 230 000023)', () => {
    expect(texts(rowReadings([run('230'), run('000023')], 7))).toEqual(['2 30 0 0 0 0 23', '23 0 0 0 0 0 23', '230 0 0 0 0 2 3']);
  });
});

describe('readUniqueRow', () => {
  it('reads a cell all readings agree on with its column rule, though the row reads several ways', () => {
    // 123 | 5万元 as three cells: 1 23 5万元 or 12 3 5万元; the amount is the same in both.
    const ctx: NormalizeContext = { input: '123 5万元', diagnostics: [], provenance: new Map(), tables: [] };
    const t = new TableCells('fees', ctx);
    const amount: Cell = { ...cell('5万元'), start: 4, end: 7 };
    readUniqueRow(t, 'procurement', ['a', 'b', 'amountYuan'], [run('123'), amount], { amountYuan: { unit: 'yuan' } }, ctx);
    expect(t.get('procurement', 'a')).toBeNull();
    expect(t.get('procurement', 'amountYuan')).toBe(50000);
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['ambiguous-split', 'ambiguous-split', 'unit-converted']);
  });
});

describe('solve', () => {
  it('keeps only the candidates every constraint allows', () => {
    const rows = new Map([
      ['a', [[1], [2]]],
      ['b', [[3]]],
      ['sum', [[5], [4], [9]]],
    ]);
    const result = solve(rows, [{ lhs: [{ row: 'a', col: 0 }, { row: 'b', col: 0 }], rhs: [{ row: 'sum', col: 0 }] }]);
    expect(result).toMatchObject({ consistent: true, exact: true });
    expect([...result.possible.get('a')!].sort()).toEqual([0, 1]);
    // 9 = a + b is impossible: no a is 6.
    expect([...result.possible.get('sum')!].sort()).toEqual([0, 1]);
  });
});

describe('normalizers on real reports', () => {
  it('documents, decisions, fees of the seed (V2021)', () => {
    const { tables } = parseReport(corpus('000_chaoyang_yingshang_2023.txt'));
    expect(tables.documents).toEqual({
      template: 'V2021',
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 40 },
      extraRows: [],
    });
    expect(tables.decisions).toMatchObject({ template: 'V2021', licensing: { decisions: 0 }, penalty: { decisions: 0 }, coercion: { decisions: 0 } });
    expect(tables.fees).toMatchObject({ template: 'V2021', administrativeFees: { amountWanYuan: 0 } });
  });

  it('V2019 section 二 of 014: blanks are null, 251000元 is yuan', () => {
    const { tables } = parseReport(corpus('014_shanghai_szfbgt_2019.html'));
    expect(tables.documents).toMatchObject({ template: 'V2019', regulations: { newlyMade: 13, newlyPublished: 13, totalPublished: 524 } });
    expect(tables.fees).toMatchObject({ template: 'V2019', procurement: { projects: 6, amountYuan: 251000 } });
  });

  it('applications of 004: run-together rows split by T3 arithmetic (640020470 = 64 0 0 2 0 4 70)', () => {
    const { tables, diagnostics } = parseReport(corpus('004_pingtan_2021.txt'));
    expect(tables.applications!.newReceived).toEqual({ naturalPerson: 64, commercial: 0, research: 0, socialWelfare: 2, legalService: 0, otherOrg: 4, total: 70 });
    expect(tables.applications!.carriedForward.total).toBe(1);
    expect(diagnostics.filter((d) => d.code === 'check-failed')).toEqual([]);
  });

  it('applications of 011: rows whose labels came loose are placed by print order', () => {
    const { tables, diagnostics } = parseReport(corpus('011_shanghai_kewei_2024.md'));
    const a = tables.applications!;
    expect(a.results.denied.internalAffairs.total).toBe(1);
    expect([a.results.unableToProvide.notHeld.total, a.results.unableToProvide.needsCreation.total]).toEqual([4, 6]);
    expect(a.results.otherDisposal.overdueCorrection!.total).toBe(10);
    // The markdown lost 四、结转下年度's 总计; the prose states it (转下一年度办理答复的有 1 件), and T3-A and T3-C agree.
    expect(a.carriedForward.total).toBe(1);
    expect(diagnostics.find((d) => d.path === 'applications/carriedForward/total')).toMatchObject({ code: 'narrative-settled', severity: 'info' });
    expect(diagnostics.some((d) => d.code === 'row-by-position' && d.path === 'applications/results.denied.internalAffairs/naturalPerson')).toBe(true);
  });

  it('applications of 031: the V2019 row set beside a V2021 section 二 (SPEC D9)', () => {
    const report = parseReport(corpus('031_hongze_2023.pdftotext-raw.txt'));
    expect(report.meta.tableTemplates).toMatchObject({ documents: 'V2021', applications: 'V2019' });
    expect(report.tables.applications!.results.otherDisposal).toEqual({ total: { naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0 } });
    expect(report.diagnostics.some((d) => d.code === 'template-mismatch')).toBe(true);
  });

  it('reviewLitigation of 004: 17 digits split into 15 cells by T4', () => {
    const { tables } = parseReport(corpus('004_pingtan_2021.txt'));
    expect(tables.reviewLitigation).toEqual({
      review: { upheld: 1, corrected: 0, other: 2, pending: 0, total: 3 },
      litigationDirect: { upheld: 12, corrected: 0, other: 0, pending: 0, total: 12 },
      litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
  });

  it('a V2019 table 二 row that reads several ways is null with its candidates (002)', () => {
    const { tables, diagnostics } = parseReport(corpus('002_pingtan_2019.txt'));
    expect(tables.fees!.administrativeFees).toEqual({ previousItems: null, change: null });
    const d = diagnostics.find((x) => x.code === 'ambiguous-split' && x.path === 'fees/administrativeFees/previousItems')!;
    expect(d.candidates).toEqual([3, 35]);
  });
});
