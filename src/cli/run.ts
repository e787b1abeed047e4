// The CLI (CONTRACT §5): `parse` and `check` over files, directories and stdin. It only formats what
// the library returns; one bad input is reported and counted, never stops the others.
import { createWriteStream } from 'node:fs';
import type { Writable, Readable } from 'node:stream';
import { parseReport } from '../report/parse.js';
import { toRecords } from '../report/records.js';
import type { Report } from '../report/schema.js';
import { collectInputs, readInput, type InputRef } from './inputs.js';
import { csvHeader, csvLine } from './csv.js';
import { formatDiagnostics, Summary } from './summary.js';

const USAGE = `usage:
  xxgk-report parse <file|dir|->... [--format json|ndjson|csv] [--strict] [--out FILE]
  xxgk-report check <file|dir|->...
Directories are read recursively (.html .htm .txt .md, other files when they look like a report).
Exit status: 0 all parsed without errors, 1 some input has an error diagnostic, 2 usage or I/O error.`;

type Format = 'json' | 'ndjson' | 'csv';

interface Args {
  command: 'parse' | 'check';
  paths: string[];
  format: Format;
  strict: boolean;
  out?: string;
}

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return USAGE;
  if (command !== 'parse' && command !== 'check') return command ? `unknown command "${command}"` : 'no command';
  const args: Args = { command, paths: [], format: 'json', strict: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--format') {
      const f = rest[++i];
      if (f !== 'json' && f !== 'ndjson' && f !== 'csv') return `--format must be json, ndjson or csv (got ${f ?? 'nothing'})`;
      args.format = f;
    } else if (a.startsWith('--format=')) {
      const f = a.slice(9);
      if (f !== 'json' && f !== 'ndjson' && f !== 'csv') return `--format must be json, ndjson or csv (got ${f})`;
      args.format = f;
    } else if (a === '--strict') args.strict = true;
    else if (a === '--out' || a === '-o') {
      const out = rest[++i];
      if (!out) return '--out needs a file name';
      args.out = out;
    } else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('--')) return `unknown option "${a}"`;
    else args.paths.push(a);
  }
  if (!args.paths.length) return 'no input: give files, directories or - for stdin';
  return args;
}

/** Where the CLI reads and writes: the process's streams, or a test's. */
export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
}

/** Runs the CLI; resolves to the exit status. */
export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    const help = args === USAGE;
    (help ? io.stdout : io.stderr).write(help ? `${USAGE}\n` : `xxgk-report: ${args}\n${USAGE}\n`);
    return help ? 0 : 2;
  }
  const summary = new Summary();
  const { inputs, errors } = await collectInputs(args.paths);
  for (const e of errors) {
    summary.ioError();
    io.stderr.write(`xxgk-report: ${e}\n`);
  }
  const sink: Writable = args.out ? createWriteStream(args.out) : io.stdout;
  const write = (s: string) => new Promise<void>((resolve) => (sink.write(s) ? resolve() : sink.once('drain', () => resolve())));
  const many = inputs.length !== 1;
  let first = true;
  if (args.command === 'parse' && args.format === 'json' && many) await write('[\n');
  if (args.command === 'parse' && args.format === 'csv') await write(csvHeader());
  for (const ref of inputs) {
    const report = await parseOne(ref, summary, io);
    if (!report) continue;
    if (args.command === 'check') {
      await write(formatDiagnostics(ref.name, report));
      continue;
    }
    if (args.strict && report.diagnostics.some((d) => d.severity === 'error')) {
      io.stderr.write(`${ref.name}: ${report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`).join('; ')}\n`);
      continue;
    }
    if (args.format === 'json') {
      await write(`${many && !first ? ',\n' : ''}${JSON.stringify(report, null, many ? undefined : 2)}`);
      first = false;
    } else {
      let chunk = '';
      for (const rec of toRecords(report)) chunk += args.format === 'ndjson' ? `${JSON.stringify(rec)}\n` : csvLine(rec);
      await write(chunk);
    }
  }
  if (args.command === 'parse' && args.format === 'json') await write(many ? '\n]\n' : '\n');
  if (args.command === 'check' || inputs.length !== 1 || errors.length) io.stderr.write(summary.text());
  if (args.out) await new Promise<void>((resolve) => sink.end(resolve));
  return summary.exitCode();
}

async function parseOne(ref: InputRef, summary: Summary, io: Io): Promise<Report | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readInput(ref, io.stdin);
  } catch (error) {
    summary.ioError();
    io.stderr.write(`xxgk-report: cannot read ${ref.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
  const report = parseReport(bytes, { fileName: ref.name });
  summary.add(report);
  return report;
}

