// The Report's JSON Schema: generated from the zod schema, committed as schema/report.schema.json,
// and checked with a real JSON Schema validator (ajv, draft 2020-12) against every corpus Report.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseReport } from '../src/index.js';
import { reportJsonSchemaText } from '../src/schema/jsonSchema.js';
import { run } from '../src/cli/run.js';
import { memoryIo } from './support/io.js';

const ROOT = join(import.meta.dirname, '..');
const COMMITTED = join(ROOT, 'schema', 'report.schema.json');

function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return corpusFiles(p);
      return ['.txt', '.md', '.html'].includes(extname(name)) ? [p] : [];
    });
}

describe('schema/report.schema.json', () => {
  it('is what the zod schema generates (run `xxgk-report schema --out schema/report.schema.json` after changing it)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(reportJsonSchemaText());
  });

  it('is what `xxgk-report schema` prints', async () => {
    const m = memoryIo();
    expect(await run(['schema'], m.io)).toBe(0);
    expect(m.stdout()).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  const files = corpusFiles(join(ROOT, 'corpus'));

  it(`validates the Report of every corpus file (${files.length})`, () => {
    expect(files.length).toBeGreaterThan(30);
    const invalid: string[] = [];
    for (const f of files) {
      const report = JSON.parse(JSON.stringify(parseReport(readFileSync(f), { fileName: f })));
      if (!validate(report)) invalid.push(`${f}: ${JSON.stringify(validate.errors)}`);
    }
    expect(invalid).toEqual([]);
  });

  it('validates the Reports of bad input, and rejects what is not a Report', () => {
    for (const input of [new Uint8Array(), new Uint8Array([0, 1, 2, 255, 0, 7]), '<html><body>hello</body></html>']) expect(validate(parseReport(input))).toBe(true);
    const report = JSON.parse(JSON.stringify(parseReport(readFileSync(join(ROOT, 'corpus', '024_pingtan_2024.html')))));
    expect(report.tables.documents.normativeDocuments.inForce).toBe(440);
    report.tables.documents.normativeDocuments.inForce = '440';
    expect(validate(report)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/tables/documents/normativeDocuments/inForce');
    delete report.meta.template;
    expect(validate(report)).toBe(false);
  });
});
