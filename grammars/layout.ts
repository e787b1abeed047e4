// Layout noise that is not part of any table: page numbers a PDF prints between table rows.
import { nfkc, foldTraditional } from './fold.js';
import { trimmedLength } from '../src/lex/lines.js';

/** `-3-`, `- 3 -`, `—3—`, `第3页` (`第3頁`), `第 3 页 共 5 页`: a page number on a line of its own. */
export function isPageNumberLine(line: string): boolean {
  // Page numbers stand centred on a line of their own: judge the text, not the indent.
  if (line.length > 400 || trimmedLength(line) > 40) return false;
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

function isDigits(s: string): boolean {
  if (s.length === 0 || s.length > 6) return false;
  for (const ch of s) if (ch < '0' || ch > '9') return false;
  return true;
}
