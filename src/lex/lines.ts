// Lines of text with their offsets, and the display columns text browsers and converters lay
// tables out in (East Asian wide characters take two columns).

export interface Line {
  text: string;
  start: number;
  index: number;
  /** The last position whose display column was computed, and that column (cells come left to right). */
  colIndex?: number;
  col?: number;
}

/** Splits text into lines with their offsets (handles \n, \r\n, \r). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // Without a carriage return, line breaks are found by indexOf; with one, character by character.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push(lineAt(text, start, i, lines.length));
      start = i + 1;
    }
    lines.push(lineAt(text, start, text.length, lines.length));
    return lines;
  }
  for (let i = 0; i <= text.length; i++) {
    const ch = text.charCodeAt(i);
    if (i === text.length || ch === 10 || ch === 13) {
      lines.push(lineAt(text, start, i, lines.length));
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

/** A line with every field, the column cache empty: one shape for all lines. */
function lineAt(text: string, start: number, end: number, index: number): Line {
  return { text: text.slice(start, end), start, index, colIndex: undefined, col: undefined };
}

/** Spaces, tabs, line breaks, no-break and ideographic spaces, and the form feed pdftotext puts at a page break. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000 || code === 10 || code === 13 || code === 12;
}

/** What String.prototype.trim removes (JavaScript's white space and line terminators), by code. */
export function isTrimmed(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** The length `text.trim()` would have, without making it. */
export function trimmedLength(text: string): number {
  let from = 0;
  let to = text.length;
  while (from < to && isTrimmed(text.charCodeAt(from))) from++;
  while (to > from && isTrimmed(text.charCodeAt(to - 1))) to--;
  return to - from;
}

/** Nothing but spaces between `from` and `to`. */
export function isBlank(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(t.charCodeAt(i))) return false;
  return true;
}

/** The display column of a position in a line: East Asian wide characters take two columns. */
export function columnAt(line: Line, index: number): number {
  let i = 0;
  let col = 0;
  // Cells are made left to right, so the walk resumes where the last one stopped.
  if (line.colIndex !== undefined && line.colIndex <= index) {
    i = line.colIndex;
    col = line.col!;
  }
  const end = Math.min(index, line.text.length);
  for (; i < end; i++) col += isWide(line.text.charCodeAt(i)) ? 2 : 1;
  line.colIndex = i;
  line.col = col;
  return col;
}

/** The display column of every position of a line (and of its end). */
export function displayColumns(t: string): number[] {
  const cols = new Array<number>(t.length + 1);
  let col = 0;
  for (let i = 0; i < t.length; i++) {
    cols[i] = col;
    col += isWide(t.charCodeAt(i)) ? 2 : 1;
  }
  cols[t.length] = col;
  return cols;
}

/** Display columns a character takes: 2 for East Asian wide characters, else 1. */
export function columnWidth(code: number): number {
  return isWide(code) ? 2 : 1;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}
