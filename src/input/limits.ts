// Limits on what is parsed at all, checked before any work: the input's type, its size in bytes, and
// how many cells or elements it would make — so time and memory stay bounded whatever arrives.
import { utf8Length } from './decode.js';

/** Cells and lines the text of one parse may make: time and memory stay bounded (seconds, about 1 GB) whatever the bytes. */
export const MAX_TEXT_PIECES = 2_000_000;
/** HTML elements one parse may make; each costs a DOM node besides its cell (a million table cells still fit). */
export const MAX_HTML_ELEMENTS = 1_200_000;

/** The input as a string or bytes (any ArrayBuffer view or ArrayBuffer is bytes); undefined for anything else. */
export function asInput(input: unknown): string | Uint8Array | undefined {
  if (typeof input === 'string' || input instanceof Uint8Array) return input;
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  return undefined;
}

/** Bytes of the input; a string counts as its UTF-8 bytes, as the file it came from (counted only when it can matter). */
export function inputBytes(input: string | Uint8Array, maxBytes: number): number {
  if (typeof input !== 'string') return input.byteLength;
  return input.length > maxBytes || input.length * 3 <= maxBytes ? input.length : utf8Length(input);
}

/** An upper bound on the elements HTML makes: one per `<` that does not close a tag. */
export function countTags(text: string): number {
  let n = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) if (text.charCodeAt(i + 1) !== 0x2f) n++;
  return n;
}

/**
 * An upper bound on the cells and lines the text lexer makes, in one pass without allocating: every
 * line, every start of a run of digits or of other text, and every pipe of a line that has content
 * (a line of pipes alone is one span cell).
 */
export function countPieces(text: string): number {
  let n = 0;
  let linePipes = 0;
  let lineContent = false;
  let previous = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      n += 1 + (lineContent ? linePipes : 0);
      linePipes = 0;
      lineContent = false;
      previous = -1;
      continue;
    }
    if (c === 0x7c || c === 0x2502 || c === 0x2503 || c === 0x2551 || c === 9) {
      linePipes++;
      continue;
    }
    const kind = c === 32 || c === 9 || c === 0xa0 || c === 0x3000 ? 0 : (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) ? 1 : 2;
    if (kind !== 0) {
      lineContent = true;
      if (kind !== previous) n++;
    }
    previous = kind;
  }
  return n;
}
