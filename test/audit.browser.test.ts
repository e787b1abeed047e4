// The audit page end to end in headless Chromium: `xxgk-report view` on 洪泽区 2023 (031), which fails
// T4-A as published (行政复议: 10 + 1 + 0 + 0 ≠ 0), opened from disk with every network request refused.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../src/cli/run.js';
import { parseReport } from '../src/index.js';
import { hasChromium, launchChromium, skipReason } from './support/chromium.js';
import { memoryIo } from './support/io.js';

const ROOT = join(import.meta.dirname, '..');
const FILE = join(ROOT, 'corpus', '031_hongze_2023.pdftotext-layout.txt');
const ARTIFACTS = join(ROOT, 'test-artifacts');

describe.skipIf(!hasChromium)(`audit page in headless Chromium${skipReason}`, () => {
  it("shows 031's failing T4-A on its cells, with their source excerpts, and loads nothing from outside", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const out = join(ARTIFACTS, 'audit-031.html');
    const m = memoryIo();
    expect(await run(['view', FILE, '-o', out], m.io)).toBe(0);
    const report = parseReport(readFileSync(FILE), { fileName: FILE });
    const t4a = report.diagnostics.find((d) => d.code === 'check-failed' && d.check === 'T4-A')!;
    expect(t4a.cells).toHaveLength(5);

    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
      await page.goto(pathToFileURL(out).href);

      // The cells T4-A names, and only they (with T4-C's), are marked as a failed check, in red.
      const marked = await page.$$eval('td.check-failed[data-checks~="T4-A"]', (tds) => tds.map((td) => (td as HTMLElement).dataset['path']));
      expect(marked.sort()).toEqual([...t4a.cells!].sort());
      expect(await page.textContent('td[data-path="reviewLitigation/review/upheld"]')).toBe('10');
      expect(await page.textContent('td[data-path="reviewLitigation/review/corrected"]')).toBe('1');
      expect(await page.textContent('td[data-path="reviewLitigation/review/total"]')).toBe('0');
      const red = await page.$eval('td[data-path="reviewLitigation/review/total"]', (td) => getComputedStyle(td).backgroundColor);
      expect(red).toBe('rgb(255, 235, 238)');
      const plain = await page.$eval('td[data-path="applications/newReceived/total"]', (td) => [td.className, getComputedStyle(td).backgroundColor]);
      expect(plain[0]).not.toContain('check-failed');
      expect(plain[1]).not.toBe(red);
      expect(await page.textContent('#failed-checks')).toMatch(/T4-A[\s\S]*T4-C/);

      // Listed with its diagnostic.
      const item = page.locator('li.diag[data-check="T4-A"]');
      expect(await item.textContent()).toContain(t4a.message);

      // Hover: the tooltip is the source excerpt; click: the panel shows it, the raw text marked, and T4-A.
      const at = report.provenance!['reviewLitigation/review/upheld']!;
      expect(await page.getAttribute('td[data-path="reviewLitigation/review/upheld"]', 'title')).toContain('【10】');
      await page.click('td[data-path="reviewLitigation/review/upheld"]');
      expect(await page.textContent('#detail mark')).toBe('10');
      expect(await page.textContent('#detail')).toContain(`characters ${at.start}–${at.end}`);
      expect(await page.textContent('#detail .cell-diagnostics')).toContain('T4-A');
      const source = readFileSync(FILE, 'utf8');
      const lineBefore = source.slice(0, at.start).split('\n').pop()!.trim().slice(-8);
      expect(await page.textContent('#detail .excerpt')).toContain(lineBefore);

      // Clicking the diagnostic outlines exactly its cells.
      await item.click();
      const lit = await page.$$eval('td.lit', (tds) => tds.map((td) => (td as HTMLElement).dataset['path']));
      expect(lit.sort()).toEqual([...t4a.cells!].sort());

      await page.screenshot({ path: join(ARTIFACTS, 'audit-031.png'), fullPage: true });
      expect(requests).toEqual([pathToFileURL(out).href]);
    } finally {
      await browser.close();
    }
  });
});
