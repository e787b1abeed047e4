// A directory with bad files among good ones: the good ones are parsed, the bad ones reported and
// counted, the exit status is 1 — through the CLI's own run(argv, io).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { run } from '../src/cli/run.js';
import { CORPUS } from './records.js';

const GOOD = ['000_chaoyang_yingshang_2023.txt', '014_shanghai_szfbgt_2019.html', '004_pingtan_2021.txt'];
let dir: string;

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const code = await run(argv, { stdout, stderr, stdin: Readable.from([]) });
  return { code, stdout: out(), stderr: err() };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-batch-'));
  for (const name of GOOD) copyFileSync(join(CORPUS, name), join(dir, name));
  mkdirSync(join(dir, 'bad'));
  writeFileSync(join(dir, 'bad', 'empty.txt'), '');
  // Random bytes under a report's extension: read, and refused as not-a-report.
  const noise = new Uint8Array(20_000);
  let x = 7;
  for (let i = 0; i < noise.length; i++) noise[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  writeFileSync(join(dir, 'bad', 'binary.html'), noise);
  writeFileSync(join(dir, 'bad', 'homepage.html'), '<!doctype html><html><head><title>首页</title></head><body><p>欢迎</p><div>新闻</div><table><tr><td>1</td></tr></table></body></html>');
  // The seed cut before section 四: read, with table-missing.
  const seed = readFileSync(join(CORPUS, GOOD[0]!), 'utf8');
  writeFileSync(join(dir, 'bad', 'truncated.txt'), seed.slice(0, seed.indexOf('四、政府信息公开行政复议')));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a directory with bad files among good ones', () => {
  it('parse --format ndjson: good files give their cells, bad ones are counted, exit 1', async () => {
    const { code, stdout, stderr } = await cli(['parse', dir, '--format', 'ndjson']);
    expect(code).toBe(1);
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; table: string; row: string; column: string; value: number | null });
    const value = (file: string, path: string) => records.find((r) => r.file === join(dir, file) && `${r.table}/${r.row}/${r.column}` === path)?.value;
    expect(value(GOOD[0]!, 'documents/normativeDocuments/inForce')).toBe(40);
    expect(value(GOOD[2]!, 'applications/newReceived/naturalPerson')).toBe(64);
    expect(value(GOOD[1]!, 'fees/procurement/amountYuan')).toBe(251000);
    // The truncated report still gives its tables; the others give no records.
    expect(value('bad/truncated.txt', 'documents/normativeDocuments/inForce')).toBe(40);
    expect(new Set(records.map((r) => r.file))).toEqual(new Set([...GOOD, 'bad/truncated.txt'].map((f) => join(dir, f))));
    expect(stderr).toContain('7 file(s)');
    expect(stderr).toContain('4 with errors');
    expect(stderr).toMatch(/not-a-report 2/);
  });

  it('check: every file is listed with its diagnostics, the bad ones with their code', async () => {
    const { code, stdout } = await cli(['check', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(dir, 'bad', 'empty.txt')}: ? ? unknown\n  error   empty-input`);
    expect(stdout).toContain(`${join(dir, 'bad', 'binary.html')}: ? ? unknown\n  error   not-a-report`);
    expect(stdout).toContain(`${join(dir, 'bad', 'homepage.html')}: ? ? unknown\n  error   not-a-report`);
    expect(stdout).toMatch(/truncated\.txt: 朝阳市营商环境建设局 2023 V2021\n(.*\n)*  error   table-missing reviewLitigation/);
    expect(stdout).toContain(`${join(dir, GOOD[0]!)}: 朝阳市营商环境建设局 2023 V2021\n  no diagnostics`);
  });

  it('json: an array with one Report per file, bad ones included with their error', async () => {
    const { code, stdout } = await cli(['parse', dir]);
    expect(code).toBe(1);
    const reports = JSON.parse(stdout) as { source: { fileName: string }; diagnostics: { code: string; severity: string }[] }[];
    expect(reports).toHaveLength(7);
    const errorOf = (f: string) => reports.find((r) => r.source.fileName === join(dir, f))!.diagnostics.find((d) => d.severity === 'error')?.code;
    expect(errorOf('bad/empty.txt')).toBe('empty-input');
    expect(errorOf('bad/binary.html')).toBe('not-a-report');
    expect(errorOf(GOOD[0]!)).toBeUndefined();
  });

  it('only the good files: exit 0', async () => {
    const { code } = await cli(['parse', ...GOOD.map((f) => join(dir, f)), '--format', 'csv']);
    expect(code).toBe(0);
  });
});
