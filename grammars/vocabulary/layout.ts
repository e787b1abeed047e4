// Layout noise that is not part of any table: page numbers a PDF prints between table rows.
import { nfkc, foldTraditional } from './fold.js';

/** `-3-`, `- 3 -`, `—3—`, `第3页` (`第3頁`), `第 3 页 共 5 页`: a page number on a line of its own. */
export function isPageNumberLine(line: string): boolean {
  // Page numbers stand centred on a line of their own: judge the text, not the indent.
  if (line.length > 400 || line.trim().length > 40 || holdsNonPageCharacter(line)) return false;
  let t = '';
  for (const ch of foldTraditional(nfkc(line))) if (ch !== ' ' && ch !== '\t' && ch !== '\u3000' && ch !== '\f') t += ch;
  if (t.length < 3 || t.length > 12) return false;
  const dashes = '-—–―';
  if (dashes.includes(t[0]!) && dashes.includes(t[t.length - 1]!)) return isDigits(t.slice(1, -1));
  if (t.startsWith('第') && t.includes('页')) {
    const body = t.slice(1).replace('页', '').replace('共', '').replace('页', '');
    return isDigits(body);
  }
  return false;
}

/**
 * Ideographs other than 第, 页 (頁) and 共, and Latin letters: folding leaves them what they are, and
 * a page number has none, so a line holding one is ruled out before it is folded.
 */
const NOT_IN_PAGE_NUMBERS = new Uint8Array(0x10000);
for (let c = 0x4e00; c <= 0x9fff; c++) if (!'第页共'.includes(foldTraditional(String.fromCharCode(c)))) NOT_IN_PAGE_NUMBERS[c] = 1;
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') NOT_IN_PAGE_NUMBERS[ch.charCodeAt(0)] = 1;

function holdsNonPageCharacter(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (NOT_IN_PAGE_NUMBERS[line.charCodeAt(i)]) return true;
  return false;
}

function isDigits(s: string): boolean {
  if (s.length === 0 || s.length > 6) return false;
  for (const ch of s) if (ch < '0' || ch > '9') return false;
  return true;
}
