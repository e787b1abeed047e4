// A report's three tables as the template prints them (SPEC §2, §3): grids of cells with their spans,
// the labels verbatim, the values taken from a gold file. The layouts (layout.ts) turn a grid into text.
import { applicationRows, applicantColumns, rowsOf } from '../../grammars/applications.js';
import { outcomeColumns, reviewGroups } from '../../grammars/reviewLitigation.js';
import { documentsVocabulary } from '../../grammars/documents.js';
import { decisionsVocabulary } from '../../grammars/decisions.js';
import { feesVocabulary } from '../../grammars/fees.js';
import type { KeyedTableVocabulary, Version } from '../../grammars/types.js';

/** One printed cell. `path` marks a value cell (`table/row/column`); `value` is what it prints. */
export interface GridCell {
  text: string;
  /** Columns this cell covers (colspan). */
  span: number;
  /** A position covered by a rowspan from a row above: printed empty, or not at all (layout's choice). */
  covered?: boolean;
  path?: string;
  value?: number | null;
  label?: boolean;
}
export interface GridRow {
  kind: 'caption' | 'header' | 'data';
  cells: GridCell[];
}
export interface Grid {
  table: 'active' | 'applications' | 'reviewLitigation';
  columns: number;
  rows: GridRow[];
}

const label = (text: string, span = 1): GridCell => ({ text, span, label: true });
const covered = (span = 1): GridCell => ({ text: '', span, covered: true });
const value = (path: string, v: number | null, span = 1): GridCell => ({ text: '', span, path, value: v });

/** The verbatim row labels of table 三 (SPEC §2.2). */
const applicationLabels: Record<string, string> = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  'results.granted': '（一）予以公开',
  'results.partiallyGranted': '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'results.denied.stateSecret': '1.属于国家秘密',
  'results.denied.prohibitedByLaw': '2.其他法律行政法规禁止公开',
  'results.denied.threeSecurityOneStability': '3.危及“三安全一稳定”',
  'results.denied.thirdPartyRights': '4.保护第三方合法权益',
  'results.denied.internalAffairs': '5.属于三类内部事务信息',
  'results.denied.processInformation': '6.属于四类过程性信息',
  'results.denied.lawEnforcementFile': '7.属于行政执法案卷',
  'results.denied.administrativeQuery': '8.属于行政查询事项',
  'results.unableToProvide.notHeld': '1.本机关不掌握相关政府信息',
  'results.unableToProvide.needsCreation': '2.没有现成信息需要另行制作',
  'results.unableToProvide.unclearAfterCorrection': '3.补正后申请内容仍不明确',
  'results.notProcessed.complaint': '1.信访举报投诉类申请',
  'results.notProcessed.repeated': '2.重复申请',
  'results.notProcessed.publication': '3.要求提供公开出版物',
  'results.notProcessed.excessive': '4.无正当理由大量反复申请',
  'results.notProcessed.confirmation': '5.要求行政机关确认或重新出具已获取信息',
  'results.otherDisposal.overdueCorrection': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'results.otherDisposal.overdueFee': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'results.otherDisposal.other': '3.其他',
  'results.otherDisposal.total': '（六）其他处理',
  'results.total': '（七）总计',
  carriedForward: '四、结转下年度继续办理',
};
const groupLabels: Record<string, string> = {
  denied: '（三）不予公开',
  unableToProvide: '（四）无法提供',
  notProcessed: '（五）不予处理',
  otherDisposal: '（六）其他处理',
};
const applicantHeaders = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
const outcomeHeaders = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

export type Cells = Readonly<Record<string, number | null>>;
const at = (cells: Cells, path: string): number | null => cells[path] ?? null;

/** Table 三 on the template's 10-column grid: 3 label columns, 7 value columns. */
export function applicationsGrid(cells: Cells, version: Version): Grid {
  const rows: GridRow[] = [
    { kind: 'header', cells: [label('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3), label('申请人情况', 7)] },
    { kind: 'header', cells: [covered(3), label('自然人'), label('法人或其他组织', 5), label('总计')] },
    { kind: 'header', cells: [covered(3), covered(), ...applicantHeaders.map((h) => label(h)), covered()] },
  ];
  const ids = rowsOf(version);
  let seenResults = false;
  const seenGroups = new Set<string>();
  for (const id of ids) {
    const values = applicantColumns.map((c) => value(`applications/${id}/${c}`, at(cells, `applications/${id}/${c}`)));
    const group = applicationRows.find((r) => r.id === id)?.group;
    const head: GridCell[] = [];
    if (!id.startsWith('results.')) head.push(label(applicationLabels[id]!, 3));
    else {
      head.push(seenResults ? covered() : label('三、本年度办理结果'));
      seenResults = true;
      if (group && !(version === 'V2019' && group === 'otherDisposal')) {
        head.push(seenGroups.has(group) ? covered() : label(groupLabels[group]!));
        seenGroups.add(group);
        head.push(label(applicationLabels[id]!));
      } else head.push(label(applicationLabels[id]!, 2));
    }
    rows.push({ kind: 'data', cells: [...head, ...values] });
  }
  return { table: 'applications', columns: 10, rows };
}

/** Table 四: 15 value columns under a 3-row header. */
export function reviewGrid(cells: Cells): Grid {
  return {
    table: 'reviewLitigation',
    columns: 15,
    rows: [
      { kind: 'header', cells: [label('行政复议', 5), label('行政诉讼', 10)] },
      { kind: 'header', cells: [...outcomeHeaders.map((h) => label(h)), label('未经复议直接起诉', 5), label('复议后起诉', 5)] },
      { kind: 'header', cells: [covered(5), ...outcomeHeaders.map((h) => label(h)), ...outcomeHeaders.map((h) => label(h))] },
      {
        kind: 'data',
        cells: reviewGroups.flatMap((g) => outcomeColumns.map((c) => value(`reviewLitigation/${g}/${c}`, at(cells, `reviewLitigation/${g}/${c}`)))),
      },
    ],
  };
}

/** Captions, headers and rows of table 二 (SPEC §2.1, §3.2) on a 4-column grid. */
const activeBlocks: Record<Version, { caption: string; header: string[]; rows: [string, string, string][] }[]> = {
  V2021: [
    { caption: '第二十条第（一）项', header: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: [['documents', 'regulations', '规章'], ['documents', 'normativeDocuments', '行政规范性文件']] },
    { caption: '第二十条第（五）项', header: ['本年处理决定数量'], rows: [['decisions', 'licensing', '行政许可']] },
    { caption: '第二十条第（六）项', header: ['本年处理决定数量'], rows: [['decisions', 'penalty', '行政处罚'], ['decisions', 'coercion', '行政强制']] },
    { caption: '第二十条第（八）项', header: ['本年收费金额（单位：万元）'], rows: [['fees', 'administrativeFees', '行政事业性收费']] },
  ],
  V2019: [
    { caption: '第二十条第（一）项', header: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], rows: [['documents', 'regulations', '规章'], ['documents', 'normativeDocuments', '规范性文件']] },
    { caption: '第二十条第（五）项', header: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: [['decisions', 'licensing', '行政许可'], ['decisions', 'otherServices', '其他对外管理服务事项']] },
    { caption: '第二十条第（六）项', header: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: [['decisions', 'penalty', '行政处罚'], ['decisions', 'coercion', '行政强制']] },
    { caption: '第二十条第（八）项', header: ['上一年项目数量', '本年增/减'], rows: [['fees', 'administrativeFees', '行政事业性收费']] },
    { caption: '第二十条第（九）项', header: ['采购项目数量', '采购总金额'], rows: [['fees', 'procurement', '政府集中采购']] },
  ],
};
const vocabularies: Record<string, KeyedTableVocabulary> = { documents: documentsVocabulary, decisions: decisionsVocabulary, fees: feesVocabulary };

/** Table 二: `versions` gives each sub-table's template (a report may mix them, D9). */
export function activeGrid(cells: Cells, versions: { documents: Version; decisions: Version; fees: Version }): Grid {
  const rows: GridRow[] = [];
  const blocks = [...activeBlocks.V2021, ...activeBlocks.V2019];
  for (const caption of ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']) {
    const table = caption.includes('（一）') ? 'documents' : caption.includes('（八）') || caption.includes('（九）') ? 'fees' : 'decisions';
    const version = versions[table];
    const block = blocks.find((b) => b.caption === caption && activeBlocks[version].includes(b));
    if (!block) continue;
    rows.push({ kind: 'caption', cells: [label(caption, 4)] });
    const lastSpan = 4 - block.header.length;
    rows.push({ kind: 'header', cells: [label('信息内容'), ...block.header.map((h, i) => label(h, i === block.header.length - 1 ? lastSpan : 1))] });
    for (const [t, row, text] of block.rows) {
      const columns = vocabularies[t]!.versions.find((v) => v.version === version)!.columns[row]!;
      const n = columns.length;
      rows.push({ kind: 'data', cells: [label(text), ...columns.map((c, i) => value(`${t}/${row}/${c}`, at(cells, `${t}/${row}/${c}`), i === n - 1 ? 4 - n : 1))] });
    }
  }
  return { table: 'active', columns: 4, rows };
}
