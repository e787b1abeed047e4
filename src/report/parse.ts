// input → lex → grammars → normalize → check → report. `parseReport` never throws on content.
import { decode, utf8Length, UnknownEncodingError } from '../input/decode.js';
import { asInput, inputBytes, countPieces, countTags, MAX_TEXT_PIECES, MAX_HTML_ELEMENTS } from '../input/limits.js';
import { withoutInvisible } from '../input/invisible.js';
import { documentKind, type DocumentKind } from '../input/sniff.js';
import { detectForm, type Form } from '../lex/form.js';
import { lexHtml } from '../lex/html.js';
import { lexText } from '../lex/text.js';
import { splitLines, type Line } from '../lex/lines.js';
import { maskMarkup } from '../lex/markup.js';
import type { Cell } from '../lex/cell.js';
import { readRows } from '../../grammars/stream.js';
import { locateTables } from '../../grammars/report.js';
import { readActiveDisclosure } from '../../grammars/activeDisclosure.js';
import { readApplications } from '../../grammars/applications.js';
import { readReviewLitigation } from '../../grammars/reviewLitigation.js';
import type { Version } from '../../grammars/types.js';
import { normalizeDocuments } from '../normalize/documents.js';
import { normalizeDecisions } from '../normalize/decisions.js';
import { normalizeFees } from '../normalize/fees.js';
import { normalizeApplications } from '../normalize/applications.js';
import { normalizeReviewLitigation } from '../normalize/reviewLitigation.js';
import type { NormalizeContext } from '../normalize/table.js';
import { nameUnsettledCells } from '../normalize/unsettled.js';
import { SearchBudget } from '../normalize/budget.js';
import { readNarrative, textProse, htmlProse } from '../narrative/index.js';
import { checkApplications } from '../check/applications.js';
import { checkReviewLitigation } from '../check/reviewLitigation.js';
import { readTitle, readYear, readSignature, readSubject, readPublishedAt, readProcessingFee, parseDate } from '../prose/meta.js';
import { readSections, countSectionHeadings } from '../prose/sections.js';
import { titleSuffixes } from '../../grammars/vocabulary/sections.js';
import { foldRadicals, foldTraditional } from '../../grammars/vocabulary/fold.js';
import { ReportError, type ErrorCode } from '../schema/errors.js';
import { truncatedCells } from './truncated.js';
import type { Diagnostic, Narrative, Report, Tables, TableName } from '../schema/report.js';

export interface ParseOptions {
  /** `auto` (default) detects the form; `html` and `text` force a lexer. */
  form?: 'auto' | 'html' | 'text';
  /** Used in records and in `source.fileName`. */
  fileName?: string;
  /** For byte input: the encoding to decode with (default: BOM, `<meta charset>`, else UTF-8 or GB18030). */
  encoding?: string;
  /** Inputs larger than this many bytes are refused with `input-too-large` (default 50 MB). */
  maxBytes?: number;
  /** Include `provenance` (default true). */
  provenance?: boolean;
  /** Read the prose as a second source (default true): `false` gives the tables as the form alone reads them, and no `narrative`. */
  narrative?: boolean;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const TABLES: TableName[] = ['documents', 'decisions', 'fees', 'applications', 'reviewLitigation'];

/** Parses one report. Bad input gives a Report with an error diagnostic, never an exception. */
export function parseReport(input: string | Uint8Array, options: ParseOptions = {}): Report {
  try {
    const source = asInput(input);
    if (source === undefined) throw new ReportError('not-a-report', `the input is ${input === null ? 'null' : typeof input}, not text or bytes`);
    return parse(source, options ?? {});
  } catch (error) {
    if (error instanceof ReportError) return failed(input, options, error.code, error.message);
    return failed(input, options, 'internal-error', `the parser failed on this input: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Like `parseReport`, but throws a `ReportError` (with a stable `code`) if any diagnostic is an error. */
export function parseReportStrict(input: string | Uint8Array, options: ParseOptions = {}): Report {
  const report = parseReport(input, options);
  const error = report.diagnostics.find((d) => d.severity === 'error');
  if (error) throw new ReportError(error.code as ErrorCode, error.message, report);
  return report;
}

function parse(input: string | Uint8Array, options: ParseOptions): Report {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = inputBytes(input, maxBytes);
  if (size > maxBytes) throw new ReportError('input-too-large', `the input is over ${maxBytes} bytes (option maxBytes): ${typeof input === 'string' ? 'a string of ' + input.length + ' characters' : size + ' bytes'}`);
  if (typeof input !== 'string') refuseDocument(documentKind(input));
  let decoded;
  try {
    decoded = decode(input, options.encoding);
  } catch (error) {
    if (error instanceof UnknownEncodingError) throw new ReportError('unknown-encoding', `the encoding "${error.encoding}" is not known`);
    throw error;
  }
  const { text } = decoded;
  const guessed: Diagnostic | undefined = decoded.guessed
    ? { code: 'encoding-guessed', severity: 'info', message: `${decoded.note ?? 'no encoding declared'}: the bytes read as ${decoded.encoding}` }
    : undefined;
  // Lexed without characters that print nothing; cell offsets are mapped back into `text` after.
  const visible = withoutInvisible(text);
  const source = visible.text;
  if (source.trim() === '') throw new ReportError('empty-input', decoded.bytes === 0 ? 'the input is empty' : 'the input is blank: only whitespace');
  if (looksBinary(source)) throw new ReportError('not-a-report', 'the input is binary data, not text');

  // Form detection and the text lexers read the same lines, split once (a page found to be HTML is not split).
  let lines: Line[] | undefined;
  const sourceLines = () => (lines ??= splitLines(source));
  const form: Form = options.form === 'html' ? 'html' : options.form === 'text' ? textForm(detectForm(source, sourceLines)) : detectForm(source, sourceLines);
  const pieces = form === 'html' ? countTags(source) : countPieces(source);
  const limit = form === 'html' ? MAX_HTML_ELEMENTS : MAX_TEXT_PIECES;
  if (pieces > limit)
    throw new ReportError(
      'input-too-large',
      `the input would make about ${pieces} ${form === 'html' ? 'elements' : 'cells and lines'}, over the ${limit} a parse may hold in memory (a report has a few thousand)`,
    );
  let cells: Cell[];
  // Meta and sections read the text as shown: markdown's inline HTML blanked out (offsets kept).
  let plain = form === 'markdown' ? maskMarkup(source) : source;
  let htmlTitle: string | undefined;
  let htmlPublished: string | undefined;
  if (form === 'html') {
    const lexed = lexHtml(source);
    cells = lexed.cells;
    plain = lexed.text;
    htmlTitle = lexed.title;
    htmlPublished = lexed.published;
    if (plain.trim() === '' && !cells.some((c) => c.kind === 'value')) throw new ReportError('empty-input', 'the page has no text: only markup');
  } else cells = lexText(source, form, sourceLines(), plain);
  if (source !== text) for (const cell of cells) mapBack(cell, visible.toInput);
  return assemble({ text, cells, plain, toText: visible.toInput, htmlTitle, htmlPublished, guessed, source: { form, encoding: decoded.encoding, bytes: decoded.bytes } }, options);
}

/** What a lexer made of an input: what the assembly reads. */
export interface Lexed {
  /** The text the cells' offsets (and so the provenance) point into. */
  text: string;
  cells: Cell[];
  /** The text as shown, for the title, dates and sections (and the prose, src/narrative). */
  plain: string;
  /** Maps an offset into `plain` to one into `text`, when they differ (invisible characters taken out); not for HTML. */
  toText?: (offset: number) => number;
  htmlTitle?: string;
  htmlPublished?: string;
  guessed?: Diagnostic;
  source: Omit<Report['source'], 'fileName'>;
}

/** Cells → tables, checked; the text → meta and sections: the Report. */
export function assemble(lexed: Lexed, options: ParseOptions): Report {
  const { text, cells, htmlTitle, htmlPublished, guessed } = lexed;
  const diagnostics: Diagnostic[] = guessed ? [guessed] : [];
  // The prose as read: radicals a PDF font left in a text conversion (`⼯作`) are the ideographs they draw.
  const plain = foldRadicals(lexed.plain);

  const titleInfo = readTitle(plain, htmlTitle && foldRadicals(htmlTitle));
  const year = titleInfo.year ?? readYear(plain);
  const sections = readSections(plain);
  const agency = titleInfo.agency ?? readSignature(sections.other ?? plain) ?? readSubject(sections.overview);

  // `open` gathers the rows the prose may narrow (src/narrative); without the narrative, nothing is kept for it.
  const ctx: NormalizeContext = { input: text, diagnostics, provenance: new Map(), tables: [], budget: new SearchBudget(), ...(options.narrative === false ? {} : { open: [] }) };
  const regions = locateTables(readRows(cells));
  const active = readActiveDisclosure(regions.activeDisclosure);
  const headerVersion = active.documents.headers[0] ?? active.decisions.headers[0] ?? active.fees.headers[0];
  const byYear: Version | undefined = year === undefined ? undefined : year >= 2021 ? 'V2021' : 'V2019';
  const fallback: Version = headerVersion ?? byYear ?? 'V2021';
  const tables: Tables = {};
  const documents = normalizeDocuments(active.documents, ctx, fallback);
  if (documents) tables.documents = documents;
  const decisions = normalizeDecisions(active.decisions, ctx, fallback);
  if (decisions) tables.decisions = decisions;
  const fees = normalizeFees(active.fees, ctx, fallback);
  if (fees) tables.fees = fees;
  const applicationsRead = readApplications(regions.applications);
  const applications = normalizeApplications(applicationsRead, ctx, applicationsRead.template ?? fallback);
  if (applications) tables.applications = applications.table;
  const reviewRead = readReviewLitigation(regions.reviewLitigation);
  const review = reviewRead ? normalizeReviewLitigation(reviewRead, ctx) : undefined;
  if (review) tables.reviewLitigation = review.table;
  nameUnsettledCells(ctx);

  const tableTemplates: Record<string, Version> = {};
  for (const name of ['documents', 'decisions', 'fees', 'applications'] as const) {
    const t = tables[name];
    if (t) tableTemplates[name] = t.template;
  }
  const versions = Object.values(tableTemplates);
  const template = versions.length ? (tableTemplates['documents'] ?? tableTemplates['decisions'] ?? versions[0]!) : 'unknown';
  let narrative: Narrative | undefined;
  if (template === 'unknown') {
    // No V2019/V2021 table: a report from before 2019 (free-form), or not a report at all.
    for (const name of TABLES) delete tables[name];
    ctx.provenance.clear();
    diagnostics.length = 0;
    if (guessed) diagnostics.push(guessed);
    if (!looksLikeReport(plain)) throw new ReportError('not-a-report', 'no report table, and not the words and numbered sections of a 政府信息公开 annual report');
  } else {
    // The prose, read after the tables and before their checks: the cells it settles are checked too.
    if (options.narrative !== false) {
      narrative = readNarrative({
        // The text as printed (radicals and all): a statement quotes its words; the scan folds what it matches.
        prose: lexed.source.form === 'html' ? htmlProse(text, cells) : textProse(lexed.plain, lexed.toText ?? ((o) => o)),
        tables,
        cells: { applications: applications?.cells, reviewLitigation: review?.cells },
        ...(applications ? { vectors: applications.vectors } : {}),
        ctx,
        ...(agency ? { agency } : {}),
        ...(year !== undefined ? { year } : {}),
        template,
        regions,
      });
    }
    if (applications) diagnostics.push(...checkApplications(applications.table.template, (p) => applications.cells.valueAt(p)));
    if (review) diagnostics.push(...checkReviewLitigation((p) => review.cells.valueAt(p)));
    diagnostics.push(...truncatedCells(text, cells, ctx.provenance));
    if (new Set(versions).size > 1)
      diagnostics.push({
        code: 'template-mismatch',
        severity: 'info',
        message: `tables follow different templates (${Object.entries(tableTemplates).map(([k, v]) => `${k} ${v}`).join(', ')}) (SPEC D9)`,
      });
    if (byYear && versions.some((v) => v !== byYear))
      diagnostics.push({ code: 'template-mismatch', severity: 'info', message: `a ${year} report is expected to follow ${byYear} (SPEC V-1)` });
  }
  for (const name of TABLES) {
    if (!tables[name])
      diagnostics.push({
        code: 'table-missing',
        severity: template === 'unknown' ? 'warning' : 'error',
        message:
          template === 'unknown'
            ? `no ${name} table: the report does not follow the V2019 or V2021 template (reports before 2019 are free-form)`
            : `the ${name} table was not found in the input`,
        path: 'table',
        table: name,
      });
  }

  const processingFeeYuan = readProcessingFee(sections.other);
  const publishedAt = readPublishedAt(plain, sections.other, titleInfo.end) ?? (htmlPublished ? parseDate(htmlPublished) : undefined);
  const report: Report = {
    schemaVersion: 1,
    source: { ...lexed.source, ...(options.fileName ? { fileName: options.fileName } : {}) },
    meta: {
      ...(titleInfo.title ? { title: titleInfo.title } : {}),
      ...(agency ? { agency } : {}),
      ...(year !== undefined ? { year } : {}),
      template,
      ...(publishedAt ? { publishedAt } : {}),
      ...(processingFeeYuan !== undefined ? { processingFeeYuan } : {}),
      ...(Object.keys(tableTemplates).length ? { tableTemplates } : {}),
    },
    sections,
    tables,
    ...(narrative ? { narrative } : {}),
    diagnostics,
    ...(options.provenance === false ? {} : { provenance: recordOf(ctx.provenance) }),
  };
  return report;
}

/** The Map as an object, in the same order (a loop: several times faster than Object.fromEntries on a few hundred keys). */
function recordOf<T>(map: ReadonlyMap<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of map) out[key] = value;
  return out;
}

/** A cell's offsets, from the visible text back into the input (the characters it covers, no more). */
function mapBack(cell: Cell, toInput: (offset: number) => number): void {
  if (cell.kind === 'span' && cell.start === cell.end) return;
  const end = cell.end > cell.start ? toInput(cell.end - 1) + 1 : toInput(cell.start);
  cell.start = toInput(cell.start);
  cell.end = end;
}

/** Document formats are read by `parseDocument` (asynchronously), or not at all. */
export function refuseDocument(kind: DocumentKind | undefined): void {
  if (kind === 'pdf' || kind === 'docx')
    throw new ReportError('needs-parse-document', `the input is a ${kind === 'pdf' ? 'PDF' : 'Word (.docx)'} file: read it with parseDocument(input, options), which is asynchronous (parseReport reads text and HTML)`);
  if (kind === 'ole')
    throw new ReportError('legacy-word-format', 'the input is a legacy Office file (an OLE compound file: Word .doc, WPS .wps): it is not read here; save it as .docx or PDF');
  if (kind === 'zip') throw new ReportError('not-a-report', 'the input is a ZIP archive that is not a Word (.docx) file');
}

function textForm(form: Form): Form {
  return form === 'html' ? 'plain-text' : form;
}

/** The characters `looksBinary` counts. */
const NOT_TEXT = /[\x00-\x08\x0b\x0e-\x1f\ufffd]/;

/** Mostly control characters or undecodable bytes: not text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536);
  // Text has none of them at all: a regexp says so many times faster than the count below.
  if (!NOT_TEXT.test(sample)) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad > sample.length * 0.05;
}

/**
 * A report without V2019/V2021 tables (before 2019, or cut short) still has the words and the numbered
 * sections of one: two section headings, or the title and one. A portal page that links to reports,
 * or mentions 政府信息公开 in its menu, has neither.
 */
function looksLikeReport(text: string): boolean {
  const head = foldTraditional(text.slice(0, 200000));
  if (!/政府信息公开|政务公开|信息公开/.test(head)) return false;
  const sections = countSectionHeadings(head);
  return sections >= 2 || (sections === 1 && titleSuffixes.some((s) => head.includes(s)));
}

/** The Report of an input that could not be read: no tables, one error. */
export function failed(input: unknown, options: ParseOptions | undefined, code: ErrorCode, message: string): Report {
  const bytes = typeof input === 'string' ? utf8Length(input) : ArrayBuffer.isView(input) || input instanceof ArrayBuffer ? input.byteLength : 0;
  const fileName = typeof options?.fileName === 'string' && options.fileName ? options.fileName : undefined;
  return {
    schemaVersion: 1,
    source: { form: 'unknown', encoding: 'unknown', bytes, ...(fileName ? { fileName } : {}) },
    meta: { template: 'unknown' },
    sections: {},
    tables: {},
    diagnostics: [{ code, severity: 'error', message }],
  };
}
