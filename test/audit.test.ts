// The audit page as written (no browser): self-contained, deterministic, and its excerpts are the
// source text of each cell. The page in a real browser is test/audit.browser.test.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../src/index.js';
import { decode } from '../src/input/decode.js';
import { renderAuditPage } from '../src/audit/page.js';
import { run } from '../src/cli/run.js';
import { goldFiles } from './goldCorpus.js';
import { memoryIo } from './support/io.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus');

function page(name: string) {
  const bytes = readFileSync(join(CORPUS, name));
  const report = parseReport(bytes, { fileName: name });
  const html = renderAuditPage(report, decode(bytes).text);
  const data = JSON.parse(html.match(/<script type="application\/json" id="audit-data">(.*?)<\/script>/s)![1]!);
  return { report, html, data };
}

describe('audit page', () => {
  it('`view` decodes the input as parseReport does: every provenance span is its raw text, in every corpus file', () => {
    for (const { path } of goldFiles(CORPUS)) {
      const bytes = readFileSync(path);
      const text = decode(bytes).text;
      const report = parseReport(bytes);
      for (const [cell, at] of Object.entries(report.provenance ?? {})) expect(text.slice(at.start, at.end), `${path} ${cell}`).toBe(at.raw);
    }
  });

  it('is one self-contained file: no external script, style, image, font or link', () => {
    for (const name of ['024_pingtan_2024.html', '031_hongze_2023.pdftotext-layout.txt']) {
      const { html } = page(name);
      expect(html).not.toMatch(/\ssrc=|<link|@import|url\(|https?:\/\//i);
      expect(html.match(/<script/g)).toHaveLength(2);
    }
  });

  it('is deterministic', () => {
    expect(page('033_pingtan_2019.html').html).toBe(page('033_pingtan_2019.html').html);
  });

  it('shows HTML input as visible text around the cell', () => {
    const { data } = page('024_pingtan_2024.html');
    const cell = data.cells['documents/normativeDocuments/inForce'];
    expect(cell).toMatchObject({ value: 440, derived: false, excerpt: { raw: '440' } });
    expect(cell.excerpt.before).toMatch(/行政规范性文件 \| 62 \| 33 \| $/);
    expect(cell.excerpt.before).not.toMatch(/[<>]/);
  });

  it('for a cell that could not be read, shows where its diagnostic points', () => {
    const { data, report } = page('002_pingtan_2019.txt');
    const diagnostic = report.diagnostics.find((d) => d.code === 'ambiguous-split' && d.path === 'documents/normativeDocuments/newlyMade')!;
    const cell = data.cells['documents/normativeDocuments/newlyMade'];
    expect(cell).toMatchObject({ value: null, fromDiagnostic: true, excerpt: { raw: '898989' }, span: [diagnostic.span!.start, diagnostic.span!.end] });
    expect(cell.diagnostics.map((i: number) => report.diagnostics[i])).toContainEqual(diagnostic);
  });

  it('lists the prose\'s statements beside the tables: settled cells marked, a contradiction in red', () => {
    const { html } = page('007_pingtan_2024.txt');
    expect(html).toMatch(/<section id="narrative">[\s\S]*<q>动态更新发布本年度制发行政规范性文件62件<\/q> states <b>62<\/b>/);
    expect(html).toMatch(/<td class="[^"]*\bsettled\b[^"]*" data-path="documents\/normativeDocuments\/issued"/);
    // 024 with its table's 62 changed to 61: the statement and the cell are marked as contradicted.
    const text = readFileSync(join(CORPUS, '024_pingtan_2024.html'), 'utf8');
    const at = text.indexOf('>62<', text.indexOf('行政规范性文件</p></td>'));
    const changed = text.slice(0, at) + '>61<' + text.slice(at + 4);
    const report = parseReport(changed);
    const page2 = renderAuditPage(report, changed);
    expect(page2).toMatch(/<li class="diag statement mismatch" data-cells="documents\/normativeDocuments\/issued"/);
    expect(page2).toMatch(/<td class="[^"]*\bmismatch\b[^"]*" data-path="documents\/normativeDocuments\/issued"/);
  });

  it('`view` without --out writes the page to stdout; a missing file is exit 2', async () => {
    const m = memoryIo();
    expect(await run(['view', join(CORPUS, '000_chaoyang_yingshang_2023.txt')], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/^<!doctype html>[\s\S]*朝阳市营商环境建设局[\s\S]*<\/html>\n$/);
    const missing = memoryIo();
    expect(await run(['view', join(CORPUS, 'no-such.txt')], missing.io)).toBe(2);
    expect(missing.stderr()).toContain('ENOENT');
  });
});
