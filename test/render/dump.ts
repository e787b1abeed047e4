// Prints the text of placement case N (as test/property.placement.test.ts numbers them) and what the
// parser got wrong: `npx tsx test/render/dump.ts N [runs]`. A tool for reading a failure, not a test.
import fc from 'fast-check';
import { parseReport } from '../../src/index.js';
import { goldFiles } from '../goldCorpus.js';
import { CORPUS } from '../records.js';
import { blankingArbitrary, renderReport, styleArbitrary } from './report.js';
import { verdict } from './verdict.js';

const want = Number(process.argv[2]);
const runs = Number(process.argv[3] ?? 120);
const golds = goldFiles(CORPUS)
  .map(({ gold }) => gold)
  .filter((g) => g.template !== 'unknown' && !/^(002|007)_|pdftotext-raw/.test(g.file));
let n = 0;
fc.assert(
  fc.property(fc.integer({ min: 0, max: golds.length - 1 }), styleArbitrary, blankingArbitrary, (k, style, blanking) => {
    if (n++ !== want) return true;
    const gold = golds[k]!;
    const rendered = renderReport(gold, style, blanking);
    process.stdout.write(rendered.text + '\n');
    const report = parseReport(rendered.text, { fileName: gold.file, provenance: false });
    console.error(gold.file, JSON.stringify(style), blanking.mode, verdict(report, rendered));
    return true;
  }),
  { seed: 20261204, numRuns: runs },
);
