// Title, agency, reporting year, publication date and 信息处理费, read from the report's plain text.
import {
  agencySuffixes,
  predicateLeadIns,
  agencyLeadIns,
  dateFieldNames,
  pageDateFields,
  noFeePhrases,
  processingFeeKeys,
  titleSuffixes,
} from '../../grammars/vocabulary/sections.js';
import { foldTraditional } from '../../grammars/vocabulary/fold.js';
import { isPageNumberLine } from '../../grammars/vocabulary/layout.js';

export interface TitleInfo {
  title?: string;
  agency?: string;
  year?: number;
  /** Where the title ends in the text (not for a page's <title>): a page prints its date after it. */
  end?: number;
}

/** Lines looked at for a title: a scraped page can print a few hundred lines of site chrome first. */
const HEAD_LINES = 400;
/** Characters of a line looked at for a title. */
const LINE_LIMIT = 4000;
/** Characters before the year a title's agency may take (`between`, after the year, is held to 40). */
const MAX_BEFORE = 40;
/** Title words looked at per line and suffix: a line that repeats them is not a title line. */
const MAX_TITLES_PER_LINE = 8;
const BOUNDARY = new Set([' ', '\t', '\u3000', ':', '：', '，', ',', '。', '；', ';', '、', '》', '《', '(', ')', '（', '）', '“', '”', '"', '|', '_', '>']);

/**
 * CONTRACT §3: the agency as the report names it in its title — before the year, or between the
 * year and 政府信息公开 — else in its opening sentence, else the signature line at the end.
 */
export function readTitle(text: string, htmlTitle?: string): TitleInfo {
  // Cut like every head line: a page's <title> can be any length.
  const inTitle = htmlTitle ? titleIn(htmlTitle.slice(0, LINE_LIMIT), undefined) : undefined;
  let first = inTitle && info(inTitle);
  if (first?.title) return first;
  const lines = headLines(text);
  for (let i = 0; i < lines.length; i++) {
    const found = titleAtLine(text, lines, i);
    if (!found) continue;
    // A title on a line of its own is the title; a page's <title> with the site's name after it, or an
    // opening sentence, gives the agency and year only if no such line follows.
    if (found.title) return { ...first, ...found };
    first ??= found;
  }
  return first ?? {};
}

function titleAtLine(text: string, lines: readonly Line[], i: number): TitleInfo | undefined {
  const line = lines[i]!.text;
  const previous = i > 0 ? lines[i - 1]!.text : undefined;
  if (hasSuffix(line)) {
    // The agency and year on the line above the title words (`平潭综合实验区2019年` / `政府信息公开工作年度报告`).
    const found = titleIn(line, previous) ?? (previous !== undefined && !hasSuffix(previous) ? titleIn(previous + line, i > 1 ? lines[i - 2]!.text : undefined) : undefined);
    if (found) return info(found, suffixEnd(text, lines[i]!, found));
  } else if (i + 1 < lines.length && !hasSuffix(lines[i + 1]!.text)) {
    // The title words themselves wrapped (`…政府信息公开工作年` / `度报告`).
    const found = titleIn(line + lines[i + 1]!.text, previous);
    if (found) return info(found, lines[i + 1]!.end);
  }
  return undefined;
}

function info({ suffix: _suffix, nth: _nth, ...found }: Found, end?: number): TitleInfo {
  return end === undefined ? found : { ...found, end };
}

interface Line {
  /** The line tidied. */
  text: string;
  /** Where it starts and ends in the text. */
  start: number;
  end: number;
}

/** A title read from a line, and which of the line's title words ended it. */
type Found = TitleInfo & { suffix: string; nth: number };

/** Where the title words end in the line's own text (a page's text may run on after them), else the line's end. */
function suffixEnd(text: string, line: Line, { suffix, nth }: Found): number {
  const raw = foldTraditional(text.slice(line.start, line.end));
  let at = raw.indexOf(suffix);
  for (let n = 0; n < nth && at >= 0; n++) at = raw.indexOf(suffix, at + 1);
  return at >= 0 ? line.start + at + suffix.length : line.end;
}

function headLines(text: string): Line[] {
  const out: Line[] = [];
  let from = 0;
  while (out.length < HEAD_LINES && from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const line = tidy(text.slice(from, Math.min(to, from + LINE_LIMIT)));
    // A page number between the lines of a wrapped title is not part of it.
    if (line && !isPageNumberLine(line)) out.push({ text: line, start: from, end: Math.min(to, from + LINE_LIMIT) });
    from = to + 1;
  }
  return out;
}

/**
 * Trims a line, drops the marks markdown puts around a heading, emphasis or a span (`# `, `**`, `__`,
 * `> `, `[…]{style="…"}`), and closes the gaps PDF text leaves between ideographs and digits
 * (`平潭综合实验区 2024 年度`).
 */
function tidy(line: string): string {
  return unwrapSpans(line.trim().replace(/^(?:[#>]+\s*)+/, ''))
    .replace(/\*\*|__|(?<![\p{L}\p{N}])[*_]|[*_](?![\p{L}\p{N}])/gu, '')
    .trim()
    .replace(/(\p{Script=Han})[ \t\u00a0\u3000]+(?=\d)/gu, '$1')
    .replace(/(\d)[ \t\u00a0\u3000]+(?=\p{Script=Han})/gu, '$1');
}

/** Markdown's bracketed spans, nested (`[[平潭综合实验区]{style="…"}2019年]{style="…"}`), to their text; links stay. */
function unwrapSpans(line: string): string {
  if (!line.includes('[')) return line;
  let out = line.replace(/\]\{[^{}]*\}/g, ']');
  for (let depth = 0; depth < 4; depth++) {
    const next = out.replace(/\[([^[\]]*)\](?![([])/g, '$1');
    if (next === out) break;
    out = next;
  }
  return out;
}

function hasSuffix(line: string): boolean {
  const folded = foldTraditional(line);
  return titleSuffixes.some((s) => folded.includes(s));
}

// Keywords are found in the traditional-folded line (公開 → 公开); what is returned is sliced from the
// line itself at the same offsets, so a traditional title keeps its own characters.
function titleIn(line: string, previous: string | undefined): Found | undefined {
  const folded = foldTraditional(line);
  let first: Found | undefined;
  for (const suffix of titleSuffixes) {
    let at = folded.indexOf(suffix);
    for (let nth = 0; at >= 0 && nth < MAX_TITLES_PER_LINE; nth++) {
      const found = titleAt(line, at, suffix, previous);
      // A page's text run together can hold the page's <title> first and the title itself after it.
      if (found?.title) return { ...found, suffix, nth };
      if (found) first ??= { ...found, suffix, nth };
      at = folded.indexOf(suffix, at + 1);
    }
  }
  return first;
}

function titleAt(line: string, at: number, suffix: string, previous: string | undefined): TitleInfo | undefined {
  const year = lastYearBefore(line, at);
  if (!year) return undefined;
  const between = line.slice(year.end, at).trim();
  // An agency's name is short: text that runs on further back without a break is not a title's.
  let segment = year.start;
  while (segment > 0 && year.start - segment < MAX_BEFORE && !BOUNDARY.has(line[segment - 1]!)) segment--;
  const bounded = segment === 0 || BOUNDARY.has(line[segment - 1]!);
  const before = bounded ? line.slice(segment, year.start) : '';
  const end = at + suffix.length;
  // A title stands on its own line; the same words inside a sentence are an opening sentence.
  // Text that runs on after a space is another element of the page (`…年度报告 发布日期：2020-01-31`).
  const lineEnds = line.length - end <= 2 || /[\s\u3000]/.test(line[end] ?? '');
  const stripped = stripLeadIn(before.trim(), foldTraditional(before).trim());
  const standsAlone = lineEnds && bounded && (segment === 0 || /[:：\s]/.test(line[segment - 1] ?? '')) && stripped === before.trim();
  let agency = between || stripped;
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
  // `2019年，在省政府办公厅…的指导下`: a clause that opens with the predicate has no subject.
  if (predicateLeadIns.some((lead) => clause.startsWith(lead))) return undefined;
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
  for (let i = tail.length - 1; i >= 0; i--) {
    const date = findDate(tail[i]!);
    if (!date?.date) continue;
    // The name and the date on one line (`上海市人民政府办公厅 2020年1月31日`): a name that ends as an agency's does.
    const before = tail[i]!.slice(0, date.index).trim();
    if (isNameLike(before) && agencySuffixes.some((s) => before.endsWith(s))) return before;
    if (i > 0 && isNameLike(tail[i - 1]!)) return tail[i - 1];
  }
  return undefined;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `2024年1月29日`, `2024-01-29`, `二〇二四年一月二十九日` → `2024-01-29`. */
export function parseDate(text: string): string | undefined {
  return findDate(text)?.date;
}

/** The first date in a text (arabic, its separators maybe escaped as markdown does: `2020\-01\-31`; else in Chinese numerals), and where it starts. */
function findDate(text: string): { date: string | undefined; index: number } | undefined {
  const arabic = /((?:19|20)\d\d)\s*\\?[年\-/.]\s*(\d{1,2})\s*\\?[月\-/.]\s*(\d{1,2})\s*日?/.exec(text);
  if (arabic) return { date: iso(Number(arabic[1]), Number(arabic[2]), Number(arabic[3])), index: arabic.index };
  const chinese = /([〇零一二三四五六七八九ＯO]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/.exec(text);
  if (chinese) {
    const year = Number([...chinese[1]!].map((c) => CN_DIGITS[c]).join(''));
    return { date: iso(year, chineseNumber(chinese[2]!), chineseNumber(chinese[3]!)), index: chinese.index };
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

/** A date field as a page prints it beside the title (`来源：… 时间：2025-03-10 15:35`): a word of its own, then a colon. */
const DATE_FIELD = new RegExp(`(?<!\\p{Script=Han})(?:${[...dateFieldNames, ...pageDateFields].join('|')})\\s*[:：]`, 'u');
/** Characters after the title (spaces collapsed) where a page prints its date. */
const DATE_NEAR_TITLE = 300;

/**
 * The date the report ends with (its signature), else a publication-date field near the top, else
 * the date a page prints beside the title (`titleEnd`: where the title ends in the text).
 */
export function readPublishedAt(text: string, closing: string | undefined, titleEnd?: number): string | undefined {
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
  if (titleEnd !== undefined) {
    // Measured in visible characters: a text browser's or rst's indentation is not distance.
    const near = foldTraditional(text.slice(titleEnd, titleEnd + 8 * DATE_NEAR_TITLE).replace(/\s+/g, ' ').slice(0, DATE_NEAR_TITLE));
    const field = DATE_FIELD.exec(near);
    if (field) return parseDate(near.slice(field.index, field.index + 40));
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
