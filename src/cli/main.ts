// The `xxgk-report` binary: the CLI of ./run.ts on the process's own streams.
import { run } from './run.js';

/** The reader of our output went away (`xxgk-report parse dir | head`): stop quietly, as Unix tools do. */
const closedPipe = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
process.stdout.on('error', (error) => {
  if (closedPipe(error)) process.exit(0);
  throw error;
});

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (closedPipe(error)) return;
    process.stderr.write(`xxgk-report: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
