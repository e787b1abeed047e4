// Section 二's table (主动公开政府信息情况): four V2021 or five V2019 blocks, each a caption row, a header
// row and data rows. One grammar per table and template version reads its rows out of the section.
import P from 'parsimmon';
import { ItemStream, type RawRow } from './stream.js';
import { matcher, containsAny, concatTexts, foldAll } from './match.js';
import type { KeyedTableVocabulary, KeyedVersion, Version } from './types.js';
import { documentsVocabulary } from './documents.js';
import { decisionsVocabulary } from './decisions.js';
import { feesVocabulary } from './fees.js';

export const keyedVocabularies = [documentsVocabulary, decisionsVocabulary, feesVocabulary] as const;
export type KeyedTable = KeyedTableVocabulary['table'];

export interface KeyedRow {
  /** The row key, or null for a row the agency added (kept as an extra row). */
  id: string | null;
  label: string;
  values: RawRow['values'];
  /** The version announced by the most recent header of this table before the row. */
  header?: Version;
}

export interface KeyedRead {
  table: KeyedTable;
  rows: KeyedRow[];
  /** Versions whose headers appeared in the table's blocks. */
  headers: Version[];
  /**
   * The section's text prints numbers apart from their rows' labels: numbers right under a caption or
   * header with no label of their own, or a row's label followed by the next block's header before the
   * numbers. Any row's numbers may then be its neighbour's.
   */
  offLabels?: boolean;
}

interface Compiled {
  vocab: KeyedTableVocabulary;
  match: (text: string) => string | undefined;
  /** Each row's aliases, folded. */
  aliases: Map<string, string[]>;
  captions: string[];
  versions: { version: KeyedVersion; keys: string[] }[];
}

/** A header wrapped in a narrow column keeps its first characters on one line: enough to tell the version. */
const HEADER_PREFIX = 5;

/** A version's header labels, folded, and the first HEADER_PREFIX characters of each. */
function headerKeys(header: readonly string[]): string[] {
  const keys = foldAll(header);
  return keys.concat(keys.filter((k) => k.length > HEADER_PREFIX).map((k) => k.slice(0, HEADER_PREFIX)));
}

const compiled: Compiled[] = keyedVocabularies.map((vocab) => ({
  vocab,
  match: matcher(vocab.rows).match,
  aliases: new Map(vocab.rows.map((r) => [r.id, foldAll(r.aliases)])),
  captions: foldAll(vocab.captions),
  versions: vocab.versions.map((version) => ({ version, keys: headerKeys(version.header) })),
}));

/** Any caption of section 二 (`第二十条第（一）项` …): where the section's table starts. */
export const activeDisclosureCaptionKeys = compiled.flatMap((c) => c.captions).concat(foldAll(['第二十条第']));

type Event =
  | { kind: 'caption'; table: KeyedTable }
  | { kind: 'header'; table: KeyedTable; version: Version }
  | { kind: 'row'; table: KeyedTable | null; row: KeyedRow; offLabel: boolean };

const stream = new ItemStream<RawRow>();

/**
 * The section's grammar over rows: `captionRow`, `headerRow` and `dataRow` may all be one row when the
 * page text runs them together (`第二十条第（一）项信息内容本年制发件数…规章000`), so a row yields the events
 * it contains, in print order.
 */
const section = P.createLanguage<{ row: Event[]; section: Event[] }>({
  row: () => stream.item(() => true, 'row').map(eventsOf),
  section: (r) => r.row.many().map((lists) => lists.flat()),
}).section;

export function readActiveDisclosure(rows: readonly RawRow[]): Record<KeyedTable, KeyedRead> {
  const events = stream.parse(rows, section) ?? [];
  const reads: Record<KeyedTable, KeyedRead> = {
    documents: { table: 'documents', rows: [], headers: [] },
    decisions: { table: 'decisions', rows: [], headers: [] },
    fees: { table: 'fees', rows: [], headers: [] },
  };
  let block: KeyedTable | null = null;
  const lastHeader: Partial<Record<KeyedTable, Version>> = {};
  if (events.some((e) => e.kind === 'row' && e.offLabel)) for (const read of Object.values(reads)) read.offLabels = true;
  for (const e of events) {
    if (e.kind === 'caption') block = e.table;
    else if (e.kind === 'header') {
      lastHeader[e.table] = e.version;
      if (!reads[e.table].headers.includes(e.version)) reads[e.table].headers.push(e.version);
    } else {
      // A row no vocabulary knows belongs to the block it is printed in (an agency's extra row, D5).
      const table = e.table ?? block;
      if (!table) continue;
      if (e.table) block = e.table;
      const header = lastHeader[table];
      reads[table].rows.push({ ...e.row, ...(header ? { header } : {}) });
    }
  }
  return reads;
}

/** What one row says: the captions and headers its labels name, then the row itself when it has values. */
function eventsOf(row: RawRow): Event[] {
  const events: Event[] = [];
  const text = row.labelText;
  for (const c of compiled) {
    if (containsAny(text, c.captions)) events.push({ kind: 'caption', table: c.vocab.table });
  }
  for (const c of compiled) {
    const v = c.versions.find((x) => containsAny(text, x.keys));
    if (v) events.push({ kind: 'header', table: c.vocab.table, version: v.version.version });
  }
  if (row.values.length === 0) return events;
  let table: KeyedTable | null = null;
  let id: string | null = null;
  let bestEnd = -1;
  for (const c of compiled) {
    const found = c.match(text);
    if (!found) continue;
    // The row label nearest the values wins when several tables' labels ran together.
    const end = rightmostEnd(text, c.aliases.get(found)!);
    if (end > bestEnd) {
      bestEnd = end;
      table = c.vocab.table;
      id = found;
    }
  }
  // Empty cells under a caption or a header (a form that keeps every slot of a colspan) are not an agency's row.
  if (id === null && row.values.every((v) => v.kind === 'blank')) return events;
  const label = concatTexts(row.labels).slice(-80);
  // A caption or header after the row's label, or numbers with nothing after the header: the text put
  // these numbers apart from their own row's label.
  const heading = lastHeading(text);
  const offLabel = heading !== undefined && (id === null ? heading.end >= text.length : bestEnd <= heading.start);
  events.push({ kind: 'row', table, row: { id, label, values: row.values }, offLabel });
  return events;
}

/** Every table's captions and header labels, folded. */
const headingKeys = compiled.flatMap((c) => [...c.captions, ...c.versions.flatMap((v) => v.keys)]);

/** Where the last caption or header label of any table stands in `text`. */
function lastHeading(text: string): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  for (const key of headingKeys) {
    const at = text.lastIndexOf(key);
    if (at >= 0 && (!best || at > best.start)) best = { start: at, end: at + key.length };
  }
  return best;
}

/** Where the last occurrence of any of the aliases ends in `text` (−1: none). */
function rightmostEnd(text: string, folded: readonly string[]): number {
  let end = -1;
  for (const a of folded) {
    const at = text.lastIndexOf(a);
    if (at >= 0) end = Math.max(end, at + a.length);
  }
  return end;
}
