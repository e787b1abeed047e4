// The CLI (docs/cli.md): `parse` and `check` over files, directories and stdin on a worker pool,
// `check --across-years`, `view` (an HTML audit page), `schema`, and `eval` (scores against gold files).
// It only formats what the library returns; one bad input is reported and counted, never stops the others.
import type { Writable, Readable } from 'node:stream';
import { parseArgs, USAGE } from './args.js';
// view and schema load the parser and the schema: imported when run, so a pooled batch does without them.
import { runBatch } from './batch.js';
import { runAcrossYears } from './acrossYears.js';

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
    io.stderr.write(`xxgk-report: ${args}\n${USAGE}\n`);
    return 2;
  }
  if ('help' in args) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  switch (args.command) {
    case 'schema':
      return (await import('./schema.js')).runSchema(args, io);
    case 'view':
      return (await import('./view.js')).runView(args, io);
    case 'check':
      return args.acrossYears ? runAcrossYears(args, io) : runBatch(args, io);
    case 'parse':
      return runBatch(args, io);
    case 'eval':
      return (await import('./eval.js')).runEval(args, io);
  }
}
