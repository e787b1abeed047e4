// xxgk-report — the public API (CONTRACT §2). Browser-safe: nothing here imports a Node built-in.
export { parseReport, parseReportStrict, type ParseOptions } from './report/parse.js';
export { parseDocument, type DocumentOptions } from './report/document.js';
export { toRecords, type ReportRecord } from './report/records.js';
export { ReportError, ERROR_CODES, type ErrorCode } from './schema/errors.js';
export { scoreReport, sumScores, goldSchema, type Gold, type ReportScore, type EvalTotals, type Discrepancy } from './eval/index.js';
export { compareYears, type CrossYearDiagnostic, type CrossYearCheck, type YearReport, type YearSide } from './check/acrossYears.js';
export {
  reportSchema,
  diagnosticSchema,
  type Report,
  type Diagnostic,
  type Severity,
  type Provenance,
  type TemplateVersion,
  type Tables,
  type TableName,
  type Documents,
  type Decisions,
  type Fees,
  type Applications,
  type ReviewLitigation,
  type ExtraRow,
} from './schema/report.js';
