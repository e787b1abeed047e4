// 三、收到和处理政府信息公开申请情况 — applications (SPEC §2.2, §3.3): 7 applicant columns, 25 data rows
// in V2021, 23 in V2019 where （六）其他处理 is a single row.
import type { RowVocabulary } from './match.js';
import type { Version } from './types.js';

export const applicantColumns = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'] as const;

/** Where the table starts: its header note, its header, or its first row. */
export const applicationsAnchors = ['勾稽关系', '申请人情况', '本年新收政府信息公开申请'];

/** Data rows in print order. `versions` omitted = in both templates. */
export const applicationRows: readonly (RowVocabulary & { versions?: readonly Version[]; group?: string })[] = [
  { id: 'newReceived', aliases: ['本年新收政府信息公开申请', '本年新收'] },
  { id: 'carriedOver', aliases: ['上年结转政府信息公开申请', '上年结转'] },
  { id: 'results.granted', aliases: ['予以公开'] },
  { id: 'results.partiallyGranted', aliases: ['部分公开'] },
  { id: 'results.denied.stateSecret', aliases: ['属于国家秘密', '国家秘密'], group: 'denied' },
  // 031 prints the misprint 2.其他法律行政止公开.
  { id: 'results.denied.prohibitedByLaw', aliases: ['其他法律行政法规禁止公开', '其他法律行政', '法规禁止公开'], group: 'denied' },
  { id: 'results.denied.threeSecurityOneStability', aliases: ['危及三安全一稳定', '三安全一稳定'], group: 'denied' },
  { id: 'results.denied.thirdPartyRights', aliases: ['保护第三方合法权益', '第三方合法权益'], group: 'denied' },
  { id: 'results.denied.internalAffairs', aliases: ['属于三类内部事务信息', '三类内部事务'], group: 'denied' },
  { id: 'results.denied.processInformation', aliases: ['属于四类过程性信息', '四类过程性'], group: 'denied' },
  { id: 'results.denied.lawEnforcementFile', aliases: ['属于行政执法案卷', '行政执法案卷'], group: 'denied' },
  { id: 'results.denied.administrativeQuery', aliases: ['属于行政查询事项', '行政查询事项'], group: 'denied' },
  { id: 'results.unableToProvide.notHeld', aliases: ['本机关不掌握相关政府信息', '不掌握相关', '不掌握'], group: 'unableToProvide' },
  { id: 'results.unableToProvide.needsCreation', aliases: ['没有现成信息需要另行制作', '没有现成信息', '另行制作'], group: 'unableToProvide' },
  { id: 'results.unableToProvide.unclearAfterCorrection', aliases: ['补正后申请内容仍不明确', '补正后申请内容', '补正后'], group: 'unableToProvide' },
  { id: 'results.notProcessed.complaint', aliases: ['信访举报投诉类申请', '信访举报投诉'], group: 'notProcessed' },
  { id: 'results.notProcessed.repeated', aliases: ['重复申请'], group: 'notProcessed' },
  { id: 'results.notProcessed.publication', aliases: ['要求提供公开出版物', '公开出版物'], group: 'notProcessed' },
  { id: 'results.notProcessed.excessive', aliases: ['无正当理由大量反复申请', '大量反复'], group: 'notProcessed' },
  { id: 'results.notProcessed.confirmation', aliases: ['要求行政机关确认或重新出具已获取信息', '确认或重新出具', '重新出具'], group: 'notProcessed' },
  { id: 'results.otherDisposal.overdueCorrection', aliases: ['逾期不补正', '申请人无正当理由'], versions: ['V2021'], group: 'otherDisposal' },
  { id: 'results.otherDisposal.overdueFee', aliases: ['逾期未按收费通知', '申请人逾期未按', '逾期未按收费'], versions: ['V2021'], group: 'otherDisposal' },
  { id: 'results.otherDisposal.other', aliases: ['3.其他'], atEnd: true, versions: ['V2021'], group: 'otherDisposal' },
  { id: 'results.otherDisposal.total', aliases: ['(六)其他处理', '其他处理'], versions: ['V2019'] },
  { id: 'results.total', aliases: ['(七)总计', '七)总计', '(七)合计', '七、总计'] },
  { id: 'carriedForward', aliases: ['结转下年度继续办理', '结转下年度'] },
];

/** Group headings: no values of their own; a value row under one is an agency's subtotal (D10). */
export const applicationGroups: readonly RowVocabulary[] = [
  { id: 'group.denied', aliases: ['(三)不予公开', '不予公开'] },
  { id: 'group.unableToProvide', aliases: ['(四)无法提供', '无法提供'] },
  { id: 'group.notProcessed', aliases: ['(五)不予处理', '不予处理'] },
  { id: 'group.results', aliases: ['本年度办理结果'] },
];

/** Rows present only in V2021 mark a V2021 table; a valued （六）其他处理 row marks V2019. */
const v2021OnlyRows = applicationRows.filter((r) => r.versions?.length === 1 && r.versions[0] === 'V2021').map((r) => r.id);
const v2019OnlyRows = applicationRows.filter((r) => r.versions?.length === 1 && r.versions[0] === 'V2019').map((r) => r.id);

export function rowsOf(version: Version): string[] {
  // A push loop: the array is packed whether or not this function is optimized (an optimized map()
  // makes a holey one), so the code that reads the ids meets one array map.
  const ids: string[] = [];
  for (const r of applicationRows) if (!r.versions || r.versions.includes(version)) ids.push(r.id);
  return ids;
}

/** Derived group sums (CONTRACT §3.4): reported as `derived` records. */
export const applicationGroupTotals: Readonly<Record<string, readonly string[]>> = {
  'results.denied.total': applicationRows.filter((r) => r.group === 'denied').map((r) => r.id),
  'results.unableToProvide.total': applicationRows.filter((r) => r.group === 'unableToProvide').map((r) => r.id),
  'results.notProcessed.total': applicationRows.filter((r) => r.group === 'notProcessed').map((r) => r.id),
  'results.otherDisposal.total': applicationRows.filter((r) => r.group === 'otherDisposal').map((r) => r.id),
};

// ---- grammar ----
import P from 'parsimmon';
import { ItemStream, type RawRow } from './stream.js';
import type { Cell } from '../src/lex/cell.js';
import { matcher, containsAny, concatTexts, foldAll, foldedText, isProse } from './match.js';
import { foldLabel } from './vocabulary/fold.js';

export type Evidence = 'strong' | 'weak' | 'none';

export interface ApplicationRow {
  /** A row key, a `group.*` heading (an agency subtotal), or null when no label names the values. */
  id: string | null;
  values: RawRow['values'];
  /** strong: the label is on the values' own row; weak: on a line before; none: no label since the last values. */
  evidence: Evidence;
  /** The labels before the values name more than one data row (labels detached from their numbers). */
  severalRows: boolean;
  label: string;
}

export interface ApplicationsRead {
  rows: ApplicationRow[];
  /** Rows whose own label is printed (on a label cell of its own), with values or without. */
  labelled: Set<string>;
  /** From the rows' own labels: V2021 sub-rows of （六）, or a valued （六）其他处理 row (V2019). */
  template?: Version;
}

const rowMatcher = matcher([...applicationRows, ...applicationGroups]);
/** Longer label cells are narrative, not a row's own label (the longest, （六）1., has 33 characters). */
const ROW_LABEL_LIMIT = 60;
const dataRowMatcher = matcher(applicationRows);
const v2021Keys = foldAll(applicationRows.filter((r) => v2021OnlyRows.includes(r.id) && !r.atEnd).flatMap((r) => r.aliases));

/** The table's grammar over rows: `valueRow`s (labelled or not) and `labelRow`s (headings, headers). */
const stream = new ItemStream<RawRow>();
const table = P.createLanguage<{ valueRow: ApplicationRow; labelRow: null; table: ApplicationRow[] }>({
  valueRow: () => stream.item((r) => r.values.length > 0, 'value row').map(classify),
  labelRow: () => stream.item((r) => r.values.length === 0, 'label row').map(() => null),
  table: (r) => P.alt(r.valueRow, r.labelRow).many().map((xs) => xs.filter((x): x is ApplicationRow => x !== null)),
}).table;

export function readApplications(rows: readonly RawRow[]): ApplicationsRead {
  const read = stream.parse(rows, table) ?? [];
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.values.length === 0) continue;
    const r = read[k++];
    if (!r) break;
    const own = labelWrappedAfter(rows[i]!, rows[i + 1]);
    if (own !== undefined) r.id = own;
  }
  joinLabelsWrappedAroundFirstValue(read);
  let template: Version | undefined;
  if (rows.some((r) => containsAny(r.labelText, v2021Keys)) || read.some((r) => r.id !== null && v2021OnlyRows.includes(r.id))) template = 'V2021';
  else if (read.some((r) => r.id !== null && v2019OnlyRows.includes(r.id))) template = 'V2019';
  const labelled = new Set<string>();
  for (const r of rows)
    for (const l of r.labels) {
      // A sentence that names a row (`本年新收…申请859件。`) is narrative, not the row's label.
      if (isProse(l) || l.text.length > ROW_LABEL_LIMIT) continue;
      const id = rowMatcher.match(foldedText(l));
      if (id && !id.startsWith('group.')) labelled.add(id);
    }
  return { rows: read, labelled, ...(template ? { template } : {}) };
}

/** A label fragment short enough to be the tail of a wrapped row label (`他情形）`). */
const TAIL_LIMIT = 12;

/**
 * A row label wrapped around the row's first number (`…不计其 29` / `他情形） 0 0 0 0 0 29`: pdftotext
 * puts the first cell on the label's line): a named row short of cells, then an unnamed row whose label
 * is a tail (no item number) and whose numbers make up the rest, are one row.
 */
function joinLabelsWrappedAroundFirstValue(read: ApplicationRow[]): void {
  for (let j = 0; j + 1 < read.length; j++) {
    const row = read[j]!;
    const next = read[j + 1]!;
    if (row.id === null || next.id !== null || row.values.length >= applicantColumns.length) continue;
    if (row.values.length + next.values.length !== applicantColumns.length) continue;
    const tail = foldLabel(next.label.trim());
    if (!tail || tail.length > TAIL_LIMIT || ITEM_START.test(tail) || ITEM_INSIDE.test(tail)) continue;
    row.values = [...row.values, ...next.values];
    read.splice(j + 1, 1);
  }
}

function classify(row: RawRow): ApplicationRow {
  const evidence: Evidence = row.labels.length === 0 ? 'none' : row.sameRow ? 'strong' : 'weak';
  const found = evidence === 'none' ? undefined : rowMatcher.find(row.labelText);
  const id = found ? (found.id.startsWith('group.') ? (interruptedRow(row.labelText, found) ?? found.id) : found.id) : null;
  const label = concatTexts(row.labels).slice(-80);
  return { id, values: row.values, evidence, severalRows: evidence === 'weak' && namesSeveralRows(row), label };
}

/**
 * A group heading printed inside its first row's label (`1.本机关不掌握相关（四）无法提供政府信息`: a merged
 * cell read between the two lines of a wrapped label): the data row whose label the heading cuts in two.
 */
function interruptedRow(text: string, group: { start: number; end: number }): string | undefined {
  const joined = text.slice(0, group.start) + text.slice(group.end);
  const row = dataRowMatcher.find(joined);
  return row && row.start < group.start && row.end > group.start ? row.id : undefined;
}

/** `1.` `2、` `（一）` `(四)` `三、`: a row label's item number (folded text). */
const ITEM_START = /^(?:\d{1,2}[.、．]|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)/;
/** An item number anywhere in a label cell: where the next row's label begins. */
const ITEM_INSIDE = /\d{1,2}[.、．](?!\d)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、/;
/** Label cells after the values that may finish a label begun on the values' line. */
const CONTINUATION_LIMIT = 6;

/**
 * A label begun on the values' own line (`1.本机关不`), by an item number, after the label the match
 * found (on lines above): the values are that item's, and its label wraps onto the lines after them
 * (pdftotext -layout, w3m). Its id from the label and its continuation in the same column; null when
 * they name no row; undefined when the values' line begins no item after the match.
 */
function labelWrappedAfter(row: RawRow, next: RawRow | undefined): string | null | undefined {
  const first = row.values[0];
  if (!row.sameRow || first?.line === undefined) return undefined;
  let ownText = '';
  let item: Cell | undefined;
  for (let i = row.labels.length - 1; i >= 0 && row.labels[i]!.line === first.line; i--) {
    const l = row.labels[i]!;
    ownText = foldedText(l) + ownText;
    if (!item && ITEM_START.test(foldedText(l))) item = l;
  }
  if (!item || ownText.length > row.labelText.length) return undefined;
  const found = rowMatcher.find(row.labelText);
  if (found && found.end > row.labelText.length - ownText.length) return undefined;
  let text = foldedText(item);
  const itemLength = text.length;
  let taken = 0;
  for (const l of next?.labels ?? []) {
    if (taken++ >= CONTINUATION_LIMIT) break;
    if (!sameColumn(item, l)) continue;
    const t = foldedText(l);
    const cut = t.search(ITEM_INSIDE);
    text += cut >= 0 ? t.slice(0, cut) : t;
    if (cut >= 0) break;
  }
  // The label begun on the values' line must name a data row; an item number that names none leaves the values unnamed.
  const m = rowMatcher.find(text);
  if (m && !m.id.startsWith('group.') && m.start < itemLength) return m.id;
  return /^\d/.test(text) ? null : undefined;
}

/** Two cells overlap in display columns (or either has none: a form without columns). */
function sameColumn(a: Cell, b: Cell): boolean {
  if (a.x === undefined || b.x === undefined || a.xEnd === undefined || b.xEnd === undefined) return true;
  return a.x < b.xEnd && b.x < a.xEnd;
}

/** Two label cells before the values name two different data rows: which one the values belong to is unknown. */
function namesSeveralRows(row: RawRow): boolean {
  let first: string | undefined;
  for (const cell of row.labels.slice(-8)) {
    const id = dataRowMatcher.match(foldedText(cell));
    if (id === undefined) continue;
    if (first === undefined) first = id;
    else if (id !== first) return true;
  }
  return false;
}
