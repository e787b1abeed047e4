// Tables drawn with box characters: text browsers (w3m `┌─┬─┐ │ ├─┼─┤`) and pandoc grid tables
// (`+---+---+ | |`). A cell is a rectangle between rules and vertical bars; its text may wrap over
// several lines (`本年新` / `制作数量`, `7` / `.属于行政执法案卷`) and a rowspan cell's text sits on
// whichever line the renderer centred it. Rules can close some columns and not others (a rowspan
// cell continues beside a rule), so cells are tracked per column range, not per line.
import { type Cell, isValueText, makeCell } from './cell.js';
import { type Line, columnWidth, isSpace, isTrimmed } from './lines.js';

/** Vertical bars and junctions. `+` is a junction only next to a rule character (not in `+1036`). */
const BARS = new Set(['│', '┃', '║', '|', '┼', '├', '┤', '┬', '┴', '┌', '┐', '└', '┘', '╋', '╬', '╪', '╫', '╞', '╡', '╒', '╕', '╘', '╛', '╔', '╗', '╚', '╝', '╠', '╣', '╦', '╩']);
const RULE = new Set(['─', '━', '═', '-', '=', ':']);
// The same, looked up by code: every character of every line of a table is.
const BAR_CODE = 1;
const RULE_CODE = 2;
const BOX_CLASS = new Uint8Array(0x10000);
for (const ch of BARS) BOX_CLASS[ch.charCodeAt(0)] = BAR_CODE;
for (const ch of RULE) BOX_CLASS[ch.charCodeAt(0)] = RULE_CODE;
const PLUS = 0x2b;
const isRuleCode = (code: number) => BOX_CLASS[code] === RULE_CODE;
/** Characters a line of a box table may start with. */
const LEAD = new Set(['┌', '├', '└', '│', '┃', '║', '╔', '╠', '╚', '╒', '╞', '╘', '+', '|']);
/** Characters that start a rule line: the first line of a table (or of its part on a page). */
const TOP = new Set(['┌', '╔', '╒', '├', '╞', '╠', '+']);

/** The index after the box table starting at line `i`, or undefined when none starts there. */
export function boxTableEnd(lines: readonly Line[], i: number): number | undefined {
  // The first character after the indent decides for most lines, before the line is trimmed; text
  // browsers indent a table as its page does (elinks), so the indent is not part of the evidence.
  if (!TOP.has(firstAfterIndent(lines[i]!.text))) return undefined;
  const first = lines[i]!.text.trimEnd();
  if (!isRuleLine(first)) return undefined;
  let j = i + 1;
  let content = 0;
  while (j < lines.length && LEAD.has(firstAfterIndent(lines[j]!.text))) {
    if (!isRuleLine(lines[j]!.text.trimEnd())) content++;
    j++;
  }
  return content > 0 ? j : undefined;
}

/** The first character that is not a space or a tab ('' for a blank line). */
function firstAfterIndent(t: string): string {
  let i = 0;
  while (i < t.length && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
  return t[i] ?? '';
}

/** Only junctions and rule characters (after any indent), with at least three rule characters. */
function isRuleLine(t: string): boolean {
  let rules = 0;
  let i = 0;
  while (i < t.length && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const cls = BOX_CLASS[c];
    if (cls === RULE_CODE) rules++;
    else if (cls !== BAR_CODE && c !== PLUS) return false;
  }
  return rules >= 3;
}

interface Segment {
  x0: number;
  x1: number;
  from: number;
  to: number;
  rule: boolean;
}

interface OpenCell {
  x0: number;
  x1: number;
  line: number;
  /** Offset of the cell's first line, for a blank cell's provenance. */
  at: number;
  pieces: { text: string; start: number; end: number }[];
}

/** Lexes the box table on `lines` (as found by `boxTableEnd`) into cells, row by row. */
export function lexBox(lines: readonly Line[], out: Cell[]): void {
  const width = widthThatAlignsBars(lines);
  // Open cells sorted by column; each line's segments come left to right, so one merge per line.
  let open: OpenCell[] = [];
  const closed: OpenCell[] = [];
  for (const line of lines) {
    const next: OpenCell[] = [];
    let p = 0;
    for (const seg of segments(line, width)) {
      while (p < open.length && open[p]!.x1 <= seg.x0) next.push(open[p++]!);
      let cell: OpenCell | undefined;
      for (; p < open.length && open[p]!.x0 < seg.x1; p++) {
        const c = open[p]!;
        // The same column range continues a cell; any other (a rule we did not see, or a rule here) ends it.
        if (!seg.rule && !cell && Math.abs(c.x0 - seg.x0) <= 1 && Math.abs(c.x1 - seg.x1) <= 1) cell = c;
        else closed.push(c);
      }
      if (seg.rule) continue;
      cell ??= { x0: seg.x0, x1: seg.x1, line: line.index, at: line.start + seg.from, pieces: [] };
      next.push(cell);
      let from = seg.from;
      let to = seg.to;
      while (from < to && isSpace(line.text.charCodeAt(from))) from++;
      while (to > from && isSpace(line.text.charCodeAt(to - 1))) to--;
      if (to > from) cell.pieces.push({ text: line.text.slice(from, to), start: line.start + from, end: line.start + to });
    }
    while (p < open.length) next.push(open[p++]!);
    open = next;
  }
  for (const cell of open) closed.push(cell);
  closed.sort((a, b) => a.line - b.line || a.x0 - b.x0);
  const texts = closed.map((c) => joinWrapped(textsOf(c.pieces)));
  const kinds = texts.map((t): Cell['kind'] => (t === '' ? 'blank' : isValueText(t) ? 'value' : 'label'));
  // Columns left of the first that holds a number anywhere in the table are label columns: their empty
  // cells are rowspans and lost colspans, never blank values.
  let firstValueX = Infinity;
  for (let k = 0; k < closed.length; k++) if (kinds[k] === 'value') firstValueX = Math.min(firstValueX, closed[k]!.x0);
  for (let k = 0; k < closed.length; ) {
    const line = closed[k]!.line;
    let end = k;
    let hasValue = false;
    while (end < closed.length && closed[end]!.line === line) if (kinds[end++] === 'value') hasValue = true;
    const skipLeading = labelFirst(closed, k);
    let first = true;
    for (let j = k; j < end; j++) {
      const c = closed[j]!;
      // A header row has no blank values; empty cells before a row's label are label columns too.
      if (kinds[j] === 'blank' && (!hasValue || c.x0 < firstValueX || (first && skipLeading))) continue;
      const start = c.pieces[0]?.start ?? c.at;
      const stop = c.pieces[c.pieces.length - 1]?.end ?? c.at;
      out.push(makeCell(kinds[j]!, texts[j]!, start, stop, first, c.line, c.x0, c.x1));
      first = false;
    }
    k = end;
  }
}

/** The row starting at index k: is its first non-blank cell a label? */
function labelFirst(closed: readonly OpenCell[], k: number): boolean {
  const line = closed[k]!.line;
  for (let j = k; j < closed.length && closed[j]!.line === line; j++) {
    const p = closed[j]!.pieces;
    if (p.length) return !isValueText(joinWrapped(textsOf(p)));
  }
  return false;
}

/** The pieces' texts, pushed into a packed array (an optimized caller's map() would make a holey one). */
function textsOf(pieces: readonly { text: string }[]): string[] {
  const out: string[] = [];
  for (const p of pieces) out.push(p.text);
  return out;
}

type Width = (code: number) => number;
const ONE: Width = () => 1;

/**
 * How the renderer counted columns: most draw a CJK character two columns wide (w3m, elinks), some one
 * (links). The table's bars stand in the same columns on every line in the renderer's count: the count
 * under which they take the fewest distinct columns.
 */
function widthThatAlignsBars(lines: readonly Line[]): Width {
  const columns = (width: Width) => {
    const seen = new Set<number>();
    for (const line of lines) {
      const t = line.text;
      const last = trimmedEnd(t) - 1;
      let col = 0;
      for (let i = 0; i < t.length; i++) {
        if (isBar(t, i, last)) seen.add(col);
        col += width(t.charCodeAt(i));
      }
    }
    return seen.size;
  };
  return columns(ONE) < columns(columnWidth) ? ONE : columnWidth;
}

/** The line cut at its bars into segments, each a rule or content, with columns (as `width` counts them) and offsets. */
function segments(line: Line, width: Width): Segment[] {
  const t = line.text;
  const last = trimmedEnd(t) - 1;
  const out: Segment[] = [];
  let from = -1;
  /** The display column of position i, and of `from`. */
  let col = 0;
  let fromCol = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i < t.length && !isBar(t, i, last)) {
      col += width(t.charCodeAt(i));
      continue;
    }
    if (from >= 0 && i > from) {
      let rule = true;
      for (let k = from; k < i && rule; k++) if (!isRuleCode(t.charCodeAt(k))) rule = false;
      out.push({ x0: fromCol, x1: col, from, to: i, rule });
    }
    from = i + 1;
    if (i < t.length) col += width(t.charCodeAt(i));
    fromCol = col;
  }
  return out;
}

/** A bar at i; `last` is the line's last non-space position (a `+` there closes a grid row). */
function isBar(t: string, i: number, last: number): boolean {
  const c = t.charCodeAt(i);
  // The ends first: reading before the start or past the end of the line deoptimizes the caller.
  if (c === PLUS) return i === 0 || i === last || isRuleCode(t.charCodeAt(i - 1)) || isRuleCode(t.charCodeAt(i + 1));
  return BOX_CLASS[c] === BAR_CODE;
}

/** The length `t.trimEnd()` would have. */
function trimmedEnd(t: string): number {
  let to = t.length;
  while (to > 0 && isTrimmed(t.charCodeAt(to - 1))) to--;
  return to;
}

/** Wrapped lines of one cell: CJK text and numbers join without a space; two Latin words keep one. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    if (out && isLatin(out[out.length - 1]!) && isLatin(p[0]!)) out += ' ';
    out += p;
  }
  return out;
}

function isLatin(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}
