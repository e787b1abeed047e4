// decisions — 第二十条第（五）（六）项 (CONTRACT §3.2).
import type { KeyedRead } from '../../grammars/activeDisclosure.js';
import { decisionsVocabulary } from '../../grammars/decisions.js';
import type { Version } from '../../grammars/types.js';
import type { Decisions } from '../schema/report.js';
import { normalizeKeyed, keyedObject } from './keyed.js';
import type { NormalizeContext } from './table.js';

export function normalizeDecisions(read: KeyedRead, ctx: NormalizeContext, fallback: Version): Decisions | undefined {
  const result = normalizeKeyed(read, decisionsVocabulary, ctx, fallback);
  return result ? (keyedObject(result) as Decisions) : undefined;
}
