// 四、政府信息公开行政复议、行政诉讼情况 — one data row of 15 cells (SPEC §2.3, §3.4).

export const outcomeColumns = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export const reviewGroups = ['review', 'litigationDirect', 'litigationAfterReview'] as const;

/** Where the table starts. */
export const reviewAnchors = ['行政复议'];
/** Header labels only the V2019/V2021 table has: without one, a 行政复议 heading is not this table. */
const reviewHeaderKeys = ['未经复议直接起诉', '复议后起诉', '直接起诉'];

// ---- grammar ----
import P from 'parsimmon';
import { ItemStream, type RawRow } from './stream.js';
import { containsAny, foldAll, isProse } from './match.js';
import type { Cell } from '../src/lex/cell.js';
import { closingKeywords } from './vocabulary/sections.js';

const headerKeys = foldAll(reviewHeaderKeys);
const closing = foldAll(closingKeywords);
export const REVIEW_CELLS = outcomeColumns.length * reviewGroups.length;

export interface ReviewRead {
  /** The value cells of the data row, in print order (may need splitting when digits ran together). */
  values: Cell[];
}

const stream = new ItemStream<RawRow>();
const isHeader = (r: RawRow) => containsAny(r.labelText, headerKeys);
/** A row that ends the data: prose, or the heading of section 五 or 六. */
const endsData = (r: RawRow) => r.labels.some((l) => isProse(l)) || containsAny(r.labelText, closing);

/** `preamble` (rows before the header), `header` (the row naming 未经复议直接起诉 / 复议后起诉), `dataRow`s. */
const table = P.createLanguage<{ preamble: RawRow[]; header: RawRow; dataRows: Cell[]; table: Cell[] }>({
  preamble: () => stream.until(isHeader),
  header: () => stream.item(isHeader, 'review header'),
  // The header row's own values open the data row; later rows continue it until 15 cells or a new section.
  dataRows: () =>
    stream.run((rows, i) => {
      const values: Cell[] = [];
      let j = i;
      for (; j < rows.length && values.length < REVIEW_CELLS; j++) {
        if (j > i && endsData(rows[j]!)) break;
        for (const v of rows[j]!.values) values.push(v);
      }
      return P.makeSuccess(j, values);
    }),
  table: (r) => r.preamble.then(P.lookahead(r.header)).then(r.dataRows),
}).table;

export function readReviewLitigation(rows: readonly RawRow[]): ReviewRead | undefined {
  const values = stream.parse(rows, table);
  return values ? { values } : undefined;
}
