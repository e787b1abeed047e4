// PDF and Word files (parseDocument): every gold cell of corpus/docs, the provenance a PDF cell keeps,
// and every way a document can be bad — each a stable code, never a crash, a hang or a wrong number.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deflateRawSync } from 'node:zlib';
import { parseDocument, parseReport, parseReportStrict, reportSchema, ReportError, type Report } from '../src/index.js';
import { goldFiles, score } from './goldCorpus.js';
import { CORPUS } from './records.js';
import { readPdf } from '../src/input/pdf/read.js';
import { parseReports } from '../src/node/index.js';
import { flateBomb, makePdf, makeZip, textPage, zeroBomb, PRIVATE_USE_CMAP } from './support/pdf.js';

const DOCS = join(CORPUS, 'docs');
const read = (name: string) => new Uint8Array(readFileSync(join(DOCS, name)));
const errors = (r: Report) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

/** Tables LibreOffice printed wider than the page: their columns past the paper's edge are not in the file. */
const CUT_AT_THE_EDGE = '014_shanghai_szfbgt_2019.word.pdf';
const isCut = (file: string) => file === CUT_AT_THE_EDGE || file.includes('.wide.');

describe('corpus/docs: PDF and Word files', () => {
  for (const { gold, path } of goldFiles(DOCS)) {
    it(`${gold.file}: every gold cell right, every doubt flagged`, async () => {
      const report = await parseDocument(readFileSync(path), { fileName: gold.file });
      expect(reportSchema.safeParse(report).success).toBe(true);
      expect(report.source.form).toBe(gold.file.endsWith('.pdf') ? 'pdf' : 'docx');
      const s = score(report, gold);
      expect([...s.silent, ...s.phantom]).toEqual([]);
      if (isCut(gold.file)) {
        // Only the cells the page's edge cuts or hides are not read, each null and named by a warning that
        // says so; a table whose row labels are all past the edge is missing, with an error that says so.
        const cut = new Set(report.diagnostics.filter((d) => d.code === 'cell-unreadable' && d.message.includes('wider than the page')).map((d) => d.path));
        const lost = new Set(report.diagnostics.filter((d) => d.code === 'table-missing').map((d) => d.table));
        expect(s.caught.filter((c) => !cut.has(c.split(':')[0]))).toEqual([]);
        expect(s.missing.filter((c) => !lost.has(c.split('/')[0]))).toEqual([]);
      } else expect([...s.caught, ...s.missing]).toEqual([]);
      expect(report.meta).toMatchObject({ template: gold.template, year: gold.meta.year, agency: gold.meta.agency });
      for (const check of gold.sourceChecksFail ?? []) expect(report.diagnostics.some((d) => d.code === 'check-failed' && d.check === check), check).toBe(true);
      // A ruled table's geometry settles every cell: nothing is split, guessed or placed by print order (the
      // cut table's row labels are cut too: some rows are placed by print order). Without rules, a label
      // wrapped around its numbers is placed by print order (info), never ambiguously.
      const doubts = gold.file.includes('.unruled.') || isCut(gold.file) ? ['ambiguous-split'] : ['ambiguous-split', 'digits-split', 'row-by-position'];
      expect(report.diagnostics.filter((d) => doubts.includes(d.code))).toEqual([]);
    });
  }

  it('a table wider than the page: its visible columns read where their headers name them, the rest unreadable in place', async () => {
    // LibreOffice printed table 三 past the right edge (法律服务机构 cut through, 其他 and 总计 not in the
    // file) and table 四 past both edges (结果维持 of 行政复议 cut, 复议后起诉's 总计 not in the file).
    const report = await parseDocument(read(CUT_AT_THE_EDGE));
    const a = report.tables.applications!;
    expect(a.newReceived).toMatchObject({ naturalPerson: 821, commercial: 35, research: null, socialWelfare: null, legalService: null, otherOrg: null });
    expect(a.results.total).toMatchObject({ naturalPerson: 767, commercial: 35 });
    expect(report.tables.reviewLitigation).toEqual({
      review: { upheld: null, corrected: null, other: null, pending: 2, total: 7 },
      litigationDirect: { upheld: 8, corrected: null, other: null, pending: 1, total: 9 },
      litigationAfterReview: { upheld: null, corrected: null, other: null, pending: null, total: null },
    });
    const why = (path: string) => report.diagnostics.find((d) => d.code === 'cell-unreadable' && d.path === path)?.message;
    expect(why('applications/newReceived/legalService')).toContain('cuts through column 法律服务机构');
    expect(why('applications/newReceived/otherOrg')).toContain('column 其他 is past its edge');
    expect(why('reviewLitigation/review/upheld')).toContain('cuts through column 结果维持');
    expect(why('reviewLitigation/litigationAfterReview/total')).toContain('column 总计 is past its edge');
    // Blanks the page prints whole are blanks, not doubts.
    expect(why('applications/newReceived/research')).toBeUndefined();
    expect(why('reviewLitigation/review/corrected')).toBeUndefined();
    // A number the file does not print comes from the prose (另有72件申请…顺延到下年度), named as such; a 0 the
    // prose implies (诉讼9件 = 9 + ?) is what a printed blank means, so that cell stays null.
    expect(a.carriedForward.total).toBe(72);
    expect(report.diagnostics.some((d) => d.code === 'narrative-settled' && d.path === 'applications/carriedForward/total')).toBe(true);
    expect(why('reviewLitigation/litigationAfterReview/total')).toBeDefined();
  });

  it('a PDF cell keeps its offsets into source.text, its page and its box', async () => {
    const report = await parseDocument(read('031_hongze_2023.pdf'));
    const text = report.source.text!;
    const penalty = report.provenance!['decisions/penalty/decisions']!;
    expect(penalty).toMatchObject({ raw: '4119', page: 3 });
    expect(text.slice(penalty.start, penalty.end)).toBe('4119');
    const [x0, y0, x1, y1] = penalty.box!;
    expect(x0 < x1 && y0 < y1 && x1 <= 595 && y1 <= 842).toBe(true);
    // Every provenance entry points at its own text, on a page of the document.
    for (const p of Object.values(report.provenance!)) {
      expect(text.slice(p.start, p.end)).toBe(p.raw);
      expect(p.page).toBeGreaterThanOrEqual(1);
      expect(p.page).toBeLessThanOrEqual(5);
    }
    // The table runs across pages 3 and 4, the page number between, a row cut in two by the break:
    // 不掌握 on page 3, 没有现成信息 starting at its foot, 补正后 on page 4.
    expect(report.provenance!['applications/results.unableToProvide.notHeld/total']).toMatchObject({ raw: '10', page: 3 });
    expect(report.provenance!['applications/results.unableToProvide.needsCreation/total']).toMatchObject({ raw: '3', page: 3 });
    expect(report.provenance!['applications/results.unableToProvide.unclearAfterCorrection/total']).toMatchObject({ raw: '0', page: 4 });
    expect(text).not.toContain('- 3 -');
    // The misprinted label is read as it is printed, and the report's own arithmetic fails as published.
    expect(text).toContain('2.其他法律行政止公开');
    expect(report.diagnostics.filter((d) => d.code === 'check-failed').map((d) => d.check).sort()).toEqual(['T4-A', 'T4-C']);
  });

  it("folds the radicals Chromium's fonts map glyphs to: 自然人, not ⾃然⼈", async () => {
    const report = await parseDocument(read('024_pingtan_2024.chromium.pdf'));
    expect(report.source.text).toContain('自然人');
    expect(/[\u2e80-\u2fdf]/.test(report.source.text!)).toBe(false);
    expect(report.sections.overview).toContain('平潭综合实验区');
    const word = await parseDocument(read('014_shanghai_szfbgt_2019.word.pdf'));
    expect(word.meta.agency).toBe('上海市人民政府办公厅');
  });

  it("a Word file's provenance points into the HTML it became, merged cells as spans", async () => {
    const report = await parseDocument(read('024_pingtan_2024.docx'));
    const html = report.source.text!;
    expect(html.startsWith('<p><strong>平潭综合实验区2024年度政府信息公开工作年度报告')).toBe(true);
    expect(html).toMatch(/<td colspan="3" rowspan="3">/);
    const at = report.provenance!['documents/normativeDocuments/inForce']!;
    expect(at.raw).toBe('440');
    expect(html.slice(at.start, at.end)).toBe('440');
    expect(at.page).toBeUndefined();
  });

  it('parseReport, synchronous, says to use parseDocument for PDF and Word bytes', () => {
    for (const name of ['031_hongze_2023.pdf', '024_pingtan_2024.docx']) {
      const report = parseReport(read(name));
      expect(errors(report)).toEqual(['needs-parse-document']);
      expect(report.diagnostics[0]!.message).toContain('parseDocument');
      expect(() => parseReportStrict(read(name))).toThrow(ReportError);
    }
  });

  it('text and HTML through parseDocument give what parseReport gives', async () => {
    for (const name of ['000_chaoyang_yingshang_2023.txt', '024_pingtan_2024.html']) {
      const bytes = new Uint8Array(readFileSync(join(CORPUS, name)));
      expect(await parseDocument(bytes, { fileName: name })).toEqual(parseReport(bytes, { fileName: name }));
    }
  });
});

describe('bad documents: a stable code each, never a crash or a wrong number', () => {
  const expectError = async (bytes: Uint8Array, code: string, options = {}) => {
    const report = await parseDocument(bytes, options);
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(errors(report)).toEqual([code]);
    expect(report.tables).toEqual({});
    return report;
  };

  it('a scanned PDF (page images, no text layer): pdf-no-text, OCR not done here', async () => {
    const scan = makePdf(['q 500 0 0 700 50 50 cm /Im1 Do Q', 'q 500 0 0 700 50 50 cm /Im1 Do Q'], { images: true });
    expect((await expectError(scan, 'pdf-no-text')).diagnostics[0]!.message).toContain('OCR');
  });

  it('glyphs without a Unicode mapping: pdf-unreadable-text, not "no table"', async () => {
    const page = Array.from({ length: 30 }, (_, i) => `BT /F2 10 Tf 50 ${800 - i * 20} Td (ABCDEFGH 12345) Tj ET`).join('\n');
    await expectError(makePdf([page], { toUnicode: PRIVATE_USE_CMAP }), 'pdf-unreadable-text');
  });

  it('an encrypted PDF, a corrupt one', async () => {
    await expectError(makePdf([textPage([[50, 800, 'x']])], { encrypt: true }), 'pdf-encrypted');
    await expectError(new Uint8Array(Buffer.from('%PDF-1.7\n' + 'garbage '.repeat(1000))), 'pdf-corrupt');
    await expectError(new Uint8Array(Buffer.from('%PDF-1.4\n')), 'pdf-corrupt');
  });

  it('a truncated PDF: what is there, and no number that is not in the file', async () => {
    const whole = read('031_hongze_2023.pdf');
    const gold = JSON.parse(readFileSync(join(DOCS, '031_hongze_2023.gold.json'), 'utf8'));
    for (const share of [0.3, 0.6, 0.9]) {
      const report = await parseDocument(whole.subarray(0, Math.floor(whole.length * share)));
      expect(reportSchema.safeParse(report).success).toBe(true);
      expect(errors(report).length).toBeGreaterThan(0);
      const s = score(report, gold);
      expect([...s.silent, ...s.phantom]).toEqual([]);
    }
  });

  it('thousands of pages, a too-slow read: input-too-large', async () => {
    await expectError(makePdf(Array.from({ length: 3000 }, () => '')), 'input-too-large');
    await expectError(makePdf([textPage([[50, 800, 'x']])]), 'input-too-large', { maxPages: 0 });
    const slow = makePdf(['0 0 m 1 1 l S\n'.repeat(200_000)]);
    await expectError(slow, 'input-too-large', { timeoutMs: 1 });
    await expectError(read('031_hongze_2023.pdf'), 'input-too-large', { maxBytes: 1000 });
  });

  // In Node a PDF is read in a thread of its own (src/input/pdf/bounded.ts): pdf.js works through one
  // page without a pause, so only a thread that can be ended bounds a page's time and memory.
  /** One page of a million strokes (17 MB) and numbers, so that its drawing is read: many seconds of pdf.js without a pause. */
  const slowPage = () => makePdf([`${textPage([[50, 800, '12'], [120, 800, '34'], [190, 800, '56']])}\n${'0 0 m 100 100 l S\n'.repeat(1_000_000)}`]);
  /** One page whose content stream inflates to 300 MB from 300 KB. */
  const streamBomb = () => makePdf([flateBomb(300)], { flate: true });

  it('a single page that takes longer than timeoutMs: input-too-large at the deadline, not when the page is done', async () => {
    const pdf = slowPage();
    const started = performance.now();
    await expectError(pdf, 'input-too-large', { timeoutMs: 1000 });
    // Read to its end, the page takes several times this.
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('a stream that decodes past 128 MB (a compression bomb): input-too-large, not decoded', async () => {
    const pdf = streamBomb();
    expect(pdf.length).toBeLessThan(400_000);
    expect((await expectError(pdf, 'input-too-large')).diagnostics[0]!.message).toContain('compression bomb');
  });

  it('the PDF after one whose reading was ended is read as ever, alone and in a batch', async () => {
    const good = read('031_hongze_2023.pdf');
    await expectError(slowPage(), 'input-too-large', { timeoutMs: 500 });
    expect((await parseDocument(good)).tables.decisions).toMatchObject({ penalty: { decisions: 4119 } });
    const inputs = [streamBomb(), good, new Uint8Array(Buffer.from('%PDF-1.4\n')), streamBomb(), good].map((bytes, i) => ({ bytes, fileName: `${i}.pdf` }));
    const reports = await parseReports(inputs, { concurrency: 1 });
    expect(reports.map(errors)).toEqual([['input-too-large'], [], ['pdf-corrupt'], ['input-too-large'], []]);
    for (const i of [1, 4]) expect(reports[i]!.tables.decisions).toMatchObject({ penalty: { decisions: 4119 }, coercion: { decisions: 195 } });
    // Three threads ended, three started anew (pdf.js loads in each): slow beside the rest of the suite.
  }, 120_000);

  it('PDFs read at once go to a reading thread each (a core each): one stuck on a slow page does not hold up the next', async () => {
    const good = read('031_hongze_2023.pdf');
    let goodDone = 0;
    let slowDone = 0;
    await Promise.all([
      expectError(slowPage(), 'input-too-large', { timeoutMs: 4000 }).then(() => (slowDone = performance.now())),
      parseDocument(good).then((report) => {
        expect(report.tables.decisions).toMatchObject({ penalty: { decisions: 4119 } });
        goodDone = performance.now();
      }),
    ]);
    // One thread for both would read the good PDF only after the slow one's deadline.
    expect(goodDone).toBeLessThan(slowDone);
  }, 60_000);

  it('read in the calling thread (as in a browser), a PDF cut off at its deadline leaves no unhandled rejection', async () => {
    const unheard: unknown[] = [];
    const listen = (reason: unknown) => void unheard.push(reason);
    process.on('unhandledRejection', listen);
    try {
      const bytes = read('033_pingtan_2019.chromium.pdf');
      // Deadlines that fall at every stage of the read: pdf.js's pending work fails once the document is destroyed.
      for (let timeoutMs = 5; timeoutMs <= 400; timeoutMs += 15) {
        await readPdf(bytes, { maxPages: 200, timeoutMs }).catch((error: ReportError) => expect(error.code).toBe('input-too-large'));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      process.off('unhandledRejection', listen);
    }
    expect(unheard).toEqual([]);
  });

  it('the CLI exits once it has read a PDF: the idle reading thread holds no process open', () => {
    const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');
    const run = spawnSync(process.execPath, [cli, 'parse', join(DOCS, '031_hongze_2023.pdf'), '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.signal).toBeNull();
    expect(JSON.parse(run.stdout).tables.decisions.penalty.decisions).toBe(4119);
  });

  it('a .docx that is a ZIP bomb, whose directory lies about its sizes', async () => {
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'word/document.xml', data: zeroBomb(300), deflated: true, size: 1000 },
    ]);
    expect(bomb.length).toBeLessThan(2_000_000);
    expect((await expectError(bomb, 'input-too-large')).diagnostics[0]!.message).toContain('ZIP bomb');
  });

  it('a ZIP that is not Word, a Word file whose document is broken, a legacy .doc', async () => {
    const notWord = makeZip([{ name: 'data.csv', data: new TextEncoder().encode('a,b\n1,2\n') }]);
    await expectError(notWord, 'not-a-report');
    const broken = makeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'word/document.xml', data: deflateRawSync(Buffer.from('<w:document><unclosed')), deflated: true },
    ]);
    await expectError(broken, 'docx-invalid');
    const truncated = read('024_pingtan_2024.docx').subarray(0, 6000);
    expect(['docx-invalid', 'not-a-report']).toContain(errors(await parseDocument(truncated))[0]);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(4000)]);
    expect((await expectError(ole, 'legacy-word-format')).diagnostics[0]!.message).toMatch(/\.docx or PDF/);
    expect(errors(parseReport(ole))).toEqual(['legacy-word-format']);
  });
});
