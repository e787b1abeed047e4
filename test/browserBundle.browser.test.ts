// The core in a browser notebook: the built package (dist/index.js) bundled for the browser platform —
// which fails on any Node built-in — then parseReport run inside headless Chromium on the seed, on a
// GB18030-encoded copy of it, and on an HTML report, giving the same records as Node.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import iconv from 'iconv-lite';
import { parseDocument, parseReport, toRecords } from '../dist/index.js';
import { hasChromium, launchChromium, skipReason } from './support/chromium.js';

const ROOT = join(import.meta.dirname, '..');
const SEED = readFileSync(join(ROOT, 'corpus', '000_chaoyang_yingshang_2023.txt'));
const HTML = readFileSync(join(ROOT, 'corpus', '024_pingtan_2024.html'));
const PDF = readFileSync(join(ROOT, 'corpus', 'docs', '031_hongze_2023.pdf'));
const DOCX = readFileSync(join(ROOT, 'corpus', 'docs', '033_pingtan_2019.docx'));

async function browserBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'dist', 'index.js')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'xxgk',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  expect(Object.keys(result.metafile.inputs).filter((p) => /^node:|(^|\/)(fs|path|os|worker_threads|child_process)$/.test(p))).toEqual([]);
  return result.outputFiles[0]!.text;
}

describe('the browser bundle', () => {
  it('builds for the browser platform: the core imports no Node built-in', async () => {
    expect((await browserBundle()).length).toBeGreaterThan(100_000);
  });
});

describe.skipIf(!hasChromium)(`parseReport inside headless Chromium${skipReason}`, () => {
  it('gives the records Node gives, for UTF-8, GB18030 and HTML input', async () => {
    const gb18030 = iconv.encode(SEED.toString('utf8'), 'gb18030');
    expect(gb18030.equals(SEED)).toBe(false);
    const inputs = { seed: SEED, gb18030, html: HTML };
    const node = Object.fromEntries(Object.entries(inputs).map(([k, bytes]) => [k, toRecords(parseReport(new Uint8Array(bytes), { fileName: k }))]));
    expect(node['seed']!.find((r) => r.table === 'documents' && r.row === 'normativeDocuments' && r.column === 'inForce')?.value).toBe(40);
    expect(node['html']!.find((r) => r.table === 'documents' && r.row === 'normativeDocuments' && r.column === 'inForce')?.value).toBe(440);

    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.route('**/*', (r) => r.abort());
      await page.setContent('<!doctype html><meta charset="utf-8"><title>notebook</title><body></body>');
      await page.addScriptTag({ content: await browserBundle() });
      const inPage = await page.evaluate((all) => {
        const api = (globalThis as unknown as { xxgk: typeof import('../src/index.js') }).xxgk;
        const out: Record<string, { encoding: string; schemaOk: boolean; records: unknown[] }> = {};
        for (const [name, bytes] of Object.entries(all)) {
          const report = api.parseReport(new Uint8Array(bytes), { fileName: name });
          out[name] = { encoding: report.source.encoding, schemaOk: api.reportSchema.safeParse(report).success, records: api.toRecords(report) };
        }
        return out;
      }, Object.fromEntries(Object.entries(inputs).map(([k, b]) => [k, [...b]])));
      expect(inPage['gb18030']!.encoding).toBe('gb18030');
      expect(inPage['seed']!.encoding).toBe('utf-8');
      for (const name of Object.keys(inputs)) {
        expect(inPage[name]!.schemaOk).toBe(true);
        expect(inPage[name]!.records).toEqual(node[name]);
      }
      // The GB18030 copy reads exactly as the UTF-8 seed does.
      expect(inPage['gb18030']!.records.map((r) => ({ ...(r as object), file: null }))).toEqual(inPage['seed']!.records.map((r) => ({ ...(r as object), file: null })));
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe.skipIf(!hasChromium)(`parseDocument inside headless Chromium: a PDF and a Word file${skipReason}`, () => {
  it('reads the PDF and the .docx in the page, with no network, and gives the records Node gives', async () => {
    const inputs = { pdf: PDF, docx: DOCX };
    const node: Record<string, unknown[]> = {};
    for (const [name, bytes] of Object.entries(inputs)) node[name] = toRecords(await parseDocument(new Uint8Array(bytes), { fileName: name }));
    expect(node['pdf']!.find((r) => (r as { row: string }).row === 'penalty')).toMatchObject({ value: 4119 });
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.route('**/*', (r) => r.abort());
      await page.setContent('<!doctype html><meta charset="utf-8"><title>notebook</title><body></body>');
      await page.addScriptTag({ content: await browserBundle() });
      const inPage = await page.evaluate(async (all) => {
        const api = (globalThis as unknown as { xxgk: typeof import('../src/index.js') }).xxgk;
        const out: Record<string, { form: string; schemaOk: boolean; records: unknown[]; errors: string[] }> = {};
        for (const [name, bytes] of Object.entries(all)) {
          const report = await api.parseDocument(new Uint8Array(bytes), { fileName: name });
          out[name] = { form: report.source.form, schemaOk: api.reportSchema.safeParse(report).success, records: api.toRecords(report), errors: report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) };
        }
        return out;
      }, Object.fromEntries(Object.entries(inputs).map(([k, b]) => [k, [...b]])));
      expect(inPage['pdf']!.errors).toEqual([]);
      expect(inPage['pdf']!.form).toBe('pdf');
      expect(inPage['docx']!.form).toBe('docx');
      for (const name of Object.keys(inputs)) {
        expect(inPage[name]!.schemaOk).toBe(true);
        expect(inPage[name]!.records).toEqual(node[name]);
      }
      // The page asked the network for nothing: no worker script, no CMap, no font.
      expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
