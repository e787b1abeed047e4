// The typed error of `parseReportStrict`, with codes users can switch on (CONTRACT §6).
import type { Report } from './report.js';

/** Codes of error diagnostics, what `ReportError.code` is (each explained in the README's "Errors"). */
export const ERROR_CODES = [
  'empty-input',
  'not-a-report',
  'input-too-large',
  'unknown-encoding',
  'table-missing',
  'internal-error',
  'needs-parse-document',
  'legacy-word-format',
  'pdf-encrypted',
  'pdf-corrupt',
  'pdf-no-text',
  'pdf-unreadable-text',
  'docx-invalid',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number] | (string & {});

export class ReportError extends Error {
  override readonly name = 'ReportError';
  constructor(
    /** A stable kebab-case code: `empty-input`, `not-a-report`, `input-too-large`, `table-missing`, … */
    readonly code: ErrorCode,
    message: string,
    /** The report as far as it was read, when there is one. */
    readonly report?: Report,
  ) {
    super(message);
  }
}
