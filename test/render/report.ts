// A whole report re-rendered from a corpus gold file: title, the six section headings, tables 二, 三 and 四
// in one layout, and what each cell must read as. Blank cells may be added (D1: agencies leave zeros
// blank), so the truth is the gold with those cells null.
import fc from 'fast-check';
import type { Version } from '../../grammars/types.js';
import type { Gold } from '../goldCorpus.js';
import { activeGrid, applicationsGrid, reviewGrid, type Cells, type Grid } from './grid.js';
import { BLANKS, LAYOUTS, PLACEHOLDERS, renderGrid, type Style } from './layout.js';

export const styleArbitrary: fc.Arbitrary<Style> = fc.record({
  layout: fc.constantFrom(...LAYOUTS),
  outerPipes: fc.boolean(),
  markdownRule: fc.boolean(),
  spans: fc.constantFrom('grid' as const, 'omit' as const),
  blank: fc.constantFrom(...BLANKS),
  dropBlanks: fc.boolean(),
  wrap: fc.option(fc.integer({ min: 4, max: 14 }), { freq: 2 }),
  valuesOnLast: fc.boolean(),
  header: fc.constantFrom('keep' as const, 'drop' as const, 'repeat' as const),
  escape: fc.boolean(),
  br: fc.boolean(),
  emphasis: fc.boolean(),
  pad: fc.integer({ min: 0, max: 3 }),
  gap: fc.integer({ min: 2, max: 5 }),
  rules: fc.boolean(),
  yuanSuffix: fc.boolean(),
});

/** Which rows of tables 三 and 四 have their zeros printed blank: none, all, or those a bit mask picks. */
export interface Blanking {
  mode: 'none' | 'rows' | 'all';
  mask: number;
}
export const blankingArbitrary: fc.Arbitrary<Blanking> = fc.record({
  mode: fc.constantFrom('none' as const, 'rows' as const, 'all' as const),
  mask: fc.integer({ min: 0, max: 2 ** 30 - 1 }),
});

export interface Rendered {
  text: string;
  /** What each gold cell must read as. */
  truth: Map<string, number | null>;
  /** Blank cells printed with a "none" marker (`-`, `—`, `/`, `无`): read as null or as 0 (placeholder-zero). */
  placeholders: Set<string>;
}

function blanked(cells: Cells, b: Blanking): Record<string, number | null> {
  const out: Record<string, number | null> = { ...cells };
  if (b.mode === 'none') return out;
  const rows = [...new Set(Object.keys(cells).filter((k) => /^(applications|reviewLitigation)\//.test(k)).map((k) => k.split('/').slice(0, 2).join('/')))];
  rows.forEach((row, i) => {
    if (b.mode === 'rows' && !((b.mask >> i % 30) & 1)) return;
    for (const k of Object.keys(out)) if (k.startsWith(row + '/') && out[k] === 0) out[k] = null;
  });
  return out;
}

const versionOf = (gold: Gold, table: string): Version => ((gold as Gold & { tableTemplates?: Record<string, Version> }).tableTemplates?.[table] ?? gold.template) as Version;

/** The report's text in `style`, and the truth of every cell. */
export function renderReport(gold: Gold, style: Style, blanking: Blanking): Rendered {
  const cells = blanked(gold.cells, blanking);
  const grids: Grid[] = [
    activeGrid(cells, { documents: versionOf(gold, 'documents'), decisions: versionOf(gold, 'documents'), fees: versionOf(gold, 'documents') }),
    applicationsGrid(cells, versionOf(gold, 'applications')),
    reviewGrid(cells),
  ];
  const [active, applications, review] = grids.map((g) => renderGrid(g, style));
  const year = gold.meta.year ?? 2023;
  const text = [
    `${gold.meta.agency ?? ''}${year}年政府信息公开工作年度报告`,
    '',
    '一、总体情况',
    `本年度报告根据《中华人民共和国政府信息公开条例》编制，统计期限为${year}年1月1日至${year}年12月31日。`,
    '',
    '二、主动公开政府信息情况',
    '',
    active,
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    applications,
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    review,
    '',
    '五、存在的主要问题及改进情况',
    '无。',
    '',
    '六、其他需要报告的事项',
    '无。',
    '',
  ].join('\n');
  const truth = new Map(Object.entries(cells));
  const placeholders = new Set<string>();
  if (PLACEHOLDERS.has(style.blank) && !style.dropBlanks) for (const [k, v] of truth) if (v === null) placeholders.add(k);
  return { text, truth, placeholders };
}
