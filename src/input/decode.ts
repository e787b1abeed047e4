// Bytes → text: an explicit encoding, a BOM, `<meta charset>` (when the bytes agree with it), else
// sniffed: UTF-16 by its zero bytes, UTF-8 when the bytes are (all but a few bytes) UTF-8, else GB18030
// (a superset of GBK and GB2312, what Chinese government sites that are not UTF-8 use) or Big5.
import { foldTraditional } from '../../grammars/vocabulary/fold.js';

export interface Decoded {
  text: string;
  /** The encoding the text was decoded with (WHATWG name). */
  encoding: string;
  /** True when no BOM, option or declaration named the encoding and it was sniffed from the bytes. */
  guessed: boolean;
  bytes: number;
  /** Why the encoding is not the declared one, or what could not be decoded: for the `encoding-guessed` message. */
  note?: string;
}

export class UnknownEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`unknown encoding "${encoding}"`);
  }
}

/** How much of the head is read for a declaration and for UTF-16's zero bytes. */
const HEAD = 4096;
/** How much of the input decides between GB18030 and Big5. */
const SNIFF_BYTES = 65536;
/** The characters reports are full of: the right decoding of a report yields many, a wrong one few. */
const FREQUENT = new Set('的一是在了和有为不年月日政府信息公开工作报告申请情况主动依法行政复议诉讼处理机关部门本区市县局人民中国要问题改进其他需事项总计数量规章文件发布办理条件及等对进行加强制度管理服务平台网站');
/** A text with at most one undecodable UTF-8 sequence per this many non-ASCII characters is still UTF-8 (a cut or a stray byte). */
const UTF8_ERROR_RATIO = 50;

export function decode(input: string | Uint8Array, encoding?: string): Decoded {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return { text, encoding: 'utf-16', guessed: false, bytes: utf8Length(input) };
  }
  const bytes = input.length;
  if (encoding) return { text: decodeWith(encoding, input), encoding: normalizeName(encoding), guessed: false, bytes };
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) return { text: decodeWith('utf-8', input.subarray(3)), encoding: 'utf-8', guessed: false, bytes };
  if (input[0] === 0xff && input[1] === 0xfe) return { text: decodeWith('utf-16le', input.subarray(2)), encoding: 'utf-16le', guessed: false, bytes };
  if (input[0] === 0xfe && input[1] === 0xff) return { text: decodeWith('utf-16be', input.subarray(2)), encoding: 'utf-16be', guessed: false, bytes };
  const utf8 = readUtf8(input);
  const declared = declaredEncoding(input);
  if (declared) {
    // A scraper that saved the page as UTF-8 usually kept its `<meta charset="gb2312">`: the bytes decide.
    if (declared.name !== 'utf-8' && utf8.clean && hasNonAscii(input))
      return { text: utf8.text, encoding: 'utf-8', guessed: true, bytes, note: `the page declares ${declared.label} but its bytes are UTF-8` };
    if (declared.name === 'utf-8' && !utf8.mostly) {
      const legacy = legacyChinese(input);
      if (legacy.clean) return { text: legacy.text, encoding: legacy.encoding, guessed: true, bytes, note: `the page declares ${declared.label} but its bytes are ${legacy.name}` };
    }
    if (declared.name === 'utf-8') return { text: utf8.text, encoding: 'utf-8', guessed: false, bytes, ...(utf8.clean ? {} : { note: utf8.note }) };
    return { text: decodeWith(declared.name, input), encoding: declared.name, guessed: false, bytes };
  }
  const utf16 = utf16ByZeros(input);
  if (utf16) return { text: decodeWith(utf16, input), encoding: utf16, guessed: true, bytes, note: 'no BOM, but the zero bytes are those of UTF-16' };
  if (utf8.clean) return { text: utf8.text, encoding: 'utf-8', guessed: false, bytes };
  // A UTF-8 file cut inside a character (or with a stray byte) is still UTF-8; GBK is not.
  if (utf8.mostly) return { text: utf8.text, encoding: 'utf-8', guessed: true, bytes, note: utf8.note };
  const legacy = legacyChinese(input);
  return { text: legacy.text, encoding: legacy.encoding, guessed: true, bytes, note: `no encoding declared, and the bytes are not UTF-8${legacy.encoding === 'big5' ? ' (their characters are traditional)' : ''}` };
}

interface LegacyRead {
  text: string;
  encoding: 'gb18030' | 'big5';
  name: string;
  /** Every byte sequence decoded. */
  clean: boolean;
}

/**
 * GB18030 (GBK, GB2312: simplified) or Big5 (traditional, as mirror sites in Taiwan and Hong Kong
 * save them). Both decode almost any byte pairs, so the bytes cannot tell; the text can: the reading
 * whose characters are those reports are written with wins, and GB18030 unless Big5 clearly does.
 */
function legacyChinese(bytes: Uint8Array): LegacyRead {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const gb = frequentShare(new TextDecoder('gb18030').decode(head));
  const big5 = frequentShare(new TextDecoder('big5').decode(head));
  const encoding = big5 > 2 * gb && big5 > 0.05 ? 'big5' : 'gb18030';
  const strict = strictDecode(encoding, bytes);
  return { text: strict ?? decodeWith(encoding, bytes), encoding, name: encoding === 'big5' ? 'Big5' : 'GB18030', clean: strict !== undefined };
}

/** How much of the CJK text is characters every report is full of (traditional ones folded). */
function frequentShare(text: string): number {
  const folded = foldTraditional(text);
  let cjk = 0;
  let frequent = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) continue;
    cjk++;
    if (FREQUENT.has(folded[i]!)) frequent++;
  }
  return cjk ? frequent / cjk : 0;
}

interface Utf8Read {
  text: string;
  /** Every byte sequence is UTF-8. */
  clean: boolean;
  /** At most one bad sequence per UTF8_ERROR_RATIO non-ASCII characters. */
  mostly: boolean;
  note?: string;
}

/** Decoders kept: a non-streaming decode starts afresh every time. */
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });
const UTF8 = new TextDecoder('utf-8');
/** Bytes below 128 as the characters they are (windows-1252 agrees with ASCII there). */
const ASCII = new TextDecoder('windows-1252');

function readUtf8(bytes: Uint8Array): Utf8Read {
  try {
    return { text: UTF8_STRICT.decode(bytes), clean: true, mostly: true };
  } catch {
    const text = UTF8.decode(bytes);
    const { replaced, nonAscii } = countReplaced(text);
    return { text, clean: false, mostly: replaced * UTF8_ERROR_RATIO <= nonAscii, note: `${replaced} byte sequence(s) are not UTF-8: read as U+FFFD` };
  }
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new UnknownEncodingError(encoding);
  }
  return decoder.decode(bytes);
}

function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function normalizeName(encoding: string): string {
  try {
    return new TextDecoder(encoding).encoding;
  } catch {
    return encoding.toLowerCase();
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function countReplaced(text: string): { replaced: number; nonAscii: number } {
  let replaced = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c >= 0x80) nonAscii++;
  }
  return { replaced, nonAscii };
}

/**
 * UTF-16 without a BOM: ASCII characters (digits, newlines, markup) leave a zero byte at every other
 * position, and nowhere else. Needs enough zero bytes in the head to say so.
 */
function utf16ByZeros(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, HEAD) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs < 8) return undefined;
  if (odd >= pairs * 0.1 && even * 20 <= odd) return 'utf-16le';
  if (even >= pairs * 0.1 && odd * 20 <= even) return 'utf-16be';
  return undefined;
}

/**
 * `<meta charset="gbk">` or `content="text/html; charset=gb2312"` in the first 4 KB (read as ASCII).
 * As in browsers, a declaration of UTF-16 (the ASCII head could not be read if it were) or of an
 * encoding TextDecoder does not know is ignored, and so is one that maps to the `replacement` decoder.
 */
function declaredEncoding(bytes: Uint8Array): { label: string; name: string } | undefined {
  const label = declaredCharset(bytes);
  if (!label) return undefined;
  let name: string;
  try {
    name = new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
  if (name === 'replacement' || name.startsWith('utf-16')) return undefined;
  return { label, name };
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  // The head as ASCII, every other byte a space (a copy: a Buffer's slice would be a view of the input).
  const head = new Uint8Array(bytes.subarray(0, HEAD));
  for (let i = 0; i < head.length; i++) if (head[i]! >= 128) head[i] = 32;
  const lower = ASCII.decode(head).toLowerCase();
  let from = 0;
  while (true) {
    const at = lower.indexOf('charset', from);
    if (at < 0) return undefined;
    from = at + 7;
    let i = from;
    while (i < lower.length && (lower[i] === ' ' || lower[i] === '=')) i++;
    if (lower[i - 1] !== '=' && lower[i] !== '=') continue;
    while (i < lower.length && (lower[i] === '"' || lower[i] === "'" || lower[i] === ' ')) i++;
    let name = '';
    while (i < lower.length && /[a-z0-9_\-]/.test(lower[i]!)) name += lower[i++];
    if (name && lower.lastIndexOf('<meta', at) >= 0) return name;
  }
}

/** Node's Buffer, where there is one (not in a browser): it counts UTF-8 bytes natively, many times faster than a loop. */
const nodeBuffer = (globalThis as { Buffer?: { byteLength(text: string, encoding: 'utf8'): number } }).Buffer;

/** UTF-8 length of a string without encoding it (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  if (nodeBuffer) return nodeBuffer.byteLength(text, 'utf8');
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
