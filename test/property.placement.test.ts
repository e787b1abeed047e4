// Property: the corpus reports' gold cells, re-rendered as text in random layouts (test/render: separators
// `|` with or without outer pipes, tabs, box bars, aligned columns, one cell per line; blank markers;
// column widths; wrapped labels; header rows dropped or repeated; markdown escapes, `<br>`, emphasis; blank
// cells dropped as lossy converters drop them; zeros left blank as agencies do), are read with every number
// right or flagged: never a silently wrong number, never a phantom, never a cell missing without a
// diagnostic naming its table. Seeded; PLACEMENT_RUNS=N runs more cases.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseReport } from '../src/index.js';
import { goldFiles, type Gold } from './goldCorpus.js';
import { CORPUS } from './records.js';
import { blankingArbitrary, renderReport, styleArbitrary } from './render/report.js';
import { verdict } from './render/verdict.js';
import type { Style } from './render/layout.js';

export const PLACEMENT_RUNS = Number(process.env.PLACEMENT_RUNS ?? 120);

/** One gold per report with tables (002 and 007 are 033 and 024 in other forms). */
const golds: Gold[] = goldFiles(CORPUS)
  .map(({ gold }) => gold)
  .filter((g) => g.template !== 'unknown' && !/^(002|007)_|pdftotext-raw/.test(g.file));

/** The style in a few words, for grouping failures. */
function describeStyle(s: Style): string {
  const bits: string[] = [s.layout];
  if (s.layout === 'pipe') bits.push(s.outerPipes ? 'outer' : 'inner', ...(s.markdownRule ? ['rule'] : []), ...(s.br ? ['br'] : []));
  bits.push(`spans:${s.spans}`, `blank:${JSON.stringify(s.blank)}`);
  if (s.dropBlanks) bits.push('dropBlanks');
  if (s.wrap) bits.push(`wrap:${s.wrap}${s.valuesOnLast ? 'last' : ''}`);
  if (s.header !== 'keep') bits.push(`header:${s.header}`);
  if (s.escape) bits.push('escape');
  if (s.emphasis) bits.push('emphasis');
  return bits.join(' ');
}

describe('re-rendered corpus tables', () => {
  it('covers the corpus reports with V2019/V2021 tables', () => {
    expect(golds.map((g) => g.file.slice(0, 3))).toEqual(['000', '004', '011', '014', '024', '031', '033']);
  });

  it(`${PLACEMENT_RUNS} seeded renderings: every number right or flagged, no phantom, no unnamed missing cell`, () => {
    const failures: { case: number; kind: string; file: string; style: string; cells: string[] }[] = [];
    let n = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: golds.length - 1 }), styleArbitrary, blankingArbitrary, (k, style, blanking) => {
        const gold = golds[k]!;
        const rendered = renderReport(gold, style, blanking);
        const report = parseReport(rendered.text, { fileName: gold.file, provenance: false });
        const v = verdict(report, rendered);
        const where = { case: n++, file: gold.file, style: `${describeStyle(style)} blanking:${blanking.mode}` };
        if (v.silent.length) failures.push({ kind: 'silent', ...where, cells: v.silent });
        if (v.phantom.length) failures.push({ kind: 'phantom', ...where, cells: v.phantom });
        if (v.unnamedMissing.length) failures.push({ kind: 'unnamed-missing', ...where, cells: v.unnamedMissing });
        return true;
      }),
      { seed: 20261204, numRuns: PLACEMENT_RUNS },
    );
    const cases = new Set(failures.map((f) => f.case)).size;
    const summary = failures.map((f) => `case ${f.case}: ${f.kind} ${f.file} [${f.style}] ${f.cells.length} cell(s): ${f.cells.slice(0, 3).join('; ')}`);
    expect(failures.length, `${cases} of ${PLACEMENT_RUNS} renderings read wrong:\n${summary.join('\n')}`).toBe(0);
  }, 120_000);
});
