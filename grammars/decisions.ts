// 第二十条第（五）（六）项 — decisions: 行政许可, 其他对外管理服务事项 (V2019), 行政处罚, 行政强制.
import type { KeyedTableVocabulary } from './types.js';

export const decisionsVocabulary: KeyedTableVocabulary = {
  table: 'decisions',
  captions: ['第二十条第(五)项', '第二十条第(六)项'],
  rows: [
    { id: 'licensing', aliases: ['行政许可'] },
    { id: 'otherServices', aliases: ['其他对外管理服务事项', '对外管理服务事项'] },
    { id: 'penalty', aliases: ['行政处罚'] },
    { id: 'coercion', aliases: ['行政强制'] },
  ],
  versions: [
    {
      version: 'V2021',
      header: ['本年处理决定数量'],
      columns: { licensing: ['decisions'], penalty: ['decisions'], coercion: ['decisions'] },
    },
    {
      version: 'V2019',
      header: ['上一年项目数量', '本年增/减', '本年增减'],
      columns: {
        licensing: ['previousItems', 'change', 'decisions'],
        otherServices: ['previousItems', 'change', 'decisions'],
        penalty: ['previousItems', 'change', 'decisions'],
        coercion: ['previousItems', 'change', 'decisions'],
      },
      signed: ['change'],
    },
  ],
};
