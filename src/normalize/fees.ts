// fees — 第二十条第（八）（九）项 (CONTRACT §3.3): money converted to the column's unit.
import type { KeyedRead } from '../../grammars/activeDisclosure.js';
import { feesVocabulary } from '../../grammars/fees.js';
import type { Version } from '../../grammars/types.js';
import type { Fees } from '../schema/report.js';
import { normalizeKeyed, keyedObject } from './keyed.js';
import type { NormalizeContext } from './table.js';

export function normalizeFees(read: KeyedRead, ctx: NormalizeContext, fallback: Version): Fees | undefined {
  const result = normalizeKeyed(read, feesVocabulary, ctx, fallback);
  return result ? (keyedObject(result) as Fees) : undefined;
}
