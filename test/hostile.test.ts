// Adversarial inputs at sizes that run fast here; the full sizes, and time against size, are measured
// by bench/linear.mjs (npm run bench), never by timed tests. Each must be answered without throwing,
// without a stack overflow, with the right diagnostic, and without losing what can be read.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, reportSchema, type Report } from '../src/index.js';
import { CORPUS, cellRecords, reportFiles, FORMS } from './records.js';
import { flattenDeepNesting } from '../src/lex/nesting.js';
import * as cheerio from 'cheerio/slim';

const read = (name: string) => readFileSync(join(CORPUS, name), 'utf8');
const seed = read('000_chaoyang_yingshang_2023.txt');
const page = read('024_pingtan_2024.html');
const runTogether = read('004_pingtan_2021.txt');

function parsed(input: string): Report {
  const r = parseReport(input);
  expect(reportSchema.safeParse(r).success).toBe(true);
  expect(r.diagnostics.some((d) => d.code === 'internal-error')).toBe(false);
  return r;
}
const codes = (r: Report) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('floods', () => {
  it('2 MB of | on one line: one span, not-a-report', () => {
    expect(codes(parsed('|'.repeat(2 << 20)))).toEqual(['not-a-report']);
  });

  it('2 MB of | around a report: the report still reads', () => {
    const r = parsed('|'.repeat(1 << 20) + '\n' + seed + '\n' + '|'.repeat(1 << 20));
    expect(r.tables.documents?.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 40 });
  });

  it('500 KB of digits on one line, and inside a plain-text table row', () => {
    expect(codes(parsed('1234567890'.repeat(50_000)))).toEqual(['not-a-report']);
    // 本年新收 640020470 replaced by 200,000 digits: that row cannot be read; the rest can.
    const r = parsed(runTogether.replace('640020470', '7'.repeat(200_000)));
    // Its 总计 is the one cell the prose states (本年度全区共收到70件申请): settled from there, T3-A agreeing.
    expect(r.tables.applications?.newReceived.total).toBe(70);
    expect(r.diagnostics.some((d) => d.code === 'narrative-settled' && d.path === 'applications/newReceived/total')).toBe(true);
    expect(r.tables.applications?.newReceived.naturalPerson).toBeNull();
    expect(r.diagnostics.some((d) => d.path?.startsWith('applications/newReceived/') && d.severity === 'warning')).toBe(true);
    expect(r.tables.applications?.carriedForward).toMatchObject({ naturalPerson: 1, total: 1 });
    expect(r.tables.decisions?.licensing).toEqual({ decisions: 2293 });
  });

  it('a review row of 5,000 digits: bounded search, nulls with warnings', () => {
    const r = parsed(runTogether.replace('10203120001200000', '1'.repeat(5000)));
    const review = cellRecords(r);
    for (const [path, rec] of review) if (path.startsWith('reviewLitigation/')) expect(rec).toMatchObject({ value: null, flagged: true });
  });

  it('a 1 MB line of report words, labels and digits', () => {
    // Report words, but no table and no numbered sections: not a report.
    expect(codes(parsed('政府信息公开工作年度报告 '.repeat(80_000)))).toEqual(['not-a-report']);
    // With numbered sections it reads as a free-form (pre-2019) report: each table-missing a warning.
    const words = parsed('一、概述 二、主动公开政府信息情况 ' + '政府信息公开工作年度报告 '.repeat(80_000));
    expect(codes(words)).toEqual([]);
    expect(words.diagnostics.filter((d) => d.code === 'table-missing' && d.severity === 'warning')).toHaveLength(5);
    parsed('规章0行政规范性文件1 '.repeat(80_000));
    parsed('本年新收政府信息公开申请数量 1 2 3 4 5 6 21 '.repeat(30_000));
    parsed('一、总体情况' + '字'.repeat(1 << 20));
  });
});

describe('deep and wide HTML', () => {
  it('20,000 nested <div>s around the report: no stack overflow, every cell as without them', () => {
    const body = page.slice(page.indexOf('<body'), page.lastIndexOf('</body>'));
    const deep = '<html><body>' + '<div>'.repeat(20_000) + body + '</div>'.repeat(20_000) + '</body></html>';
    const r = parsed(deep);
    const plain = cellRecords(parseReport(page));
    for (const [path, rec] of cellRecords(r)) expect(rec.value, path).toBe(plain.get(path)!.value);
    expect(r.tables.applications?.newReceived.naturalPerson).toBe(217);
  });

  it('nesting is flattened past 256 levels (past 1,024 for table structure), offsets unchanged', () => {
    const maxDepth = (html: string) => {
      const stack: { node: { children?: unknown[] }; depth: number }[] = [{ node: cheerio.load(html).root()[0] as never, depth: 0 }];
      let max = 0;
      while (stack.length) {
        const { node, depth } = stack.pop()!;
        max = Math.max(max, depth);
        for (const child of node.children ?? []) stack.push({ node: child as never, depth: depth + 1 });
      }
      return max;
    };
    const divs = '<html><body>' + '<div class="a">'.repeat(20_000) + 'x' + '</div>'.repeat(20_000) + '</body></html>';
    const flat = flattenDeepNesting(divs);
    expect(flat.length).toBe(divs.length);
    expect(maxDepth(flat)).toBeLessThan(270);
    const tables = '<html><body>' + '<table><tr><td>'.repeat(2_000) + '1' + '</td></tr></table>'.repeat(2_000);
    expect(maxDepth(flattenDeepNesting(tables))).toBeLessThan(1100);
    // Pages as published are left as they are.
    for (const path of [...reportFiles(CORPUS), ...reportFiles(FORMS)].filter((p) => /\.html?$/.test(p))) {
      const html = readFileSync(path, 'utf8');
      expect(flattenDeepNesting(html) === html, path).toBe(true);
    }
  });

  it('20,000 unclosed <div>s, 5,000 nested tables, 20,000 nested <td>s, 100,000 nested <span>s', () => {
    parsed('<html><body>' + '<span>'.repeat(100_000) + '政府信息公开' + '</span>'.repeat(100_000));
    parsed('<html><body>' + '<div>'.repeat(20_000) + '政府信息公开工作年度报告');
    parsed('<html><body>' + '<table><tr><td>'.repeat(5_000) + '1' + '</td></tr></table>'.repeat(5_000));
    parsed('<html><body><table><tr>' + '<td>'.repeat(20_000) + '政府信息公开');
  });

  it('colspan and rowspan bombs: bounded, the page is still read', () => {
    const bomb = '<table>' + '<tr><td colspan="100000" rowspan="100000">1</td></tr>'.repeat(200) + '</table>';
    parsed('<html><body>' + bomb + '</body></html>');
    const r = parsed(page.replace('<body', '<body>' + bomb + '<div'));
    expect(r.tables.applications?.newReceived.naturalPerson).toBe(217);
  });

  it('a table of 100,000 empty cells, in HTML and in markdown', () => {
    expect(codes(parsed('<html><body><table>' + ('<tr>' + '<td></td>'.repeat(100) + '</tr>').repeat(1000) + '</table></body></html>'))).toEqual(['empty-input']);
    expect(codes(parsed(('|' + ' |'.repeat(100) + '\n').repeat(1000)))).toEqual(['not-a-report']);
    expect(codes(parsed('| a ' + '|'.repeat(100_000) + '\n'))).toEqual(['not-a-report']);
  });

  it('a 1 MB <title>', () => {
    const title = ('2019年' + 'x'.repeat(45) + '政府信息公开工作年度报告').repeat(15_000);
    parsed('<html><head><title>' + title + '</title></head><body><p>x</p><div>y</div></body></html>');
  });
});

describe('structure that repeats', () => {
  it('the seed ten times over: the first copy is read, nothing throws', () => {
    const r = parsed(seed.repeat(10));
    expect(r.tables.documents?.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 40 });
  });

  it('20,000 section headings, 100,000 lines of one label', () => {
    parsed('一、总体情况\n'.repeat(20_000));
    parsed('(七)总计 |\n'.repeat(100_000));
  });

  it('zero-width spaces after every ideograph and BOMs after every digit: same cells and meta, offsets into the input', () => {
    for (const [name, text] of [
      ['000', seed],
      ['004', runTogether],
      ['024', page],
    ] as const) {
      const noisy = text.replace(/([\u4e00-\u9fff])/g, '$1\u200b').replace(/([0-9])/g, '$1\ufeff');
      const clean = parseReport(text);
      const r = parsed(noisy);
      const plain = cellRecords(clean);
      for (const [path, rec] of cellRecords(r)) expect(rec, `${name} ${path}`).toEqual(plain.get(path));
      expect(r.meta, name).toEqual(clean.meta);
      expect(Object.keys(r.sections), name).toEqual(Object.keys(clean.sections));
      for (const [path, p] of Object.entries(r.provenance ?? {})) {
        expect(p.raw, path).toBe(noisy.slice(p.start, p.end));
        expect(p.raw.replace(/[\u200b\ufeff]/g, ''), path).toContain(clean.provenance![path]!.raw);
      }
    }
    expect(codes(parsed('\u200b\ufeff\u00ad \n'))).toEqual(['empty-input']);
  });

  it('control characters, lone surrogates, NUL bytes inside a report', () => {
    const r = parsed(seed.replace('一、总体情况', '一、总体情况\u0000\u0007\ud800\udfff\ufffe'));
    expect(r.tables.documents?.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 40 });
  });
});
