// fees — 第二十条第（八）（九）项 (CONTRACT §3.3): money converted to the column's unit.
import type { KeyedRead } from '../../grammars/activeDisclosure.js';
import { feesVocabulary } from '../../grammars/fees.js';
import type { Version } from '../../grammars/types.js';
import type { Fees } from '../report/schema.js';
import { normalizeKeyed } from './keyed.js';
import { setPath, type NormalizeContext } from './table.js';

export function normalizeFees(read: KeyedRead, ctx: NormalizeContext, fallback: Version): Fees | undefined {
  const result = normalizeKeyed(read, feesVocabulary, ctx, fallback);
  if (!result) return undefined;
  const { version, cells } = result;
  const out: Record<string, unknown> = { template: version.version };
  // Rows of fees have different columns (收费 vs 采购), so each row is shaped on its own.
  for (const [row, columns] of Object.entries(version.columns)) setPath(out, row, Object.fromEntries(columns.map((c) => [c, cells.get(row, c)])));
  out['extraRows'] = cells.extraRows;
  return out as Fees;
}
