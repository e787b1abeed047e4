// 第二十条第（一）项 — documents: 规章 and (行政)规范性文件 (SPEC §2.1, §3.2).
import type { KeyedTableVocabulary } from './types.js';

export const documentsVocabulary: KeyedTableVocabulary = {
  table: 'documents',
  captions: ['第二十条第(一)项'],
  rows: [
    { id: 'regulations', aliases: ['规章'] },
    // V2019 says 规范性文件, V2021 行政规范性文件; provinces append notes in parentheses (D4).
    { id: 'normativeDocuments', aliases: ['行政规范性文件', '规范性文件'] },
  ],
  versions: [
    {
      version: 'V2021',
      header: ['本年制发件数', '本年废止件数', '现行有效件数'],
      columns: { regulations: ['issued', 'repealed', 'inForce'], normativeDocuments: ['issued', 'repealed', 'inForce'] },
    },
    {
      version: 'V2019',
      header: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      columns: {
        regulations: ['newlyMade', 'newlyPublished', 'totalPublished'],
        normativeDocuments: ['newlyMade', 'newlyPublished', 'totalPublished'],
      },
    },
  ],
};
