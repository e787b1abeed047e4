// Tables printed without rules (some exports draw no borders): rows of numbers standing apart from
// their labels. Each column is where its numbers are printed, in PDF units: the x-extents of the
// numbers down the table, merged, and the header cells above it (a column left blank in every row is
// found by its header alone; two headers over one run of numbers part it between them). A number is
// placed in the column its extent falls in; one that falls across two, or two numbers in one column of
// a row, is not placed at all: an unreadable cell, null with a diagnostic, never a guess.
import { isValueText } from '../cell.js';
import type { Box } from './geometry.js';
import { lineOf, linePieces, type TextLine } from './lines.js';
import type { Piece } from './place.js';

export interface UnruledCell {
  kind: 'label' | 'value' | 'blank';
  text: string;
  box: Box;
  unreadable?: string;
}

export interface UnruledTable {
  top: number;
  rows: UnruledCell[][];
}

interface Word {
  text: string;
  box: Box;
  value: boolean;
}

interface Line {
  words: Word[];
  box: Box;
  size: number;
  pieces: Piece[];
}

/** Lines of a table's body at most this many line heights apart; headers at most this far above it. */
const ROW_GAP = 5;
const HEADER_LINES = 8;

/** The page's free pieces → its unruled tables, and the pieces that are not in one. */
export function findUnruled(pieces: readonly Piece[]): { tables: UnruledTable[]; rest: Piece[] } {
  const vertical = pieces.filter((p) => p.vertical);
  const lines = linePieces(pieces).map(lineOfWords);
  const tables: UnruledTable[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!isValueLine(lines[i]!)) continue;
    // The body: value lines, with at most three lines of labels between two of them (wrapped labels).
    let end = i;
    let numbersFrom = firstValueX(lines[i]!);
    for (let j = i + 1; j < lines.length && j - end <= 3 && lines[j - 1]!.box[1] - lines[j]!.box[3] < ROW_GAP * lines[j]!.size; j++) {
      const line = lines[j]!;
      if (isValueLine(line)) {
        end = j;
        numbersFrom = Math.min(numbersFrom, firstValueX(line));
      } else if (line.words.some((w) => (w.box[0] + w.box[2]) / 2 > numbersFrom)) break; // a caption or header over the numbers: the next table
    }
    const body = lines.slice(i, end + 1);
    let h = i;
    while (h > 0 && i - h < HEADER_LINES && !isValueLine(lines[h - 1]!) && lines[h - 1]!.box[1] - lines[h]!.box[3] < ROW_GAP * lines[h]!.size) h--;
    const headers = lines.slice(h, i);
    // Two rows of numbers; or one, long (the review table's fifteen) or under a header of its own (行政事业性收费's amount).
    const valueLines = body.filter(isValueLine);
    const values = valueLines[0]!.words.filter((w) => w.value);
    const headed = headers.some((l) => l.words.some((w) => !w.value && w.box[0] < values[0]!.box[2] && w.box[2] > values[0]!.box[0]));
    if (valueLines.length < 2 && values.length < 3 && !headed) {
      i = end;
      continue;
    }
    tables.push({ top: body[0]!.box[3], rows: rowsOf(body, columnsOf(body, headers), headers.flatMap((l) => l.words)) });
    for (let k = i; k <= end; k++) used.add(k);
    i = end;
  }
  const rest: Piece[] = [...vertical];
  lines.forEach((line, k) => {
    if (!used.has(k)) rest.push(...line.pieces);
  });
  return { tables, rest };
}

/** Pieces set close together are one word; a gap of more than a third of the font size parts two. */
function lineOfWords(pieces: Piece[]): Line {
  const words: Word[] = [];
  let run: Piece[] = [];
  const flush = () => {
    if (!run.length) return;
    const line = lineOf(run);
    words.push({ text: line.text, box: line.box, value: isValueText(line.text) });
    run = [];
  };
  for (const p of pieces) {
    const last = run[run.length - 1];
    const size = p.box[3] - p.box[1];
    if (last && p.box[0] - last.box[2] > size / 3) flush();
    run.push(p);
  }
  flush();
  const whole: TextLine = lineOf(pieces);
  return { words, box: whole.box, size: whole.size || 10, pieces };
}

function firstValueX(line: Line): number {
  return line.words.find((w) => w.value)!.box[0];
}

/** Numbers standing apart (words of their own), right of every label of the line. */
function isValueLine(line: Line): boolean {
  const firstValue = line.words.findIndex((w) => w.value);
  return firstValue >= 0 && line.words.slice(firstValue).every((w) => w.value);
}

/** Column extents, left to right: the numbers' extents merged, completed and parted by the headers. */
function columnsOf(body: readonly Line[], headers: readonly Line[]): [number, number][] {
  const extents: [number, number][] = [];
  for (const line of body) for (const w of line.words) if (w.value) extents.push([w.box[0], w.box[2]]);
  extents.sort((a, b) => a[0] - b[0]);
  let bands: [number, number][] = [];
  for (const [from, to] of extents) {
    const last = bands[bands.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else bands.push([from, to]);
  }
  const left = bands[0]![0];
  const headerWords = headers.flatMap((l) => l.words).filter((w) => !w.value && (w.box[0] + w.box[2]) / 2 > left);
  const over = (w: Word, b: [number, number]) => w.box[0] < b[1] && w.box[2] > b[0];
  // A header over no numbers is a column blank in every row.
  for (const w of headerWords) if (!bands.some((b) => over(w, b)) && !headerWords.some((o) => o !== w && o.box[1] < w.box[1] && over(o, [w.box[0], w.box[2]]))) bands.push([w.box[0], w.box[2]]);
  bands.sort((a, b) => a[0] - b[0]);
  // Two headers side by side over one run of numbers: the run is two columns, parted between them.
  const parted: [number, number][] = [];
  for (const b of bands) {
    const leaves = headerWords.filter((w) => over(w, b) && bands.filter((o) => over(w, o)).length === 1).sort((x, y) => x.box[0] - y.box[0]);
    const distinct = leaves.filter((w, k) => k === 0 || w.box[0] >= leaves[k - 1]!.box[2]);
    if (distinct.length < 2) {
      parted.push(b);
      continue;
    }
    let from = b[0];
    for (let k = 0; k + 1 < distinct.length; k++) {
      const cut = (distinct[k]!.box[2] + distinct[k + 1]!.box[0]) / 2;
      parted.push([from, cut]);
      from = cut;
    }
    parted.push([from, b[1]]);
  }
  bands = parted;
  return bands;
}

function rowsOf(body: readonly Line[], bands: readonly [number, number][], headerWords: readonly Word[]): UnruledCell[][] {
  const rows: UnruledCell[][] = [];
  const left = bands[0]![0];
  // Where the table has headers over its numbers, a run of numbers under none (printed between two
  // columns) is no column: its numbers make the cells beside them unreadable instead.
  const headed = bands.map(([from, to]) => headerWords.some((w) => !w.value && w.box[0] < to && w.box[2] > from));
  const columns = headed.some(Boolean) ? bands.filter((_, k) => headed[k]) : [...bands];
  const strays = headed.some(Boolean) ? bands.filter((_, k) => !headed[k]) : [];
  for (const line of body) {
    const labels = line.words.filter((w) => w.box[2] <= left + 1);
    const row: UnruledCell[] = [];
    if (labels.length) row.push({ kind: 'label', text: labels.map((w) => w.text).join(''), box: unionOf(labels) });
    if (!isValueLine(line)) {
      // A wrapped label, a group's label or another table's caption between value rows: all its words.
      rows.push([{ kind: 'label', text: line.words.map((w) => w.text).join(''), box: line.box }]);
      continue;
    }
    const rest = line.words.filter((w) => !labels.includes(w));
    const between = new Set<number>();
    for (const [from, to] of strays)
      if (rest.some((w) => w.box[0] < to && w.box[2] > from)) {
        const next = columns.findIndex((c) => c[0] >= to);
        between.add(next < 0 ? columns.length - 1 : next);
        if (next > 0 || next < 0) between.add((next < 0 ? columns.length : next) - 1);
      }
    for (const [k, [from, to]] of columns.entries()) {
      const inside = rest.filter((w) => w.box[0] < to && w.box[2] > from);
      const box: Box = [from, line.box[1], to, line.box[3]];
      if (inside.length === 0 && between.has(k)) row.push({ kind: 'value', text: '', box, unreadable: 'a number is printed between this column and the next, under no header: its column is not known' });
      else if (inside.length === 0) row.push({ kind: 'blank', text: '', box });
      else if (inside.length === 1 && inside[0]!.box[0] >= from - 1 && inside[0]!.box[2] <= to + 1) row.push({ kind: 'value', text: inside[0]!.text, box: inside[0]!.box });
      else
        row.push({
          kind: 'value',
          text: inside.map((w) => w.text).join(' '),
          box,
          unreadable: inside.length > 1 ? 'two numbers are printed in one column of this row (a table without rules)' : 'the number is printed across two columns (a table without rules): its column is not known',
        });
    }
    rows.push(row);
  }
  return rows;
}

function unionOf(words: readonly Word[]): Box {
  return [Math.min(...words.map((w) => w.box[0])), Math.min(...words.map((w) => w.box[1])), Math.max(...words.map((w) => w.box[2])), Math.max(...words.map((w) => w.box[3]))];
}
