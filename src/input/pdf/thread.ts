// The Node thread that reads PDFs for ./bounded.ts (built as dist/pdf-worker.js): pdf.js runs here, one
// document at a time, so the thread that asked can stop it at its deadline (pdf.js's own work on one
// page is one unbroken chain of callbacks). Here pdf.js decodes Flate streams to a bound and reads no
// font for rendering (./patch.ts); a stream past the bound ends the thread with STREAM_TOO_LARGE.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';
import { ReportError } from '../../schema/errors.js';
import { patchPdfWorker } from './patch.js';
import { loadPdfJs } from './pdfjs.js';
import { STREAM_TOO_LARGE, type ThreadAnswer, type ThreadRequest } from './protocol.js';
import { readPdf } from './read.js';

let maxStreamBytes = Number.POSITIVE_INFINITY;

// pdf.js warns on the console (a font it cannot read, a broken stream): the CLI's stdout carries only its output.
for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) console[name] = () => {};

/** pdf.js grows a decoding buffer to `requested` bytes (./patch.ts): not past the bound. */
(globalThis as { xxgkStreamBound?: (requested: number) => void }).xxgkStreamBound = (requested) => {
  if (requested > maxStreamBytes) process.exit(STREAM_TOO_LARGE);
};

type Decode = (data: Uint8Array, options: ZlibOptions) => Uint8Array;
const DECODERS: Record<string, Decode> = { deflate: inflateSync, 'deflate-raw': inflateRawSync, gzip: gunzipSync, brotli: brotliDecompressSync as Decode };

/**
 * pdf.js decodes Flate streams through DecompressionStream, written all at once and read to its end;
 * this one decodes in one call, to the bound (Node's is a web stream over zlib: the same bytes, more
 * work per stream, and no bound). A stream that zlib rejects rejects here too, and pdf.js then
 * decodes it its own lenient way, as it does with Node's.
 */
class BoundedDecompressionStream {
  readonly writable: { getWriter(): { ready: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: AsyncIterable<Uint8Array>;

  constructor(format: string) {
    const decode = DECODERS[format];
    if (!decode) throw new TypeError(`unsupported compression format: ${format}`);
    const chunks: Uint8Array[] = [];
    let settle!: (decoded: Promise<Uint8Array>) => void;
    const decoded = new Promise<Uint8Array>((resolve) => (settle = resolve));
    decoded.catch(() => {});
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write: async (chunk) => void chunks.push(chunk),
        close: async () => settle(decodeBounded(decode, chunks)),
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        yield await decoded;
      },
    };
  }
}

async function decodeBounded(decode: Decode, chunks: readonly Uint8Array[]): Promise<Uint8Array> {
  const input = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  try {
    const out = decode(input, { maxOutputLength: Math.min(maxStreamBytes, 2 ** 31 - 1) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') process.exit(STREAM_TOO_LARGE);
    throw error;
  }
}

(globalThis as { DecompressionStream?: unknown }).DecompressionStream = BoundedDecompressionStream;

/** pdf.js's worker module with ./patch.ts's edits, from the installed package; as shipped if they do not apply. */
function patchedWorker(): () => Promise<unknown> {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const patched = patchPdfWorker(readFileSync(join(root, 'legacy', 'build', 'pdf.worker.mjs'), 'utf8'));
  if (!patched) return () => import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return () => import(`data:text/javascript;base64,${Buffer.from(patched).toString('base64')}`);
}

const ready = loadPdfJs(patchedWorker());
ready.catch(() => {});

parentPort!.on('message', (request: ThreadRequest) => void answer(request));

async function answer({ id, bytes, limits, maxStreamBytes: bound }: ThreadRequest): Promise<void> {
  maxStreamBytes = bound;
  let reply: ThreadAnswer;
  try {
    await ready;
    reply = { id, pages: (await readPdf(bytes, limits)).pages };
  } catch (error) {
    const e = error instanceof ReportError ? error : new ReportError('internal-error', error instanceof Error ? error.message : String(error));
    reply = { id, error: { code: e.code, message: e.message } };
  }
  parentPort!.postMessage(reply);
}
