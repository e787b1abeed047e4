// documents — 第二十条第（一）项 (CONTRACT §3.1).
import type { KeyedRead } from '../../grammars/activeDisclosure.js';
import { documentsVocabulary } from '../../grammars/documents.js';
import type { Version } from '../../grammars/types.js';
import type { Documents } from '../report/schema.js';
import { normalizeKeyed } from './keyed.js';
import type { NormalizeContext } from './table.js';

export function normalizeDocuments(read: KeyedRead, ctx: NormalizeContext, fallback: Version): Documents | undefined {
  const result = normalizeKeyed(read, documentsVocabulary, ctx, fallback);
  if (!result) return undefined;
  const { version, cells } = result;
  const rows = Object.keys(version.columns);
  const columns = version.columns['regulations']!;
  return { template: version.version, ...cells.toObject(rows, columns), extraRows: cells.extraRows } as Documents;
}
