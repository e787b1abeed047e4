// 第二十条第（八）（九）项 — fees: 行政事业性收费 (V2021 money in 万元; V2019 item counts) and
// 政府集中采购 (V2019 only; amount in 元, often written into the cell: `251000元`).
import type { KeyedTableVocabulary } from './types.js';

export const feesVocabulary: KeyedTableVocabulary = {
  table: 'fees',
  captions: ['第二十条第(八)项', '第二十条第(九)项'],
  rows: [
    { id: 'administrativeFees', aliases: ['行政事业性收费'] },
    { id: 'procurement', aliases: ['政府集中采购'] },
  ],
  versions: [
    {
      version: 'V2021',
      header: ['本年收费金额'],
      columns: { administrativeFees: ['amountWanYuan'] },
      units: { amountWanYuan: 'wanYuan' },
    },
    {
      version: 'V2019',
      header: ['上一年项目数量', '本年增/减', '本年增减', '采购项目数量', '采购总金额'],
      columns: { administrativeFees: ['previousItems', 'change'], procurement: ['projects', 'amountYuan'] },
      units: { amountYuan: 'yuan' },
      signed: ['change'],
    },
  ],
};
