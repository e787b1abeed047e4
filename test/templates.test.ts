// grammars/template.ts is the two templates as printed; here it is held to what the parser reads (the
// vocabularies), to the cells a real report of each template gives, and docs/templates.md to it.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES } from '../grammars/template.js';
import { matcher, containsAny, foldAll } from '../grammars/match.js';
import { foldLabel } from '../grammars/vocabulary/fold.js';
import { COLUMN_SEQUENCES } from '../grammars/vocabulary/columns.js';
import { applicantColumns, applicationRows, applicationGroups, rowsOf } from '../grammars/applications.js';
import { keyedVocabularies } from '../grammars/activeDisclosure.js';
import { outcomeColumns, reviewGroups } from '../grammars/reviewLitigation.js';
import type { Version } from '../grammars/types.js';
import { parseReport, toRecords } from '../src/index.js';
import { templateBlocks, blocksIn, withBlocks } from './support/templateDocs.js';

const ROOT = join(import.meta.dirname, '..');
const DOC = join(ROOT, 'docs', 'templates.md');
/** A real report of each template whose five tables are all there. */
const REPORT_OF: Record<Version, string> = { V2021: '000_chaoyang_yingshang_2023.txt', V2019: '014_shanghai_szfbgt_2019.html' };

const cellsOf = (version: Version) =>
  TEMPLATES[version].flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => `${t.table}/${r.key}/${c.key}`))));

describe('grammars/template.ts', () => {
  for (const version of ['V2019', 'V2021'] as const) {
    it(`${version}: its cells are exactly the cells a ${version} report gives (${REPORT_OF[version]})`, () => {
      const report = parseReport(readFileSync(join(ROOT, 'corpus', REPORT_OF[version])));
      expect(report.meta.template).toBe(version);
      const read = toRecords(report).filter((r) => !r.derived).map((r) => `${r.table}/${r.row}/${r.column}`);
      expect(cellsOf(version).sort()).toEqual(read.sort());
    });

    it(`${version}: each row label, as printed, is read as its key`, () => {
      for (const t of TEMPLATES[version]) {
        if (t.table === 'reviewLitigation') continue;
        const m = t.table === 'applications' ? matcher([...applicationRows, ...applicationGroups]) : matcher(keyedVocabularies.find((v) => v.table === t.table)!.rows);
        for (const b of t.blocks) for (const r of b.rows) expect(m.match(foldLabel(r.label)), `${t.table}: ${r.label}`).toBe(r.key);
      }
    });

    it(`${version}: section 二's headers announce ${version}, and each row has the vocabulary's columns`, () => {
      for (const vocab of keyedVocabularies) {
        const t = TEMPLATES[version].find((x) => x.table === vocab.table)!;
        const own = vocab.versions.find((v) => v.version === version)!;
        for (const b of t.blocks) {
          const header = foldLabel(`信息内容${b.columns.map((c) => c.label).join('')}`);
          // The parser takes the first version whose header words the header row contains.
          expect(vocab.versions.find((v) => containsAny(header, foldAll(v.header)))?.version, b.caption).toBe(version);
          for (const r of b.rows) expect(b.columns.map((c) => c.key), r.key).toEqual(own.columns[r.key]);
        }
        expect(t.blocks.flatMap((b) => b.rows.map((r) => r.key)).sort()).toEqual(Object.keys(own.columns).sort());
      }
    });

    it(`${version}: sections 三 and 四 have the grammar's rows and columns, in print order`, () => {
      const applications = TEMPLATES[version].find((t) => t.table === 'applications')!.blocks[0]!;
      expect(applications.rows.map((r) => r.key)).toEqual(rowsOf(version));
      expect(applications.columns.map((c) => c.key)).toEqual([...applicantColumns]);
      const review = TEMPLATES[version].find((t) => t.table === 'reviewLitigation')!.blocks[0]!;
      expect(review.rows.map((r) => r.key)).toEqual([...reviewGroups]);
      expect(review.columns.map((c) => c.key)).toEqual([...outcomeColumns]);
    });
  }
});

describe('grammars/vocabulary/columns.ts', () => {
  it("holds every block's columns as the templates print them, and no others", () => {
    const key = (s: { caption?: string; labels: readonly string[] }) => `${s.caption ?? ''}:${s.labels.join('|')}`;
    const printed = new Set(
      Object.values(TEMPLATES).flatMap((tables) =>
        tables.flatMap((t) =>
          t.table === 'reviewLitigation'
            ? [key({ labels: t.blocks.flatMap((b) => b.rows.flatMap(() => b.columns.map((c) => foldLabel(c.label)))) })]
            : t.blocks.map((b) => key({ caption: b.caption && foldLabel(b.caption), labels: b.columns.map((c) => foldLabel(c.label)) })),
        ),
      ),
    );
    expect(new Set(COLUMN_SEQUENCES.map(key))).toEqual(printed);
  });
});

describe('docs/templates.md', () => {
  it('holds the tables generated from grammars/ (UPDATE_DOCS=1 rewrites them)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const want = templateBlocks();
    if (process.env['UPDATE_DOCS']) writeFileSync(DOC, withBlocks(doc, want));
    expect(blocksIn(readFileSync(DOC, 'utf8'))).toEqual(want);
  });
});
