// 四、政府信息公开行政复议、行政诉讼情况 — one data row of 15 cells (SPEC §2.3, §3.4).

export const outcomeColumns = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export const reviewGroups = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type ReviewGroup = (typeof reviewGroups)[number];

/** Where the table starts. */
export const reviewAnchors = ['行政复议'];
/** Header labels only the V2019/V2021 table has: without one, a 行政复议 heading is not this table. */
const reviewHeaderKeys = ['未经复议直接起诉', '复议后起诉', '直接起诉'];
/** The words that name each group over its own columns (a table printed one group at a time). */
const groupNames: Readonly<Record<ReviewGroup, readonly string[]>> = {
  review: ['行政复议'],
  litigationDirect: ['未经复议直接起诉', '直接起诉'],
  litigationAfterReview: ['复议后起诉'],
};
/** The outcome columns' words as a group's header prints them, short or long (`维持`, `结果维持`). */
const outcomeWords = ['维持', '纠正', '其他', '审结', '总计'];

// ---- grammar ----
import P from 'parsimmon';
import { ItemStream, type RawRow } from './stream.js';
import { containsAny, foldAll, foldedText, isProse } from './match.js';
import type { Cell } from '../src/lex/cell.js';
import { closingKeywords } from './vocabulary/sections.js';

const headerKeys = foldAll(reviewHeaderKeys);
const closing = foldAll(closingKeywords);
const groupKeys = reviewGroups.flatMap((g) => foldAll(groupNames[g]).map((key) => ({ group: g, key })));
const outcomeKeys = foldAll(outcomeWords);
export const REVIEW_CELLS = outcomeColumns.length * reviewGroups.length;

export interface ReviewRead {
  /** The value cells of the data row, in print order (may need splitting when digits ran together). */
  values: Cell[];
  /**
   * When the table is printed as one table per group (a PDF converter's three 5-column tables), each
   * group's cells under its own header; a group whose header stands over no cells is absent.
   */
  groups?: Partial<Record<ReviewGroup, Cell[]>>;
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
  const groups = readGroupTables(rows);
  if (groups) return { values: [], groups };
  const values = stream.parse(rows, table);
  return values ? { values } : undefined;
}

/**
 * The table printed one group at a time: each group's name, then its own five outcome words, then its
 * five cells. Every cell run must stand under a group header of its own (the nearest before it, with no
 * run between); any run that does not, or that is not five cells, makes this not the layout, and the
 * table is read as one row. All three groups must be headed and at least two read: a header over
 * nothing (a row of blanks a converter dropped) leaves its group unread, never takes another's cells.
 */
function readGroupTables(rows: readonly RawRow[]): Partial<Record<ReviewGroup, Cell[]>> | undefined {
  const groups: Partial<Record<ReviewGroup, Cell[]>> = {};
  const headed = new Set<ReviewGroup>();
  let read = 0;
  /** The group whose own header stands last before the next cells. */
  let current: ReviewGroup | undefined;
  for (let i = 0; i < rows.length && read < reviewGroups.length; i++) {
    const row = rows[i]!;
    if (i > 0 && endsData(row)) break;
    let text = '';
    for (const l of row.labels) text += foldedText(l);
    const names = groupNamesIn(text);
    for (let k = 0; k < names.length; k++) {
      const words = text.slice(names[k]!.end, names[k + 1]?.start ?? text.length);
      current = headsColumns(words) ? names[k]!.group : undefined;
      if (current && headed.has(current)) return undefined;
      if (current) headed.add(current);
    }
    if (row.values.length === 0) continue;
    if (!current || row.values.length !== outcomeColumns.length) return undefined;
    groups[current] = row.values;
    read++;
    current = undefined;
  }
  return headed.size === reviewGroups.length && read >= 2 ? groups : undefined;
}

/** The group names in folded text, left to right; of two that overlap (`行政复议后起诉`) the one ending later. */
function groupNamesIn(text: string): { group: ReviewGroup; start: number; end: number }[] {
  const found: { group: ReviewGroup; start: number; end: number }[] = [];
  for (const { group, key } of groupKeys) {
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) found.push({ group, start: at, end: at + key.length });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: typeof found = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}

/** Each of the five outcome words exactly once: the header of one group's own columns. */
function headsColumns(words: string): boolean {
  for (const w of outcomeKeys) {
    const at = words.indexOf(w);
    if (at < 0 || words.indexOf(w, at + 1) >= 0) return false;
  }
  return true;
}
