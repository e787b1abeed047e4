// The templates' value columns as a table prints them, left to right, with the caption of the block
// they belong to: what a header row reads. A PDF table cut at the paper's edge names its visible
// columns against these (test/templates.test.ts holds them to grammars/template.ts).
import { foldLabel } from './fold.js';

export interface ColumnSequence {
  /** The block's caption row (`第二十条第(五)项`), folded, where the block has one. */
  caption?: string;
  /** The column labels, folded. */
  labels: readonly string[];
}

const APPLICANTS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** As printed, V2021's blocks and V2019's; section 四 is one row of 15 (three groups of five). */
const PRINTED: readonly { caption?: string; labels: readonly string[] }[] = [
  { caption: '第二十条第（一）项', labels: ['本年制发件数', '本年废止件数', '现行有效件数'] },
  { caption: '第二十条第（一）项', labels: ['本年新制作数量', '本年新公开数量', '对外公开总数量'] },
  { caption: '第二十条第（五）项', labels: ['本年处理决定数量'] },
  { caption: '第二十条第（五）项', labels: ['上一年项目数量', '本年增/减', '处理决定数量'] },
  { caption: '第二十条第（六）项', labels: ['本年处理决定数量'] },
  { caption: '第二十条第（六）项', labels: ['上一年项目数量', '本年增/减', '处理决定数量'] },
  { caption: '第二十条第（八）项', labels: ['本年收费金额（单位：万元）'] },
  { caption: '第二十条第（八）项', labels: ['上一年项目数量', '本年增/减'] },
  { caption: '第二十条第（九）项', labels: ['采购项目数量', '采购总金额'] },
  { labels: APPLICANTS },
  { labels: [...OUTCOMES, ...OUTCOMES, ...OUTCOMES] },
];

export const COLUMN_SEQUENCES: readonly ColumnSequence[] = PRINTED.map((s) => ({
  ...(s.caption ? { caption: foldLabel(s.caption) } : {}),
  labels: s.labels.map(foldLabel),
}));

/** The sequences a header can be: those of a block whose caption it prints, else all. */
export function sequencesFor(headerText: string): readonly ColumnSequence[] {
  const captioned = COLUMN_SEQUENCES.filter((s) => s.caption && headerText.includes(s.caption));
  return captioned.length ? captioned : COLUMN_SEQUENCES;
}
