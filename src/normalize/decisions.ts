// decisions — 第二十条第（五）（六）项 (CONTRACT §3.2).
import type { KeyedRead } from '../../grammars/activeDisclosure.js';
import { decisionsVocabulary } from '../../grammars/decisions.js';
import type { Version } from '../../grammars/types.js';
import type { Decisions } from '../report/schema.js';
import { normalizeKeyed } from './keyed.js';
import type { NormalizeContext } from './table.js';

export function normalizeDecisions(read: KeyedRead, ctx: NormalizeContext, fallback: Version): Decisions | undefined {
  const result = normalizeKeyed(read, decisionsVocabulary, ctx, fallback);
  if (!result) return undefined;
  const { version, cells } = result;
  const rows = Object.keys(version.columns);
  const columns = version.columns['licensing']!;
  return { template: version.version, ...cells.toObject(rows, columns), extraRows: cells.extraRows } as Decisions;
}
