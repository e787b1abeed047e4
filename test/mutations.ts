// Mutations of a report's text for the property tests: cells (runs between whitespace and pipes) and
// lines deleted, duplicated or swapped, noise inserted, the text cut, one digit changed.
import fc from 'fast-check';

/** A piece of the text: a cell's characters, or the separators between cells. */
interface Piece {
  text: string;
  cell: boolean;
}

function isSeparator(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0 || code === 0x7c || code === 0x2502;
}

export function cellsOf(text: string): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  let prevSep = false;
  for (let i = 0; i <= text.length; i++) {
    const atEnd = i === text.length;
    const sep = !atEnd && isSeparator(text.charCodeAt(i));
    if (i > from && (atEnd || sep !== prevSep)) {
      out.push({ text: text.slice(from, i), cell: !prevSep });
      from = i;
    }
    prevSep = sep;
  }
  return out;
}

export type Mutation =
  | { op: 'deleteCell' | 'duplicateCell' | 'deleteLine' | 'duplicateLine'; at: number }
  | { op: 'swapCells' | 'swapLines'; at: number; with: number }
  | { op: 'insert'; at: number; noise: string }
  | { op: 'cut'; at: number }
  | { op: 'digit'; at: number; digit: number };

/** Apply one mutation; positions are fractions of the text (0..1) so any text takes any mutation. */
export function mutate(text: string, m: Mutation): string {
  const pick = (n: number, f: number) => Math.min(n - 1, Math.floor(f * n));
  switch (m.op) {
    case 'deleteCell':
    case 'duplicateCell':
    case 'swapCells': {
      const pieces = cellsOf(text);
      const cells = pieces.map((p, i) => (p.cell ? i : -1)).filter((i) => i >= 0);
      if (!cells.length) return text;
      const i = cells[pick(cells.length, m.at)]!;
      if (m.op === 'deleteCell') pieces.splice(i, 1);
      else if (m.op === 'duplicateCell') pieces.splice(i, 0, pieces[i]!, { text: ' ', cell: false });
      else if (m.op === 'swapCells') {
        const j = cells[pick(cells.length, m.with)]!;
        [pieces[i], pieces[j]] = [pieces[j]!, pieces[i]!];
      }
      return pieces.map((p) => p.text).join('');
    }
    case 'deleteLine':
    case 'duplicateLine':
    case 'swapLines': {
      const lines = text.split('\n');
      const i = pick(lines.length, m.at);
      if (m.op === 'deleteLine') lines.splice(i, 1);
      else if (m.op === 'duplicateLine') lines.splice(i, 0, lines[i]!);
      else if (m.op === 'swapLines') {
        const j = pick(lines.length, m.with);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return lines.join('\n');
    }
    case 'insert': {
      const at = pick(text.length + 1, m.at);
      return text.slice(0, at) + m.noise + text.slice(at);
    }
    case 'cut':
      return text.slice(0, pick(text.length + 1, m.at));
    case 'digit': {
      const digits: number[] = [];
      for (let i = 0; i < text.length; i++) if (text[i]! >= '0' && text[i]! <= '9') digits.push(i);
      if (!digits.length) return text;
      const i = digits[pick(digits.length, m.at)]!;
      return text.slice(0, i) + String(m.digit) + text.slice(i + 1);
    }
  }
}

/** What scraped text is made of: digits, separators, table labels, markup, any character. */
const noiseUnit = fc.oneof(
  fc.constantFrom('0', '1', '7', '42', '|', ' | ', '||||', '\n', '\t', '\u3000', '—', '-', '/', '无', '元', '万元', '.', '、', '（', '）'),
  fc.constantFrom('总计', '(七)总计', '1.', '本年新收政府信息公开申请数量', '行政复议', '第二十条第（一）项', '规章', '五、存在的主要问题', '四、结转下年度继续办理'),
  fc.constantFrom('<td>', '</td>', '<tr>', '<table>', '</table>', '<td colspan="3">', '<br>', '<!--', '<script>', '&nbsp;', '<p>'),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
export const noise = fc.array(noiseUnit, { minLength: 1, maxLength: 12 }).map((xs) => xs.join(''));

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('deleteCell' as const, 'duplicateCell' as const, 'deleteLine' as const, 'duplicateLine' as const), at }),
  fc.record({ op: fc.constantFrom('swapCells' as const, 'swapLines' as const), at, with: at }),
  fc.record({ op: fc.constant('insert' as const), at, noise }),
  fc.record({ op: fc.constant('cut' as const), at }),
  fc.record({ op: fc.constant('digit' as const), at, digit: fc.integer({ min: 0, max: 9 }) }),
);
