// Text → cells. Tables drawn with boxes or aligned under dash rules are read as blocks; text whose
// cells are separated by tabs across lines (a browser's innerText) or laid one per line (lynx) is
// read as such; every other line is read on its own (line.ts). One pass, no backtracking.
import type { Cell } from './cell.js';
import { splitLines } from './lines.js';
import { lexLine } from './line.js';
import { boxTableEnd, lexBox } from './box.js';
import { alignedTableEnd, lexAligned } from './aligned.js';
import { lexTabbed } from './tabbed.js';
import { lexStacked } from './stacked.js';
import { detectForm, type Form } from '../input/form.js';

export { splitLines, type Line } from './lines.js';

/** Lexes a whole text in the given form (detected when not given) into cells. */
export function lexText(text: string, form?: Form): Cell[] {
  const cells: Cell[] = [];
  const lines = splitLines(text);
  const layout = form ?? detectForm(text, lines);
  if (layout === 'tab-text') {
    lexTabbed(lines, cells);
    return cells;
  }
  if (layout === 'stacked-text') {
    lexStacked(lines, cells);
    return cells;
  }
  for (let i = 0; i < lines.length; ) {
    const boxEnd = boxTableEnd(lines, i);
    if (boxEnd !== undefined) {
      lexBox(lines.slice(i, boxEnd), cells);
      i = boxEnd;
      continue;
    }
    const alignedEnd = alignedTableEnd(lines, i);
    if (alignedEnd !== undefined) {
      lexAligned(lines.slice(i, alignedEnd), cells);
      i = alignedEnd;
      continue;
    }
    lexLine(lines[i]!, cells);
    i++;
  }
  return cells;
}
