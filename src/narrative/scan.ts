// The sentence scan: sentences that hold a unit of the vocabulary (件, 元), without their spaces and
// folded to simplified characters, as tokens — numbers with their unit, years, the vocabulary's words
// (longest first), clause ends. Work per sentence is bounded by its length, itself bounded.
import {
  narrativeWords,
  narrativeUnits,
  unitBlockers,
  inexactBefore,
  inexactBeforeWords,
  chineseDigits,
  chineseMultipliers,
  sentenceEnds,
  clauseEnds,
  type NarrativeWord,
} from '../../grammars/narrative.js';
import { foldRadicals, foldTraditional, isSpaceOrInvisible } from '../../grammars/vocabulary/fold.js';
import type { ProsePiece } from './prose.js';

/** A sentence longer than this is cut: a run of table text with no full stop is not prose. */
const MAX_SENTENCE = 400;
/** Book titles (《条例》) are skipped whole up to this length. */
const MAX_TITLE = 80;
/** A line this long or shorter that starts like a heading is one. */
const MAX_HEADING = 40;
/** Digits one number may have. */
const MAX_DIGITS = 15;

export interface Sentence {
  piece: ProsePiece;
  /** Its characters in `piece.text`. */
  start: number;
  end: number;
  /** The sentence without spaces, folded (`placeOf` finds a character in `piece.text` again). */
  chars: string;
}

export type Token =
  | { kind: 'quantity'; start: number; end: number; value: number; yuan?: number; inexact: boolean }
  | { kind: 'year'; start: number; end: number; year: number }
  | { kind: 'word'; start: number; end: number; word: NarrativeWord }
  | { kind: 'clause'; start: number; end: number };

/** The characters a unit starts with, and those a number ends with (digits, Chinese numerals). */
const UNIT_STARTS = [...new Set(narrativeUnits.map((u) => u.unit[0]!))];
const DIGIT = 1;
const CHINESE_DIGIT = 2;
const MULTIPLIER = 4;
const NUMERAL = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) NUMERAL[c] = DIGIT;
for (let c = 0xff10; c <= 0xff19; c++) NUMERAL[c] = DIGIT;
for (const ch of Object.keys(chineseDigits)) NUMERAL[ch.charCodeAt(0)] = CHINESE_DIGIT;
for (const ch of Object.keys(chineseMultipliers)) NUMERAL[ch.charCodeAt(0)] = MULTIPLIER;
const NEWLINE = 10;
const SENTENCE_END = new Uint8Array(0x10000);
for (const ch of sentenceEnds) SENTENCE_END[ch.charCodeAt(0)] = 1;
const CLAUSE_END = new Uint8Array(0x10000);
for (const ch of clauseEnds) CLAUSE_END[ch.charCodeAt(0)] = 1;
const TITLE_OPEN = 0x300a; // 《
const TITLE_CLOSE = '》';

/** The vocabulary's words by the code of their first character, longest first. */
const WORDS: ({ text: string; word: NarrativeWord }[] | undefined)[] = new Array(0x10000);
for (const [texts, word] of narrativeWords)
  for (const text of texts) (WORDS[text.charCodeAt(0)] ??= []).push({ text, word });
for (const list of WORDS) list?.sort((a, b) => b.text.length - a.text.length);

/** The sentences of a piece with a number followed by a unit's first character (`21 件`, `十二件`, `5万元`), in order. */
export function unitSentences(piece: ProsePiece): Sentence[] {
  const { text } = piece;
  const out: Sentence[] = [];
  let done = 0;
  // The next place of each unit's first character: each found once, the text read once.
  const next = UNIT_STARTS.map((u) => text.indexOf(u));
  for (;;) {
    let k = -1;
    for (let u = 0; u < next.length; u++) if (next[u]! >= 0 && (k < 0 || next[u]! < next[k]!)) k = u;
    if (k < 0) return out;
    const p = next[k]!;
    next[k] = text.indexOf(UNIT_STARTS[k]!, p + 1);
    if (p < done || !afterNumber(text, p)) continue;
    let start = p;
    while (start > done && p - start < MAX_SENTENCE && !endsSentenceAt(text, start - 1)) start--;
    let end = p + 1;
    while (end < text.length && end - start < MAX_SENTENCE && !endsSentenceAt(text, end)) end++;
    out.push(compact(piece, start, end));
    done = end;
  }
}

/** A digit or Chinese numeral just before `p`, spaces between allowed (`21 件`). */
function afterNumber(text: string, p: number): boolean {
  for (let k = p - 1; k >= 0 && p - k <= 4; k--) {
    const code = text.charCodeAt(k);
    if (NUMERAL[code]) return true;
    if (!isSpaceOrInvisible(code)) return false;
  }
  return false;
}

/** A sentence ends at i: a full stop, a table's cell border, a blank line, or a line break next to a heading. */
function endsSentenceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (SENTENCE_END[c]) return true;
  if (c !== NEWLINE) return false;
  // The line before is a heading (`四、政府信息公开申请情况`): it is no part of the sentence after it.
  let k = i;
  while (k > 0 && text.charCodeAt(k - 1) !== NEWLINE && i - k < MAX_HEADING) k--;
  if ((k === 0 || text.charCodeAt(k - 1) === NEWLINE) && headingAt(text, k)) return true;
  let j = i + 1;
  while (j < text.length && isLineSpace(text.charCodeAt(j))) j++;
  return j < text.length && (text.charCodeAt(j) === NEWLINE || headingAt(text, j));
}

/** A heading's number at k: `三、`, `（二）`, `(2)`, `2、` or `2.` (not `2.5`). */
function headingAt(text: string, k: number): boolean {
  while (k < text.length && isLineSpace(text.charCodeAt(k))) k++;
  const open = text.charCodeAt(k) === 0xff08 || text.charCodeAt(k) === 0x28;
  let j = open ? k + 1 : k;
  const kind = NUMERAL[text.charCodeAt(j)]!;
  const numeral = kind === DIGIT ? DIGIT : CHINESE_DIGIT | MULTIPLIER;
  if (!(kind & numeral)) return false;
  while (j < text.length && j - k < 4 && NUMERAL[text.charCodeAt(j)]! & numeral) j++;
  const after = text.charCodeAt(j);
  if (open) return after === 0xff09 || after === 0x29;
  if (after === 0x3001) return true;
  return kind === DIGIT && (after === 0x2e || after === 0xff0e) && !NUMERAL[text.charCodeAt(j + 1)];
}

function isLineSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x3000;
}

/** Room for one sentence's characters, reused (a sentence is at most MAX_SENTENCE long). */
const SCRATCH_CODES = new Uint16Array(MAX_SENTENCE + 1);

/** The sentence's characters without spaces, fullwidth digits made ASCII, radicals and traditional folded. */
function compact(piece: ProsePiece, start: number, end: number): Sentence {
  const codes = SCRATCH_CODES;
  let n = 0;
  for (let i = start; i < end; i++) {
    let code = piece.text.charCodeAt(i);
    if (isSpaceOrInvisible(code)) continue;
    if (code >= 0xff10 && code <= 0xff19) code -= 0xff10 - 0x30;
    codes[n++] = code;
  }
  const chars = String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
  // Radicals some fonts put for ideographs (⽆法提供, ⾏政复议) are the words they look like.
  return { piece, start, end, chars: foldTraditional(foldRadicals(chars)) };
}

/** Where character i of the sentence's `chars` is in `piece.text` (a walk: only statements need it). */
export function placeOf(s: Sentence, i: number): number {
  let n = 0;
  for (let k = s.start; k < s.end; k++) {
    if (isSpaceOrInvisible(s.piece.text.charCodeAt(k))) continue;
    if (n++ === i) return k;
  }
  return s.end;
}

/** The sentence as tokens, in order. */
export function tokensOf(chars: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; ) {
    const c = chars.charCodeAt(i);
    if (c === TITLE_OPEN) {
      const close = chars.indexOf(TITLE_CLOSE, i);
      i = close > i && close - i <= MAX_TITLE ? close + 1 : i + 1;
      continue;
    }
    const number = numberAt(chars, i);
    const token = number && quantityOrYear(chars, i, number);
    if (token) {
      tokens.push(token);
      i = token.end;
      continue;
    }
    const word = wordAt(chars, i);
    if (word) {
      tokens.push({ kind: 'word', start: i, end: i + word.text.length, word: word.word });
      i += word.text.length;
      continue;
    }
    if (CLAUSE_END[c]) tokens.push({ kind: 'clause', start: i, end: i + 1 });
    i++;
  }
  return tokens;
}

function wordAt(chars: string, i: number): { text: string; word: NarrativeWord } | undefined {
  const list = WORDS[chars.charCodeAt(i)];
  if (list) for (const w of list) if (chars.startsWith(w.text, i)) return w;
  return undefined;
}

interface NumberRun {
  value: number;
  end: number;
  words: boolean;
}

/** A number starting at i: ASCII digits (with thousands commas and decimals), or Chinese numerals. */
function numberAt(chars: string, i: number): NumberRun | undefined {
  const kind = NUMERAL[chars.charCodeAt(i)]!;
  if (!kind || (i > 0 && NUMERAL[chars.charCodeAt(i - 1)])) return undefined;
  if (kind === DIGIT) {
    let j = i;
    let digits = '';
    while (j < chars.length && digits.length <= MAX_DIGITS) {
      const code = chars.charCodeAt(j);
      if (isDigit(code)) digits += chars[j++];
      else if (chars[j] === ',' && /^\d{3}(?!\d)/.test(chars.slice(j + 1, j + 5))) j++;
      else if (chars[j] === '.' && isDigit(chars.charCodeAt(j + 1)) && !digits.includes('.')) digits += chars[j++];
      else break;
    }
    if (digits.length > MAX_DIGITS) return undefined;
    return { value: Number(digits), end: j, words: false };
  }
  if (kind === MULTIPLIER && chars[i] !== '十') return undefined;
  let j = i;
  while (j < chars.length && j - i < 8 && NUMERAL[chars.charCodeAt(j)]! & (CHINESE_DIGIT | MULTIPLIER)) j++;
  const value = chineseValue(chars.slice(i, j));
  return value === null ? undefined : { value, end: j, words: true };
}

/** `十二` → 12, `两` → 2, `一百零五` → 105; null for what is not one number (`一二`). */
export function chineseValue(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of text) {
    const d = chineseDigits[ch];
    if (d !== undefined) {
      if (digit > 0) return null;
      digit = d;
      continue;
    }
    const m = chineseMultipliers[ch]!;
    if (m === 10_000) {
      total += (section + Math.max(digit, 0)) * m;
      section = 0;
    } else {
      if (digit < 0 && m !== 10) return null;
      section += (digit < 0 ? 1 : digit) * m;
    }
    digit = -1;
  }
  return total + section + Math.max(digit, 0);
}

/** A number followed by a unit is a quantity; four digits followed by 年 a year; anything else nothing. */
function quantityOrYear(chars: string, i: number, n: NumberRun): Token | undefined {
  if (!n.words && n.end - i === 4 && chars[n.end] === '年') return { kind: 'year', start: i, end: n.end + 1, year: n.value };
  const unit = narrativeUnits.find((u) => chars.startsWith(u.unit, n.end));
  if (!unit) return undefined;
  const end = n.end + unit.unit.length;
  if (unitBlockers.includes(chars[end] ?? '')) return undefined;
  const before = chars.slice(Math.max(0, i - 2), i);
  const inexact = inexactBefore.some((w) => before.endsWith(w)) || (n.words && inexactBeforeWords.some((w) => before.endsWith(w)));
  return { kind: 'quantity', start: i, end, value: n.value, ...(unit.yuan ? { yuan: unit.yuan } : {}), inexact };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
