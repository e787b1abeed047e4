// Where output goes: stdout or a file given with --out, written with backpressure so a batch of any
// size streams out in bounded memory.
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Io } from './run.js';

export interface Sink {
  write(text: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Opens the file first so a bad --out is a usage-level error before any parsing. */
async function openSink(out: string | undefined, stdout: Writable): Promise<Sink> {
  const stream: Writable = out ? (await open(out, 'w')).createWriteStream() : stdout;
  let failed: Error | undefined;
  stream.on('error', (error: Error) => {
    failed = error;
  });
  return {
    write: (text) =>
      new Promise<void>((resolve, reject) => {
        if (failed) return reject(failed);
        if (stream.write(text)) return resolve();
        // A reader that goes away (`| head`) never drains: the error must end the wait, not hang it.
        const drained = () => {
          stream.off('error', broke);
          resolve();
        };
        const broke = (error: Error) => {
          stream.off('drain', drained);
          reject(error);
        };
        stream.once('drain', drained);
        stream.once('error', broke);
      }),
    close: () => (out ? new Promise<void>((resolve) => stream.end(resolve)) : Promise.resolve()),
  };
}

/** The sink for --out (else stdout), or undefined after telling stderr why the file cannot be written. */
export async function openOutput(out: string | undefined, io: Io): Promise<Sink | undefined> {
  try {
    return await openSink(out, io.stdout);
  } catch (error) {
    io.stderr.write(`xxgk-report: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return undefined;
  }
}
