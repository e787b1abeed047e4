// The two national templates as printed — V2019 (国办公开办函〔2019〕60号) and V2021 (国办公开办函〔2021〕30号)
// — table by table: blocks, rows and columns in print order, every label verbatim beside its key. The
// parser reads labels through the vocabularies beside this file; test/templates.test.ts holds those
// vocabularies, the Report's cells and docs/templates.md to what is written here.
import type { Version } from './types.js';

export interface TemplateColumn {
  key: string;
  label: string;
}

export interface TemplateRow {
  key: string;
  /** The row's own label, as printed. */
  label: string;
  /** Headings the row is printed under (row-spanning cells with no values of their own). */
  under?: readonly string[];
}

export interface TemplateBlock {
  /** The block's caption row (`第二十条第（一）项`), for the blocks of section 二. */
  caption?: string;
  /** A note the header prints (section 三's 勾稽关系). */
  note?: string;
  columns: readonly TemplateColumn[];
  rows: readonly TemplateRow[];
}

export interface TemplateTable {
  table: 'documents' | 'decisions' | 'fees' | 'applications' | 'reviewLitigation';
  /** The section the table is printed in. */
  section: string;
  blocks: readonly TemplateBlock[];
}

const col = (key: string, label: string): TemplateColumn => ({ key, label });
const row = (key: string, label: string, ...under: string[]): TemplateRow => (under.length ? { key, label, under } : { key, label });

const ACTIVE = '二、主动公开政府信息情况';
const APPLICATIONS = '三、收到和处理政府信息公开申请情况';
const REVIEW = '四、政府信息公开行政复议、行政诉讼情况';

const applicantColumns = [
  col('naturalPerson', '自然人'),
  col('commercial', '商业企业'),
  col('research', '科研机构'),
  col('socialWelfare', '社会公益组织'),
  col('legalService', '法律服务机构'),
  col('otherOrg', '其他'),
  col('total', '总计'),
];

const RESULTS = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER_DISPOSAL = '（六）其他处理';

/** The applications rows, in print order; `otherDisposal` is where the templates differ. */
function applicationRows(otherDisposal: readonly TemplateRow[]): TemplateRow[] {
  return [
    row('newReceived', '一、本年新收政府信息公开申请数量'),
    row('carriedOver', '二、上年结转政府信息公开申请数量'),
    row('results.granted', '（一）予以公开', RESULTS),
    row('results.partiallyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', RESULTS),
    row('results.denied.stateSecret', '1.属于国家秘密', RESULTS, DENIED),
    row('results.denied.prohibitedByLaw', '2.其他法律行政法规禁止公开', RESULTS, DENIED),
    row('results.denied.threeSecurityOneStability', '3.危及“三安全一稳定”', RESULTS, DENIED),
    row('results.denied.thirdPartyRights', '4.保护第三方合法权益', RESULTS, DENIED),
    row('results.denied.internalAffairs', '5.属于三类内部事务信息', RESULTS, DENIED),
    row('results.denied.processInformation', '6.属于四类过程性信息', RESULTS, DENIED),
    row('results.denied.lawEnforcementFile', '7.属于行政执法案卷', RESULTS, DENIED),
    row('results.denied.administrativeQuery', '8.属于行政查询事项', RESULTS, DENIED),
    row('results.unableToProvide.notHeld', '1.本机关不掌握相关政府信息', RESULTS, UNABLE),
    row('results.unableToProvide.needsCreation', '2.没有现成信息需要另行制作', RESULTS, UNABLE),
    row('results.unableToProvide.unclearAfterCorrection', '3.补正后申请内容仍不明确', RESULTS, UNABLE),
    row('results.notProcessed.complaint', '1.信访举报投诉类申请', RESULTS, NOT_PROCESSED),
    row('results.notProcessed.repeated', '2.重复申请', RESULTS, NOT_PROCESSED),
    row('results.notProcessed.publication', '3.要求提供公开出版物', RESULTS, NOT_PROCESSED),
    row('results.notProcessed.excessive', '4.无正当理由大量反复申请', RESULTS, NOT_PROCESSED),
    row('results.notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息', RESULTS, NOT_PROCESSED),
    ...otherDisposal,
    row('results.total', '（七）总计', RESULTS),
    row('carriedForward', '四、结转下年度继续办理'),
  ];
}

const applicationsNote = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const outcomeColumns = [col('upheld', '结果维持'), col('corrected', '结果纠正'), col('other', '其他结果'), col('pending', '尚未审结'), col('total', '总计')];

/** Section 四: one printed row of 15 cells, three groups of five; the Report has a row per group. */
const reviewLitigation: TemplateTable = {
  table: 'reviewLitigation',
  section: REVIEW,
  blocks: [
    {
      columns: outcomeColumns,
      rows: [row('review', '行政复议'), row('litigationDirect', '未经复议直接起诉', '行政诉讼'), row('litigationAfterReview', '复议后起诉', '行政诉讼')],
    },
  ],
};

export const TEMPLATES: Readonly<Record<Version, readonly TemplateTable[]>> = {
  V2021: [
    {
      table: 'documents',
      section: ACTIVE,
      blocks: [
        {
          caption: '第二十条第（一）项',
          columns: [col('issued', '本年制发件数'), col('repealed', '本年废止件数'), col('inForce', '现行有效件数')],
          rows: [row('regulations', '规章'), row('normativeDocuments', '行政规范性文件')],
        },
      ],
    },
    {
      table: 'decisions',
      section: ACTIVE,
      blocks: [
        { caption: '第二十条第（五）项', columns: [col('decisions', '本年处理决定数量')], rows: [row('licensing', '行政许可')] },
        { caption: '第二十条第（六）项', columns: [col('decisions', '本年处理决定数量')], rows: [row('penalty', '行政处罚'), row('coercion', '行政强制')] },
      ],
    },
    {
      table: 'fees',
      section: ACTIVE,
      blocks: [{ caption: '第二十条第（八）项', columns: [col('amountWanYuan', '本年收费金额（单位：万元）')], rows: [row('administrativeFees', '行政事业性收费')] }],
    },
    {
      table: 'applications',
      section: APPLICATIONS,
      blocks: [
        {
          note: applicationsNote,
          columns: applicantColumns,
          rows: applicationRows([
            row('results.otherDisposal.overdueCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', RESULTS, OTHER_DISPOSAL),
            row('results.otherDisposal.overdueFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', RESULTS, OTHER_DISPOSAL),
            row('results.otherDisposal.other', '3.其他', RESULTS, OTHER_DISPOSAL),
          ]),
        },
      ],
    },
    reviewLitigation,
  ],
  V2019: [
    {
      table: 'documents',
      section: ACTIVE,
      blocks: [
        {
          caption: '第二十条第（一）项',
          columns: [col('newlyMade', '本年新制作数量'), col('newlyPublished', '本年新公开数量'), col('totalPublished', '对外公开总数量')],
          rows: [row('regulations', '规章'), row('normativeDocuments', '规范性文件')],
        },
      ],
    },
    {
      table: 'decisions',
      section: ACTIVE,
      blocks: [
        {
          caption: '第二十条第（五）项',
          columns: [col('previousItems', '上一年项目数量'), col('change', '本年增/减'), col('decisions', '处理决定数量')],
          rows: [row('licensing', '行政许可'), row('otherServices', '其他对外管理服务事项')],
        },
        {
          caption: '第二十条第（六）项',
          columns: [col('previousItems', '上一年项目数量'), col('change', '本年增/减'), col('decisions', '处理决定数量')],
          rows: [row('penalty', '行政处罚'), row('coercion', '行政强制')],
        },
      ],
    },
    {
      table: 'fees',
      section: ACTIVE,
      blocks: [
        { caption: '第二十条第（八）项', columns: [col('previousItems', '上一年项目数量'), col('change', '本年增/减')], rows: [row('administrativeFees', '行政事业性收费')] },
        { caption: '第二十条第（九）项', columns: [col('projects', '采购项目数量'), col('amountYuan', '采购总金额')], rows: [row('procurement', '政府集中采购')] },
      ],
    },
    {
      table: 'applications',
      section: APPLICATIONS,
      blocks: [{ note: applicationsNote, columns: applicantColumns, rows: applicationRows([row('results.otherDisposal.total', '（六）其他处理', RESULTS)]) }],
    },
    reviewLitigation,
  ],
};
