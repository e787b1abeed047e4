// The statement reader on sentences written for these tests from the template's words (not the
// corpus's): the rule is a noun phrase naming a row or column, a number and a unit, scope words, and
// 其中 enumerations — whatever order and wording a report uses.
import { describe, expect, it } from 'vitest';
import { readStatements } from '../../src/narrative/statements.js';
import { textProse } from '../../src/narrative/prose.js';
import { chineseValue } from '../../src/narrative/scan.js';

interface Options {
  template?: 'V2019' | 'V2021';
  agency?: string;
  year?: number;
}

/** The statements of a text: [value, first reading's cells (without the table), other readings]. */
function read(text: string, o: Options = {}) {
  return readStatements(textProse(text, (i) => i), {
    template: () => o.template ?? 'V2021',
    ...(o.agency ? { agency: o.agency } : {}),
    year: o.year ?? 2023,
    inTable: () => false,
  });
}
const cells = (text: string, o: Options = {}) => read(text, o).map((s) => [s.value, s.readings[0]!.map((c) => c.slice(c.indexOf('/') + 1))]);

const LEGAL = ['commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'];

describe('statements of the applications table', () => {
  it('收到 … N件: 本年新收, or with 上年结转; the noun before or after the number', () => {
    for (const text of ['全年共收到政府信息公开申请52件。', '本年度我局共受理依申请公开52件。', '今年共收到52件政府信息公开申请。']) {
      const [s] = read(text);
      expect(s, text).toMatchObject({ value: 52, readings: [['applications/newReceived/total'], ['applications/newReceived/total', 'applications/carriedOver/total']] });
    }
  });

  it('a verb that counts applications needs the sentence to be about applications', () => {
    expect(read('共办理人大代表建议15件。')).toEqual([]);
    expect(cells('共办理人大代表建议15件，办结政府信息公开申请14件。')).toEqual([[14, ['results.total/total']]]);
  });

  it('其中: the items are the head row by applicant, or rows of their own', () => {
    expect(cells('本年度共受理政府信息公开申请十二件，其中自然人申请十件，法人或其他组织申请两件。')).toEqual([
      [12, ['newReceived/total']],
      [10, ['newReceived/naturalPerson']],
      [2, LEGAL.map((c) => `newReceived/${c}`)],
    ]);
    expect(cells('全年办结申请40件，其中：予以公开18件，部分公开3件，不予公开2件；')).toEqual([
      [40, ['results.total/total']],
      [18, ['results.granted/total']],
      [3, ['results.partiallyGranted/total']],
      [2, ['results.denied.stateSecret/total', 'results.denied.prohibitedByLaw/total', 'results.denied.threeSecurityOneStability/total', 'results.denied.thirdPartyRights/total', 'results.denied.internalAffairs/total', 'results.denied.processInformation/total', 'results.denied.lawEnforcementFile/total', 'results.denied.administrativeQuery/total']],
    ]);
  });

  it('an enumeration of something no table counts: its dispositions are not the table’s', () => {
    expect(read('本年度共报送各类文件10件，其中主动公开1件、依申请公开8件，不予公开1件。')).toEqual([]);
  });

  it('rows joined by 及/和 are one sum; a leaf and its group: the word next to the number', () => {
    expect(cells('予以公开和部分公开共42件。')).toEqual([[42, ['results.granted/total', 'results.partiallyGranted/total']]]);
    expect(cells('因本机关不掌握相关政府信息等原因无法提供6件，本机关不掌握相关政府信息4件。')).toEqual([
      [6, ['results.unableToProvide.notHeld/total', 'results.unableToProvide.needsCreation/total', 'results.unableToProvide.unclearAfterCorrection/total']],
      [4, ['results.unableToProvide.notHeld/total']],
    ]);
  });

  it('结转: the number first (3件结转下年度办理) or last (上年结转申请2件); 其他处理 by template', () => {
    expect(cells('另有3件转入下年度继续办理，上年度结转申请2件。')).toEqual([
      [3, ['carriedForward/total']],
      [2, ['carriedOver/total']],
    ]);
    expect(cells('其他处理5件。', { template: 'V2019' })).toEqual([[5, ['results.otherDisposal.total/total']]]);
    expect(cells('其他处理5件。')[0]![1]).toEqual(['results.otherDisposal.overdueCorrection/total', 'results.otherDisposal.overdueFee/total', 'results.otherDisposal.other/total']);
  });
});

describe('statements of the other tables', () => {
  it('复议 and 诉讼, and their outcomes after 其中', () => {
    expect(cells('发生政府信息公开行政复议3件，其中结果维持2件、结果纠正1件；行政诉讼两件，均尚未审结。')).toEqual([
      [3, ['review/total']],
      [2, ['review/upheld']],
      [1, ['review/corrected']],
      [2, ['litigationDirect/total', 'litigationAfterReview/total']],
    ]);
  });

  it('documents: the verb picks the column, by template', () => {
    expect(cells('本年制发规章2件，废止行政规范性文件3件，现行有效规范性文件55件。')).toEqual([
      [2, ['regulations/issued']],
      [3, ['normativeDocuments/repealed']],
      [55, ['normativeDocuments/inForce']],
    ]);
    // V2019 without a verb: 新公开 or 新制作.
    expect(read('规范性文件8件。', { template: 'V2019' })[0]!.readings).toEqual([['documents/normativeDocuments/newlyPublished'], ['documents/normativeDocuments/newlyMade']]);
    // A verb carries over to the list that follows it.
    expect(cells('主动公开规章3件，规范性文件7件。', { template: 'V2019' })).toEqual([
      [3, ['regulations/newlyPublished']],
      [7, ['normativeDocuments/newlyPublished']],
    ]);
  });

  it('decisions and fees: counts of decisions, money converted to the column’s unit', () => {
    expect(cells('全年作出行政处罚决定1,234件，行政许可356件。')).toEqual([
      [1234, ['penalty/decisions']],
      [356, ['licensing/decisions']],
    ]);
    expect(cells('本年收取行政事业性收费5.2万元。')).toEqual([[5.2, ['administrativeFees/amountWanYuan']]]);
    expect(cells('行政事业性收费12000元。')).toEqual([[1.2, ['administrativeFees/amountWanYuan']]]);
    expect(cells('政府集中采购金额25.1万元。', { template: 'V2019' })).toEqual([[251000, ['procurement/amountYuan']]]);
  });
});

describe('numbers that are no statement of the table', () => {
  it('other years, comparisons, approximations, ordinals, other units, percentages', () => {
    for (const text of [
      '2022年共收到政府信息公开申请100件。',
      '去年共受理政府信息公开申请100件。',
      '受理申请数量较去年增加12件。',
      '同比减少3件政府信息公开申请。',
      '全年受理政府信息公开申请近100件。',
      '刊登政府规章、规范性文件等112件。',
      '部门规范性文件45件。',
      '发布行政许可信息69件。',
      '推行“一件事一次办”，受理政府信息公开申请。',
      '主动公开政府信息2645条。',
      '予以公开占33.9%。',
      '收取信息处理费0元。',
      '受理政府信息公开申请数十件。',
      '未产生行政复议和行政诉讼。',
    ])
      expect(read(text), text).toEqual([]);
  });

  it('a number in a year the report is about, or its own year again, is one', () => {
    expect(cells('2023年全区受理政府信息公开申请21件。')).toEqual([[21, ['newReceived/total']]]);
    expect(cells('与上年相比，本年度共收到政府信息公开申请21件。')).toEqual([[21, ['newReceived/total']]]);
  });

  it('scope: a territory is the table’s only when the agency is its government; several bodies never', () => {
    const text = '全市共收到政府信息公开申请500件。';
    expect(read(text, { agency: '某某市人民政府' })).toHaveLength(1);
    expect(read(text, { agency: '某某市人民政府办公室' })).toEqual([]);
    expect(read(text, { agency: '某某市营商环境建设局' })).toEqual([]);
    expect(read('全区受理政府信息公开申请21件。', { agency: '平潭综合实验区' })).toHaveLength(1);
    expect(read('全区各部门共受理政府信息公开申请300件。', { agency: '某某区人民政府' })).toEqual([]);
  });

  it('a heading line is no part of the sentence below it; a line a PDF wrapped is', () => {
    const [s] = read('四、政府信息公开申请情况\n全年收到政府信息公开\n申请 34 件，');
    expect(s).toMatchObject({ value: 34, text: '全年收到政府信息公开\n申请 34 件' });
  });
});

describe('Chinese numerals', () => {
  it('reads counts written in words', () => {
    expect([chineseValue('十二'), chineseValue('两'), chineseValue('一百零五'), chineseValue('二十'), chineseValue('三千四百'), chineseValue('一万二千')]).toEqual([12, 2, 105, 20, 3400, 12000]);
    expect(chineseValue('一二')).toBeNull();
  });
});
