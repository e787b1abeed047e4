// documents — 第二十条第（一）项 (CONTRACT §3.1).
import type { KeyedRead } from '../../grammars/activeDisclosure.js';
import { documentsVocabulary } from '../../grammars/documents.js';
import type { Version } from '../../grammars/types.js';
import type { Documents } from '../schema/report.js';
import { normalizeKeyed, keyedObject } from './keyed.js';
import type { NormalizeContext } from './table.js';

export function normalizeDocuments(read: KeyedRead, ctx: NormalizeContext, fallback: Version): Documents | undefined {
  const result = normalizeKeyed(read, documentsVocabulary, ctx, fallback);
  return result ? (keyedObject(result) as Documents) : undefined;
}
