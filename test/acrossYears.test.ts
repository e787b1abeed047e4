// Cross-year checks X-1/X-2 (compareYears, `check --across-years`). The corpus holds 平潭综合实验区 for
// 2011, 2018 (no agency read), 2019 (twice), 2021 and 2024 (twice) — no two consecutive years with
// tables: 2020, 2022, 2023 and 2025 are not in the corpus. So the real series is tested for pairing,
// duplicates and gaps, and the arithmetic on real reports whose year a test relabels, saying so.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareYears, parseReport, type Report } from '../src/index.js';
import { run } from '../src/cli/run.js';
import { memoryIo } from './support/io.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus');
const read = (name: string): Report => parseReport(readFileSync(join(CORPUS, name)), { fileName: name });
/** The same report claiming another year: a fixture for the arithmetic, not a report of that year. */
const relabeled = (report: Report, year: number): Report => ({ ...structuredClone(report), meta: { ...report.meta, year } });

describe('compareYears on the real 平潭 reports', () => {
  it('does not compare years that are not consecutive (2021 → 2024; 2022 and 2023 are missing)', () => {
    const out = compareYears(read('004_pingtan_2021.txt'), read('024_pingtan_2024.html'));
    expect(out.map((d) => [d.severity, d.code, d.check, d.message])).toEqual([
      ['info', 'check-skipped', 'X-1', 'X-1 not run: 2021 and 2024 are not consecutive years'],
      ['info', 'check-skipped', 'X-2', 'X-2 not run: 2021 and 2024 are not consecutive years'],
    ]);
  });
});

describe('compareYears arithmetic, on real reports relabeled to a consecutive year', () => {
  it('X-1: 2021 carried 1 application (自然人) forward; a next year that carried over 0 is flagged, naming both cells', () => {
    const previous = read('004_pingtan_2021.txt');
    expect(previous.tables.applications?.carriedForward.naturalPerson).toBe(1);
    const out = compareYears(previous, relabeled(read('024_pingtan_2024.html'), 2022));
    const x1 = out.filter((d) => d.check === 'X-1' && d.code === 'check-failed');
    expect(x1.map((d) => d.path)).toEqual(['applications/carriedOver/naturalPerson', 'applications/carriedOver/total']);
    expect(x1[0]).toMatchObject({
      severity: 'warning',
      cells: ['applications/carriedOver/naturalPerson'],
      previous: { year: 2021, file: '004_pingtan_2021.txt', cells: ['applications/carriedForward/naturalPerson'] },
      current: { year: 2022, file: '024_pingtan_2024.html', cells: ['applications/carriedOver/naturalPerson'] },
    });
    expect(x1[0]!.message).toBe('X-1 fails (自然人): 上年结转 in 2022 is 0 (applications/carriedOver/naturalPerson), but 结转下年度继续办理 in 2021 is 1 (applications/carriedForward/naturalPerson)');
    // 2021's 行政规范性文件 row ran together ambiguously (null): X-2 cannot run on it, and says so.
    expect(out.filter((d) => d.check === 'X-2').map((d) => [d.code, d.path])).toEqual([['check-skipped', 'documents/normativeDocuments/inForce']]);
  });

  it('X-2: 440 in force, 62 issued and 33 repealed cannot give 440 in force again', () => {
    const report = read('024_pingtan_2024.html');
    const out = compareYears(report, relabeled(report, 2025));
    expect(out.filter((d) => d.check === 'X-1')).toEqual([]);
    expect(out).toEqual([
      expect.objectContaining({
        code: 'check-failed',
        severity: 'warning',
        check: 'X-2',
        path: 'documents/normativeDocuments/inForce',
        message: 'X-2 fails (（行政）规范性文件): 现行有效件数 in 2025 is 440, but 440 in 2024 + 62 issued − 33 repealed = 469',
        cells: ['documents/normativeDocuments/inForce', 'documents/normativeDocuments/issued', 'documents/normativeDocuments/repealed'],
        previous: { year: 2024, file: '024_pingtan_2024.html', cells: ['documents/normativeDocuments/inForce'] },
      }),
    ]);
  });

  it('both hold: 40 in force with nothing issued or repealed, nothing carried', () => {
    const seed = read('000_chaoyang_yingshang_2023.txt');
    expect(compareYears(relabeled(seed, 2022), seed)).toEqual([]);
  });

  it('X-2 needs V2021 documents tables in both years (2020 → 2021 crosses the template change)', () => {
    const out = compareYears(relabeled(read('033_pingtan_2019.html'), 2020), read('004_pingtan_2021.txt'));
    expect(out.map((d) => [d.code, d.check, d.message])).toEqual([['check-skipped', 'X-2', 'X-2 not run: it needs the V2021 documents table in both years (2020: V2019, 2021: V2021)']]);
  });
});

describe('xxgk-report check --across-years', () => {
  it('pairs the real 平潭 series by agency and year, picks one of two copies of a year, and names the gaps', async () => {
    const files = ['002_pingtan_2019.txt', '004_pingtan_2021.txt', '007_pingtan_2024.txt', '010_pingtan_2018.partial.txt', '024_pingtan_2024.html', '029_pingtan_2011.txt', '033_pingtan_2019.html'];
    const m = memoryIo();
    const code = await run(['check', '--across-years', ...files.map((f) => join(CORPUS, f)), '--jobs', '2'], m.io);
    expect(code).toBe(0);
    const out = m.stdout().replaceAll(`${CORPUS}/`, '');
    const flagged = (name: string) => new Set(read(name).diagnostics.filter((d) => d.severity !== 'info').flatMap((d) => [...(d.path && d.path !== 'table' ? [d.path] : []), ...(d.cells ?? [])])).size;
    expect(flagged('002_pingtan_2019.txt')).toBeGreaterThan(0);
    expect(out).toBe(
      [
        '平潭综合实验区: 2011 2019 2021 2024',
        `  2019: 2 reports; compared: 033_pingtan_2019.html (0 flagged cell(s)); not compared: 002_pingtan_2019.txt (${flagged('002_pingtan_2019.txt')})`,
        `  2024: 2 reports; compared: 024_pingtan_2024.html (0 flagged cell(s)); not compared: 007_pingtan_2024.txt (${flagged('007_pingtan_2024.txt')})`,
        '  2011 → 2019: not consecutive years (no report for 2012–2018), not compared',
        '  2019 → 2021: not consecutive years (no report for 2020), not compared',
        '  2021 → 2024: not consecutive years (no report for 2022–2023), not compared',
        'not paired (no agency or no year read): 010_pingtan_2018.partial.txt',
        '1 agency, 0 pair(s) of consecutive years compared, 0 cross-year warning(s)',
        '',
      ].join('\n'),
    );
    expect(m.stderr()).toContain('7 file(s)');
  });

  it('compares consecutive years and prints the warnings (the 2024 page relabeled 2025 in a temp dir)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-years-'));
    try {
      copyFileSync(join(CORPUS, '024_pingtan_2024.html'), join(dir, '2024.html'));
      writeFileSync(join(dir, '2025-relabeled.html'), readFileSync(join(CORPUS, '024_pingtan_2024.html'), 'utf8').replaceAll('2024年', '2025年'));
      const m = memoryIo();
      expect(await run(['check', '--across-years', dir, '--jobs', '1'], m.io)).toBe(0);
      const out = m.stdout().replaceAll(`${dir}/`, '');
      expect(out).toContain('平潭综合实验区: 2024 2025\n  2024 → 2025: 2024.html → 2025-relabeled.html: 1 warning(s)\n');
      expect(out).toContain('    warning check-failed X-2 documents/normativeDocuments/inForce: X-2 fails (（行政）规范性文件): 现行有效件数 in 2025 is 440, but 440 in 2024 + 62 issued − 33 repealed = 469\n');
      expect(out).toContain('1 agency, 1 pair(s) of consecutive years compared, 1 cross-year warning(s) (X-2 1)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
