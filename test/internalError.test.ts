// A bug in a lexer must not escape: the input gets internal-error, and a batch goes on.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

vi.mock('../src/lex/text.js', () => ({
  lexText: () => {
    throw new TypeError('a lexer bug');
  },
}));

const { parseReport, parseReportStrict, ReportError } = await import('../src/index.js');
const seed = readFileSync(join(import.meta.dirname, '..', 'corpus', '000_chaoyang_yingshang_2023.txt'));

describe('internal-error', () => {
  it('an exception inside the parser becomes an error diagnostic with its message', () => {
    const r = parseReport(seed, { fileName: '000.txt' });
    expect(r.diagnostics).toEqual([{ code: 'internal-error', severity: 'error', message: 'the parser failed on this input: a lexer bug' }]);
    expect(r.source).toMatchObject({ fileName: '000.txt', bytes: seed.length });
    expect(r.tables).toEqual({});
  });

  it('parseReportStrict throws ReportError with code internal-error', () => {
    expect(() => parseReportStrict(seed)).toThrow(ReportError);
    try {
      parseReportStrict(seed);
    } catch (error) {
      expect((error as InstanceType<typeof ReportError>).code).toBe('internal-error');
    }
  });

  it('HTML does not go through the broken lexer and still parses', () => {
    const html = readFileSync(join(import.meta.dirname, '..', 'corpus', '024_pingtan_2024.html'));
    expect(parseReport(html).tables.applications?.newReceived.naturalPerson).toBe(217);
  });
});
