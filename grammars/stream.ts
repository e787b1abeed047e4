// Parsimmon over token streams. Parsimmon parses strings, so a stream of n items is parsed through a
// stand-in string of n characters: primitives read the item at the parser's index, never the string.
import P from 'parsimmon';
import type { Cell } from '../src/lex/cell.js';
import { foldedText } from './match.js';

/** Items of any kind, with a parser that accepts the item at the current index when `test` holds. */
export class ItemStream<T> {
  readonly input: string;
  constructor(readonly items: readonly T[]) {
    this.input = '\u0000'.repeat(items.length);
  }

  item(test: (item: T, index: number) => boolean, expected: string): P.Parser<T> {
    const items = this.items;
    return P((_input, i) => (i < items.length && test(items[i]!, i) ? P.makeSuccess(i + 1, items[i]!) : P.makeFailure(i, expected)));
  }

  /** Skips items until `test` holds (not consuming it); linear. */
  until(test: (item: T, index: number) => boolean): P.Parser<T[]> {
    const items = this.items;
    return P((_input, i) => {
      let j = i;
      while (j < items.length && !test(items[j]!, j)) j++;
      return P.makeSuccess(j, items.slice(i, j));
    });
  }

  /** Runs a grammar from the first item; what it leaves unread is ignored. */
  parse<R>(parser: P.Parser<R>): R | undefined {
    const result = parser.skip(P.all).parse(this.input);
    return result.status ? result.value : undefined;
  }
}

/** A physical row as the row grammar reads it: the labels before some values, and the values. */
export interface RawRow {
  /** Label cells since the previous values: a row label, possibly wrapped, headers, captions. */
  labels: Cell[];
  /** Folded text of the labels, for matching (bounded to the last few hundred characters). */
  labelText: string;
  /** Value and blank cells of one physical row; spans and page breaks are dropped. */
  values: Cell[];
  /** The last label and the first value are on one physical row: strong evidence the label names them. */
  sameRow: boolean;
}

const LABEL_TEXT_LIMIT = 400;

/** One character per cell kind: the row grammar reads this string with regular expressions. */
const KIND_CODE: Record<Cell['kind'], [rowStart: string, inRow: string]> = {
  label: ['L', 'L'],
  value: ['V', 'v'],
  blank: ['B', 'b'],
  span: ['S', 'S'],
  break: ['K', 'K'],
};

export function kindCode(cells: readonly Cell[]): string {
  let code = '';
  for (const c of cells) code += KIND_CODE[c.kind][c.rowStart ? 0 : 1];
  return code;
}

/**
 * The row grammar, over cells: a row is labels (wrapped over any number of cells) followed by the
 * values of one physical row; or values alone; or labels alone. Spans and page breaks are skipped.
 * It runs on the cells' kind code (`LLvvvSSLvvv…`), so each rule is a linear regular expression.
 */
export function readRows(cells: readonly Cell[]): RawRow[] {
  const lang = P.createLanguage<{
    labelRun: P.Mark<string>;
    valueRun: P.Mark<string>;
    skips: null;
    row: RawRow | null;
    rows: RawRow[];
  }>({
    // Character classes only, no repeated groups: a repeated group keeps a backtrack entry per
    // repetition and overflows the stack on a million cells.
    labelRun: () => P.regexp(/L[LSK]*/).mark(),
    // Values continue a run only within one physical row (lower case: not the first cell of a row).
    valueRun: () => P.regexp(/[VvBb](?:[SKvb]*[vb])?/).mark(),
    skips: () => P.regexp(/[SK]+/).map(() => null),
    row: (r) =>
      P.alt(
        P.seq(r.labelRun, r.valueRun.or(P.succeed(null))).map(([l, v]) => rawRow(pick(cells, l), v ? pick(cells, v) : [])),
        r.valueRun.map((v) => rawRow([], pick(cells, v))),
        r.skips,
      ),
    rows: (r) => r.row.many().map((rows) => rows.filter((x): x is RawRow => x !== null)),
  });
  const result = lang.rows.parse(kindCode(cells));
  return result.status ? result.value : [];
}

/** The label, value and blank cells a match covers (spans and page breaks dropped). */
function pick(cells: readonly Cell[], mark: P.Mark<string>): Cell[] {
  const out: Cell[] = [];
  for (let i = mark.start.offset; i < mark.end.offset; i++) {
    const c = cells[i]!;
    if (c.kind !== 'span' && c.kind !== 'break') out.push(c);
  }
  return out;
}

function rawRow(labels: Cell[], values: Cell[]): RawRow {
  let text = '';
  for (let i = labels.length - 1; i >= 0 && text.length < LABEL_TEXT_LIMIT; i--) text = foldedText(labels[i]!) + text;
  if (text.length > LABEL_TEXT_LIMIT) text = text.slice(-LABEL_TEXT_LIMIT);
  const last = labels[labels.length - 1];
  const first = values[0];
  const sameRow = !!last && !!first && (!first.rowStart || (first.line !== undefined && first.line === last.line));
  return { labels, labelText: text, values, sameRow };
}
