// A PDF read bounded in time and memory. pdf.js checks nothing while it works through one page (a
// 20 MB content stream is one unbroken chain of callbacks), so in Node it runs in a thread of its own
// (./thread.ts, dist/pdf-worker.js) that is ended at the deadline, holds a bounded heap, and decodes
// no stream past a bound: each a ReportError with a stable code, and the next PDF gets a new thread.
// Where there are no worker threads (a browser) or no built thread script (the library bundled into
// another file), pdf.js runs here, and the deadline is checked after each page (./read.ts).
import { ReportError } from '../../schema/errors.js';
import { readPdf, tooLong, type PdfLimits, type PdfRead } from './read.js';
import { STREAM_TOO_LARGE, type ThreadAnswer, type ThreadRequest } from './protocol.js';

/** Bytes one decoded stream may have: a report's largest are its embedded fonts, tens of MB when not subset. */
export const MAX_STREAM_BYTES = 128 * 1024 * 1024;
/** The reading thread's heap (V8's old generation): a report's PDF needs under 100 MB. */
const THREAD_HEAP_MB = 1024;

export async function readPdfBounded(bytes: Uint8Array, limits: PdfLimits): Promise<PdfRead> {
  const thread = readingThread();
  return thread ? thread.read(bytes, limits) : readPdf(bytes, limits);
}

type WorkerModule = typeof import('node:worker_threads');
type Worker = InstanceType<WorkerModule['Worker']>;

interface Job {
  request: ThreadRequest;
  resolve: (read: PdfRead) => void;
  reject: (error: ReportError) => void;
}

/** One reading thread per calling thread, started on the first PDF, one document at a time. */
class ReadingThread {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: ReturnType<typeof setTimeout> } | undefined;
  private nextId = 0;

  constructor(
    private readonly threads: WorkerModule,
    private readonly script: URL,
  ) {}

  read(bytes: Uint8Array, limits: PdfLimits): Promise<PdfRead> {
    // pdf.js takes its bytes over: it gets a copy, moved to the thread.
    const request: ThreadRequest = { id: this.nextId++, bytes: bytes.slice(), limits, maxStreamBytes: MAX_STREAM_BYTES };
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    const worker = (this.worker ??= this.start());
    worker.ref();
    const { limits } = job.request;
    const timer = setTimeout(() => this.stop(tooLong(limits)), limits.timeoutMs);
    this.current = { job, timer };
    worker.postMessage(job.request, [job.request.bytes.buffer as ArrayBuffer]);
  }

  private start(): Worker {
    // (Its console is silenced inside: a worker's piped stdout would keep the process alive after unref.)
    const worker = new this.threads.Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });
    worker.on('message', (answer: ThreadAnswer) => {
      const current = this.current;
      if (!current || current.job.request.id !== answer.id) return;
      this.finish();
      if ('pages' in answer) current.job.resolve({ pages: answer.pages });
      else current.job.reject(new ReportError(answer.error.code, answer.error.message));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      this.stop(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ReportError('input-too-large', `reading the PDF needed over ${THREAD_HEAP_MB} MB, the bound on one document`)
          : new ReportError('internal-error', `the PDF reader stopped: ${error.message}`),
      );
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.stop(
        code === STREAM_TOO_LARGE
          ? new ReportError('input-too-large', `a stream of the PDF decodes to over ${MAX_STREAM_BYTES / (1024 * 1024)} MB, the bound on one stream (a compression bomb?)`)
          : new ReportError('internal-error', `the PDF reader stopped (exit code ${code})`),
      );
    });
    return worker;
  }

  private finish(): void {
    clearTimeout(this.current!.timer);
    this.current = undefined;
    queueMicrotask(() => this.next());
  }

  /** Ends the thread and fails the document it was reading; the next document starts a new thread. */
  private stop(error: ReportError): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
    const current = this.current;
    if (!current) return;
    this.finish();
    current.job.reject(error);
  }
}

let thread: ReadingThread | undefined | null = null;

/** The reading thread, where Node's worker threads and the built thread script are there. */
function readingThread(): ReadingThread | undefined {
  if (thread !== null) return thread;
  thread = undefined;
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof getBuiltin !== 'function') return thread;
  try {
    const { existsSync } = getBuiltin('fs') as typeof import('node:fs');
    const { fileURLToPath } = getBuiltin('url') as typeof import('node:url');
    const script = threadScript();
    if (existsSync(fileURLToPath(script))) thread = new ReadingThread(getBuiltin('worker_threads') as WorkerModule, script);
  } catch {
    thread = undefined;
  }
  return thread;
}

/** Built, the script sits beside this module's chunk; run from source (the tests), it is the built one in dist/. */
function threadScript(): URL {
  const here = import.meta.url;
  const name = 'pdf-worker.js';
  return here.endsWith('.ts') ? new URL(`../../../dist/${name}`, here) : new URL(`./${name}`, here);
}
