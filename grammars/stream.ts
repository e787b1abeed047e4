// Parsimmon over token streams. Parsimmon parses strings, so a stream of n items is parsed through a
// stand-in string of n characters: primitives read the item at the parser's index, never the string.
import P from 'parsimmon';
import type { Cell } from '../src/lex/cell.js';
import { foldedText } from './match.js';

/**
 * A stream of items of any kind, reusable: grammars over it are built once, with the stream's
 * primitives, and `parse` sets the items they read for one run.
 */
export class ItemStream<T> {
  private items: readonly T[] = [];

  /** A primitive that reads the items from index i: succeed with the index after what it took, or fail. */
  run<R>(read: (items: readonly T[], i: number) => P.Reply<R>): P.Parser<R> {
    return P((_input, i) => read(this.items, i));
  }

  item(test: (item: T, index: number) => boolean, expected: string): P.Parser<T> {
    return this.run((items, i) => (i < items.length && test(items[i]!, i) ? P.makeSuccess(i + 1, items[i]!) : P.makeFailure(i, expected)));
  }

  /** Skips items until `test` holds (not consuming it); linear. */
  until(test: (item: T, index: number) => boolean): P.Parser<T[]> {
    return this.run((items, i) => {
      let j = i;
      while (j < items.length && !test(items[j]!, j)) j++;
      return P.makeSuccess(j, items.slice(i, j));
    });
  }

  /** Runs a grammar over `items` from the first; what it leaves unread is ignored. */
  parse<R>(items: readonly T[], grammar: P.Parser<R>): R | undefined {
    const outer = this.items;
    this.items = items;
    try {
      const result = grammar.skip(P.all).parse('\u0000'.repeat(items.length));
      return result.status ? result.value : undefined;
    } finally {
      this.items = outer;
    }
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

/** The cells as the row grammar reads them: one KIND_CODE character per cell. */
function kindCode(cells: readonly Cell[]): string {
  let code = '';
  for (const c of cells) code += KIND_CODE[c.kind][c.rowStart ? 0 : 1];
  return code;
}

/** Cells `start` to `end` (exclusive) of the stream: what a rule of the row grammar matched. */
interface Run {
  start: number;
  end: number;
}

/** A row as the grammar reads it: the runs of its labels and of its values (null when it has none). */
interface RowRuns {
  labels: Run | null;
  values: Run | null;
}

// The row grammar's rules, as regular expressions over the kind code. Character classes only, no
// repeated groups: a repeated group keeps a backtrack entry per repetition and overflows the stack
// on a million cells.
/** Labels, wrapped over any number of cells (spans and page breaks between them skipped). */
const LABEL_RUN = 'L[LSK]*';
/** Values continue a run only within one physical row (lower case: not the first cell of a row). */
const VALUE_RUN = '[VvBb](?:[SKvb]*[vb])?';
/** Spans and page breaks between rows. */
const SKIPS = '[SK]+';
/** `row = labelRun valueRun? | valueRun | skips`: the label and value classes are disjoint, so the alternatives read as in a PEG. */
const ROW = new RegExp(`(${LABEL_RUN})(${VALUE_RUN})?|(${VALUE_RUN})|${SKIPS}`, 'y');

/**
 * One row at the parser's index (sticky: the code is not sliced), as the runs of cells it covers;
 * null for a run of spans and page breaks.
 */
const row = P<RowRuns | null>((code, i) => {
  ROW.lastIndex = i;
  const m = ROW.exec(code);
  if (!m) return P.makeFailure(i, 'row');
  const end = i + m[0].length;
  if (m[1] !== undefined) {
    const labelEnd = i + m[1].length;
    return P.makeSuccess<RowRuns | null>(end, { labels: { start: i, end: labelEnd }, values: m[2] !== undefined ? { start: labelEnd, end } : null });
  }
  return P.makeSuccess<RowRuns | null>(end, m[3] !== undefined ? { labels: null, values: { start: i, end } } : null);
});

/**
 * The row grammar, over cells: a row is labels (wrapped over any number of cells) followed by the
 * values of one physical row; or values alone; or labels alone. Spans and page breaks are skipped.
 * It runs on the cells' kind code (`LLvvvSSLvvv…`), so each rule is a linear regular expression.
 */
const rows = row.many().map((found) => found.filter((x): x is RowRuns => x !== null));

export function readRows(cells: readonly Cell[]): RawRow[] {
  const result = rows.parse(kindCode(cells));
  return result.status ? result.value.map((r) => rawRow(r.labels ? pick(cells, r.labels) : [], r.values ? pick(cells, r.values) : [])) : [];
}

/** The label, value and blank cells a match covers (spans and page breaks dropped). */
function pick(cells: readonly Cell[], run: Run): Cell[] {
  const out: Cell[] = [];
  for (let i = run.start; i < run.end; i++) {
    const c = cells[i]!;
    if (c.kind !== 'span' && c.kind !== 'break') out.push(c);
  }
  return out;
}

/** A RawRow of the cells a row matched, with its labels' folded text (the last LABEL_TEXT_LIMIT characters). */
function rawRow(labels: Cell[], values: Cell[]): RawRow {
  let text = '';
  for (let i = labels.length - 1; i >= 0 && text.length < LABEL_TEXT_LIMIT; i--) text = foldedText(labels[i]!) + text;
  if (text.length > LABEL_TEXT_LIMIT) text = text.slice(-LABEL_TEXT_LIMIT);
  const last = labels[labels.length - 1];
  const first = values[0];
  const sameRow = !!last && !!first && (!first.rowStart || (first.line !== undefined && first.line === last.line));
  return { labels, labelText: text, values, sameRow };
}
