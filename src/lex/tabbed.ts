// Text whose table cells are separated by tabs, with line breaks inside and between them: a
// browser's innerText (`821\n\n\t\n\n35`), a spreadsheet's copy; or by a bar on a line of its own
// (Python html2text: `821\n\n| \n\n35`), which is the same evidence. A separator joins two cells of
// one row; line breaks alone separate rows (or the lines of one cell). A cell of spaces or no-break
// spaces next to a separator is a blank cell. Lines with no separator near them are prose, read by line.ts.
import { type Cell, isValueText, makeCell } from './cell.js';
import { type Line, isBlank, isSpace } from './lines.js';
import { lexLine } from './line.js';

interface Piece {
  line: Line;
  from: number;
  to: number;
  blank: boolean;
  /** A tab comes before it since the previous kept piece / after it before the next. */
  tabBefore: boolean;
  tabAfter: boolean;
}

/** True when the text lays cells out with separators on lines of their own: many lines that are a tab or a bar alone. */
export function looksTabbed(lines: readonly Line[]): boolean {
  let tabLines = 0;
  for (const l of lines) if (((l.text.includes('\t') && isBlank(l.text, 0, l.text.length)) || loneBar(l.text)) && ++tabLines >= 20) return true;
  return false;
}

/** `|`, `│` or `┃` with nothing but spaces around it: a cell separator on a line of its own. */
function loneBar(t: string): boolean {
  let bars = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x7c || c === 0x2502 || c === 0x2503) bars++;
    else if (!isSpace(c)) return false;
  }
  return bars === 1;
}

export function lexTabbed(lines: readonly Line[], out: Cell[]): void {
  // The text between tabs on each line, in order; whether a tab lies between consecutive pieces.
  const pieces: Piece[] = [];
  let tab = false;
  for (const line of lines) {
    // A bar alone on its line separates like a tab.
    const t = loneBar(line.text) ? '\t' : line.text;
    let from = 0;
    for (let i = 0; i <= t.length; i++) {
      if (i < t.length && t[i] !== '\t') continue;
      if (i > from && !isPadding(t, from, i, t.includes('\t'))) {
        pieces.push({ line, from, to: i, blank: isBlank(t, from, i), tabBefore: tab, tabAfter: false });
        tab = false;
      } else if (i < t.length && tab) {
        // Two tabs with nothing between: an empty cell (`<td></td>`).
        pieces.push({ line, from: i, to: i, blank: true, tabBefore: true, tabAfter: false });
      }
      if (i < t.length) {
        tab = true;
        const last = pieces[pieces.length - 1];
        if (last) last.tabAfter = true;
      }
      from = i + 1;
    }
  }
  // Spaces next to a tab are a blank cell; elsewhere they are nothing, and do not part a tab from its cell.
  const kept = pieces.filter((p) => !p.blank || p.tabBefore || p.tabAfter);
  for (let k = 0; k < kept.length; k++) {
    const p = kept[k]!;
    const prev = kept[k - 1];
    // A dropped piece has no tab beside it, so the tabs around a kept piece are its own.
    const { tabBefore, tabAfter } = p;
    if (!p.blank && !tabBefore && !tabAfter) {
      // Prose, a caption, a heading: the whole line, read like any other line.
      if (prev?.line !== p.line) lexLine(p.line, out);
      continue;
    }
    let from = p.from;
    let to = p.to;
    while (from < to && isSpace(p.line.text.charCodeAt(from))) from++;
    while (to > from && isSpace(p.line.text.charCodeAt(to - 1))) to--;
    const text = p.line.text.slice(from, to);
    const start = p.line.start + (p.blank ? p.from : from);
    out.push(makeCell(p.blank ? 'blank' : isValueText(text) ? 'value' : 'label', text, start, p.blank ? start : p.line.start + to, !tabBefore, p.line.index));
  }
}

/** Plain spaces on a line with no tab are indentation, not a cell (a no-break space is an `&nbsp;` cell). */
function isPadding(t: string, from: number, to: number, lineHasTab: boolean): boolean {
  if (lineHasTab) return false;
  for (let i = from; i < to; i++) if (t.charCodeAt(i) !== 32) return false;
  return true;
}
