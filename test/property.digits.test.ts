// Property: change one digit of a number in the applications or reviewLitigation table of a corpus
// report (found through the parse's own provenance offsets). The changed cell is read as its new value,
// or is null, or is flagged; every other cell the unchanged report read (and did not flag) is read the
// same, or null, or flagged. Never a different number without a warning: 0 silent. Seeded.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseReport } from '../src/index.js';
import { goldFiles } from './goldCorpus.js';
import { CORPUS, cellRecords, type CellRecord } from './records.js';
import { readFileSync } from 'node:fs';

export const DIGIT_RUNS = 3000;

interface Target {
  path: string;
  start: number;
  end: number;
}

const subjects = goldFiles(CORPUS)
  .map(({ gold, path }) => {
    const text = readFileSync(path, 'utf8');
    const report = parseReport(text);
    const records = cellRecords(report);
    // Numbers read, unflagged, whose offsets hold exactly their digits.
    const targets: Target[] = Object.entries(report.provenance ?? {})
      .filter(([p, { raw, start, end }]) => /^(applications|reviewLitigation)\//.test(p) && /^\d+$/.test(raw) && end - start === raw.length && text.slice(start, end) === raw)
      .filter(([p]) => records.get(p)?.flagged === false)
      .map(([p, { start, end }]) => ({ path: p, start, end }));
    return { name: gold.file, text, records, targets };
  })
  .filter((s) => s.targets.length > 0);

/** The silent cells of a parse of the changed text: a number, unflagged, that is not the truth. */
function silentCells(original: Map<string, CellRecord>, changed: Map<string, CellRecord>, target: string, truth: number): string[] {
  const out: string[] = [];
  for (const [path, m] of changed) {
    if (m.derived || m.value === null || m.flagged) continue;
    const o = original.get(path);
    if (path === target) {
      if (m.value !== truth) out.push(`${path}: ${m.value} unflagged, the input says ${truth}`);
    } else if (!o) out.push(`${path}: ${m.value} unflagged, not a cell of the unchanged report`);
    else if (o.value !== null && !o.flagged && m.value !== o.value) out.push(`${path}: ${m.value} unflagged, was ${o.value}`);
  }
  return out;
}

describe('one digit changed in applications or reviewLitigation', () => {
  it('covers every corpus report with those tables', () => {
    expect(subjects.map((s) => s.name)).toEqual([
      '000_chaoyang_yingshang_2023.txt',
      '002_pingtan_2019.txt',
      '004_pingtan_2021.txt',
      '007_pingtan_2024.txt',
      '011_shanghai_kewei_2024.md',
      '014_shanghai_szfbgt_2019.html',
      '024_pingtan_2024.html',
      '031_hongze_2023.pdftotext-layout.txt',
      '031_hongze_2023.pdftotext-raw.txt',
      '033_pingtan_2019.html',
    ]);
  });

  it(`${DIGIT_RUNS} seeded changes: the changed cell is right, null or flagged; no other cell silently changes`, () => {
    let flaggedOrNull = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: subjects.length - 1 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (k, which, where, step) => {
          const s = subjects[k]!;
          const t = s.targets[which % s.targets.length]!;
          const at = t.start + (where % (t.end - t.start));
          let digit = (Number(s.text[at]) + step) % 10;
          // A number never starts with 0: keep the changed one a number as published.
          if (digit === 0 && at === t.start && t.end - t.start > 1) digit = Number(s.text[at]) === 1 ? 2 : 1;
          const text = s.text.slice(0, at) + digit + s.text.slice(at + 1);
          const truth = Number(text.slice(t.start, t.end));
          const changed = cellRecords(parseReport(text, { provenance: false }));
          const silent = silentCells(s.records, changed, t.path, truth);
          if (silent.length) throw new Error(`${s.name}, ${t.path} changed to ${truth}: ${silent.join('; ')}`);
          const m = changed.get(t.path);
          if (!m || m.value === null || m.flagged) flaggedOrNull++;
        },
      ),
      { seed: 20240417, numRuns: DIGIT_RUNS },
    );
    // The tables' arithmetic catches the change almost always (only where a check cannot run is it unflagged).
    expect(flaggedOrNull).toBeGreaterThan(DIGIT_RUNS * 0.8);
  }, 180_000);
});
