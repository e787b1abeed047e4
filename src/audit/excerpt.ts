// The source around a cell, for a person checking a number: a few dozen characters either side of
// its provenance span, as visible text (tags stripped for HTML input, table cells shown as `|`).
import type { Provenance } from '../schema/report.js';

export interface Excerpt {
  before: string;
  raw: string;
  after: string;
}

const CONTEXT = 60;
/** Raw characters scanned either side: enough to find CONTEXT visible ones through HTML markup. */
const SCAN = 1200;

export function excerptOf(text: string, at: Provenance, html: boolean): Excerpt {
  let before = text.slice(Math.max(0, at.start - SCAN), at.start);
  let after = text.slice(at.end, at.end + SCAN);
  if (html) {
    before = visible(dropPartialTagAtStart(before));
    after = visible(dropPartialTagAtEnd(after));
  } else {
    // Keep the layout of text forms, but never more than two lines either side.
    before = before.split('\n').slice(-3).join('\n');
    after = after.split('\n').slice(0, 3).join('\n');
  }
  return { before: before.slice(-CONTEXT), raw: html ? visible(at.raw) : at.raw, after: after.slice(0, CONTEXT) };
}

/** One line for a tooltip. */
export function excerptLine(e: Excerpt): string {
  return `…${e.before}【${e.raw}】${e.after}…`.replace(/\s+/g, ' ');
}

function dropPartialTagAtStart(s: string): string {
  const close = s.indexOf('>');
  const open = s.indexOf('<');
  return close >= 0 && (open < 0 || close < open) ? s.slice(close + 1) : s;
}

function dropPartialTagAtEnd(s: string): string {
  const open = s.lastIndexOf('<');
  return open >= 0 && s.indexOf('>', open) < 0 ? s.slice(0, open) : s;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function visible(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/t[dh]\s*>/gi, ' | ')
    .replace(/<\/tr\s*>/gi, ' ⏎ ')
    // Block tags separate words; inline ones (a number split across <span>s) must not.
    .replace(/<\/?(br|p|div|li|h\d)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[name.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ');
}
