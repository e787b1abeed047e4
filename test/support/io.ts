// In-memory streams for running the CLI's `run(argv, io)` inside a test.
import { Readable, Writable } from 'node:stream';
import type { Io } from '../../src/cli/run.js';

export interface MemoryIo {
  io: Io;
  stdout(): string;
  stderr(): string;
}

export function memoryIo(options: { stdin?: string | Uint8Array; stderrIsTTY?: boolean } = {}): MemoryIo {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (into: Buffer[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(Buffer.from(chunk));
        done();
      },
    });
  const stderr = sink(err);
  if (options.stderrIsTTY) Object.assign(stderr, { isTTY: true, columns: 100 });
  return {
    io: { stdout: sink(out), stderr, stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) },
    stdout: () => Buffer.concat(out).toString('utf8'),
    stderr: () => Buffer.concat(err).toString('utf8'),
  };
}
