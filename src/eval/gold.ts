// A gold file (`NAME.gold.json` beside a report): what a person checked the report prints, cell by
// cell, and what the report's own numbers fail (docs/eval.md).
import { z } from 'zod';

const cellPath = z.string().regex(/^[A-Za-z]+\/[A-Za-z.]+\/[A-Za-z]+$/, 'a cell path is table/row/column');
const sourceCheck = z.enum(['T3-A', 'T3-B', 'T3-C', 'T4-A', 'T4-B', 'T4-C']);

export const goldSchema = z.object({
  /** The report file, beside the gold file. */
  file: z.string().min(1),
  /** `V2019`, `V2021`, or `unknown` for a report without the template's tables (before 2019). */
  template: z.enum(['V2019', 'V2021', 'unknown']).optional(),
  meta: z.object({ agency: z.string().nullable().optional(), year: z.number().int().nullable().optional() }).optional(),
  /** Every cell the report prints, by CellPath; null for a cell it leaves blank. */
  cells: z.record(cellPath, z.number().nullable()),
  /** Cells the file itself cannot settle (digits run together with several valid splits). */
  ambiguous: z.array(cellPath).optional(),
  /** Checks the published numbers fail: the parser must flag them, never fix them. */
  sourceChecksFail: z.array(sourceCheck).optional(),
});

export type Gold = z.infer<typeof goldSchema>;
