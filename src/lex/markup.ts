// Markdown as converters write it (pandoc's gfm): raw HTML tables where a pipe table cannot draw
// the layout, and inline HTML (`<span style=…>`, `<br />`, `&nbsp;`) inside cells and paragraphs.
import { type Cell } from './cell.js';
import { type Line } from './lines.js';
import { lexHtml } from './html.js';

/** Lines a raw HTML table may span (its closing tag is looked for no further). */
const MAX_TABLE_LINES = 20000;

/** The index after the raw HTML table starting at line `i` (through the line that closes it), or undefined. */
export function htmlTableEnd(lines: readonly Line[], i: number): number | undefined {
  if (!lines[i]!.text.trimStart().toLowerCase().startsWith('<table')) return undefined;
  let depth = 0;
  for (let j = i; j < lines.length && j < i + MAX_TABLE_LINES; j++) {
    const t = lines[j]!.text.toLowerCase();
    depth += count(t, '<table') - count(t, '</table');
    if (depth <= 0) return j + 1;
  }
  return undefined;
}

function count(t: string, s: string): number {
  let n = 0;
  for (let at = t.indexOf(s); at >= 0; at = t.indexOf(s, at + s.length)) n++;
  return n;
}

/** Lexes the HTML table on `lines` with the HTML lexer; offsets are moved to the whole text's. */
export function lexHtmlTable(text: string, lines: readonly Line[], out: Cell[]): void {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const base = first.start;
  for (const cell of lexHtml(text.slice(base, last.start + last.text.length)).cells) {
    // Covered slots have no source of their own: they stay at offset 0, as the HTML lexer leaves them.
    if (cell.kind !== 'span') {
      cell.start += base;
      cell.end += base;
    }
    out.push(cell);
  }
}

const ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ' };

/**
 * The text with every tag blanked out and every entity replaced by its character, padded: same
 * length and same line breaks, so offsets into it are offsets into the original. Linear; the text
 * between tags and entities is copied in slices.
 */
export function maskMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  const out: string[] = [];
  /** Where the text not copied yet starts. */
  let from = 0;
  let i = 0;
  // Where the last failed search for a tag's `>` stopped: no `>` before it.
  let noCloseUntil = -1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x3c && isTagStart(text.charCodeAt(i + 1)) && i >= noCloseUntil) {
      const close = closeOf(text, i + 1);
      if (close >= 0) {
        out.push(text.slice(from, i), blankedOut(text, i, close + 1));
        i = from = close + 1;
        continue;
      }
      noCloseUntil = text.indexOf('<', i + 1) >>> 0;
    } else if (c === 0x26) {
      let semi = i + 1;
      while (semi < text.length && semi - i <= 10 && text.charCodeAt(semi) !== 0x3b) semi++;
      if (text.charCodeAt(semi) === 0x3b && semi > i + 1) {
        const decoded = entity(text.slice(i + 1, semi));
        if (decoded !== undefined) {
          out.push(text.slice(from, i), decoded, ' '.repeat(Math.max(0, semi + 1 - i - decoded.length)));
          i = from = semi + 1;
          continue;
        }
      }
    }
    i++;
  }
  out.push(text.slice(from));
  return out.join('');
}

/** Spaces for text[from, to), keeping its line breaks. */
function blankedOut(text: string, from: number, to: number): string {
  let out = '';
  let run = from;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 10 && c !== 13) continue;
    out += ' '.repeat(k - run) + text[k];
    run = k + 1;
  }
  return out + ' '.repeat(to - run);
}

function isTagStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 33;
}

/** The `>` that closes a tag opened before `from`, or -1 when another `<` comes first. */
function closeOf(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x3e) return k;
    if (c === 0x3c) return -1;
  }
  return -1;
}

function entity(name: string): string | undefined {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : undefined;
  }
  return ENTITIES[name];
}
