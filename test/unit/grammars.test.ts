// The grammars: label folding and matching, the row grammar, table regions, and each table's reading.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldLabel } from '../../grammars/vocabulary/fold.js';
import { matcher } from '../../grammars/match.js';
import { readRows } from '../../grammars/stream.js';
import { locateTables } from '../../grammars/report.js';
import { readActiveDisclosure } from '../../grammars/activeDisclosure.js';
import { readApplications, applicationRows } from '../../grammars/applications.js';
import { readReviewLitigation } from '../../grammars/reviewLitigation.js';
import { lexText } from '../../src/lex/text.js';
import { lexHtml } from '../../src/lex/html.js';

const corpus = (name: string) => readFileSync(join(import.meta.dirname, '../../corpus', name), 'utf8');

describe('foldLabel', () => {
  it('folds full-width punctuation, numbering marks, quotes and stray spaces (SPEC D7, D8)', () => {
    expect(foldLabel('3、危及“三安全一稳定”')).toBe('3.危及三安全一稳定');
    expect(foldLabel('（二）部分公开（区分处理的，只计这一情 形，不')).toBe('(二)部分公开(区分处理的,只计这一情形,不');
    expect(foldLabel('1．属于国家秘密')).toBe('1.属于国家秘密');
  });
});

describe('matcher', () => {
  const m = matcher(applicationRows);
  it('takes the label nearest the values when labels ran together', () => {
    expect(m.match(foldLabel('三、本年度办理结果（一）予以公开'))).toBe('results.granted');
    expect(m.match(foldLabel('（三）不予公开1.属于国家秘密'))).toBe('results.denied.stateSecret');
  });
  it('reads the misprint 2.其他法律行政止公开 (031)', () => {
    expect(m.match(foldLabel('2.其他法律行政止公开'))).toBe('results.denied.prohibitedByLaw');
  });
  it('matches 3.其他 only at the end of a label', () => {
    expect(m.match(foldLabel('3.其他'))).toBe('results.otherDisposal.other');
    expect(m.match(foldLabel('社会公益组织法律服务机构其他'))).toBeUndefined();
  });
});

describe('readRows', () => {
  it('groups wrapped labels with the values that follow, and knows when the label is on their row', () => {
    const rows = readRows(lexText('（二）部分公开（区分处理的，只计这一情 形，不\n计其他情形）\n4 0 0 0 0 0 4\n1.属于国家秘密 1 0 0 0 0 0 1', 'plain-text'));
    expect(rows.map((r) => [r.labelText, r.values.map((v) => v.text).join(' '), r.sameRow])).toEqual([
      ['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '4 0 0 0 0 0 4', false],
      ['1.属于国家秘密', '1 0 0 0 0 0 1', true],
    ]);
  });
  it('starts a new value row at a new physical row', () => {
    const rows = readRows(lexText('| 0 | 0 |\n| 1 | 1 |', 'markdown'));
    expect(rows.map((r) => r.values.map((v) => v.text))).toEqual([['0', '0'], ['1', '1']]);
  });
});

describe('table grammars on the seed (000)', () => {
  const regions = locateTables(readRows(lexText(corpus('000_chaoyang_yingshang_2023.txt'), 'pipe-text')));
  it('finds the three table regions in order', () => {
    expect(regions.activeDisclosure.length).toBeGreaterThan(0);
    expect(regions.applications[0]!.labelText).toContain('勾稽关系');
    expect(regions.reviewLitigation[0]!.labelText).toContain('行政复议');
  });
  it('reads section 二 rows with the version their headers announce', () => {
    const active = readActiveDisclosure(regions.activeDisclosure);
    expect(active.documents.rows.map((r) => [r.id, r.header, r.values.map((v) => v.text)])).toEqual([
      ['regulations', 'V2021', ['0', '0', '0']],
      ['normativeDocuments', 'V2021', ['0', '0', '40']],
    ]);
    expect(active.decisions.rows.map((r) => r.id)).toEqual(['licensing', 'penalty', 'coercion']);
    expect(active.fees.rows.map((r) => r.id)).toEqual(['administrativeFees']);
  });
  it('reads the 25 V2021 rows of section 三 with their labels on their own rows', () => {
    const read = readApplications(regions.applications);
    expect(read.template).toBe('V2021');
    expect(read.rows.map((r) => r.id)).toEqual(applicationRows.filter((r) => !r.versions || r.versions.includes('V2021')).map((r) => r.id));
    expect(read.rows.every((r) => r.evidence === 'strong' && r.values.length === 7)).toBe(true);
  });
  it('reads the 15 cells of section 四 after its truncated header', () => {
    expect(readReviewLitigation(regions.reviewLitigation)!.values).toHaveLength(15);
  });
});

describe('table grammars on HTML (014, V2019)', () => {
  const regions = locateTables(readRows(lexHtml(corpus('014_shanghai_szfbgt_2019.html')).cells));
  it('detects V2019 from its single （六）其他处理 row', () => {
    const read = readApplications(regions.applications);
    expect(read.template).toBe('V2019');
    expect(read.rows.some((r) => r.id === 'results.otherDisposal.total')).toBe(true);
  });
  it('reads the V2019 procurement row with its unit', () => {
    const active = readActiveDisclosure(regions.activeDisclosure);
    const procurement = active.fees.rows.find((r) => r.id === 'procurement')!;
    expect([procurement.header, procurement.values.map((v) => v.text)]).toEqual(['V2019', ['6', '251000元']]);
  });
});
