// `xxgk-report view FILE -o audit.html`: the audit page of one report (../audit/page.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { decode } from '../input/decode.js';
import { parseDocument } from '../report/document.js';
import { renderAuditPage } from '../audit/page.js';
import type { Io } from './run.js';

export async function runView(args: { path: string; out?: string }, io: Io): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(args.path);
  } catch (error) {
    io.stderr.write(`xxgk-report: cannot read ${args.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 2;
  }
  const report = await parseDocument(bytes, { fileName: args.path });
  // The provenance offsets point into the decoded text (decoding again gives the same text), or into the text the Report carries (a PDF's, a Word file's HTML).
  let text = report.source.text ?? '';
  if (report.source.text === undefined)
    try {
      text = decode(bytes).text;
    } catch {
      // An input that cannot be decoded has no provenance either: the page shows its diagnostics.
    }
  const page = renderAuditPage(report, text);
  if (!args.out) io.stdout.write(page);
  else
    try {
      await writeFile(args.out, page);
    } catch (error) {
      io.stderr.write(`xxgk-report: cannot write ${args.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return 2;
    }
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) io.stderr.write(`${args.path}: ${d.code}: ${d.message}\n`);
  return errors.length ? 1 : 0;
}
