// Batches: parseReports/streamReports on the worker pool, and the CLI's parse/check with --jobs —
// same results as one-by-one parsing, in input order, one bad input never stopping the rest.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { parseDocument, parseReport, type Report } from '../src/index.js';
import { parseReports, streamReports } from '../src/node/index.js';
import { TaskPool } from '../src/node/pool.js';
import { defaultJobs, jobsFor, POOL_MIN_INPUTS } from '../src/node/jobs.js';
import { availableParallelism } from 'node:os';
import { collectInputs } from '../src/node/inputs.js';
import { run } from '../src/cli/run.js';
import { toRecords } from '../src/report/records.js';
import { memoryIo } from './support/io.js';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, 'corpus');
const SEED = join(CORPUS, '000_chaoyang_yingshang_2023.txt');
/** What a walk of corpus/ finds, less corpus/scrapers (150 renderings for the scorer), in the walk's order:
 * the batch runs stay within the test timeout. */
const BATCH = readdirSync(CORPUS)
  .filter((n) => n !== 'scrapers' && !n.endsWith('.gold.json'))
  .sort()
  .map((n) => join(CORPUS, n));

/** The text and HTML reports under corpus/; its PDF and Word files have their own batch test (pdf.js starts slowly in each worker). */
async function corpusPaths(): Promise<string[]> {
  return (await collectInputs(BATCH)).inputs.map((i) => i.name).filter((p) => !DOCUMENT.test(p));
}

const DOCUMENT = /\.(pdf|docx|doc)$/i;

describe('the default number of threads', () => {
  it('is this thread for a batch that workers would not pay back, a worker per idle core from POOL_MIN_INPUTS inputs on', async () => {
    expect(jobsFor(1, 0, 2)).toBe(1);
    expect(jobsFor(POOL_MIN_INPUTS - 1, 0, 2)).toBe(1);
    expect(jobsFor(POOL_MIN_INPUTS, 0, 2)).toBe(2);
    expect(jobsFor(POOL_MIN_INPUTS, 0.3, 8)).toBe(8);
    expect(jobsFor(POOL_MIN_INPUTS, 3, 8)).toBe(5);
    // Busy cores: the workers would only take turns with other processes.
    expect(jobsFor(POOL_MIN_INPUTS, 1, 2)).toBe(1);
    expect(jobsFor(POOL_MIN_INPUTS, 1.9, 2)).toBe(1);
    expect(await defaultJobs(10)).toBe(1);
    expect(await defaultJobs(POOL_MIN_INPUTS)).toBeLessThanOrEqual(availableParallelism());
  });

  it('parses a small batch in input order without a concurrency given, as one by one', async () => {
    const paths = await corpusPaths();
    const reports = await parseReports(paths);
    expect(reports).toEqual(paths.map((p) => parseReport(readFileSync(p), { fileName: p })));
  });
});

describe('parseReports', () => {
  it('on 2 workers gives, in order, exactly the Reports of parsing each file alone', async () => {
    const paths = await corpusPaths();
    expect(paths.length).toBeGreaterThan(30);
    const pooled = await parseReports(paths, { concurrency: 2 });
    expect(pooled.map((r) => r.source.fileName)).toEqual(paths);
    expect(pooled).toEqual(paths.map((p) => parseReport(readFileSync(p), { fileName: p })));
    expect(pooled.find((r) => r.source.fileName === SEED)?.tables.documents?.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 40 });
  });

  it('takes paths, bytes and text, and reports an unreadable path instead of failing the batch', async () => {
    const bytes = readFileSync(join(CORPUS, '024_pingtan_2024.html'));
    const text = readFileSync(join(CORPUS, '004_pingtan_2021.txt'), 'utf8');
    for (const concurrency of [1, 2]) {
      const reports = await parseReports([SEED, new Uint8Array(bytes), { text, fileName: '004' }, join(CORPUS, 'no-such-report.txt'), { path: SEED }], { concurrency });
      expect(reports.map((r) => r.meta.year)).toEqual([2023, 2024, 2021, undefined, 2023]);
      expect(reports[1]!.tables.documents?.normativeDocuments).toEqual({ issued: 62, repealed: 33, inForce: 440 });
      expect(reports[2]!.source.fileName).toBe('004');
      expect(reports[3]!.diagnostics).toEqual([expect.objectContaining({ code: 'io-error', severity: 'error', message: expect.stringContaining('ENOENT') })]);
      expect(reports[4]).toEqual(reports[0]);
    }
  });

  it('rejects a concurrency that is not a finite number, which would put every input in flight at once', async () => {
    for (const concurrency of [Number.NaN, Number.POSITIVE_INFINITY]) await expect(parseReports([SEED], { concurrency })).rejects.toThrow(RangeError);
  });

  it('streams: a consumer that stops early ends the pool', async () => {
    const seen: Report[] = [];
    for await (const report of streamReports(await corpusPaths(), { concurrency: 2 })) {
      seen.push(report);
      if (seen.length === 3) break;
    }
    expect(seen.map((r) => r.source.fileName)).toEqual((await corpusPaths()).slice(0, 3));
  });
});

describe('PDF and Word files in a batch', () => {
  it('the pool parses them as parseDocument does alone, and a directory walk takes them', async () => {
    const docs = join(CORPUS, 'docs');
    const paths = (await collectInputs([docs])).inputs.map((i) => i.name);
    expect(paths.filter((p) => p.endsWith('.pdf')).length).toBe(11);
    expect(paths.filter((p) => p.endsWith('.docx')).length).toBe(3);
    const pooled = await parseReports([docs], { concurrency: 2 });
    expect(pooled.map((r) => r.source.fileName)).toEqual(paths);
    const alone = [];
    for (const p of paths) alone.push(await parseDocument(readFileSync(p), { fileName: p }));
    expect(pooled).toEqual(alone);
    const hongze = pooled.find((r) => r.source.fileName?.endsWith('031_hongze_2023.pdf'))!;
    expect(hongze.source.form).toBe('pdf');
    expect(hongze.tables.decisions).toMatchObject({ penalty: { decisions: 4119 }, coercion: { decisions: 195 } });
  }, 180_000);
});

describe('TaskPool', () => {
  it('reports the input whose worker died and goes on with a new worker', async () => {
    const pool = new TaskPool(1, pathToFileURL(join(import.meta.dirname, 'fixtures', 'crashingWorker.mjs')));
    try {
      const outcomes = await Promise.all(['a.txt', 'crash.txt', 'b.txt'].map((path) => pool.run({ source: { path }, output: 'check' })));
      expect(outcomes.map((o) => o.text ?? o.errors.join())).toEqual(['ok a.txt\n', expect.stringContaining('internal-error: the worker stopped'), 'ok b.txt\n']);
      expect(outcomes[1]!.hasError).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('queues a task on a busy worker, and on a crash blames the oldest task sent and reruns those behind it', async () => {
    const pool = new TaskPool(1, pathToFileURL(join(import.meta.dirname, 'fixtures', 'crashingWorker.mjs')));
    try {
      const paths = ['hold.txt', 'a.txt', 'crash.txt', 'b.txt', 'c.txt', 'exit.txt', 'd.txt', 'crash2.txt', 'e.txt'];
      const outcomes = await Promise.all(paths.map((path) => pool.run({ source: { path }, output: 'check' })));
      const stopped = expect.stringContaining('internal-error: the worker stopped');
      expect(outcomes.map((o) => o.text ?? o.errors.join())).toEqual(['ok hold.txt\n', 'ok a.txt\n', stopped, 'ok b.txt\n', 'ok c.txt\n', stopped, 'ok d.txt\n', stopped, 'ok e.txt\n']);
      expect(outcomes[2]!.errors.join()).toContain('simulated crash');
      expect(outcomes[5]!.errors.join()).toContain('exit code 3');
    } finally {
      await pool.close();
    }
  });

  it('on 2 workers, a crash costs only its own input', async () => {
    const pool = new TaskPool(2, pathToFileURL(join(import.meta.dirname, 'fixtures', 'crashingWorker.mjs')));
    try {
      const paths = Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? `crash${i}.txt` : i % 11 === 5 ? `exit${i}.txt` : `f${i}.txt`));
      const outcomes = await Promise.all(paths.map((path) => pool.run({ source: { path }, output: 'check' })));
      expect(outcomes.map((o) => o.hasError)).toEqual(paths.map((p) => !p.startsWith('f')));
      expect(outcomes.filter((o) => !o.hasError).map((o) => o.text)).toEqual(paths.filter((p) => p.startsWith('f')).map((p) => `ok ${p}\n`));
    } finally {
      await pool.close();
    }
  });

  it('says how to get the worker when it is not built', () => {
    expect(() => new TaskPool(2, pathToFileURL(join(ROOT, 'no-such-worker.js')))).toThrow(/npm run build/);
  });
});

describe('CLI batch', () => {
  it('--jobs 2 writes byte for byte what --jobs 1 writes, for ndjson, csv, json and check', async () => {
    const paths = await corpusPaths();
    for (const format of ['ndjson', 'csv', 'json', 'check']) {
      const argv = format === 'check' ? ['check', ...paths] : ['parse', ...paths, '--format', format];
      const one = memoryIo();
      const two = memoryIo();
      const code1 = await run([...argv, '--jobs', '1'], one.io);
      const code2 = await run([...argv, '--jobs', '2'], two.io);
      expect(two.stdout()).toBe(one.stdout());
      expect(two.stderr()).toBe(one.stderr());
      expect([code1, code2]).toEqual([1, 1]); // corpus/README.md is not a report
    }
  }, 120_000); // eight batches of the whole corpus

  it('prints records of every file and a closing summary counted from the reports', async () => {
    const paths = await corpusPaths();
    const reports = paths.map((p) => parseReport(readFileSync(p), { fileName: p }));
    const m = memoryIo();
    await run(['parse', ...paths, '--format', 'ndjson', '--jobs', '2'], m.io);
    const lines = m.stdout().trim().split('\n');
    expect(lines.length).toBe(reports.reduce((n, r) => n + toRecords(r).length, 0));
    expect(JSON.parse(lines[0]!)).toEqual(toRecords(reports[0]!)[0]);
    const severity = (r: Report) => (r.diagnostics.some((d) => d.severity === 'error') ? 'error' : r.diagnostics.some((d) => d.severity === 'warning') ? 'warning' : 'clean');
    const count = (s: string) => reports.filter((r) => severity(r) === s).length;
    expect(m.stderr()).toContain(`${paths.length} file(s): ${count('clean')} clean, ${count('warning')} with warnings, ${count('error')} with errors; most frequent: `);
    expect(count('error')).toBeGreaterThan(0);
    expect(m.stderr()).toMatch(/most frequent: [a-z-]+ \d+/);
  });

  it('json: an array for several inputs, one pretty Report for one', async () => {
    const many = memoryIo();
    await run(['parse', SEED, join(CORPUS, '024_pingtan_2024.html'), '--jobs', '2'], many.io);
    expect(JSON.parse(many.stdout()).map((r: Report) => r.meta.year)).toEqual([2023, 2024]);
    const one = memoryIo();
    expect(await run(['parse', SEED, '--jobs', '2'], one.io)).toBe(0);
    expect(one.stdout()).toBe(`${JSON.stringify(parseReport(readFileSync(SEED), { fileName: SEED }), null, 2)}\n`);
  });

  it('reads stdin, and goes on past an unreadable path (exit 2)', async () => {
    const m = memoryIo({ stdin: readFileSync(SEED) });
    const code = await run(['parse', '-', join(CORPUS, 'no-such.txt'), join(CORPUS, '024_pingtan_2024.html'), '--format', 'csv', '--jobs', '2'], m.io);
    expect(code).toBe(2);
    expect(m.stderr()).toContain('no-such.txt');
    const files = new Set(m.stdout().trim().split('\n').slice(1).map((l) => l.split(',')[0]));
    expect([...files]).toEqual(['-', join(CORPUS, '024_pingtan_2024.html')]);
  });

  it('reports an unreadable stdin and parses the rest', async () => {
    const m = memoryIo();
    m.io.stdin = new Readable({
      read() {
        this.destroy(new Error('stdin went away'));
      },
    });
    expect(await run(['parse', '-', SEED, '--format', 'csv', '--jobs', '2'], m.io)).toBe(2);
    expect(m.stderr()).toContain('cannot read -: stdin went away');
    expect(new Set(m.stdout().trim().split('\n').slice(1).map((l) => l.split(',')[0]))).toEqual(new Set([SEED]));
  });

  it('shows a progress bar on stderr only when stderr is a terminal', async () => {
    const paths = await corpusPaths();
    const tty = memoryIo({ stderrIsTTY: true });
    await run(['parse', ...paths, '--format', 'csv', '--jobs', '2'], tty.io);
    expect(tty.stderr()).toMatch(/parsing .* \d+\/\d+ files/);
    const pipe = memoryIo();
    await run(['parse', ...paths, '--format', 'csv', '--jobs', '2'], pipe.io);
    expect(pipe.stderr()).not.toContain('parsing');
    expect(tty.stdout()).toBe(pipe.stdout());
  });

  it('refuses bad usage with exit 2', async () => {
    for (const argv of [['parse', SEED, '--jobs', '0'], ['parse', SEED, '--jobs'], ['view'], ['view', SEED, SEED], ['schema', SEED], ['frobnicate'], ['check', SEED, '--format', 'csv']]) {
      const m = memoryIo();
      expect(await run(argv, m.io), argv.join(' ')).toBe(2);
      expect(m.stderr()).toContain('usage:');
    }
  });
});
