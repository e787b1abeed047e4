// Label folding: the one place that decides when two spellings of a label are the same (SPEC D7, D8).
// Values and offsets never pass through here; only the text a label is matched on.
import { TRADITIONAL, SIMPLIFIED } from './traditional.js';

const QUOTES = new Set(['“', '”', '"', "'", '‘', '’', '「', '」', '『', '』', '〝', '〞']);
const NUMBER_MARKS = new Set(['.', '、', '．']);
/** Characters that print nothing (zero-width spaces and joiners, BOM, soft hyphen): scraped pages are full of them. */
export const INVISIBLE = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']);

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

/** Folds a label for matching: NFKC, traditional → simplified, no whitespace, quotes or invisible characters, `1、`/`1．` → `1.`. */
export function foldLabel(text: string): string {
  const n = foldTraditional(nfkc(text));
  let out = '';
  for (let i = 0; i < n.length; i++) {
    const ch = n[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || ch === '\u3000') continue;
    if (QUOTES.has(ch) || INVISIBLE.has(ch)) continue;
    // Item numbers are written 1. 1． 1、 — one spelling for matching.
    if (NUMBER_MARKS.has(ch) && out.length > 0 && isAsciiDigit(out[out.length - 1]!) && i + 1 < n.length && !isAsciiDigit(n[i + 1]!)) {
      out += '.';
      continue;
    }
    out += ch;
  }
  return out;
}

function isAsciiDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
