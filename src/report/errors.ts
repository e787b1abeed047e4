// The typed error of `parseReportStrict`, with codes users can switch on (CONTRACT §6).
import type { Report } from './schema.js';

export type ErrorCode =
  | 'empty-input'
  | 'not-a-report'
  | 'input-too-large'
  | 'unknown-encoding'
  | 'table-missing'
  | 'internal-error'
  | (string & {});

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
