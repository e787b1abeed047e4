// Traditional-character copies of the corpus (as mirror sites republish them): folded for matching
// only, so every cell, offset and diagnostic is that of the simplified original.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import OpenCC from 'opencc-js';
import { parseReport } from '../src/index.js';
import { foldLabel, foldTraditional } from '../grammars/vocabulary/fold.js';
import { TRADITIONAL, SIMPLIFIED } from '../grammars/vocabulary/traditional.js';
import { applicationRows, applicationGroups } from '../grammars/applications.js';
import { keyedVocabularies } from '../grammars/activeDisclosure.js';
import { parseNumberText, isPlaceholder } from '../src/lex/cell.js';
import { corpusReports, diagnosticKeys, recordDifferences } from './records.js';

const converters = {
  s2t: OpenCC.Converter({ from: 'cn', to: 't' }),
  s2hk: OpenCC.Converter({ from: 'cn', to: 'hk' }),
  s2tw: OpenCC.Converter({ from: 'cn', to: 'tw' }),
};

describe('traditional renderings of the corpus', () => {
  for (const { name, text } of corpusReports()) {
    const original = parseReport(text, { fileName: name });
    for (const [how, convert] of Object.entries(converters)) {
      it(`${name} (${how}): same cells, offsets, diagnostics and meta; the agency in its own characters`, () => {
        const traditional = convert(text);
        expect(traditional).not.toBe(text);
        expect(traditional.length).toBe(text.length);
        const r = parseReport(traditional, { fileName: name });
        expect(recordDifferences(original, r)).toEqual([]);
        expect(diagnosticKeys(r)).toEqual(diagnosticKeys(original));
        // Offsets unchanged; the raw text at each is the traditional input's own.
        for (const [path, p] of Object.entries(original.provenance ?? {})) {
          const q = r.provenance?.[path];
          expect(q && { start: q.start, end: q.end }, path).toEqual({ start: p.start, end: p.end });
          expect(q!.raw).toBe(traditional.slice(p.start, p.end));
        }
        const { agency, title, ...meta } = r.meta;
        const { agency: agency0, title: title0, ...meta0 } = original.meta;
        expect(meta).toEqual(meta0);
        expect(agency === undefined).toBe(agency0 === undefined);
        if (agency !== undefined) {
          expect(foldTraditional(agency)).toBe(foldTraditional(agency0!));
        }
        expect(Object.keys(r.sections)).toEqual(Object.keys(original.sections));
      });
    }
  }

  it('reads the seed in traditional characters to its real values', () => {
    const seed = corpusReports().find((r) => r.name === '000_chaoyang_yingshang_2023.txt')!;
    const r = parseReport(converters.s2tw(seed.text));
    expect(r.meta).toMatchObject({ agency: '朝陽市營商環境建設局', year: 2023, template: 'V2021', publishedAt: '2024-01-29', processingFeeYuan: 0 });
    expect(r.tables.documents?.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 40 });
    // Section text is the input's own: traditional characters, not folded.
    expect(r.sections.overview?.startsWith('一是主動公開情況。')).toBe(true);
  });
});

describe('the traditional fold', () => {
  it('is one UTF-16 unit for one, and folding twice changes nothing more', () => {
    expect(TRADITIONAL.length).toBe(SIMPLIFIED.length);
    expect(TRADITIONAL.length).toBeGreaterThan(3000);
    expect(foldTraditional(TRADITIONAL).length).toBe(TRADITIONAL.length);
    expect(foldTraditional(foldTraditional(TRADITIONAL))).toBe(foldTraditional(TRADITIONAL));
    expect(foldTraditional('政府信息公開工作年度報告')).toBe('政府信息公开工作年度报告');
    expect(foldTraditional('本年新收政府信息公開申請數量')).toBe('本年新收政府信息公开申请数量');
    expect(foldTraditional('無正當理由大量反覆申請')).toBe('无正当理由大量反复申请');
    expect(foldLabel('2、其他法律行政法規禁止公開')).toBe('2.其他法律行政法规禁止公开');
  });

  it('never merges two rows of a vocabulary', () => {
    const vocabularies = [[...applicationRows, ...applicationGroups], ...keyedVocabularies.map((v) => v.rows)];
    for (const rows of vocabularies) {
      const owner = new Map<string, string>();
      for (const row of rows)
        for (const alias of row.aliases) {
          const key = foldLabel(alias);
          const other = owner.get(key);
          expect(other === undefined || other === row.id, `${alias} folds like a label of ${other}`).toBe(true);
          owner.set(key, row.id);
        }
    }
  });

  it('reads units and placeholders written in traditional characters, values unchanged', () => {
    expect(parseNumberText('25.1萬元')).toMatchObject({ value: 25.1, unit: '万元' });
    expect(parseNumberText('3億元')).toMatchObject({ value: 3, unit: '亿元' });
    expect(parseNumberText('5個')).toMatchObject({ value: 5 });
    expect(isPlaceholder('無')).toBe(true);
  });

  it('the committed table is what scripts/generate-traditional.mjs makes from opencc-js', () => {
    const out = execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'generate-traditional.mjs'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('up to date');
  });
});
