// Scoring against gold files (src/eval, docs/eval.md): each outcome class on real reports with gold
// copies changed on purpose, and `xxgk-report eval` end to end, failing on a wrong gold copy.
import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport, toRecords, scoreReport, sumScores, goldSchema, type Gold } from '../src/index.js';
import { run } from '../src/cli/run.js';
import { checkApplications } from '../src/check/applications.js';
import { checkReviewLitigation } from '../src/check/reviewLitigation.js';
import { goldFiles } from './goldCorpus.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus');
const SEED = '000_chaoyang_yingshang_2023';
const HONGZE = '031_hongze_2023.pdftotext-layout';

const goldOf = (name: string): Gold => goldSchema.parse(JSON.parse(readFileSync(join(CORPUS, `${name}.gold.json`), 'utf8')));
const reportOf = (gold: Gold) => parseReport(readFileSync(join(CORPUS, gold.file)), { fileName: gold.file });

async function cli(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await run(argv, { stdout, stderr, stdin: Readable.from([]) });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** A directory holding a copy of a corpus report and its gold, the gold changed by `edit`. */
function copyWithGold(name: string, edit: (gold: Gold) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-eval-'));
  const gold = goldOf(name);
  copyFileSync(join(CORPUS, gold.file), join(dir, gold.file));
  edit(gold);
  writeFileSync(join(dir, `${name}.gold.json`), JSON.stringify(gold));
  return dir;
}

describe('scoreReport: each outcome class', () => {
  const seed = goldOf(SEED);
  const seedReport = reportOf(seed);

  it('right: every cell of the seed, its meta, no phantom', () => {
    const s = scoreReport(seedReport, seed);
    expect(s).toMatchObject({ cells: 200, right: 200, settled: 200, settledRight: 200, caught: 0, missed: 0, silent: 0, phantom: 0 });
    expect(s.meta).toEqual({ right: 3, total: 3 });
    expect(s.wrong).toEqual([]);
    // Derived group totals (results.denied.total …) are numbers outside the gold, and no phantoms.
    const derived = toRecords(seedReport).filter((r) => r.derived && r.value !== null);
    expect(derived.map((r) => `${r.table}/${r.row}/${r.column}`)).toContain('applications/results.denied.total/total');
    expect(derived.some((r) => `${r.table}/${r.row}/${r.column}` in seed.cells)).toBe(false);
  });

  it('silent: a value the gold says otherwise, unflagged', () => {
    const s = scoreReport(seedReport, { ...seed, cells: { ...seed.cells, 'documents/normativeDocuments/inForce': 41 } });
    expect(s).toMatchObject({ right: 199, silent: 1, settled: 200, settledRight: 199 });
    expect(s.wrong).toEqual([{ kind: 'silent', path: 'documents/normativeDocuments/inForce', text: 'documents/normativeDocuments/inForce: got 40, want 41  << silent' }]);
  });

  it('silent: a null, unflagged, where the gold has a number', () => {
    const gold = goldOf('014_shanghai_szfbgt_2019');
    expect(gold.cells['applications/newReceived/research']).toBeNull();
    const s = scoreReport(reportOf(gold), { ...gold, cells: { ...gold.cells, 'applications/newReceived/research': 3 } });
    expect(s.silent).toBe(1);
    expect(s.wrong[0]!.text).toBe('applications/newReceived/research: got null, want 3  << silent');
  });

  it('caught: a wrong value on a flagged cell (031 fails T4-A as published)', () => {
    const gold = goldOf(HONGZE);
    const report = reportOf(gold);
    expect(scoreReport(report, gold)).toMatchObject({ right: 186, caught: 0, silent: 0 });
    const s = scoreReport(report, { ...gold, cells: { ...gold.cells, 'reviewLitigation/review/total': 11 } });
    expect(s).toMatchObject({ right: 185, caught: 1, silent: 0, settled: 186 });
    expect(s.wrong[0]).toEqual({ kind: 'caught', path: 'reviewLitigation/review/total', text: 'reviewLitigation/review/total: got 0 (flagged), want 11' });
  });

  it('caught: an ambiguous cell left null, outside the settled cells (002, digits run together)', () => {
    const gold = goldOf('002_pingtan_2019');
    const s = scoreReport(reportOf(gold), gold);
    expect(gold.ambiguous).toHaveLength(19);
    expect(s).toMatchObject({ cells: 198, right: 179, caught: 19, silent: 0, settled: 179, settledRight: 179 });
    // An ambiguous cell that is caught is no discrepancy to list.
    expect(s.wrong).toEqual([]);
  });

  it('ambiguous: right counts as settled; an unflagged wrong guess is silent', () => {
    const path = 'documents/normativeDocuments/inForce';
    expect(scoreReport(seedReport, { ...seed, ambiguous: [path] })).toMatchObject({ right: 200, settled: 200, settledRight: 200 });
    const s = scoreReport(seedReport, { ...seed, ambiguous: [path], cells: { ...seed.cells, [path]: 41 } });
    expect(s).toMatchObject({ right: 199, silent: 1, settled: 199, settledRight: 199 });
    expect(s.wrong[0]!.text).toBe(`${path}: ambiguous in source, got 40 unflagged`);
  });

  it('missed: a gold cell with no record; settled unless ambiguous', () => {
    const cells = { ...seed.cells, 'documents/ordinances/issued': 2 };
    expect(scoreReport(seedReport, { ...seed, cells })).toMatchObject({ cells: 201, missed: 1, settled: 201 });
    const s = scoreReport(seedReport, { ...seed, cells, ambiguous: ['documents/ordinances/issued'] });
    expect(s).toMatchObject({ missed: 1, settled: 200 });
    expect(s.wrong[0]).toMatchObject({ kind: 'missed', text: 'documents/ordinances/issued: missing (want 2)' });
  });

  it('phantom: an unflagged number at a cell the gold does not list', () => {
    const { ['decisions/licensing/decisions']: dropped, ...cells } = seed.cells;
    const s = scoreReport(seedReport, { ...seed, cells });
    expect(s).toMatchObject({ cells: 199, right: 199, phantom: 1 });
    expect(s.wrong[0]!.text).toBe(`decisions/licensing/decisions: ${dropped} is not in the report  << phantom`);
  });

  it('meta: agency, year and template against the gold; a null in the gold is not checked', () => {
    const s = scoreReport(seedReport, { ...seed, template: 'V2019', meta: { agency: '朝阳市', year: null } });
    expect(s.meta).toEqual({ right: 0, total: 2 });
    expect(s.wrong.map((w) => w.text)).toEqual(['meta.agency: got 朝阳市营商环境建设局, want 朝阳市', 'meta.template: got V2021, want V2019']);
  });

  it('source checks: a check the published numbers fail must flag its table', () => {
    const hongze = goldOf(HONGZE);
    expect(hongze.sourceChecksFail).toEqual(['T4-A', 'T4-C']);
    expect(scoreReport(reportOf(hongze), hongze).sourceChecks).toEqual({ flagged: 2, expected: 2 });
    const s = scoreReport(seedReport, { ...seed, sourceChecksFail: ['T3-A'] });
    expect(s.sourceChecks).toEqual({ flagged: 0, expected: 1 });
    expect(s.wrong[0]).toEqual({ kind: 'source-check', path: 'T3-A', text: 'source fails T3-A but nothing in applications is flagged' });
  });

  it('crash: an error that leaves no cell; every gold cell missed, no meta', () => {
    const s = scoreReport(parseReport(new Uint8Array(0)), seed);
    expect(s.crash).toMatch(/^empty-input: /);
    expect(s).toMatchObject({ cells: 200, missed: 200, right: 0, settled: 200, settledRight: 0 });
    expect(s.meta).toEqual({ right: 0, total: 3 });
    // An error with cells (a table missing) is not a crash.
    const cut = readFileSync(join(CORPUS, seed.file), 'utf8').split('四、政府信息公开行政复议')[0]!;
    const partial = parseReport(cut);
    expect(partial.diagnostics.some((d) => d.code === 'table-missing' && d.severity === 'error')).toBe(true);
    expect(scoreReport(partial, seed)).toMatchObject({ missed: 15, right: 185 });
    expect(scoreReport(partial, seed).crash).toBeUndefined();
  });

  it('sumScores adds the reports up', () => {
    const scores = goldFiles(CORPUS).map(({ gold }) => scoreReport(reportOf(goldSchema.parse(gold)), goldSchema.parse(gold)));
    const t = sumScores(scores);
    expect(t.reports).toBe(12);
    expect(t.cells).toBe(scores.reduce((n, s) => n + s.cells, 0));
    expect(t.right + t.caught + t.missed + t.silent).toBe(t.cells);
    expect(t).toMatchObject({ crashed: 0, silent: 0, phantom: 0, missed: 0 });
    expect(t.metaRight).toBe(t.metaTotal);
    expect(t.checksFlagged).toBe(t.checksExpected);
  });

  it('goldSchema takes every gold file of the corpus and refuses a malformed one', () => {
    for (const dir of [CORPUS, join(CORPUS, 'forms')])
      for (const { gold } of goldFiles(dir)) expect(goldSchema.safeParse(gold).success, gold.file).toBe(true);
    expect(goldSchema.safeParse({ file: 'a.txt', cells: { 'documents/regulations/issued': '5' } }).success).toBe(false);
    expect(goldSchema.safeParse({ file: 'a.txt', cells: { 'regulations.issued': 5 } }).success).toBe(false);
    expect(goldSchema.safeParse({ file: 'a.txt', cells: {}, sourceChecksFail: ['T5-A'] }).success).toBe(false);
  });
});

describe('the corpus gold files', () => {
  it('hold the template arithmetic, except the checks they say the published report fails', () => {
    for (const dir of [CORPUS, join(CORPUS, 'forms')])
      for (const { gold } of goldFiles(dir)) {
        if (gold.template === 'unknown') continue;
        const value = (path: string) => gold.cells[path] ?? null;
        const template = 'applications/results.otherDisposal.total/total' in gold.cells ? 'V2019' : 'V2021';
        const failed = [...checkApplications(template, value), ...checkReviewLitigation(value)].filter((d) => d.code === 'check-failed').map((d) => d.check);
        expect(new Set(failed), gold.file).toEqual(new Set(gold.sourceChecksFail ?? []));
      }
  });
});

describe('xxgk-report eval', () => {
  it('scores corpus/: a line per report and the summary, the same figures as --json; exit 0', async () => {
    const text = await cli(['eval', CORPUS, '--jobs', '1']);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatch(/^000_chaoyang_yingshang_2023\.txt +200\/200 right, 0 caught, 0 missed, 0 silent$/);
    const json = await cli(['eval', CORPUS, '--json', '--jobs', '1']);
    expect(json.code).toBe(0);
    const { totals, perReport } = JSON.parse(json.stdout);
    expect(perReport.map((r: { file: string }) => r.file)).toEqual(goldFiles(CORPUS).map((g) => g.gold.file));
    const pct = (a: number, b: number) => ((100 * a) / b).toFixed(2);
    expect(lines[12]).toBe(
      `summary: reports ${totals.reports}, crashed 0, cells ${totals.cells}, right ${pct(totals.right, totals.cells)}%, caught ${pct(totals.caught, totals.cells)}%, ` +
        `missed 0.00%, silent 0.00% (0), phantom 0, meta ${totals.metaTotal}/${totals.metaTotal}, source-check flags 4/4, ` +
        `settled-right ${pct(totals.settledRight, totals.settled)}% (${totals.settledRight}/${totals.settled})`,
    );
  });

  it('fails (exit 1) on a deliberately wrong gold copy and names the cell with --verbose', async () => {
    const dir = copyWithGold(SEED, (g) => {
      g.cells['applications/newReceived/total'] = (g.cells['applications/newReceived/total'] ?? 0) + 1;
    });
    const { code, stdout } = await cli(['eval', dir, '--verbose', '--jobs', '1']);
    expect(code).toBe(1);
    expect(stdout).toContain('199/200 right, 0 caught, 0 missed, 1 silent');
    expect(stdout).toContain('    applications/newReceived/total: got 0, want 1  << silent');
    expect(stdout).toMatch(/silent 0\.50% \(1\)/);
  });

  it('takes a gold file by name; exit 2 when a gold file is malformed or its report is missing', async () => {
    const dir = copyWithGold(SEED, () => {});
    const one = await cli(['eval', join(dir, `${SEED}.gold.json`), '--jobs', '1']);
    expect(one.code).toBe(0);
    writeFileSync(join(dir, 'gone.gold.json'), JSON.stringify({ file: 'gone.txt', cells: {} }));
    writeFileSync(join(dir, 'bad.gold.json'), JSON.stringify({ file: 'x.txt', cells: { 'documents/regulations/issued': 'five' } }));
    const { code, stdout, stderr } = await cli(['eval', dir, '--jobs', '1']);
    expect(code).toBe(2);
    expect(stderr).toContain('bad.gold.json: not a gold file: cells.documents/regulations/issued');
    expect(stderr).toContain('gone.gold.json: its report gone.txt is not beside it');
    // The reports that could be scored still are.
    expect(stdout).toContain('summary: reports 1,');
    expect((await cli(['eval', mkdtempSync(join(tmpdir(), 'xxgk-eval-'))])).code).toBe(2);
    expect((await cli(['eval'])).code).toBe(2);
  });
});
