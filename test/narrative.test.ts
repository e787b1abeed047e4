// The prose as a second source, on real reports: every statement of the hand-read key
// (corpus/narrative.json) is found with its cells and number and nothing else is; no report whose prose
// agrees gets a narrative-mismatch; a table number changed in a copy gets one on the right cells; and
// a cell a form could not give that a statement of the key states exactly is settled from it.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, parseReport, type Report } from '../src/index.js';
import { goldFiles } from './goldCorpus.js';
import { foldRadicals } from '../grammars/vocabulary/fold.js';
import { narrativeWords } from '../grammars/narrative.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus');

interface KeyStatement {
  quote: string;
  stated: number;
  cells: string[];
  table: number | null;
  agrees: boolean | null;
}
interface KeyReport {
  files: string[];
  statements: KeyStatement[];
}

const key = JSON.parse(readFileSync(join(CORPUS, 'narrative.json'), 'utf8')) as Record<string, KeyReport>;
/** Without spaces, radicals folded (a PDF font's ⽆ for 无). */
const bare = (s: string) => foldRadicals(s.replace(/\s+/g, ''));

/** The key's report for a corpus file: the report it names, or whose name the file starts with (forms). */
function keyOf(file: string): KeyReport | undefined {
  for (const [name, report] of Object.entries(key)) if (report.files.includes(file) || file.startsWith(`${name}.`)) return report;
  return undefined;
}

/** Every corpus file (published reports, their forms and scraper outputs) with its gold, parsed once. */
const files = [CORPUS, join(CORPUS, 'forms'), join(CORPUS, 'scrapers')].flatMap((dir) =>
  goldFiles(dir).map(({ gold, path }) => {
    const bytes = readFileSync(path);
    return { gold, path, name: gold.file, report: parseReport(bytes, { fileName: gold.file }), bytes };
  }),
);

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** A found statement that is the key's: the same number and cells, and words that overlap the quote. */
function matches(found: NonNullable<Report['narrative']>['statements'][number], k: KeyStatement): boolean {
  const text = bare(found.text);
  const quote = bare(k.quote);
  return found.value === k.stated && sameCells(found.cells, k.cells) && (text.includes(quote) || quote.includes(text));
}

describe('the key: every statement of the shared reports prose (corpus/narrative.json)', () => {
  for (const [name, report] of Object.entries(key)) {
    for (const file of report.files.filter((f) => existsSync(join(CORPUS, f)))) {
      it(`${file}: each of its ${report.statements.length} statement(s) is found, with its cells, number and agreement`, () => {
        const found = files.find((f) => f.name === file)!.report.narrative!.statements;
        for (const k of report.statements) {
          const hit = found.find((s) => matches(s, k));
          expect(hit, `${name}: "${k.quote}"`).toBeDefined();
          expect(hit!.agrees, `${name}: "${k.quote}"`).toBe(k.agrees);
        }
      });
    }
  }

  it('no statement is found that the key does not list, in any report or form of one', () => {
    for (const { name, report } of files) {
      const k = keyOf(name);
      for (const s of report.narrative?.statements ?? []) expect(k?.statements.some((x) => matches(s, x)), `${name}: "${s.text}" (${s.value})`).toBe(true);
    }
  });

  it('a statement names its exact words: the span is the text, in the input (in HTML, with the markup between its words)', () => {
    const words = (html: string) => bare(html.replace(/<[^>]*>/g, '').replace(/&(nbsp|#160);/g, ' '));
    for (const { name, report, bytes } of files) {
      const text = new TextDecoder().decode(bytes);
      for (const s of report.narrative?.statements ?? []) {
        const slice = text.slice(s.span.start, s.span.end);
        if (report.source.form === 'html') expect(words(slice), name).toBe(bare(s.text));
        else expect(slice, name).toBe(s.text);
      }
    }
  });
});

describe('PDF and Word files (corpus/docs)', () => {
  for (const { gold, path } of goldFiles(join(CORPUS, 'docs'))) {
    const key = keyOf(gold.file)!.statements;
    it(`${gold.file}: its ${key.length} statement(s) of the key found with cells and number, no other, no mismatch; a settled cell is the gold value`, async () => {
      const report = await parseDocument(readFileSync(path), { fileName: gold.file });
      const statements = report.narrative!.statements;
      for (const k of key) expect(statements.some((s) => matches(s, k)), `"${k.quote}"`).toBe(true);
      for (const s of statements) expect(key.some((k) => matches(s, k)), `"${s.text}"`).toBe(true);
      expect(report.diagnostics.filter((d) => d.code === 'narrative-mismatch')).toEqual([]);
      for (const d of report.diagnostics.filter((x) => x.code === 'narrative-settled')) expect(pathValue(report, d.path!), d.path).toBe(gold.cells[d.path!]);
    }, 120_000);
  }
});

describe('agreement', () => {
  it('no narrative-mismatch on any report whose prose agrees, but where a form garbled the table and a cell was read wrong', () => {
    let flagged = 0;
    for (const { name, report, gold } of files) {
      for (const d of report.diagnostics.filter((x) => x.code === 'narrative-mismatch')) {
        // The prose agrees with the table as published: a mismatch names a cell the parser got wrong.
        expect(d.cells!.some((c) => pathValue(report, c) !== gold.cells[c]), `${name}: ${d.message}`).toBe(true);
        flagged++;
      }
      if (name.split('.').length === 2) expect(report.diagnostics.filter((x) => x.code === 'narrative-mismatch'), name).toEqual([]);
    }
    expect(flagged).toBeGreaterThan(0); // a PDF rendering whose 规章 row took the 规范性文件 numbers
  });

  /** A corpus report with one table number changed (the first occurrence after `after`). */
  function changed(file: string, after: string, from: string, to: string): Report {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const at = text.indexOf(from, text.indexOf(after));
    expect(at).toBeGreaterThan(0);
    return parseReport(text.slice(0, at) + to + text.slice(at + from.length), { fileName: file });
  }

  it('a changed 现行有效/制发 count: the documents statement of 024 no longer agrees', () => {
    // 024's table: 行政规范性文件 | 62 | 33 | 440; the prose: 本年度制发行政规范性文件62件.
    const report = changed('024_pingtan_2024.html', '行政规范性文件</p></td>', '>62<', '>61<');
    expect(report.tables.documents?.normativeDocuments).toMatchObject({ issued: 61 });
    const mismatch = report.diagnostics.filter((d) => d.code === 'narrative-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ severity: 'warning', path: 'documents/normativeDocuments/issued', cells: ['documents/normativeDocuments/issued'] });
    expect(mismatch[0]!.message).toMatch(/62.*61/);
    const statement = report.narrative!.statements.find((s) => s.value === 62)!;
    expect(statement.agrees).toBe(false);
    // The warning's span is the sentence around the statement.
    expect(mismatch[0]!.span!.start).toBeLessThanOrEqual(statement.span.start);
    expect(mismatch[0]!.span!.end).toBeGreaterThanOrEqual(statement.span.end);
    expect(report.narrative!.statements.filter((s) => s.agrees === false)).toHaveLength(1);
  });

  it('a changed 总计: 031 says 受理…申请 21 件, its table now 22 (nor 22 + 上年结转 0)', () => {
    const report = changed('031_hongze_2023.pdftotext-layout.txt', '本年新收', '     21\n', '     22\n');
    expect(report.tables.applications?.newReceived.total).toBe(22);
    const mismatch = report.diagnostics.filter((d) => d.code === 'narrative-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ path: 'applications/newReceived/total', cells: ['applications/newReceived/total'] });
    expect(mismatch[0]!.message).toMatch(/21.*22/);
    expect(report.narrative!.statements[0]).toMatchObject({ value: 21, agrees: false });
  });

  it('a changed review total: 014 says 行政复议7件, the table now 6', () => {
    const report = changed('014_shanghai_szfbgt_2019.html', '尚未审结', '<p>7</p>', '<p>6</p>');
    const mismatch = report.diagnostics.filter((d) => d.code === 'narrative-mismatch');
    expect(mismatch.map((d) => d.path)).toEqual(['reviewLitigation/review/total']);
  });
});

describe('settling', () => {
  // Every cell a form could not give (null without the prose, a number in the gold) that a statement of
  // the key states exactly — it alone, or a sum whose other cells were read — comes out settled.
  it('a cell a form could not give, stated exactly by the prose, takes the stated value with narrative-settled', () => {
    let settled = 0;
    for (const { name, report, gold, bytes } of files) {
      const k = keyOf(name);
      if (!k) continue;
      const alone = parseReport(bytes, { fileName: name, narrative: false });
      const value = pathValue;
      for (const s of k.statements) {
        const open = s.cells.filter((c) => value(alone, c) === null);
        if (open.length !== 1 || gold.cells[open[0]!] === null || gold.cells[open[0]!] === undefined) continue;
        const path = open[0]!;
        // A cell the form left ambiguous or unreadable (read blank, it may be a blank the table prints)…
        const named = alone.diagnostics.filter((d) => ['ambiguous-split', 'cell-unreadable', 'row-missing'].includes(d.code) && (d.path === path || d.cells?.includes(path)));
        if (!named.length) continue;
        // …that the form shows is no blank: its readings all put a number there, or its own text is no number.
        // Not a cell whose readings leave it possibly blank or could not be listed, of a row with more or fewer
        // numbers than cells, or of a row the input lacks: the table may print it blank (a blank is never
        // settled from the prose alone; such rows are settled where the prose narrows their readings, below).
        const noBlank = (d: (typeof named)[number]) =>
          (d.code === 'ambiguous-split' && /could be/.test(d.message) && !/ blank\b/.test(d.message)) || (d.code === 'cell-unreadable' && !d.cells);
        if (!named.every(noBlank)) continue;
        // Not when the statement may count other cells (收到…: 本年新收, or with 上年结转) that are open too.
        if (!exactly(alone, path)) continue;
        const rest = s.stated - s.cells.filter((c) => c !== path).reduce((n, c) => n + (value(alone, c) ?? 0), 0);
        expect(pathValue(report, path), `${name} ${path}`).toBe(rest);
        expect(report.diagnostics.some((d) => d.code === 'narrative-settled' && d.path === path), `${name} ${path}`).toBe(true);
        settled++;
      }
    }
    // 007, 024 bs4concat and readability 制发 62 (6233440); 014 bs4concat and readability 规章 13 (1313524), 规范性文件 60 (6060368).
    expect(settled).toBeGreaterThanOrEqual(7);
  });

  it('a cell the table prints blank stays null (agrees: null in the key), and every settled cell is the gold value', () => {
    for (const { name, report, gold } of files) {
      for (const d of report.diagnostics.filter((x) => x.code === 'narrative-settled')) expect(pathValue(report, d.path!), `${name} ${d.path}`).toBe(gold.cells[d.path!]);
      const k = keyOf(name);
      for (const s of k?.statements ?? []) if (s.agrees === null) for (const c of s.cells) if (gold.cells[c] === null) expect(pathValue(report, c) ?? null, `${name} ${c}`).toBeNull();
    }
  });

  it('007: 6233440 read 15 ways; the prose (制发行政规范性文件62件) settles 制发, the rest stays open', () => {
    const { report } = files.find((f) => f.name === '007_pingtan_2024.txt')!;
    expect(report.tables.documents?.normativeDocuments).toEqual({ issued: 62, repealed: null, inForce: null });
    const note = report.diagnostics.find((d) => d.code === 'narrative-settled')!;
    expect(note).toMatchObject({ severity: 'info', path: 'documents/normativeDocuments/issued' });
    expect(note.message).toContain('动态更新发布本年度制发行政规范性文件62件');
    // Its provenance is the table's own digits.
    expect(report.provenance?.['documents/normativeDocuments/issued']?.raw).toBe('62');
    const left = report.diagnostics.filter((d) => d.code === 'ambiguous-split').map((d) => d.path);
    expect(left).toEqual(['documents/normativeDocuments/repealed', 'documents/normativeDocuments/inForce']);
  });

  it('011: the 总计 of 四、结转下年度 lost in conversion, stated in the prose, checked by T3-A and T3-C', () => {
    const { report } = files.find((f) => f.name === '011_shanghai_kewei_2024.md')!;
    expect(report.tables.applications?.carriedForward.total).toBe(1);
    expect(report.diagnostics.filter((d) => d.code === 'check-failed' || d.code === 'check-skipped')).toEqual([]);
    // The value cites the prose: 转下一年度办理答复的有 1 件.
    const at = report.provenance!['applications/carriedForward/total']!;
    expect(at.raw).toBe('1 件');
  });

  it('014 pdfraw: the review row printed as 5 2 7 8 1 9, no trace of its blanks (unreadable alone): the prose leaves 7 in its 总计', () => {
    const { report, bytes, name } = files.find((f) => f.name === '014_shanghai_szfbgt_2019.pdfraw.txt')!;
    const alone = parseReport(bytes, { fileName: name, narrative: false });
    expect(alone.tables.reviewLitigation?.review.total).toBeNull();
    expect(alone.diagnostics.find((d) => d.cells?.includes('reviewLitigation/review/total'))?.code).toBe('cell-unreadable');
    // Where its blanks were, T4 allows several ways; 行政复议7件 and 诉讼9件 leave those with 7 in the review 总计.
    expect(report.tables.reviewLitigation?.review.total).toBe(7);
    expect(report.diagnostics.filter((d) => d.code === 'narrative-settled').map((d) => d.path)).toEqual(['reviewLitigation/review/total']);
    // The value is the table's own digit, not the prose's.
    const at = report.provenance!['reviewLitigation/review/total']!;
    expect(at.raw).toBe('7');
    expect(new TextDecoder().decode(bytes).slice(at.start - 4, at.end)).toBe('5 2 7');
    // Which of 维持/纠正/其他 holds the 5, and whether the 9 is 直接起诉 or 复议后起诉, stays open.
    expect(report.tables.reviewLitigation?.review.upheld).toBeNull();
    expect(report.tables.reviewLitigation?.litigationDirect.total).toBeNull();
  });

  it('014 forms whose blanks vanished: the review row is narrowed by 行政复议7件 and its 总计 settled', () => {
    const { report, gold } = files.find((f) => f.name === '014_shanghai_szfbgt_2019.lynx.txt')!;
    expect(report.tables.reviewLitigation?.review.total).toBe(gold.cells['reviewLitigation/review/total']);
    expect(report.diagnostics.find((d) => d.code === 'narrative-settled')?.path).toBe('reviewLitigation/review/total');
  });
});

describe('settling across the table: the readings solver runs again', () => {
  it('014 bs4pipe (blank cells dropped, 76 cells open) with one sentence added: the applications table settles, every cell the gold value', () => {
    const file = '014_shanghai_szfbgt_2019.bs4pipe.txt';
    const { gold } = files.find((f) => f.name === file)!;
    const text = readFileSync(join(CORPUS, 'forms', file), 'utf8');
    const at = text.indexOf('受理政府信息公开申请859件') + '受理政府信息公开申请859件'.length;
    // Words of the template's, in an order the corpus does not use: the row named in a clause of its own.
    const report = parseReport(`${text.slice(0, at)}。予以公开的申请中，自然人申请258件，商业企业申请12件${text.slice(at)}`);
    const settled = report.diagnostics.filter((d) => d.code === 'narrative-settled').map((d) => d.path!);
    // The two stated cells, and through T3-A and T3-B cells of rows the prose does not name.
    expect(settled).toContain('applications/results.granted/naturalPerson');
    expect(settled).toContain('applications/results.total/naturalPerson');
    expect(settled).toContain('applications/newReceived/commercial');
    expect(settled.length).toBeGreaterThan(20);
    for (const path of settled) expect(pathValue(report, path), path).toBe(gold.cells[path]);
    const open = (r: Report) => r.diagnostics.filter((d) => d.code === 'ambiguous-split').length;
    expect(open(report)).toBeLessThan(open(parseReport(text)) - 20);
  });

  it('a row whose digits were garbled (a digit lost): only the cell the prose states is settled', () => {
    // 本年新收 640020470 with its 2 lost: no reading meets T3-C; the prose's 70 is the 总计 alone.
    const text = readFileSync(join(CORPUS, '004_pingtan_2021.txt'), 'utf8').replace('640020470', '64000470');
    const report = parseReport(text);
    expect(report.diagnostics.filter((d) => d.code === 'narrative-settled').map((d) => d.path)).toEqual(['applications/newReceived/total']);
    expect(report.tables.applications?.newReceived).toMatchObject({ naturalPerson: null, total: 70 });
  });
});

/** No other reading of a verb that counts the cell's row (收到…N件: 本年新收, or with 上年结转) names a cell the form left open. */
function exactly(alone: Report, path: string): boolean {
  const [table, row, column] = path.split('/') as [string, string, string];
  for (const [, w] of narrativeWords) {
    if (w.role !== 'total' || !w.readings.some((r) => r.length === 1 && r[0] === row)) continue;
    for (const r of w.readings) for (const other of r) if (other !== row && pathValue(alone, `${table}/${other}/${column}`) === null) return false;
  }
  return true;
}

function pathValue(report: Report, path: string): number | null | undefined {
  const [table, row, column] = [path.slice(0, path.indexOf('/')), path.slice(path.indexOf('/') + 1, path.lastIndexOf('/')), path.slice(path.lastIndexOf('/') + 1)];
  let node = (report.tables as Record<string, unknown>)[table] as Record<string, unknown> | undefined;
  for (const k of row.split('.')) node = node?.[k] as Record<string, unknown> | undefined;
  return node?.[column] as number | null | undefined;
}
