// Text that stacks a table's cells one per line with an empty line after each (lynx -dump of a
// table too wide for the screen). Rows are not marked; an extra empty line is an empty cell. Text
// browsers print an empty cell only when it has a paragraph of its own, so some blank cells leave
// no line at all: any number may have vanished beside a value.
import { type Cell, isValueText, makeCell, trailingNumberAt } from './cell.js';
import { type Line, isBlank, isSpace, trimmedLength } from './lines.js';
import { isPageNumberLine } from '../../grammars/vocabulary/layout.js';

/** Lines holding a lone number between empty lines: enough of them, and more than lines with several numbers. */
export function looksStacked(lines: readonly Line[]): boolean {
  let lone = 0;
  let several = 0;
  for (let i = 1; i + 1 < lines.length; i++) {
    if (trimmedLength(lines[i]!.text) === 0) continue;
    const t = lines[i]!.text.trim();
    if (isValueText(t)) {
      if (trimmedLength(lines[i - 1]!.text) === 0 && trimmedLength(lines[i + 1]!.text) === 0) lone++;
    } else if (t.includes(' ') && t.split(/\s+/).filter((w) => isValueText(w)).length >= 2) several++;
  }
  return lone >= 20 && lone > several;
}

export function lexStacked(lines: readonly Line[], out: Cell[]): void {
  let empties = -1;
  for (const line of lines) {
    const t = line.text;
    if (isBlank(t, 0, t.length)) {
      if (empties >= 0) empties++;
      continue;
    }
    // Each empty line beyond the one that follows every cell is an empty cell.
    for (let k = 1; k < empties; k++) {
      const blank = makeCell('blank', '', line.start, line.start, false, line.index);
      blank.weak = true;
      out.push(blank);
    }
    empties = 0;
    let from = 0;
    let to = t.length;
    while (from < to && isSpace(t.charCodeAt(from))) from++;
    while (to > from && isSpace(t.charCodeAt(to - 1))) to--;
    const text = t.slice(from, to);
    if (isPageNumberLine(text)) {
      out.push(makeCell('break', text, line.start + from, line.start + to, true, line.index));
      continue;
    }
    const value = isValueText(text);
    // A label with a number after a space (`二、上年结转政府信息公开申请数量 0`): pdftotext puts a row's first
    // cell on its label's line. No row label of the template ends in a number standing alone.
    const split = value ? -1 : trailingNumberAt(text);
    if (split > 0) {
      const label = text.slice(0, split).trimEnd();
      out.push(makeCell('label', label, line.start + from, line.start + from + label.length, false, line.index));
      out.push(stackedValue(text.slice(split), line.start + from + split, line.start + to, line.index));
      continue;
    }
    out.push(value ? stackedValue(text, line.start + from, line.start + to, line.index) : makeCell('label', text, line.start + from, line.start + to, false, line.index));
  }
}

/** A value alone on its line: any blank beside it may have left no line. */
function stackedValue(text: string, start: number, end: number, index: number): Cell {
  const cell = makeCell('value', text, start, end, false, index);
  cell.gapBefore = Infinity;
  cell.gapAfter = Infinity;
  return cell;
}
