// The unit every lexer produces and every grammar reads: a cell of text with its place in the input.
import { PLACEHOLDERS, MONEY_UNITS, COUNT_UNITS, PLUS_SIGNS, MINUS_SIGNS } from '../../grammars/vocabulary/values.js';
import { nfkc, foldTraditional, isSpaceOrInvisible } from '../../grammars/vocabulary/fold.js';

export type CellKind =
  | 'label' // text that is not a number: row labels, headers, captions, prose
  | 'value' // a number or a placeholder
  | 'blank' // a cell the form shows as empty (only forms that keep empty cells)
  | 'span' // a slot covered by a neighbour's colspan/rowspan: never a value
  | 'break'; // a page break or page number inside a table: skipped

export interface Cell {
  kind: CellKind;
  /** The cell's text as decoded (HTML entities decoded, trimmed). */
  text: string;
  /** Offsets into the decoded input: `input.slice(start, end)` is the cell's source. */
  start: number;
  end: number;
  /** True on the first cell of a physical row, for forms whose rows are known. */
  rowStart: boolean;
  /** For text forms: the line number and the display column where the cell starts and ends. */
  line?: number;
  x?: number;
  xEnd?: number;
  /** The label folded for matching (grammars/vocabulary/fold.ts), filled in when first needed. */
  folded?: string;
  /**
   * How many blank cells may have vanished just before / after this cell: forms that drop empty
   * cells (BeautifulSoup `strip=True`, text browsers, aligned columns) leave no trace of them.
   * Absent = 0; `Infinity` = any number. Only the normalizers' readings of a row use them.
   */
  gapBefore?: number;
  gapAfter?: number;
  /** A run of digits that may be several cells run together (text with no cell separators). */
  runTogether?: boolean;
  /** A blank only a heuristic infers (an extra empty line): in a row short of the template it may be no cell. */
  weak?: boolean;
  /** For a PDF: the page (1-based) and the cell's box in PDF units (`[x0, y0, x1, y1]`, y up). */
  page?: number;
  box?: [number, number, number, number];
  /** Why the lexer knows the cell's text is not all there (a PDF cell cut by the page's edge): read as null, with this reason. */
  unreadable?: string;
  /** The file does not print the cell at all (a column past a PDF page's edge): another source alone can give its number. */
  unprinted?: boolean;
}

/**
 * Every cell is made here, with every field (those it lacks undefined): all cells then share one
 * shape, and the code that reads them stays monomorphic instead of meeting a new shape per lexer.
 */
export function makeCell(kind: CellKind, text: string, start: number, end: number, rowStart: boolean, line?: number, x?: number, xEnd?: number): Cell {
  return { kind, text, start, end, rowStart, line, x, xEnd, folded: undefined, gapBefore: undefined, gapAfter: undefined, runTogether: undefined, weak: undefined, page: undefined, box: undefined, unreadable: undefined, unprinted: undefined };
}

/** A blank cell that a form dropped, re-created at `at` (offsets of an empty span) by a reading. */
export function vanishedBlank(at: number): Cell {
  return makeCell('blank', '', at, at, false);
}

const placeholderSet = new Set(PLACEHOLDERS);
const countUnits = new Set(COUNT_UNITS);
const signs = new Set([...PLUS_SIGNS, ...MINUS_SIGNS]);
const moneyUnits = Object.keys(MONEY_UNITS);

/**
 * CJK ideographs that no value's text can hold: neither they nor what folding makes of them (once for
 * `isValueText`, twice for `parseNumberText`) is a digit, sign, unit or placeholder character. NFKC
 * leaves these ideographs as they are, so one of them anywhere in a text rules a value out without
 * folding the text: a line of prose is not normalized just to learn it is not a number.
 */
const NOT_IN_VALUES = new Uint8Array(0x9fff - 0x4e00 + 1);
{
  const valueChars = new Set([...PLACEHOLDERS, ...moneyUnits, ...COUNT_UNITS, ...PLUS_SIGNS, ...MINUS_SIGNS, ...'0123456789.,'].join(''));
  const inert = (s: string) => s.length === 1 && ((s >= '\u3400' && s <= '\u4dbf') || (s >= '\u4e00' && s <= '\u9fff'));
  for (let c = 0x4e00; c <= 0x9fff; c++) {
    const once = foldTraditional(String.fromCharCode(c));
    const twice = inert(once) ? foldTraditional(once) : '';
    if (inert(once) && inert(twice) && !valueChars.has(once) && !valueChars.has(twice)) NOT_IN_VALUES[c - 0x4e00] = 1;
  }
}

function holdsNonValueIdeograph(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && NOT_IN_VALUES[c - 0x4e00]) return true;
  }
  return false;
}

/** True when a cell's whole text is a number (optionally signed, decimal, with a unit) or a placeholder. */
export function isValueText(text: string): boolean {
  if (holdsNonValueIdeograph(text)) return false;
  const t = compact(text);
  if (t === '') return false;
  if (placeholderSet.has(t)) return true;
  return parseNumberText(t) !== null;
}

export interface NumberText {
  value: number;
  /** The money unit written in the cell, if any (`元`, `万元`, `亿元`). */
  unit?: string;
}

/** Parses `1036`, `+1036`, `-8`, `18651.06`, `251000元`, `1,234`, `5件`; null for anything else. Linear, no regex. */
export function parseNumberText(raw: string): NumberText | null {
  let t = compact(raw);
  let unit: string | undefined;
  // 万元 must win over 元, so the longest unit suffix is taken.
  const moneyUnit = longestSuffix(t, moneyUnits);
  if (moneyUnit) {
    unit = moneyUnit;
    t = t.slice(0, -moneyUnit.length);
  } else {
    const last = t[t.length - 1];
    if (last !== undefined && countUnits.has(last)) t = t.slice(0, -1);
  }
  if (t === '') return null;
  let sign = 1;
  if (signs.has(t[0]!) && t.length > 1) {
    if (MINUS_SIGNS.includes(t[0]!)) sign = -1;
    t = t.slice(1);
  }
  // Positions, not characters appended one by one: a 5 MB run of digits must not make 5 million strings.
  let intDigits = 0;
  let dot = -1;
  let commas = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (dot < 0) intDigits++;
    } else if (c === 46 && dot < 0 && intDigits > 0 && i + 1 < t.length) {
      dot = i;
    } else if (c === 44 && dot < 0 && intDigits > 0 && isThousandsGroup(t, i)) {
      commas = true;
    } else {
      return null;
    }
  }
  if (intDigits === 0) return null;
  const integer = t.slice(0, dot < 0 ? t.length : dot);
  const digits = commas ? integer.split(',').join('') : integer;
  const fraction = dot < 0 ? '' : t.slice(dot + 1);
  const value = sign * Number(fraction ? `${digits}.${fraction}` : digits);
  if (!Number.isFinite(value)) return null;
  return { value, unit };
}

function isThousandsGroup(t: string, comma: number): boolean {
  for (let k = 1; k <= 3; k++) {
    const ch = t[comma + k];
    if (ch === undefined || ch < '0' || ch > '9') return false;
  }
  const after = t[comma + 4];
  return after === undefined || after === ',' || after === '.';
}

function longestSuffix(t: string, suffixes: string[]): string | undefined {
  let best: string | undefined;
  for (const s of suffixes) if (t.endsWith(s) && t.length > s.length && (!best || s.length > best.length)) best = s;
  return best;
}

/** NFKC (full-width digits and signs), traditional units folded (萬元, 無, 個), without whitespace or invisible characters. */
export function compact(text: string): string {
  const n = unescapeMarkdown(foldTraditional(nfkc(text)));
  let i = 0;
  while (i < n.length && !isSpaceOrInvisible(n.charCodeAt(i))) i++;
  if (i === n.length) return n;
  let out = '';
  let from = 0;
  for (; i < n.length; i++) {
    if (!isSpaceOrInvisible(n.charCodeAt(i))) continue;
    out += n.slice(from, i);
    from = i + 1;
  }
  return out + n.slice(from);
}

/** Markdown's backslash escapes of punctuation (`18651\\.06`, `\\-`): the characters they stand for. */
export function unescapeMarkdown(text: string): string {
  let at = text.indexOf('\\');
  if (at < 0) return text;
  let out = '';
  let from = 0;
  for (; at >= 0 && at + 1 < text.length; at = text.indexOf('\\', at + 2)) {
    if (!isAsciiPunctuation(text.charCodeAt(at + 1))) continue;
    out += text.slice(from, at);
    from = at + 1;
  }
  return out + text.slice(from);
}

function isAsciiPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

export function isPlaceholder(text: string): boolean {
  return placeholderSet.has(compact(text));
}

/**
 * Where a number standing alone after a space ends a label (`…申请数量 0`), or −1: no row label of the
 * template ends so, and PDF text puts a row's first cell on its label's line.
 */
export function trailingNumberAt(text: string): number {
  let i = text.length;
  while (i > 0 && !isSpaceOrInvisible(text.charCodeAt(i - 1))) i--;
  if (i === 0 || i === text.length || !isValueText(text.slice(i))) return -1;
  let j = i;
  while (j > 0 && isSpaceOrInvisible(text.charCodeAt(j - 1))) j--;
  // The label must end in a character of its own, not a number or an item number's dot.
  const before = text.charCodeAt(j - 1);
  return j > 0 && before > 0x2e80 ? i : -1;
}
