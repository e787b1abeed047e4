// Label folding: the one place that decides when two spellings of a label are the same (SPEC D7, D8).
// Values and offsets never pass through here; only the text a label is matched on.
import { TRADITIONAL, SIMPLIFIED } from './traditional.js';
import { IDEOGRAPHS, RADICALS } from './radicals.js';

const QUOTES = ['“', '”', '"', "'", '‘', '’', '「', '」', '『', '』', '〝', '〞'];
/** Markdown's marks around or inside a label (`**3.其他**`, `1\\.属于`, `# `): never part of a template label. */
const MARKUP = ['*', '\\', '`', '#', '~'];
const NUMBER_MARKS = ['.', '、', '．'];
/** Characters that print nothing (zero-width spaces and joiners, BOM, soft hyphen): scraped pages are full of them. */
const INVISIBLE = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']);
/** Spaces a label or a value is read without: space, tab, line breaks, no-break and ideographic spaces. */
const SPACES = [' ', '\t', '\n', '\r', '\u00a0', '\u3000'];

// What folding does to a code unit, looked up by code: one pass over a label, no string per character.
const SPACE = 1;
const INVISIBLE_MARK = 2;
const QUOTE = 4;
const NUMBER_MARK = 8;
const CLASS = new Uint8Array(0x10000);
const mark = (chars: Iterable<string>, bit: number) => {
  for (const ch of chars) CLASS[ch.charCodeAt(0)]! |= bit;
};
mark(SPACES, SPACE);
mark(INVISIBLE, INVISIBLE_MARK);
mark(QUOTES, QUOTE);
mark(MARKUP, QUOTE);
mark(NUMBER_MARKS, NUMBER_MARK);

/** Any character that prints nothing: a regexp finds the first in a page many times faster than a loop over its codes. */
export const INVISIBLE_PATTERN = new RegExp(`[${[...INVISIBLE].join('')}]`);

/** A character that prints nothing (INVISIBLE), by code. */
export function isInvisible(code: number): boolean {
  return (CLASS[code]! & INVISIBLE_MARK) !== 0;
}

/** A space or an invisible character: what `compact` drops. */
export function isSpaceOrInvisible(code: number): boolean {
  return (CLASS[code]! & (SPACE | INVISIBLE_MARK)) !== 0;
}

/** NFKC, skipped for text that NFKC leaves as it is (ASCII, CJK ideographs, CJK punctuation): it is costly. */
export function nfkc(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xa0 || (c >= 0x3001 && c <= 0x3037) || (c >= 0x3040 && c <= 0x9fff) || (c >= 0x2010 && c <= 0x201f)) continue;
    return text.normalize('NFKC');
  }
  return text;
}

/** Traditional code unit → simplified code unit (0: unchanged), from the OpenCC table. */
const SIMPLIFIED_OF = new Uint16Array(0x10000);
for (let i = 0; i < TRADITIONAL.length; i++) SIMPLIFIED_OF[TRADITIONAL.charCodeAt(i)] = SIMPLIFIED.charCodeAt(i);

/**
 * Traditional characters (政府信息公開工作年度報告) folded to simplified, one UTF-16 unit for one, so an
 * offset into the folded text is the same offset into the original: search the fold, slice the original.
 */
export function foldTraditional(text: string): string {
  let i = 0;
  while (i < text.length && SIMPLIFIED_OF[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  const out: string[] = [text.slice(0, i)];
  let from = i;
  for (; i < text.length; i++) {
    const s = SIMPLIFIED_OF[text.charCodeAt(i)]!;
    if (s === 0) continue;
    if (i > from) out.push(text.slice(from, i));
    out.push(String.fromCharCode(s));
    from = i + 1;
  }
  out.push(text.slice(from));
  return out.join('');
}

const IDEOGRAPH_OF = new Uint16Array(0x2fe0 - 0x2e80);
for (let i = 0; i < RADICALS.length; i++) IDEOGRAPH_OF[RADICALS.charCodeAt(i) - 0x2e80] = IDEOGRAPHS.charCodeAt(i);

/**
 * Kangxi and CJK radicals (U+2E80–U+2FDF) folded to the ideographs they draw: some embedded CJK fonts
 * map their glyphs to the radicals (Chromium's PDFs give `省⼈⼤` for 省人大, LibreOffice's `⼈⺠` for 人民),
 * and every text taken from such a PDF keeps them. One code unit for one, so folding keeps every offset.
 */
export function foldRadicals(text: string): string {
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80 || c > 0x2fdf) continue;
    const ideograph = IDEOGRAPH_OF[c - 0x2e80]!;
    if (!ideograph) continue;
    out ??= text.split('');
    out[i] = String.fromCharCode(ideograph);
  }
  return out ? out.join('') : text;
}

/** Folds a label for matching: NFKC, traditional → simplified, no whitespace, quotes, markdown marks or invisible characters, `1、`/`1．` → `1.`. */
export function foldLabel(text: string): string {
  const n = foldTraditional(nfkc(text));
  // Runs of characters kept as they are are sliced, not appended one by one.
  let out = '';
  let from = 0;
  /** The last character kept so far (-1: none). */
  let last = -1;
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    const cls = CLASS[c]!;
    if (cls & (SPACE | INVISIBLE_MARK | QUOTE)) {
      out += n.slice(from, i);
      from = i + 1;
      continue;
    }
    // Item numbers are written 1. 1． 1、 — one spelling for matching.
    if (cls & NUMBER_MARK && isAsciiDigit(last) && i + 1 < n.length && !isAsciiDigit(n.charCodeAt(i + 1))) {
      last = 0x2e;
      if (c === 0x2e) continue;
      out += n.slice(from, i) + '.';
      from = i + 1;
      continue;
    }
    last = c;
  }
  return from === 0 ? n : out + n.slice(from);
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
