// Failure classes found on held-out reports (issue 10, item 3), rebuilt from corpus reports: each input
// is a corpus report with one change made on purpose, rendered by the real tool (how: test/fixtures/
// classes/README.md, make.py), with its gold beside it. Every gold number is read right, or null and
// named by a warning; never a silently wrong or silently missing number.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, toRecords, type Report } from '../src/index.js';
import { goldFiles, score } from './goldCorpus.js';

const DIR = join(import.meta.dirname, 'fixtures', 'classes');
const parse = (name: string): Report => parseReport(readFileSync(join(DIR, name)), { fileName: name });

/** The cells a warning or error names. */
function flagged(report: Report): Set<string> {
  return new Set(toRecords(report).filter((r) => r.flagged).map((r) => `${r.table}/${r.row}/${r.column}`));
}

/** The candidates an ambiguous-split warning lists for a cell. */
function candidates(report: Report, path: string): number[] | undefined {
  return report.diagnostics.find((d) => d.code === 'ambiguous-split' && d.path === path)?.candidates;
}

const GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
const OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

describe('failure classes (test/fixtures/classes)', () => {
  for (const { gold, path } of goldFiles(DIR)) {
    it(`${gold.file}: no silent cell, no phantom, no cell missing, meta right`, () => {
      const report = parseReport(readFileSync(path), { fileName: gold.file });
      const s = score(report, gold);
      expect(s.silent).toEqual([]);
      expect(s.phantom).toEqual([]);
      expect(s.missing).toEqual([]);
      expect(report.meta.agency).toBe(gold.meta.agency);
      expect(report.meta.year).toBe(gold.meta.year);
    });
  }
});

describe('(a) a signed 本年增/减 run into its neighbours (V2019 page text, get_text())', () => {
  for (const name of ['002_pingtan_2019.signed.txt', '033_pingtan_2019.signed.bs4concat.txt']) {
    it(`${name}: 行政事业性收费12-3 is 12 and −3; in 行政处罚4051-27988 the sign starts a number`, () => {
      const report = parse(name);
      expect(report.tables.fees?.administrativeFees).toEqual({ previousItems: 12, change: -3 });
      expect(report.tables.fees?.extraRows).toEqual([]);
      expect(report.tables.decisions?.extraRows).toEqual([]);
      // −27988 splits four ways into 本年增/减 and 处理决定 (no arithmetic ties them): null, named, the right one listed.
      expect(report.tables.decisions?.penalty).toEqual({ previousItems: 4051, change: null, decisions: null });
      expect(candidates(report, 'decisions/penalty/change')).toEqual([-2798, -279, -27, -2]);
      expect(candidates(report, 'decisions/penalty/decisions')).toEqual([8, 88, 988, 7988]);
    });
  }
});

describe('(b) pdftotext -layout of a page whose rows lost cells', () => {
  it('014 printed on A5 (the table cut at the paper’s edge): every 总计 the rows lost is null and named, not read blank', () => {
    const report = parse('014_shanghai_szfbgt_2019.a5.pdftotext.txt');
    const named = flagged(report);
    const a = report.tables.applications!;
    for (const row of ['newReceived', 'carriedOver', 'results.total', 'carriedForward']) {
      expect(named.has(`applications/${row}/total`), row).toBe(true);
    }
    expect(a.newReceived.total).toBeNull();
    expect(a.results.total.total).toBeNull();
  });

  it('014 with its empty cells removed from tables 三 and 四 (numbers under other headers): each number right or named', () => {
    const report = parse('014_shanghai_szfbgt_2019.shortrows.pdftotext.txt');
    const named = flagged(report);
    // 一、本年新收 prints 821 35 2 1 859 under the first five headers: T3-C settles the 总计, and no
    // other number is placed by its position under a header it does not belong to.
    expect(report.tables.applications?.newReceived.total).toBe(859);
    for (const column of ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg']) {
      const path = `applications/newReceived/${column}`;
      expect(named.has(path), path).toBe(true);
    }
  });

  for (const name of ['014_shanghai_szfbgt_2019.shortrows.pandoc.txt', '014_shanghai_szfbgt_2019.shortrows.w3m.txt', '014_shanghai_szfbgt_2019.shortrows.gfm.md']) {
    it(`${name} (aligned as the short rows put them: 859 under 法律服务机构, 总计 blank): the rows are named row-shifted`, () => {
      const report = parse(name);
      const shifted = report.diagnostics.filter((d) => d.code === 'row-shifted').map((d) => d.path);
      // 859 = 821 + 35 + 2 + 1 and 805 = 767 + 35 + 2 + 1 give their rows away; then every row of the
      // table with numbers and no 总计 is in doubt too (一 (一)予以公开 258 12 1 1 is three columns off).
      expect(shifted).toContain('applications/newReceived/total');
      expect(shifted).toContain('applications/results.total/total');
      expect(shifted).toContain('applications/results.granted/total');
      const named = flagged(report);
      for (const column of ['research', 'socialWelfare', 'legalService', 'otherOrg', 'total']) expect(named.has(`applications/results.granted/${column}`), column).toBe(true);
    });
  }
});

describe('(c) 表四 ending in a Word spacer row (a borderless row of empty cells), pandoc plain and gfm', () => {
  const review033 = [1, 2, 0, 1, 4, 0, 1, 0, 0, 1, 2, 0, 1, 0, 3];
  const review014 = [5, null, null, 2, 7, 8, null, null, 1, 9, null, null, null, null, null];
  for (const [name, want] of [
    ['033_pingtan_2019.spacer.pandoc.txt', review033],
    ['033_pingtan_2019.spacer.gfm.md', review033],
    ['014_shanghai_szfbgt_2019.spacer.pandoc.txt', review014],
    ['014_shanghai_szfbgt_2019.spacer.gfm.md', review014],
  ] as const) {
    it(`${name}: the table is read, every cell in its place`, () => {
      const report = parse(name);
      const t = report.tables.reviewLitigation;
      expect(t).toBeDefined();
      expect(GROUPS.flatMap((g) => OUTCOMES.map((c) => t![g][c]))).toEqual(want);
      expect(report.diagnostics.filter((d) => d.table === 'reviewLitigation' && d.severity !== 'info')).toEqual([]);
    });
  }
});

describe('(d) markdown emphasis around the title (pandoc gfm of a bold title)', () => {
  it('014 titled **上海市人民政府办公厅2019年政府信息公开工作年度报告**: the agency and title carry no marks', () => {
    const report = parse('014_shanghai_szfbgt_2019.boldtitle.gfm.md');
    expect(report.meta.agency).toBe('上海市人民政府办公厅');
    expect(report.meta.title).toBe('上海市人民政府办公厅2019年政府信息公开工作年度报告');
    expect(report.meta.year).toBe(2019);
  });
});

describe('(e) section 四 as three 5-column tables, one per group (PDF-to-markdown)', () => {
  it('011 (groups in print order): the 15 cells read, each under its group', () => {
    const t = parse('011_shanghai_kewei_2024.split3.md').tables.reviewLitigation!;
    expect(t.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(t.litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    expect(t.litigationAfterReview).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  });

  it('014 (复议后起诉, 行政复议, 未经复议直接起诉; the first all blank): read in the order the headers say, the blank group named', () => {
    const report = parse('014_shanghai_szfbgt_2019.split3.md');
    const t = report.tables.reviewLitigation!;
    expect(t.review).toEqual({ upheld: 5, corrected: null, other: null, pending: 2, total: 7 });
    expect(t.litigationDirect).toEqual({ upheld: 8, corrected: null, other: null, pending: 1, total: 9 });
    // Its row of empty cells is dropped by the lexer: no cell stands under its header, so each is null and named.
    expect(t.litigationAfterReview).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    const named = flagged(report);
    for (const c of OUTCOMES) expect(named.has(`reviewLitigation/litigationAfterReview/${c}`), c).toBe(true);
    for (const c of OUTCOMES) expect(named.has(`reviewLitigation/review/${c}`), c).toBe(false);
  });
});
