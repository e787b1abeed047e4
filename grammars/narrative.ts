// The prose's words for the tables (src/narrative): what a sentence that states a table's number says
// it counts. A statement is a number with a unit, the words before it (or after it, `1件结转下年度`)
// that name a row, and the words that narrow it to columns, a scope or a time. Words are matched
// longest first on the sentence without spaces, folded to simplified characters.
import type { Version } from './types.js';

export type NarrativeTable = 'documents' | 'decisions' | 'fees' | 'applications' | 'reviewLitigation';

/** Per template, the rows (or columns) a word names; a template without them has no such cell. */
export type PerTemplate<T> = Partial<Record<Version, T>>;

export type NarrativeWord =
  /** A row of a table (several rows: their sum), and for tables of one value per row, its column. */
  | { role: 'row'; table: NarrativeTable; rows: PerTemplate<readonly string[]>; column?: PerTemplate<string>; money?: 'yuan' | 'wanYuan' }
  /** A verb that counts applications (收到, 办结): readings of the table, each a sum of rows' 总计. */
  | { role: 'total'; readings: readonly (readonly string[])[] }
  /** A verb that picks a column of the documents table (制发 → 本年制发件数). */
  | { role: 'documentColumn'; columns: PerTemplate<string> }
  /** Applicant columns of the applications table (自然人, 法人或其他组织). */
  | { role: 'applicant'; columns: readonly string[] }
  /** An outcome column of the review/litigation table (维持, 纠正). */
  | { role: 'outcome'; column: string }
  /** `全市`: the whole territory of one level of government. */
  | { role: 'territory'; level: string }
  /** `各部门`, `所属`: several bodies together, not the table's own agency. */
  | { role: 'aggregate' }
  /** `去年`: another year than the report's. */
  | { role: 'past' }
  /** `本年度`: the report's own year again. */
  | { role: 'current' }
  /** `较`, `增加`: a change or a comparison, not a count. */
  | { role: 'comparison' }
  /** `其中`: what follows breaks the quantity before it down. */
  | { role: 'enumeration' }
  /** `及`: joins two rows into one sum (予以公开及部分公开258件). */
  | { role: 'conjunction' }
  /** Words that contain a row's name but count something else (行政许可信息, 部门规范性文件, 信息处理费). */
  | { role: 'other' };

const APPLICANTS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'];
const DENIED = ['stateSecret', 'prohibitedByLaw', 'threeSecurityOneStability', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'lawEnforcementFile', 'administrativeQuery'].map((r) => `results.denied.${r}`);
const UNABLE = ['notHeld', 'needsCreation', 'unclearAfterCorrection'].map((r) => `results.unableToProvide.${r}`);
const NOT_PROCESSED = ['complaint', 'repeated', 'publication', 'excessive', 'confirmation'].map((r) => `results.notProcessed.${r}`);
const OTHER_DISPOSAL = ['overdueCorrection', 'overdueFee', 'other'].map((r) => `results.otherDisposal.${r}`);

const both = <T>(value: T): PerTemplate<T> => ({ V2019: value, V2021: value });
const applicationRows = (rows: readonly string[]) => ({ role: 'row', table: 'applications', rows: both(rows) }) as const;

/** Every word, by what it says. Longer words win where two overlap (上年结转 over 上年). */
export const narrativeWords: readonly (readonly [words: readonly string[], word: NarrativeWord])[] = [
  // 三、收到和处理政府信息公开申请情况: rows and their groups.
  [['本年新收', '新收'], applicationRows(['newReceived'])],
  [['上年结转', '上年度结转', '上一年度结转', '上年度转入'], applicationRows(['carriedOver'])],
  [['结转下年度', '结转至下年度', '结转到下年度', '转下一年度', '转下年度', '转入下年度', '顺延到下年度', '顺延至下年度', '结转下一年度'], applicationRows(['carriedForward'])],
  [['予以公开', '同意公开', '全部公开'], applicationRows(['results.granted'])],
  [['部分公开'], applicationRows(['results.partiallyGranted'])],
  [['不予公开'], applicationRows(DENIED)],
  [['无法提供', '不能提供'], applicationRows(UNABLE)],
  [['不予处理'], applicationRows(NOT_PROCESSED)],
  [['其他处理'], { role: 'row', table: 'applications', rows: { V2021: OTHER_DISPOSAL, V2019: ['results.otherDisposal.total'] } }],
  [['国家秘密'], applicationRows(['results.denied.stateSecret'])],
  [['第三方合法权益'], applicationRows(['results.denied.thirdPartyRights'])],
  [['内部事务信息'], applicationRows(['results.denied.internalAffairs'])],
  [['过程性信息'], applicationRows(['results.denied.processInformation'])],
  [['行政执法案卷'], applicationRows(['results.denied.lawEnforcementFile'])],
  [['行政查询事项'], applicationRows(['results.denied.administrativeQuery'])],
  [['不掌握'], applicationRows(['results.unableToProvide.notHeld'])],
  [['没有现成信息', '另行制作'], applicationRows(['results.unableToProvide.needsCreation'])],
  [['信访举报投诉'], applicationRows(['results.notProcessed.complaint'])],
  [['重复申请'], applicationRows(['results.notProcessed.repeated'])],
  [['公开出版物'], applicationRows(['results.notProcessed.publication'])],
  // Verbs that count applications: received (alone, or with those carried over), answered.
  [['收到', '受理', '接收', '接到'], { role: 'total', readings: [['newReceived'], ['newReceived', 'carriedOver']] }],
  [['办结', '答复', '办理完毕', '处理完毕', '办理完成'], { role: 'total', readings: [['results.total']] }],
  [['办理', '处理'], { role: 'total', readings: [['results.total'], ['newReceived'], ['newReceived', 'carriedOver']] }],
  [['自然人'], { role: 'applicant', columns: ['naturalPerson'] }],
  [['法人或其他组织', '法人和其他组织', '法人或者其他组织', '法人及其他组织'], { role: 'applicant', columns: APPLICANTS.slice(1) }],
  [['商业企业'], { role: 'applicant', columns: ['commercial'] }],
  [['科研机构'], { role: 'applicant', columns: ['research'] }],
  [['社会公益组织'], { role: 'applicant', columns: ['socialWelfare'] }],
  [['法律服务机构'], { role: 'applicant', columns: ['legalService'] }],

  // 四、行政复议、行政诉讼: rows and outcomes.
  [['行政复议', '复议'], { role: 'row', table: 'reviewLitigation', rows: both(['review']) }],
  [['行政诉讼', '诉讼'], { role: 'row', table: 'reviewLitigation', rows: both(['litigationDirect', 'litigationAfterReview']) }],
  [['直接起诉', '未经复议直接起诉'], { role: 'row', table: 'reviewLitigation', rows: both(['litigationDirect']) }],
  [['复议后起诉', '行政复议后起诉'], { role: 'row', table: 'reviewLitigation', rows: both(['litigationAfterReview']) }],
  [['维持', '结果维持'], { role: 'outcome', column: 'upheld' }],
  [['纠正', '结果纠正', '纠错'], { role: 'outcome', column: 'corrected' }],
  [['其他结果'], { role: 'outcome', column: 'other' }],
  [['尚未审结', '未审结', '正在审理'], { role: 'outcome', column: 'pending' }],

  // 二、主动公开: documents, decisions, fees.
  [['规章'], { role: 'row', table: 'documents', rows: both(['regulations']) }],
  [['行政规范性文件', '规范性文件'], { role: 'row', table: 'documents', rows: both(['normativeDocuments']) }],
  [['制发', '制定', '印发', '出台', '新制作'], { role: 'documentColumn', columns: { V2021: 'issued', V2019: 'newlyMade' } }],
  [['公开', '主动公开', '发布', '公布'], { role: 'documentColumn', columns: { V2021: 'issued', V2019: 'newlyPublished' } }],
  [['废止', '宣布失效'], { role: 'documentColumn', columns: { V2021: 'repealed' } }],
  [['现行有效'], { role: 'documentColumn', columns: { V2021: 'inForce' } }],
  [['对外公开总数', '累计公开'], { role: 'documentColumn', columns: { V2019: 'totalPublished' } }],
  [['行政许可'], { role: 'row', table: 'decisions', rows: both(['licensing']), column: both('decisions') }],
  [['其他对外管理服务事项'], { role: 'row', table: 'decisions', rows: { V2019: ['otherServices'] }, column: both('decisions') }],
  [['行政处罚'], { role: 'row', table: 'decisions', rows: both(['penalty']), column: both('decisions') }],
  [['行政强制'], { role: 'row', table: 'decisions', rows: both(['coercion']), column: both('decisions') }],
  [['行政事业性收费'], { role: 'row', table: 'fees', rows: { V2021: ['administrativeFees'] }, column: { V2021: 'amountWanYuan' }, money: 'wanYuan' }],
  [['政府集中采购'], { role: 'row', table: 'fees', rows: { V2019: ['procurement'] }, column: { V2019: 'amountYuan' }, money: 'yuan' }],
  [
    [
      '行政许可类', '行政许可信息', '行政许可事项', '行政许可结果', '行政处罚类', '行政处罚信息', '行政处罚结果', '行政处罚案件信息', '行政强制信息',
      '部门规范性文件', '部门行政规范性文件', '规范性文件库', '规范性文件类', '政策解读', '信息处理费', '依申请公开',
    ],
    { role: 'other' },
  ],

  // Scope, time, structure.
  ...['省', '市', '区', '县', '州', '盟', '旗', '镇', '乡'].map((level) => [[`全${level}`], { role: 'territory', level }] as const),
  [['各级', '各部门', '各单位', '各区', '各县', '各乡镇', '各街道', '各地', '所属', '下属', '全系统', '系统内', '区县'], { role: 'aggregate' }],
  [['去年', '上年', '上年度', '上一年', '上一年度', '前年', '上年同期', '同期'], { role: 'past' }],
  [['本年', '本年度', '今年', '全年', '当年'], { role: 'current' }],
  [['较', '同比', '环比', '增加', '减少', '增长', '下降', '上升', '回落', '持平', '增幅', '降幅', '多出', '少于', '多于'], { role: 'comparison' }],
  [['其中', '包括', '含', '分别为', '分别是'], { role: 'enumeration' }],
  [['及', '和', '与', '以及', '、', '或', '并'], { role: 'conjunction' }],
];

/** Units a stated count or amount is written with; money in yuan. Longer first. */
export const narrativeUnits: readonly { unit: string; yuan?: number }[] = [{ unit: '件次' }, { unit: '件' }, { unit: '万元', yuan: 10_000 }, { unit: '元', yuan: 1 }];

/** A unit followed by one of these is part of another word: `一件事一次办`. */
export const unitBlockers: readonly string[] = ['事'];

/** Just before the number: it is not exact (`规范性文件等112件`, `近100件`), or not a count (`第3件`). */
export const inexactBefore: readonly string[] = ['等', '约', '近', '逾', '超过', '超', '第', '大约'];
/** Just before a number in words: it is not exact either (`数十件`, `上百件`). */
export const inexactBeforeWords: readonly string[] = ['数', '几', '余', '多', '上', '成'];

/** Chinese numerals: digits and the multipliers between them (`十二件`, `两件`, `一百零五件`). */
export const chineseDigits: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const chineseMultipliers: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

/** Characters that end a sentence; a line break before a heading (`三、`, `（二）`) ends one too. */
export const sentenceEnds = '。！？；!?;|';
/** Characters that end a clause inside a sentence. */
export const clauseEnds = '，,：:（）()';
