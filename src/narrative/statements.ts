// Sentences → statements: a quantity, the row its words name (before it, or after it when the number
// comes first: `1件结转下年度继续办理`), the columns its other words pick, and what the sentence says
// around it — its scope (全区, 各部门), its time (去年, 2022年), a comparison (较去年增加), an
// enumeration (`其中：`) whose items count what its head counts. A quantity whose words name no cell
// of the table, or a scope or time that is not the table's, is no statement.
import type { NarrativeTable, NarrativeWord, PerTemplate } from '../../grammars/narrative.js';
import type { Version } from '../../grammars/types.js';
import type { ProsePiece } from './prose.js';
import { placeOf, tokensOf, unitSentences, type Sentence, type Token } from './scan.js';

export interface Span {
  start: number;
  end: number;
}

export interface Statement {
  /** The words of the statement, as printed, and where they are in the input. */
  text: string;
  span: Span;
  /** The whole sentence it is part of, and its words as printed. */
  sentence: Span;
  sentenceText: string;
  /** The number and its unit. */
  number: Span;
  /** The number, in the unit of the cells' column. */
  value: number;
  table: NarrativeTable;
  /** The sums of cells it may state, the likeliest first (收到…N件: 本年新收, or 本年新收 + 上年结转). */
  readings: string[][];
}

export interface StatementContext {
  /** The template each table was read with (the report's when the table is absent). */
  template(table: NarrativeTable): Version;
  agency?: string;
  year?: number;
  /** Whether an input offset is in a table's cell: a number there is the table's, not the prose's. */
  inTable(at: number): boolean;
}

/** Statements one report may give: past this, the rest of the prose is not read. */
const MAX_STATEMENTS = 500;

export function readStatements(pieces: readonly ProsePiece[], ctx: StatementContext): Statement[] {
  const out: Statement[] = [];
  for (const piece of pieces) {
    for (const sentence of unitSentences(piece)) {
      readSentence(sentence, ctx, out);
      if (out.length >= MAX_STATEMENTS) return out;
    }
  }
  return out;
}

type WordToken = Extract<Token, { kind: 'word' }>;
type Quantity = Extract<Token, { kind: 'quantity' }>;

/** What a quantity counts: a table's rows (one list per reading) and, for one-column rows, the column. */
interface Target {
  table: NarrativeTable;
  rows: (readonly string[])[];
  column?: string;
  money?: 'yuan' | 'wanYuan';
}

/** What the sentence has said so far about the scope and time of its numbers. */
interface Scope {
  otherYear: boolean;
  past: boolean;
  otherTerritory: boolean;
  aggregate: boolean;
  /** The last verb that picks a documents column. */
  documentVerb?: Extract<NarrativeWord, { role: 'documentColumn' }>;
  /** The last row word (`本年新收申请中，…`): what a later number that names only columns counts, if no number before it counted anything. */
  topic?: RowWord;
  /** After `其中`: what the enumeration's head counts (null: something no table counts). */
  head?: Target | null;
}

function readSentence(s: Sentence, ctx: StatementContext, out: Statement[]): void {
  const tokens = tokensOf(s.chars);
  if (!tokens.some((t) => t.kind === 'quantity')) return;
  // Where the sentence first speaks of applications (申请): a verb counts them from that clause on.
  const applications = s.chars.indexOf('申请');
  const scope: Scope = { otherYear: false, past: false, otherTerritory: false, aggregate: false };
  let clauseStart = 0;
  /** What the last quantity counted (null: nothing a table counts; undefined: no quantity yet). */
  let last: Target | null | undefined;
  let lastQuantity = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'clause') clauseStart = i + 1;
    else if (t.kind === 'year') {
      scope.otherYear = ctx.year !== undefined && t.year !== ctx.year;
      scope.past = false;
    } else if (t.kind === 'word') note(scope, t.word, ctx, last);
    else {
      const from = Math.max(clauseStart, lastQuantity + 1);
      let to = i + 1;
      while (to < tokens.length && tokens[to]!.kind === 'word') to++;
      let clauseEnd = i + 1;
      while (clauseEnd < tokens.length && tokens[clauseEnd]!.kind !== 'clause') clauseEnd++;
      const countsApplications = applications >= 0 && applications < (tokens[clauseEnd]?.start ?? s.chars.length);
      const target = targetOf(tokens, from, i, to, countsApplications, scope, last, ctx);
      if (target && !t.inexact && !excluded(scope, tokens, from, i)) {
        const statement = statementOf(s, tokens, from, i, to, t, target, scope, ctx);
        if (statement && !ctx.inTable(statement.number.start)) out.push(statement);
      }
      last = target ?? null;
      lastQuantity = i;
    }
  }
}

function note(scope: Scope, word: NarrativeWord, ctx: StatementContext, last: Target | null | undefined): void {
  switch (word.role) {
    case 'territory':
      scope.otherTerritory = !ownTerritory(word.level, ctx.agency);
      break;
    case 'aggregate':
      scope.aggregate = true;
      break;
    case 'past':
      scope.past = true;
      break;
    case 'current':
      scope.past = false;
      scope.otherYear = false;
      break;
    case 'enumeration':
      if (last !== undefined) scope.head = last;
      break;
    case 'documentColumn':
      scope.documentVerb = word;
      break;
    case 'row':
      scope.topic = word;
      break;
  }
}

/** `全区` is the table's own when the agency is that territory's government (洪泽区人民政府, 平潭综合实验区). */
function ownTerritory(level: string, agency: string | undefined): boolean {
  if (!agency) return true;
  return agency.endsWith(`${level}人民政府`) || agency.endsWith(level);
}

/** A comparison before the number, or a scope or time that is not the table's. */
function excluded(scope: Scope, tokens: readonly Token[], from: number, at: number): boolean {
  if (scope.otherYear || scope.past || scope.otherTerritory || scope.aggregate) return true;
  for (let k = from; k < at; k++) {
    const t = tokens[k]!;
    if (t.kind === 'word' && t.word.role === 'comparison') return true;
  }
  return false;
}

/**
 * The rows the words around a quantity name: a row word before it (the nearest, with those joined to
 * it by 及/和/、), else after it; else a verb before it that counts applications; else, for a word
 * that names only columns (自然人, 维持), the rows of the quantity before it, or of the row the
 * sentence spoke of before (`予以公开的申请中，自然人申请30件`).
 */
function targetOf(tokens: readonly Token[], from: number, at: number, to: number, countsApplications: boolean, scope: Scope, last: Target | null | undefined, ctx: StatementContext): Target | undefined {
  let target = rowsBefore(tokens, from, at, ctx) ?? rowsAfter(tokens, at, to, ctx);
  if (!target && countsApplications) {
    for (let k = at - 1; k >= from && !target; k--) {
      const w = wordOf(tokens[k]!);
      if (w?.role === 'total') target = { table: 'applications', rows: w.readings.map((r) => [...r]) };
    }
  }
  if (!target) {
    const columns = nearestColumnWord(tokens, from, at, to);
    const previous = scope.head ?? last ?? (scope.topic ? rowTarget([scope.topic], ctx) : undefined);
    if (columns && previous && previous.table === (columns.role === 'applicant' ? 'applications' : 'reviewLitigation')) target = previous;
  }
  // In an enumeration of something no table counts (报送各类文件10件，其中…不予公开1件), a disposition is that thing's.
  if (target?.table === 'applications' && scope.head === null) return undefined;
  return target;
}

function wordOf(t: Token): NarrativeWord | undefined {
  return t.kind === 'word' ? t.word : undefined;
}

type RowWord = Extract<NarrativeWord, { role: 'row' }>;

/** The nearest row word before the quantity and those joined to it; none if a word for something else is nearer. */
function rowsBefore(tokens: readonly Token[], from: number, at: number, ctx: StatementContext): Target | undefined {
  for (let k = at - 1; k >= from; k--) {
    const w = wordOf(tokens[k]!);
    if (w?.role === 'other') return undefined;
    if (w?.role !== 'row') continue;
    const joined: RowWord[] = [w];
    let j = k;
    while (j - 2 >= from && joins(tokens[j - 2]!, tokens[j - 1]!, tokens[j]!, w.table)) {
      joined.unshift(wordOf(tokens[j - 2]!) as RowWord);
      j -= 2;
    }
    return rowTarget(joined, ctx);
  }
  return undefined;
}

/** The first row word after the quantity (a number that comes first), and those joined to it. */
function rowsAfter(tokens: readonly Token[], at: number, to: number, ctx: StatementContext): Target | undefined {
  for (let k = at + 1; k < to; k++) {
    const w = wordOf(tokens[k]!);
    if (w?.role === 'other') return undefined;
    if (w?.role !== 'row') continue;
    const joined: RowWord[] = [w];
    let j = k;
    while (j + 2 < to && joins(tokens[j]!, tokens[j + 1]!, tokens[j + 2]!, w.table)) {
      joined.push(wordOf(tokens[j + 2]!) as RowWord);
      j += 2;
    }
    return rowTarget(joined, ctx);
  }
  return undefined;
}

/** `a 及 b`: two row words of one table with a conjunction between them and nothing else. */
function joins(a: Token, conjunction: Token, b: Token, table: NarrativeTable): boolean {
  const wa = wordOf(a);
  const wb = wordOf(b);
  return wa?.role === 'row' && wb?.role === 'row' && wa.table === table && wb.table === table && wordOf(conjunction)?.role === 'conjunction' && a.end === conjunction.start && conjunction.end === b.start;
}

/** The rows the words name in the table's template; none when the template has no such row. */
function rowTarget(words: readonly RowWord[], ctx: StatementContext): Target | undefined {
  const table = words[0]!.table;
  const template = ctx.template(table);
  const rows: string[] = [];
  for (const w of words) {
    const own = w.rows[template];
    if (!own) return undefined;
    for (const r of own) if (!rows.includes(r)) rows.push(r);
  }
  const first = words[0]!;
  const column = first.column?.[template];
  return { table, rows: [rows], ...(column ? { column } : {}), ...(first.money ? { money: first.money } : {}) };
}

/** The column word nearest the quantity (before it first), for applicant or outcome columns. */
function nearestColumnWord(tokens: readonly Token[], from: number, at: number, to: number): Extract<NarrativeWord, { role: 'applicant' | 'outcome' }> | undefined {
  for (let k = at - 1; k >= from; k--) {
    const w = wordOf(tokens[k]!);
    if (w?.role === 'applicant' || w?.role === 'outcome') return w;
  }
  for (let k = at + 1; k < to; k++) {
    const w = wordOf(tokens[k]!);
    if (w?.role === 'applicant' || w?.role === 'outcome') return w;
  }
  return undefined;
}

/** The columns of the target's rows the words pick: readings of column lists. */
function columnReadings(target: Target, tokens: readonly Token[], from: number, at: number, to: number, scope: Scope, ctx: StatementContext): (readonly string[])[] | undefined {
  const template = ctx.template(target.table);
  switch (target.table) {
    case 'applications': {
      const w = nearestColumnWord(tokens, from, at, to);
      return [w?.role === 'applicant' ? w.columns : ['total']];
    }
    case 'reviewLitigation': {
      const w = nearestColumnWord(tokens, from, at, to);
      return [w?.role === 'outcome' ? [w.column] : ['total']];
    }
    case 'documents': {
      let verb: Extract<NarrativeWord, { role: 'documentColumn' }> | undefined;
      for (let k = at - 1; k >= from && !verb; k--) {
        const w = wordOf(tokens[k]!);
        if (w?.role === 'documentColumn') verb = w;
      }
      verb ??= scope.documentVerb;
      if (verb) {
        const column = verb.columns[template];
        return column ? [[column]] : undefined;
      }
      return DOCUMENT_DEFAULTS[template];
    }
    default:
      return target.column ? [[target.column]] : undefined;
  }
}

/** A count of documents with no verb: 本年制发 (V2021); 本年新公开 or 本年新制作 (V2019). */
const DOCUMENT_DEFAULTS: PerTemplate<(readonly string[])[]> = { V2021: [['issued']], V2019: [['newlyPublished'], ['newlyMade']] };

function statementOf(s: Sentence, tokens: readonly Token[], from: number, at: number, to: number, q: Quantity, target: Target, scope: Scope, ctx: StatementContext): Statement | undefined {
  const columns = columnReadings(target, tokens, from, at, to, scope, ctx);
  if (!columns) return undefined;
  let value = q.value;
  if (target.money) {
    if (!q.yuan) return undefined;
    value = Math.round(((q.value * q.yuan) / (target.money === 'wanYuan' ? 10_000 : 1)) * 1e6) / 1e6;
  } else if (q.yuan || !Number.isInteger(value)) return undefined;
  const readings: string[][] = [];
  for (const rows of target.rows)
    for (const cols of columns) {
      const cells: string[] = [];
      for (const row of rows) for (const col of cols) cells.push(`${target.table}/${row}/${col}`);
      readings.push(cells);
    }
  // The statement's words: from the clause's start (or the quantity before it) to the unit, or to the row named after it.
  let start = from > 0 ? tokens[from - 1]!.end : 0;
  while (start < q.start && LEADING.has(s.chars[start]!)) start++;
  let end = q.end;
  for (let k = at + 1; k < to; k++) if (wordOf(tokens[k]!)?.role === 'row') end = Math.max(end, tokens[k]!.end);
  const piece = s.piece;
  const from_ = placeOf(s, start);
  const to_ = placeOf(s, end - 1) + 1;
  const first = placeOf(s, 0);
  const last = placeOf(s, s.chars.length - 1) + 1;
  return {
    text: piece.text.slice(from_, to_),
    span: piece.span(from_, to_),
    sentence: piece.span(first, last),
    sentenceText: piece.text.slice(first, last),
    number: piece.span(placeOf(s, q.start), placeOf(s, q.end - 1) + 1),
    value,
    table: target.table,
    readings,
  };
}

/** Characters that open a statement's words but are not part of them. */
const LEADING = new Set('、，,；;：:（）()。');
