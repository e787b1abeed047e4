// The prose a report's statements are read from, with every character's place in the input: the
// whole text for text forms (tables included: their rows carry no units), and each block of text for
// HTML, whose characters are found again in the markup when a statement needs its offsets.
import type { Cell } from '../lex/cell.js';
import { isInvisible } from '../../grammars/vocabulary/fold.js';

export interface ProsePiece {
  text: string;
  /** The input offsets of characters `start` … `end − 1` of `text`. */
  span(start: number, end: number): { start: number; end: number };
}

/** A text form's prose: the text shown (offsets into the visible text), mapped back to the input. */
export function textProse(text: string, toInput: (offset: number) => number): ProsePiece[] {
  return [{ text, span: (start, end) => ({ start: toInput(start), end: end > start ? toInput(end - 1) + 1 : toInput(start) }) }];
}

/** An HTML page's prose: its text blocks (label cells), each mapped into the markup on demand. */
export function htmlProse(input: string, cells: readonly Cell[]): ProsePiece[] {
  const pieces: ProsePiece[] = [];
  for (const cell of cells) {
    // Only a block that holds a unit can hold a statement.
    if (cell.kind !== 'label' || cell.end <= cell.start || (cell.text.indexOf('件') < 0 && cell.text.indexOf('元') < 0)) continue;
    let offsets: Int32Array | null | undefined;
    const { start: from, end: to } = cell;
    pieces.push({
      text: cell.text,
      span(start, end) {
        if (offsets === undefined) offsets = blockOffsets(input, from, to, cell.text);
        // Markup the block's text cannot be found in again: the block's own span.
        if (!offsets) return { start: from, end: to };
        return { start: offsets[start]!, end: end > start ? offsets[end - 1]! + 1 : offsets[start]! };
      },
    });
  }
  return pieces;
}

const ENTITIES: Readonly<Record<string, string>> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', ensp: ' ', emsp: ' ' };

/**
 * Where each character of a block's text (tags dropped, entities decoded, runs of space made one, as
 * the HTML lexer writes it) stands in the markup; null when the walk does not give the text back.
 */
function blockOffsets(input: string, start: number, end: number, text: string): Int32Array | null {
  const out = new Int32Array(text.length);
  let k = 0;
  let space = -1;
  for (let i = start; i < end && k < text.length; ) {
    const c = input[i]!;
    // A tag opens with `<` and a letter, `/`, `!` or `?`; any other `<` is text (`\<长江…\>` in markdown read as HTML).
    if (c === '<' && /[A-Za-z/!?]/.test(input[i + 1] ?? '')) {
      const close = input.indexOf('>', i);
      if (close < 0 || close >= end) return null;
      i = close + 1;
      continue;
    }
    let ch = c;
    let length = 1;
    if (c === '&') {
      const semi = input.indexOf(';', i);
      if (semi > i && semi - i <= 10) {
        const name = input.slice(i + 1, semi);
        const decoded = name[0] === '#' ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10) || 0xfffd) : ENTITIES[name];
        ch = decoded ?? text[k] ?? c;
        length = semi + 1 - i;
      }
    }
    if (isInvisible(ch.charCodeAt(0))) {
      i += length;
      continue;
    }
    if (/\s/.test(ch)) {
      if (k > 0 && space < 0) space = i;
    } else {
      if (space >= 0 && text[k] === ' ') out[k++] = space;
      space = -1;
      if (text[k] !== ch) return null;
      out[k++] = i;
    }
    i += length;
  }
  return k === text.length ? out : null;
}
