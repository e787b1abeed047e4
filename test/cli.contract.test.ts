// The CLI of CONTRACT §5, run in-process: formats, stdin, directories, exit codes.
import { describe, expect, it } from 'vitest';
import { PassThrough, Readable, Writable } from 'node:stream';
import { mkdtempSync, copyFileSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/run.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus');

async function cli(argv: string[], stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await run(argv, { stdout, stderr, stdin: Readable.from([Buffer.from(stdin)]) });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('xxgk-report parse', () => {
  const seed = join(CORPUS, '000_chaoyang_yingshang_2023.txt');

  it('prints one Report as JSON for one input, exit 0', async () => {
    const { code, stdout } = await cli(['parse', seed]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).meta.agency).toBe('朝阳市营商环境建设局');
  });

  it('prints records as NDJSON and CSV', async () => {
    const nd = await cli(['parse', seed, '--format', 'ndjson']);
    const lines = nd.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((r) => !r.derived)).toHaveLength(200);
    expect(lines.find((r) => r.row === 'normativeDocuments' && r.column === 'inForce').value).toBe(40);
    const csv = await cli(['parse', seed, '--format', 'csv']);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('file,agency,year,template,table,row,column,value,derived,flagged');
    expect(rows).toContain(`${seed},朝阳市营商环境建设局,2023,V2021,documents,normativeDocuments,inForce,40,false,false`);
  });

  it('reads stdin for -', async () => {
    const { code, stdout } = await cli(['parse', '-'], readFileSync(seed, 'utf8'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).tables.documents.normativeDocuments.inForce).toBe(40);
  });

  it('parses a directory into an array; a bad file is counted and gives exit 1, the others are still parsed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-'));
    copyFileSync(seed, join(dir, 'a.txt'));
    copyFileSync(join(CORPUS, '014_shanghai_szfbgt_2019.html'), join(dir, 'b.html'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const { code, stdout, stderr } = await cli(['parse', dir]);
    expect(code).toBe(1);
    const reports = JSON.parse(stdout);
    expect(reports.map((r: { meta: { agency?: string } }) => r.meta.agency)).toEqual(['朝阳市营商环境建设局', '上海市人民政府办公厅', undefined]);
    expect(stderr).toMatch(/3 file\(s\): 2 clean, 0 with warnings, 1 with errors/);
  });

  it('exit 2 for a usage error or a missing file', async () => {
    expect((await cli(['parse'])).code).toBe(2);
    expect((await cli(['frobnicate', seed])).code).toBe(2);
    expect((await cli(['parse', join(CORPUS, 'no-such-file.txt')])).code).toBe(2);
  });
});

describe('xxgk-report check', () => {
  it('prints diagnostics in human-readable form: 031 fails T4-A and T4-C', async () => {
    const { code, stdout } = await cli(['check', join(CORPUS, '031_hongze_2023.pdftotext-raw.txt')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/warning check-failed T4-A reviewLitigation\/review\/total/);
    expect(stdout).toMatch(/warning check-failed T4-C reviewLitigation\/litigationAfterReview\/total/);
  });
});

describe('a reader that goes away', () => {
  it('ends the batch instead of waiting for it forever (`xxgk-report parse dir | head`)', async () => {
    // A pipe whose reader has gone: the first write fills it, the next fails with EPIPE.
    let writes = 0;
    const stdout = new Writable({
      highWaterMark: 1,
      write(_chunk, _enc, done) {
        writes++;
        setTimeout(() => done(writes > 1 ? Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) : null), 1);
      },
    });
    const stderr = new PassThrough();
    const outcome = run(['parse', join(CORPUS, 'forms'), '--format', 'ndjson', '--jobs', '1'], { stdout, stderr, stdin: Readable.from([]) });
    await expect(outcome).rejects.toMatchObject({ code: 'EPIPE' });
  });
});
