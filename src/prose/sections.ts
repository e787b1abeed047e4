// Sections 一, 五 and 六 as plain text (CONTRACT §3 `sections`), located by keyword (SPEC D6).
import { sectionKeywords, pageChrome } from '../../grammars/vocabulary/sections.js';
import { isPageNumberLine } from '../../grammars/vocabulary/layout.js';
import { foldTraditional } from '../../grammars/vocabulary/fold.js';

export interface Sections {
  overview?: string;
  problems?: string;
  other?: string;
}

type Key = keyof typeof sectionKeywords;

const NUMERALS = '一二三四五六七八九十';

/** Where each heading starts and its text begins: `N、keyword…` at a line start or after a sentence. */
function headings(text: string): { key: Key; at: number; body: number }[] {
  const found: { key: Key; at: number; body: number }[] = [];
  for (const key of Object.keys(sectionKeywords) as Key[]) {
    for (const word of sectionKeywords[key]) {
      const hit = findHeading(text, word);
      if (hit) {
        found.push({ key, ...hit });
        break;
      }
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

function findHeading(text: string, word: string): { at: number; body: number } | undefined {
  let from = 0;
  while (true) {
    const at = text.indexOf(word, from);
    if (at < 0) return undefined;
    from = at + 1;
    // Walk back over the heading's own words (at most 12 characters) to its `N、`.
    let k = at - 1;
    while (k >= 0 && at - k <= 14 && text[k] !== '、' && text[k] !== '\n' && text[k] !== '。') k--;
    if (k < 1 || text[k] !== '、' || !NUMERALS.includes(text[k - 1]!)) continue;
    const start = k - 1;
    // `统一、…` is a word, not a heading: the numeral must not continue a word.
    if (start > 0 && isIdeograph(text.charCodeAt(start - 1))) continue;
    // The heading runs to the end of its line, or to the end of its words when the text runs on.
    let body = at + word.length;
    const eol = text.indexOf('\n', body);
    const lineRest = text.slice(body, eol < 0 ? text.length : eol);
    if (lineRest.length <= 12 && !/[\s。]/.test(lineRest)) body = eol < 0 ? text.length : eol;
    else while (body < text.length && '的事项情况及改进'.includes(text[body]!)) body++;
    return { at: start, body };
  }
}

function isIdeograph(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** How many of the report's sections have a numbered heading (`二、主动公开…`): a report has several. */
export function countSectionHeadings(text: string): number {
  return headings(foldTraditional(text)).length;
}

export function readSections(text: string): Sections {
  // Headings are found in the traditional-folded text (總體情況 → 总体情况), same offsets; bodies are the text's own.
  const folded = foldTraditional(text);
  const hs = headings(folded);
  const out: Sections = {};
  const take = (key: Key, into: keyof Sections) => {
    const i = hs.findIndex((h) => h.key === key);
    if (i < 0) return;
    const end = Math.min(i + 1 < hs.length ? hs[i + 1]!.at : text.length, nextHeading(folded, hs[i]!.body));
    const body = clean(text.slice(hs[i]!.body, end));
    if (body) out[into] = body;
  };
  take('overview', 'overview');
  take('problems', 'problems');
  take('other', 'other');
  return out;
}

/** The next `N、` heading of any section (including ones without a known keyword). */
function nextHeading(text: string, from: number): number {
  const re = /(^|[\n。 \u3000])[一二三四五六七八九十]、/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + m[1]!.length : text.length;
}

/** Plain text: page numbers and page chrome dropped, lines a PDF wrapped mid-sentence joined. */
function clean(text: string): string {
  // Lines are gathered and joined once: reading the last character of a growing string flattens it every time.
  const parts: string[] = [];
  /** The last character kept so far (-1: none). */
  let last = -1;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || isPageNumberLine(line)) continue;
    const folded = foldTraditional(line);
    if (pageChrome.some((c) => folded.startsWith(c))) break;
    const wrapped = last >= 0 && !ENDS_SENTENCE.has(last) && isIdeograph(last) && isIdeograph(line.charCodeAt(0));
    if (last >= 0 && !wrapped) parts.push('\n');
    parts.push(line);
    last = line.charCodeAt(line.length - 1);
  }
  return parts.join('').trim();
}

/** Characters that end a sentence, by code. */
const ENDS_SENTENCE = new Set(['。', '：', ':', '；', ';', '！', '？', '”', '）', ')'].map((ch) => ch.charCodeAt(0)));
