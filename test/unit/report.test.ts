// The public API: the Report, records, provenance, strict mode, meta and sections.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, parseReportStrict, toRecords, reportSchema, ReportError } from '../../src/index.js';

const corpus = (name: string) => readFileSync(join(import.meta.dirname, '../../corpus', name));

describe('parseReport on the seed (000)', () => {
  const input = corpus('000_chaoyang_yingshang_2023.txt');
  const report = parseReport(input, { fileName: '000.txt' });
  const text = input.toString('utf8');

  it('is a valid Report with the meta of CONTRACT §3', () => {
    expect(reportSchema.parse(report)).toBeTruthy();
    expect(report.meta).toEqual({
      agency: '朝阳市营商环境建设局',
      year: 2023,
      template: 'V2021',
      publishedAt: '2024-01-29',
      processingFeeYuan: 0,
      tableTemplates: { documents: 'V2021', decisions: 'V2021', fees: 'V2021', applications: 'V2021' },
    });
    expect(report.source).toEqual({ form: 'pipe-text', encoding: 'utf-8', bytes: input.length, fileName: '000.txt' });
  });

  it('keeps every cell’s offsets into the decoded input', () => {
    const p = report.provenance!['documents/normativeDocuments/inForce']!;
    expect(text.slice(p.start, p.end)).toBe('40');
    expect(p.raw).toBe('40');
    const cells = Object.values(report.provenance!);
    expect(cells.length).toBe(200);
    for (const c of cells) expect(text.slice(c.start, c.end)).toBe(c.raw);
  });

  it('gives one record per cell, reported before derived', () => {
    const records = toRecords(report);
    expect(records.filter((r) => !r.derived)).toHaveLength(200);
    const firstDerived = records.findIndex((r) => r.derived);
    expect(records.slice(firstDerived).every((r) => r.derived)).toBe(true);
    expect(records.filter((r) => r.derived).map((r) => r.row)).toContain('results.denied.total');
    expect(records[0]).toEqual({ file: '000.txt', agency: '朝阳市营商环境建设局', year: 2023, template: 'V2021', table: 'documents', row: 'regulations', column: 'issued', value: 0, derived: false, flagged: false });
  });

  it('reads sections 一, 五 and 六 as text', () => {
    expect(report.sections.overview).toMatch(/^一是主动公开情况。/);
    expect(report.sections.problems).toMatch(/^\(一\)存在的主要问题/);
    expect(report.sections.other).toMatch(/二是收取信息处理费0元。/);
  });
});

describe('meta across forms', () => {
  it.each([
    ['014_shanghai_szfbgt_2019.html', '2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019, '2020-01-31'],
    ['031_hongze_2023.pdftotext-layout.txt', '洪泽区人民政府2023年政府信息公开工作年度报告', '洪泽区人民政府', 2023, undefined],
    ['011_shanghai_kewei_2024.md', '2024年上海市科委政府信息公开工作年度报告', '上海市科委', 2024, undefined],
    ['004_pingtan_2021.txt', '平潭综合实验区2021年度政府信息公开工作年度报告', '平潭综合实验区', 2021, '2022-02-08'],
  ])('%s', (name, title, agency, year, publishedAt) => {
    const { meta } = parseReport(corpus(name));
    expect([meta.title, meta.agency, meta.year, meta.publishedAt]).toEqual([title, agency, year, publishedAt]);
  });

  it('reads the 信息处理费 of section 六, and 0 when it says none was charged', () => {
    expect(parseReport(corpus('031_hongze_2023.pdftotext-raw.txt')).meta.processingFeeYuan).toBe(0);
    expect(parseReport(corpus('024_pingtan_2024.html')).meta.processingFeeYuan).toBe(0);
    const withFee = '一、总体情况\n略。\n六、其他需要报告的事项\n依据《政府信息公开信息处理费管理办法》，本年度收取信息处理费共计400元。';
    expect(parseReport(withFee).meta.processingFeeYuan).toBe(400);
  });
});

describe('reports before 2019 and bad input', () => {
  it('a 2011 report is template unknown with table-missing and no numbers (029)', () => {
    const report = parseReport(corpus('029_pingtan_2011.txt'));
    expect(report.meta).toMatchObject({ template: 'unknown', year: 2011 });
    expect(report.tables).toEqual({});
    expect(toRecords(report)).toEqual([]);
    expect(report.diagnostics.map((d) => d.code)).toEqual(Array(5).fill('table-missing'));
  });

  it('empty input is an error diagnostic, and a ReportError in strict mode', () => {
    expect(parseReport('  \n').diagnostics).toMatchObject([{ code: 'empty-input', severity: 'error' }]);
    expect(() => parseReportStrict('')).toThrow(ReportError);
    try {
      parseReportStrict(new Uint8Array([0, 1, 2, 3, 0, 0, 0, 9, 0, 0]));
    } catch (e) {
      expect((e as ReportError).code).toBe('not-a-report');
    }
  });

  it('refuses input over maxBytes without reading it', () => {
    expect(parseReport('x'.repeat(100), { maxBytes: 10 }).diagnostics[0]!.code).toBe('input-too-large');
  });
});
