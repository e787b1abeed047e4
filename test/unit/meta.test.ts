// Title, agency, year and publication date read from any conversion of a report (corpus/scrapers:
// text, markdown and PDF converters), and the layouts that broke them: radicals from a PDF font, PDF
// spacing around digits, a title under hundreds of lines of site chrome or wrapped around a page
// number, a page's <title> before the title itself, a signature with its date on the same line.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../src/index.js';
import { readSignature, readSubject, readTitle, parseDate } from '../../src/prose/meta.js';
import { goldFiles } from '../goldCorpus.js';

const SCRAPERS = join(import.meta.dirname, '../../corpus/scrapers');
const scraped = (name: string) => parseReport(readFileSync(join(SCRAPERS, name)), { fileName: name });

/** Renderings whose tables are not found for a reason outside meta (the template is then `unknown`). */
const TABLES_NOT_FOUND: Record<string, string> = {
  '024_pingtan_2024.mediawiki.txt': 'inline <span> tags make the wiki text read as HTML, whose lexer finds no <table>',
  '033_pingtan_2019.mediawiki.txt': 'inline <span> tags make the wiki text read as HTML, whose lexer finds no <table>',
};

describe('meta of every converter rendering (corpus/scrapers)', () => {
  it('agency, year and template are the gold ones', () => {
    const wrong: string[] = [];
    const files = goldFiles(SCRAPERS);
    expect(files.length).toBeGreaterThanOrEqual(150);
    for (const { gold } of files) {
      const { meta } = scraped(gold.file);
      if (gold.meta.agency && meta.agency !== gold.meta.agency) wrong.push(`${gold.file}: agency ${meta.agency}`);
      if (gold.meta.year && meta.year !== gold.meta.year) wrong.push(`${gold.file}: year ${meta.year}`);
      if (!(gold.file in TABLES_NOT_FOUND) && meta.template !== gold.template) wrong.push(`${gold.file}: template ${meta.template}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    // Radicals from the Chromium PDF's font (`政府信息公开⼯作年度报告`), the title under 40 lines of site chrome.
    ['024_pingtan_2024.chromium.fitz.txt', '平潭综合实验区2024年度政府信息公开工作年度报告', '平潭综合实验区', 2024, '2025-03-10'],
    ['033_pingtan_2019.chromium.pdfminer.txt', '平潭综合实验区2019年度政府信息公开工作年度报告', '平潭综合实验区', 2019, '2020-01-20'],
    // PDF text spaces digits off: `平潭综合实验区 2024 年度政府信息公开工作年度报告`.
    ['024_pingtan_2024.word.pdftotext.txt', '平潭综合实验区2024年度政府信息公开工作年度报告', '平潭综合实验区', 2024, undefined],
    ['033_pingtan_2019.word.pdfminer.txt', '平潭综合实验区2019年度政府信息公开工作年度报告', '平潭综合实验区', 2019, undefined],
    // The title on line 182 of 229 lines, after 180 lines of page chrome; `时间：2020-01-20` beside it.
    ['033_pingtan_2019.rst.txt', '平潭综合实验区2019年度政府信息公开工作年度报告', '平潭综合实验区', 2019, '2020-01-20'],
    ['033_pingtan_2019.pandocmd.md', '平潭综合实验区2019年度政府信息公开工作年度报告', '平潭综合实验区', 2019, '2020-01-20'],
    // The page's <title> (`…年度报告_政府信息公开年报_平潭综合实验区党工委管委会`) as the first line.
    ['024_pingtan_2024.turndown.md', '平潭综合实验区2024年度政府信息公开工作年度报告', '平潭综合实验区', 2024, '2025-03-10'],
    // Everything on one line: the <title> first, the title later, then `来源：… 时间：2025-03-10 15:35`.
    ['024_pingtan_2024.turndowngfm.md', '平潭综合实验区2024年度政府信息公开工作年度报告', '平潭综合实验区', 2024, '2025-03-10'],
    // The title runs on after a tab into `发布日期：2020-01-31本年度报告根据…`.
    ['014_shanghai_szfbgt_2019.readability.txt', '2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019, '2020-01-31'],
    // Markdown escapes the date: `发布日期：2020\-01\-31`.
    ['014_shanghai_szfbgt_2019.docx.mammothmd.md', '2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019, '2020-01-31'],
  ])('%s', (name, title, agency, year, publishedAt) => {
    const { meta } = scraped(name);
    expect([meta.title, meta.agency, meta.year, meta.publishedAt]).toEqual([title, agency, year, publishedAt]);
  });

  it('reads section 六 once its radicals are folded: the fee of a Chromium PDF as text', () => {
    expect(scraped('024_pingtan_2024.chromium.mutool.txt').meta.processingFeeYuan).toBe(0);
    expect(scraped('024_pingtan_2024.chromium.mutool.txt').sections.other).toMatch(/^2024年，无收取信息处理费情况/);
  });
});

describe('title layouts', () => {
  it('the agency and year on the line above the title words, a page number between', () => {
    const text = '[[平潭综合实验区]{style="font-family:方正小标宋简体"}2019年]{style="FONT-SIZE: 22pt"}\n\n- 1 -\n\n[[政府信息公开工作年度报告]{style="font-family:方正小标宋简体"}]{style="FONT-SIZE: 22pt"}\n\n一、总体情况';
    expect(readTitle(text)).toMatchObject({ title: '平潭综合实验区2019年政府信息公开工作年度报告', agency: '平潭综合实验区', year: 2019 });
  });

  it('radicals in a text title fold to the ideographs they draw', () => {
    const text = '洪泽区⼈⺠政府2023年政府信息公开⼯作年度报告\n一、总体情况\n略。\n二、主动公开政府信息情况\n略。';
    expect(parseReport(text).meta).toMatchObject({ title: '洪泽区人民政府2023年政府信息公开工作年度报告', agency: '洪泽区人民政府', year: 2023 });
  });

  it('an opening sentence with a lead-in gives the agency, not a title', () => {
    const text = '现将平潭综合实验区2019年度政府信息公开工作年度报告 公布如下。\n一、总体情况';
    const found = readTitle(text);
    expect(found).toMatchObject({ agency: '平潭综合实验区', year: 2019 });
    expect(found.title).toBeUndefined();
  });

  it('a line that repeats the title words without a break is read within budget, and gives no title', () => {
    const line = '2019年政府信息公开工作年度报告'.repeat(250);
    const started = performance.now();
    const found = readTitle(`${line}\n`.repeat(400));
    expect(found.title).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('agency from the signature and the overview', () => {
  it('a signature with its date on the same line, blank lines after', () => {
    expect(readSignature('六、其他需要报告的事项\n无。\n\n上海市人民政府办公厅 2020年1月31日\n\n\n')).toBe('上海市人民政府办公厅');
    expect(readSignature('无。\n平潭综合实验区管委会办公室\n\n二〇二〇年一月二十日')).toBe('平潭综合实验区管委会办公室');
    // A sentence that ends with a date is not a signature.
    expect(readSignature('本报告所列数据统计期限为2024年1月1日至2024年12月31日')).toBeUndefined();
  });

  it('a first sentence that opens with its predicate has no subject', () => {
    expect(readSubject('2019年，在省政府办公厅、省公开办等部门的关心和指导下，我区认真贯彻落实新修订的《条例》')).toBeUndefined();
    expect(readSubject('2024年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导')).toBe('平潭综合实验区');
  });

  it('dates with markdown escapes', () => {
    expect(parseDate('发布日期：2020\\-01\\-31')).toBe('2020-01-31');
  });
});
