// The same reports as scrapers and converters render them (corpus/forms: w3m, lynx, pandoc plain and
// gfm, BeautifulSoup pipe and concat, Chromium innerText, Chromium PDF + pdftotext -layout; and w3m,
// lynx, pandoc at 80 columns, pdftotext -raw, rendered for this suite): every gold cell
// right, or null/flagged where the gold calls it ambiguous or where the rendering loses it; never a
// silently wrong number, never a number the report does not print.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, reportSchema } from '../src/index.js';
import { goldFiles, score } from './goldCorpus.js';
import { CORPUS } from './records.js';

const FORMS = join(import.meta.dirname, '..', 'corpus', 'forms');

/**
 * Where a rendering drops what the original prints. Cells of these tables may be null or flagged;
 * `atLeast` is how many of the report's cells are still read right (so a regression shows).
 */
const LOSSY: Record<string, { tables: string[]; atLeast: number; why: string }> = {
  '014_shanghai_szfbgt_2019.pdftotext.txt': {
    tables: ['applications', 'reviewLitigation'],
    atLeast: 161,
    why: 'blank cells print as nothing, and the header words do not stand over their numbers (其他 prints above 法律服务机构’s 2): no check tells which applicant column holds a value',
  },
  '014_shanghai_szfbgt_2019.bs4pipe.txt': {
    tables: ['applications', 'reviewLitigation'],
    atLeast: 161,
    why: 'get_text(strip=True) drops every blank cell: no check tells which applicant column holds a value (the gold lists them as ambiguous)',
  },
  '014_shanghai_szfbgt_2019.bs4concat.txt': {
    tables: ['documents', 'fees'],
    atLeast: 190,
    why: 'cells run together (`规章1313524`) in tables with no arithmetic: several splits',
  },
  '014_shanghai_szfbgt_2019.pdfraw.txt': {
    tables: ['applications', 'reviewLitigation'],
    atLeast: 161,
    why: 'pdftotext -raw sets every number off by one space and prints nothing for a blank cell: no check tells which applicant column holds a value',
  },
  '014_shanghai_szfbgt_2019.lynx80.txt': {
    tables: ['reviewLitigation'],
    atLeast: 192,
    why: 'as at 200 columns: the review row’s blanks vanish',
  },
  '014_shanghai_szfbgt_2019.lynx.txt': {
    tables: ['reviewLitigation'],
    atLeast: 192,
    why: 'lynx gives an empty cell no line unless it holds a paragraph: the review row’s blanks vanish',
  },
};

describe('corpus/forms/', () => {
  for (const { gold, path } of goldFiles(FORMS)) {
    const lossy = LOSSY[gold.file];
    it(`${gold.file}: every gold cell right${lossy ? ` (or flagged where the rendering loses it: ${lossy.tables.join(', ')})` : ''}`, () => {
      const report = parseReport(readFileSync(path), { fileName: gold.file });
      expect(reportSchema.safeParse(report).success).toBe(true);
      const s = score(report, gold);
      expect(s.silent).toEqual([]);
      expect(s.phantom).toEqual([]);
      expect(s.missing).toEqual([]);
      const ambiguous = new Set(gold.ambiguous ?? []);
      const excused = (c: string) => {
        const cell = c.split(':')[0]!;
        return ambiguous.has(cell) || (lossy?.tables.includes(cell.split('/')[0]!) ?? false);
      };
      expect(s.caught.filter((c) => !excused(c))).toEqual([]);
      if (lossy) expect(s.right).toBeGreaterThanOrEqual(lossy.atLeast);
      expect(report.meta.template).toBe(gold.template);
      if (gold.meta.year) expect(report.meta.year).toBe(gold.meta.year);
      if (gold.meta.agency) expect(report.meta.agency).toBe(gold.meta.agency);
      // None of these reports adds rows of its own: an empty header or caption cell is not one.
      for (const name of ['documents', 'decisions', 'fees', 'applications'] as const) expect(report.tables[name]?.extraRows ?? [], name).toEqual([]);
    });
  }
});

describe('MediaWiki tables (pandoc -t mediawiki, corpus/scrapers/)', () => {
  // A cell a line (`| 62`), rows parted by `|-` (a rule, not a dash cell), and for 024 and 033 the page's
  // <div>s passed through around them: the tables are the text's.
  const SCRAPERS = join(import.meta.dirname, '..', 'corpus', 'scrapers');
  for (const { gold, path } of goldFiles(SCRAPERS).filter(({ gold }) => gold.file.endsWith('.mediawiki.txt'))) {
    it(`${gold.file}: every gold cell right`, () => {
      const report = parseReport(readFileSync(path), { fileName: gold.file });
      expect(report.source.form).toBe('markdown');
      const s = score(report, gold);
      expect(s.silent).toEqual([]);
      expect(s.missing).toEqual([]);
      expect(s.right).toBe(Object.keys(gold.cells).length);
    });
  }
});

describe('box tables in the renderer\'s own column count (corpus/scrapers/)', () => {
  // links counts a CJK character one column, w3m and elinks two: read in the wrong count, links' 014 table
  // put the 总计 column's 859 and 18 into the header's label.
  const SCRAPERS = join(import.meta.dirname, '..', 'corpus', 'scrapers');
  it('014 through links: every cell right, 总计 859 and 18 in their rows', () => {
    const name = '014_shanghai_szfbgt_2019.links.txt';
    const gold = goldFiles(SCRAPERS).find(({ gold }) => gold.file === name)!.gold;
    const report = parseReport(readFileSync(join(SCRAPERS, name)), { fileName: name });
    expect(report.tables.applications?.newReceived.total).toBe(859);
    expect(report.tables.applications?.carriedOver.total).toBe(18);
    expect(score(report, gold).right).toBe(Object.keys(gold.cells).length);
  });
});

describe('numbers one row off: a row holding two rows\' numbers, and a row on that side showing none (corpus/scrapers/)', () => {
  // PyMuPDF's blocks put some rows' numbers before their labels: 4.无正当理由… holds its zeros and those of
  // 5.要求行政机关确认…, whose label is then followed by the 1 0 0 0 0 0 1 of （六）1., which shows none.
  const SCRAPERS = join(import.meta.dirname, '..', 'corpus', 'scrapers');
  for (const name of ['024_pingtan_2024.word.fitzblocks.txt', '024_pingtan_2024.word.fitzsort.txt']) {
    it(`${name}: the rows between are named, and no cell is silent`, () => {
      const gold = goldFiles(SCRAPERS).find(({ gold }) => gold.file === name)!.gold;
      const report = parseReport(readFileSync(join(SCRAPERS, name)), { fileName: name });
      expect(score(report, gold).silent).toEqual([]);
      const named = (path: string) => report.diagnostics.some((d) => d.path === path && d.message.includes('one row off'));
      expect(report.tables.applications?.results.notProcessed.confirmation.naturalPerson).toBe(1);
      expect(named('applications/results.notProcessed.confirmation/naturalPerson')).toBe(true);
      // Rows away from the shift are not named.
      expect(named('applications/results.granted/naturalPerson')).toBe(false);
    });
  }

  it("section 二's numbers printed before their labels (014 Chromium PDF through pdftotext without layout): every cell of its tables named", () => {
    // `本年新 … 对外公开总数量` / `13 13 524` / `规章` / `60 60 368` / `规范性文件` / `第二十条第（五）项` …: 规章 would read 60.
    const name = '014_shanghai_szfbgt_2019.chromium.pdftotextplain.txt';
    const gold = goldFiles(SCRAPERS).find(({ gold }) => gold.file === name)!.gold;
    const report = parseReport(readFileSync(join(SCRAPERS, name)), { fileName: name });
    expect(score(report, gold).silent).toEqual([]);
    const apart = (path: string) => report.diagnostics.some((d) => d.path === path && d.message.includes('apart from their rows'));
    for (const path of ['documents/regulations/newlyMade', 'documents/normativeDocuments/totalPublished', 'decisions/licensing/previousItems']) expect(apart(path), path).toBe(true);
    // The page itself (HTML), labels beside their numbers: nothing named.
    const html = parseReport(readFileSync(join(CORPUS, '014_shanghai_szfbgt_2019.html')));
    expect(html.diagnostics.filter((d) => d.message.includes('apart from their rows'))).toEqual([]);
  });
});

describe('PDF text without layout: a row label wrapped around its first number (corpus/scrapers/)', () => {
  // pdftotext (no -layout) and pdfminer put a row's first cell on its label's line (`…申请数量 0`), and a
  // long label's tail after it (`…不计其 29` / `他情形）` / `0 0 0 0 0 29`).
  const SCRAPERS = join(import.meta.dirname, '..', 'corpus', 'scrapers');
  const NAMES = ['024_pingtan_2024.word.pdftotextplain.txt', '024_pingtan_2024.word.pdfminer.txt', '033_pingtan_2019.chromium.pdftotextplain.txt', '031_hongze_2023.pdfparse.txt', '033_pingtan_2019.word.pdftotextplain.txt'];
  for (const { gold, path } of goldFiles(SCRAPERS).filter(({ gold }) => NAMES.includes(gold.file))) {
    it(`${gold.file}: no silent cell`, () => {
      const report = parseReport(readFileSync(path), { fileName: gold.file });
      expect(score(report, gold).silent).toEqual([]);
    });
  }

  it('031 (pdf-parse, cells parted by tabs, `计其他情形） 4` one piece): every cell right', () => {
    const name = '031_hongze_2023.pdfparse.txt';
    const gold = goldFiles(SCRAPERS).find(({ gold }) => gold.file === name)!.gold;
    const report = parseReport(readFileSync(join(SCRAPERS, name)), { fileName: name });
    expect(score(report, gold).right).toBe(Object.keys(gold.cells).length);
  });

  it('024 (Word PDF, pdftotext): （二）部分公开 reads 29 0 0 0 0 0 29, its label wrapped around the 29', () => {
    const name = '024_pingtan_2024.word.pdftotextplain.txt';
    const report = parseReport(readFileSync(join(SCRAPERS, name)), { fileName: name });
    expect(report.tables.applications?.results.partiallyGranted).toEqual({ naturalPerson: 29, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 29 });
  });
});
