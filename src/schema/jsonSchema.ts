// The JSON Schema (draft 2020-12) of the Report, generated from the zod schema — one source of truth
// for other languages. Committed as schema/report.schema.json; a test keeps the two equal.
import { z } from 'zod';
import { reportSchema } from './report.js';

function reportJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(reportSchema) as Record<string, unknown>;
  return {
    $schema,
    title: 'xxgk-report Report',
    description: 'One parsed 政府信息公开工作年度报告 (CONTRACT §3): meta, sections, the five tables, diagnostics and provenance.',
    ...rest,
  };
}

/** The committed file's text: two-space JSON and a final newline. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
