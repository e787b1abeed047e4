// Every input failure has a stable code: an error diagnostic from parseReport, ReportError.code from
// parseReportStrict; and docs/diagnostics.md explains each.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, parseReportStrict, ReportError, ERROR_CODES, reportSchema, type Report } from '../src/index.js';
import { goldFiles } from './goldCorpus.js';
import { CORPUS, cellRecords } from './records.js';

const seedGold = goldFiles(CORPUS).find((g) => g.gold.file === '000_chaoyang_yingshang_2023.txt')!;
const seed = readFileSync(seedGold.path, 'utf8');

/** Pseudo-random bytes from a fixed seed (a linear congruential generator): reproducible noise. */
function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function errorsOf(report: Report) {
  return report.diagnostics.filter((d) => d.severity === 'error');
}

/** parseReport answers with exactly this error and no tables; parseReportStrict throws it. */
function expectRefused(input: unknown, code: string, options = {}): Report {
  const report = parseReport(input as string, options);
  expect(reportSchema.safeParse(report).success).toBe(true);
  expect(errorsOf(report).map((d) => d.code)).toEqual([code]);
  expect(report.tables).toEqual({});
  let thrown: unknown;
  try {
    parseReportStrict(input as string, options);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ReportError);
  expect((thrown as ReportError).code).toBe(code);
  expect((thrown as ReportError).name).toBe('ReportError');
  expect((thrown as ReportError).report?.diagnostics[0]?.code).toBe(code);
  return report;
}

describe('empty-input', () => {
  it('zero bytes, an empty string, whitespace, a BOM alone, a page with no text', () => {
    expectRefused(new Uint8Array(0), 'empty-input');
    expectRefused('', 'empty-input');
    expect(expectRefused(' \n\t\u3000\r\n', 'empty-input').diagnostics[0]!.message).toContain('blank');
    expectRefused(new Uint8Array([0xef, 0xbb, 0xbf]), 'empty-input');
    expectRefused(new Uint8Array([0xff, 0xfe, 0x20, 0x00]), 'empty-input');
    expectRefused('<html><head><title></title></head><body><div> </div><table><tr><td></td></tr></table></body></html>', 'empty-input');
  });

  it('keeps the file name and byte count', () => {
    const r = parseReport(new Uint8Array([0x20, 0x0a]), { fileName: 'blank.txt' });
    expect(r.source).toMatchObject({ fileName: 'blank.txt', bytes: 2 });
  });
});

describe('not-a-report', () => {
  it('random bytes', () => {
    for (const s of [1, 2, 3]) expectRefused(noise(65536, s), 'not-a-report');
  });

  it('a real PDF, a PNG header, a zip header', () => {
    expectRefused(readFileSync(join(CORPUS, 'pdf', '031_hongze_2023.pdf')), 'needs-parse-document');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(4000, 7)]);
    expectRefused(png, 'not-a-report');
    expectRefused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise(4000, 9)]), 'not-a-report');
  });

  it('HTML and text that are not a report', () => {
    const page = '<!doctype html><html><head><meta charset="utf-8"><title>首页</title></head><body><div class="nav"><a href="/">首页</a><a href="/news">新闻动态</a></div><p>欢迎访问本站。</p><table><tr><td>日期</td><td>2024-01-01</td></tr></table></body></html>';
    expectRefused(page, 'not-a-report');
    expectRefused('Lorem ipsum dolor sit amet, 1 2 3 4 5 6 7.\n| a | b |\n| 1 | 2 |\n', 'not-a-report');
  });

  it('a portal page that links to reports and names 政府信息公开 in its menu', () => {
    const portal =
      '<!doctype html><html><head><title>政府信息公开年报</title></head><body><ul class="nav"><li><a href="/zfxxgk/">政府信息公开</a></li><li><a href="/zdgk/">主动公开</a></li><li><a href="/ysqgk/">依申请公开</a></li></ul>' +
      '<ul class="list"><li><a href="/nb/2023.html">平潭综合实验区2023年政府信息公开工作年度报告</a><span>2024-01-30</span></li><li><a href="/nb/2022.html">平潭综合实验区2022年政府信息公开工作年度报告</a><span>2023-01-31</span></li></ul></body></html>';
    expectRefused(portal, 'not-a-report');
  });

  it('a report from before 2019 (numbered sections, no template tables) is not refused', () => {
    const r = parseReport(readFileSync(join(CORPUS, '029_pingtan_2011.txt')));
    expect(errorsOf(r)).toEqual([]);
    expect(r.meta.template).toBe('unknown');
    expect(r.diagnostics.filter((d) => d.code === 'table-missing' && d.severity === 'warning')).toHaveLength(5);
  });

  it('input that is neither text nor bytes: null, a number, an object', () => {
    expect(expectRefused(null, 'not-a-report').diagnostics[0]!.message).toContain('null');
    expectRefused(42, 'not-a-report');
    expectRefused({ text: seed }, 'not-a-report');
  });

  it('an ArrayBuffer or a DataView is read as bytes', () => {
    const bytes = new TextEncoder().encode(seed);
    expect(parseReport(bytes.buffer as unknown as Uint8Array).tables.documents?.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 40 });
    expect(parseReport(new DataView(bytes.buffer) as unknown as Uint8Array).meta.agency).toBe('朝阳市营商环境建设局');
  });
});

describe('input-too-large', () => {
  it('over maxBytes: nothing is decoded', () => {
    const bytes = new TextEncoder().encode(seed);
    const r = expectRefused(bytes, 'input-too-large', { maxBytes: 1000 });
    expect(r.source.bytes).toBe(bytes.length);
    expect(parseReport(bytes, { maxBytes: bytes.length }).diagnostics.some((d) => d.code === 'input-too-large')).toBe(false);
  });

  it('over the default of 50 MB', () => {
    expectRefused(new Uint8Array(50 * 1024 * 1024 + 1), 'input-too-large');
  });

  it('a string is measured in UTF-8 bytes, as the file it came from', () => {
    const text = '政'.repeat(400); // 400 characters, 1200 bytes
    expectRefused(text, 'input-too-large', { maxBytes: 1000 });
    expect(parseReport(text, { maxBytes: 1200 }).diagnostics.some((d) => d.code === 'input-too-large')).toBe(false);
  });

  it('text or HTML that would make millions of cells: refused before lexing', () => {
    expect(expectRefused('1 '.repeat(2_100_000), 'input-too-large').diagnostics[0]!.message).toContain('cells');
    expectRefused('<b>1</b>'.repeat(2_100_000), 'input-too-large');
    expectRefused('<html><body>' + '<p>1</p>'.repeat(2_100_000), 'input-too-large');
  });
});

describe('unknown-encoding', () => {
  it('an encoding option TextDecoder does not know', () => {
    const r = expectRefused(new TextEncoder().encode(seed), 'unknown-encoding', { encoding: 'x-no-such-encoding' });
    expect(r.diagnostics[0]!.message).toContain('x-no-such-encoding');
  });
});

describe('a truncated report: the values that are there, and what is gone named', () => {
  const gold = seedGold.gold.cells;
  const cut = (marker: string) => seed.slice(0, seed.indexOf(marker));

  /** Every cell read is gold's value or null (never another number); returns the paths read as null. */
  function expectOnlyGoldValues(report: Report): string[] {
    const nulls: string[] = [];
    for (const [path, rec] of cellRecords(report)) {
      if (rec.derived) continue;
      if (rec.value === null) nulls.push(path);
      else expect(rec.value, path).toBe(gold[path]);
    }
    return nulls;
  }

  it('cut before section 四: its table is table-missing (error), the others are whole', () => {
    const r = parseReport(cut('四、政府信息公开行政复议'));
    expect(errorsOf(r).map((d) => [d.code, d.table])).toEqual([['table-missing', 'reviewLitigation']]);
    expect(expectOnlyGoldValues(r)).toEqual([]);
    expect(r.tables.applications?.results.total.total).toBe(0);
    expect(r.tables.documents?.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 40 });
    try {
      parseReportStrict(cut('四、政府信息公开行政复议'));
      expect.unreachable();
    } catch (error) {
      expect((error as ReportError).code).toBe('table-missing');
      expect((error as ReportError).report?.tables.documents?.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 40 });
    }
  });

  it('cut inside the applications table: rows gone are row-missing, rows there are right', () => {
    const r = parseReport(cut('(七)总计'));
    const missing = r.diagnostics.filter((d) => d.code === 'row-missing').map((d) => d.path);
    expect(missing).toEqual(['applications/results.total/naturalPerson', 'applications/carriedForward/naturalPerson']);
    const nulls = expectOnlyGoldValues(r);
    expect(nulls.every((p) => p.startsWith('applications/results.total/') || p.startsWith('applications/carriedForward/'))).toBe(true);
    expect(nulls).toHaveLength(14);
    expect(r.tables.applications?.newReceived.total).toBe(0);
    expect(errorsOf(r).map((d) => d.table)).toEqual(['reviewLitigation']);
  });

  it('cut inside a number: input-truncated names the cell, whose record is flagged', () => {
    const pageText = readFileSync(join(CORPUS, '004_pingtan_2021.txt'), 'utf8');
    const text = pageText.slice(0, pageText.indexOf('行政强制42') + 5); // 行政强制 42 cut to 4
    const r = parseReport(text);
    expect(r.tables.decisions?.coercion).toEqual({ decisions: 4 });
    const d = r.diagnostics.find((x) => x.code === 'input-truncated');
    expect(d).toMatchObject({ severity: 'warning', path: 'decisions/coercion/decisions', span: { start: text.length - 1, end: text.length } });
    expect(cellRecords(r).get('decisions/coercion/decisions')).toMatchObject({ value: 4, flagged: true });
    expect(cellRecords(r).get('decisions/penalty/decisions')).toMatchObject({ value: 1282, flagged: false });
    // A number followed by anything is whole; one the input ends on might not be.
    expect(parseReport(pageText.slice(0, pageText.indexOf('行政强制42') + 7)).diagnostics.some((x) => x.code === 'input-truncated')).toBe(false);
    expect(parseReport(pageText.slice(0, pageText.indexOf('行政强制42') + 6)).diagnostics.some((x) => x.code === 'input-truncated')).toBe(true);
  });

  it('cut inside a number of a one-cell-per-line row: the number the input ends on is read and named', () => {
    const text = seed.slice(0, seed.indexOf('40 |') + 1);
    const r = parseReport(text);
    expect(r.tables.documents?.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 4 });
    expect(r.diagnostics.find((x) => x.code === 'input-truncated')).toMatchObject({ severity: 'warning', path: 'documents/normativeDocuments/inForce', span: { start: text.length - 1, end: text.length } });
    expect(cellRecords(r).get('documents/normativeDocuments/inForce')).toMatchObject({ value: 4, flagged: true });
  });

  it('an HTML page cut inside a table cell: that row is unreadable, never split into other numbers', () => {
    const html = readFileSync(join(CORPUS, '024_pingtan_2024.html'), 'utf8');
    const at = html.indexOf('>217<') + 3; // cut after "21" of 217, 本年新收 自然人
    const r = parseReport(html.slice(0, at));
    const whole = cellRecords(parseReport(html));
    for (const [path, rec] of cellRecords(r)) if (rec.value !== null && !rec.flagged) expect(rec.value, path).toBe(whole.get(path)!.value);
    expect(r.tables.applications?.newReceived.naturalPerson ?? null).toBeNull();
  });
});

describe('docs/diagnostics.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'diagnostics.md'), 'utf8');
  const errors = doc.slice(doc.indexOf('## Errors'), doc.indexOf('\n## ', doc.indexOf('## Errors') + 1));

  it('explains every error code under "Errors", and the input warnings', () => {
    expect(errors.length).toBeGreaterThan(100);
    for (const code of ERROR_CODES) expect(errors, code).toContain(`### \`${code}\``);
    for (const code of ['input-truncated', 'encoding-guessed', 'row-missing']) expect(doc, code).toContain(`### \`${code}\``);
  });
});
