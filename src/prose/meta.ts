// Title, agency, reporting year, publication date and 信息处理费, read from the report's plain text.
import {
  agencySuffixes,
  predicateLeadIns,
  agencyLeadIns,
  dateFieldNames,
  noFeePhrases,
  processingFeeKeys,
  titleSuffixes,
} from '../../grammars/vocabulary/sections.js';
import { foldTraditional } from '../../grammars/vocabulary/fold.js';

export interface TitleInfo {
  title?: string;
  agency?: string;
  year?: number;
}

const HEAD_LINES = 80;
/** Characters of a line looked at for a title. */
const LINE_LIMIT = 4000;
const BOUNDARY = new Set([' ', '\t', '\u3000', ':', '：', '，', ',', '。', '；', ';', '、', '》', '《', '(', ')', '（', '）', '“', '”', '"', '|', '_', '>']);

/**
 * CONTRACT §3: the agency as the report names it in its title — before the year, or between the
 * year and 政府信息公开 — else in its opening sentence, else the signature line at the end.
 */
export function readTitle(text: string, htmlTitle?: string): TitleInfo {
  const candidates: string[] = [];
  // Cut like every head line: a page's <title> can be any length, and titleIn is quadratic in a line's length.
  if (htmlTitle) candidates.push(htmlTitle.slice(0, LINE_LIMIT));
  const lines = headLines(text);
  for (const source of candidates) {
    const found = titleIn(source, undefined);
    if (found) return found;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A title wrapped over two lines; not a breadcrumb (`政府信息公开年报`) above a title of its own.
    const joined = i + 1 < lines.length && !hasSuffix(line) && !hasSuffix(lines[i + 1]!) ? line + lines[i + 1]! : line;
    const found = titleIn(joined, i > 0 ? lines[i - 1] : undefined);
    if (found) return found;
  }
  return {};
}

function headLines(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  while (out.length < HEAD_LINES && from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const line = tidy(text.slice(from, Math.min(to, from + LINE_LIMIT)));
    if (line) out.push(line);
    from = to + 1;
  }
  return out;
}

/**
 * Trims a line, drops the marks markdown puts around a heading or emphasis (`# `, `**`, `__`, `> `),
 * and closes the gaps PDF text leaves around digits (`2024 年`, `2023 年度`).
 */
function tidy(line: string): string {
  return line.trim().replace(/^(?:[#>]+\s*)+/, '').replace(/\*\*|__|(?<![\p{L}\p{N}])[*_]|[*_](?![\p{L}\p{N}])/gu, '').trim().replace(/(\d)\s+(?=[年月日])/g, '$1').replace(/([年月])\s+(?=\d)/g, '$1');
}

function hasSuffix(line: string): boolean {
  const folded = foldTraditional(line);
  return titleSuffixes.some((s) => folded.includes(s));
}

// Keywords are found in the traditional-folded line (公開 → 公开); what is returned is sliced from the
// line itself at the same offsets, so a traditional title keeps its own characters.
function titleIn(line: string, previous: string | undefined): TitleInfo | undefined {
  const folded = foldTraditional(line);
  for (const suffix of titleSuffixes) {
    let at = folded.indexOf(suffix);
    while (at >= 0) {
      const found = titleAt(line, at, suffix, previous);
      if (found) return found;
      at = folded.indexOf(suffix, at + 1);
    }
  }
  return undefined;
}

function titleAt(line: string, at: number, suffix: string, previous: string | undefined): TitleInfo | undefined {
  const year = lastYearBefore(line, at);
  if (!year) return undefined;
  const between = line.slice(year.end, at).trim();
  let segment = year.start;
  while (segment > 0 && !BOUNDARY.has(line[segment - 1]!)) segment--;
  const before = line.slice(segment, year.start);
  const end = at + suffix.length;
  // A title stands on its own line; the same words inside a sentence are an opening sentence.
  const standsAlone = line.length - end <= 2 && (segment === 0 || /[:：\s]/.test(line[segment - 1] ?? ''));
  let agency = between || stripLeadIn(before.trim(), foldTraditional(before).trim());
  let title = line.slice(segment, end);
  if (!agency && previous && isNameLike(previous)) {
    agency = previous;
    title = previous + title;
  }
  if (between && between.length > 40) return undefined;
  return { ...(standsAlone ? { title } : {}), ...(agency ? { agency } : {}), year: year.value };
}

function lastYearBefore(line: string, at: number): { start: number; end: number; value: number } | undefined {
  const window = line.slice(Math.max(0, at - 60), at);
  const offset = Math.max(0, at - 60);
  let found: { start: number; end: number; value: number } | undefined;
  const re = /((?:19|20)\d\d)年度?/g;
  for (let m = re.exec(window); m; m = re.exec(window)) found = { start: offset + m.index, end: offset + m.index + m[0].length, value: Number(m[1]) };
  return found;
}

function stripLeadIn(text: string, folded: string): string {
  for (const lead of agencyLeadIns) {
    const at = folded.lastIndexOf(lead);
    if (at >= 0) return text.slice(at + lead.length);
  }
  return text;
}

/**
 * The agency as the subject of the overview's first sentence (`2024年，平潭综合实验区坚持以…`): the words
 * between the year and the predicate, when they end as an agency's name does. For text that lost its
 * title and signature (an article extractor's textContent).
 */
export function readSubject(overview: string | undefined): string | undefined {
  if (!overview) return undefined;
  const m = /(?:19|20)\d\d年(?:度|以来)?[，,]\s*([^，,。；;、\s]{2,40})/.exec(overview.slice(0, 400));
  if (!m) return undefined;
  const clause = m[1]!;
  let end = clause.length;
  for (const lead of predicateLeadIns) {
    const at = clause.indexOf(lead, 2);
    if (at >= 0 && at < end) end = at;
  }
  const subject = clause.slice(0, end);
  return isNameLike(subject) && agencySuffixes.some((s) => subject.endsWith(s)) ? subject : undefined;
}

/** A line that can only be a name: short, no digits, no sentence punctuation. */
function isNameLike(line: string): boolean {
  return line.length >= 2 && line.length <= 30 && !/[\d，。：:、,.]/.test(line);
}

/** The reporting year when the title gives none: 统计期限 … YYYY年1月1日, else the most frequent year. */
export function readYear(text: string): number | undefined {
  const head = foldTraditional(text.slice(0, 20000));
  const period = /统计(?:期限|周期|时限)[^。\n]{0,20}?((?:19|20)\d\d)\s*年/.exec(head);
  if (period) return Number(period[1]);
  const counts = new Map<number, number>();
  const re = /((?:19|20)\d\d)\s*年/g;
  for (let m = re.exec(head); m; m = re.exec(head)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | undefined;
  for (const [y, c] of counts) if (best === undefined || c > counts.get(best)! || (c === counts.get(best)! && y < best)) best = y;
  return best;
}

/** The agency from the signature line: a short name-like line just before the closing date. */
export function readSignature(text: string): string | undefined {
  const tail = text.slice(-600).split('\n').map(tidy).filter(Boolean);
  for (let i = tail.length - 1; i > 0; i--) {
    if (parseDate(tail[i]!) && isNameLike(tail[i - 1]!)) return tail[i - 1];
  }
  return undefined;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `2024年1月29日`, `2024-01-29`, `二〇二四年一月二十九日` → `2024-01-29`. */
export function parseDate(text: string): string | undefined {
  const arabic = /((?:19|20)\d\d)\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/.exec(text);
  if (arabic) return iso(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
  const chinese = /([〇零一二三四五六七八九ＯO]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/.exec(text);
  if (chinese) {
    const year = Number([...chinese[1]!].map((c) => CN_DIGITS[c]).join(''));
    return iso(year, chineseNumber(chinese[2]!), chineseNumber(chinese[3]!));
  }
  return undefined;
}

function chineseNumber(s: string): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s[1]!] ?? 0);
  if (s.includes('十')) return (CN_DIGITS[s[0]!] ?? 0) * 10 + (s.length > 2 ? (CN_DIGITS[s[2]!] ?? 0) : 0);
  return CN_DIGITS[s] ?? 0;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date the report ends with (its signature), else a publication-date field near the top. */
export function readPublishedAt(text: string, closing: string | undefined): string | undefined {
  if (closing) {
    const tail = closing.slice(-60);
    const all = [...tail.matchAll(/(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九ＯO]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日/g)];
    const last = all[all.length - 1];
    if (last) {
      const date = parseDate(last[0]);
      if (date) return date;
    }
  }
  const head = foldTraditional(text.slice(0, 3000));
  for (const field of dateFieldNames) {
    const at = head.indexOf(field);
    if (at >= 0) {
      const date = parseDate(head.slice(at, at + 40));
      if (date) return date;
    }
  }
  return undefined;
}

/** 信息处理费 in yuan from section 六: the amount it states, 0 when it says none was charged. */
export function readProcessingFee(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const other = foldTraditional(text);
  for (const key of processingFeeKeys) {
    let at = other.indexOf(key);
    while (at >= 0) {
      const window = other.slice(Math.max(0, at - 20), at + key.length + 30);
      const after = /^[^。；;\d]{0,12}?(\d+(?:\.\d+)?)\s*(万元|元)/.exec(other.slice(at + key.length, at + key.length + 40));
      if (after) return Number(after[1]) * (after[2] === '万元' ? 10000 : 1);
      const before = /(\d+(?:\.\d+)?)\s*(万元|元)[^。；;\d]{0,6}$/.exec(other.slice(Math.max(0, at - 20), at));
      if (before) return Number(before[1]) * (before[2] === '万元' ? 10000 : 1);
      if (noFeePhrases.some((p) => window.includes(p))) return 0;
      at = other.indexOf(key, at + 1);
    }
  }
  // "未发生政府信息公开收费事项": no fee, said without the word 信息处理费.
  if (/(?:未发生|无|没有)[^。]{0,12}收费/.test(other)) return 0;
  return undefined;
}
