// Pieces of text → lines in reading order, and lines → the text a cell or a paragraph reads.
import type { Box } from './geometry.js';
import type { Piece } from './place.js';

export interface TextLine {
  text: string;
  box: Box;
  /** The font size, from the pieces' heights. */
  size: number;
}

/** Pieces grouped into lines, top to bottom; each line's pieces left to right. Vertical pieces are lines of their own. */
export function groupLines(pieces: readonly Piece[]): TextLine[] {
  const out = linePieces(pieces).map(lineOf);
  // Vertical text (a narrow cell written top to bottom): columns right to left, each top to bottom.
  const vertical = pieces.filter((p) => p.vertical).sort((a, b) => b.box[0] - a.box[0] || b.box[3] - a.box[3]);
  if (vertical.length) out.push(...vertical.map((p) => ({ text: p.text.trim(), box: p.box, size: p.box[2] - p.box[0] })));
  return out.sort((a, b) => b.box[3] - a.box[3]);
}

/** The horizontal pieces in lines, top to bottom, each left to right. */
export function linePieces(pieces: readonly Piece[]): Piece[][] {
  const horizontal = pieces.filter((p) => !p.vertical).sort((a, b) => middle(b) - middle(a) || a.box[0] - b.box[0]);
  const lines: Piece[][] = [];
  let current: Piece[] = [];
  let bottom = Infinity;
  for (const p of horizontal) {
    // A piece whose middle is above the line's lowest bottom is on that line (baselines differ by font).
    if (current.length && middle(p) < bottom) {
      lines.push(current);
      current = [];
    }
    if (!current.length) bottom = p.box[1];
    else bottom = Math.max(bottom, p.box[1]);
    current.push(p);
  }
  if (current.length) lines.push(current);
  for (const line of lines) line.sort((a, b) => a.box[0] - b.box[0]);
  return lines;
}

function middle(p: Piece): number {
  return (p.box[1] + p.box[3]) / 2;
}

export function lineOf(pieces: readonly Piece[]): TextLine {
  let text = '';
  let box: Box | undefined;
  let size = 0;
  for (const p of pieces) {
    const h = p.box[3] - p.box[1];
    if (box) {
      const gap = p.box[0] - box[2];
      // A visible gap between Latin letters or digits is a space; CJK text is set without them.
      if (gap > 0.25 * Math.min(h, size) && (isAsciiWord(text[text.length - 1]) || isAsciiWord(p.text[0])) && !text.endsWith(' ')) text += ' ';
      box = [Math.min(box[0], p.box[0]), Math.min(box[1], p.box[1]), Math.max(box[2], p.box[2]), Math.max(box[3], p.box[3])];
    } else box = [...p.box];
    text += p.text;
    size = Math.max(size, h);
  }
  return { text: text.replace(/\s+/g, ' ').trim(), box: box!, size };
}

function isAsciiWord(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}

/** Lines of one cell or paragraph as one text: CJK lines run on, Latin ones are parted by a space. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (!line) continue;
    if (out && (isAsciiWord(out[out.length - 1]) || isAsciiWord(line[0]))) out += ' ';
    out += line;
  }
  return out;
}

/** What a table cell reads: its pieces' lines joined, runs of spaces one space. */
export function cellText(pieces: readonly Piece[]): string {
  return joinLines(groupLines(pieces).map((l) => l.text)).replace(/\s+/g, ' ').trim();
}

/** The box around boxes. */
export function unionBox(boxes: readonly Box[]): Box {
  let [x0, y0, x1, y1] = boxes[0]!;
  for (const b of boxes) {
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  return [x0, y0, x1, y1];
}
