// A PDF read bounded in time and memory. pdf.js checks nothing while it works through one page (a
// 20 MB content stream is one unbroken chain of callbacks), so in Node it runs in a thread of its own
// (./thread.ts, dist/pdf-worker.js) that is ended at the deadline, holds a bounded heap, and decodes
// no stream past a bound: each a ReportError with a stable code, and the next PDF gets a new thread.
// Documents read at once (a batch) go to as many such threads as there are cores.
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
  const threads = readingThreads();
  return threads ? threads.read(bytes, limits) : readPdf(bytes, limits);
}

type WorkerModule = typeof import('node:worker_threads');
type Worker = InstanceType<WorkerModule['Worker']>;

interface Job {
  request: ThreadRequest;
  resolve: (read: PdfRead) => void;
  reject: (error: ReportError) => void;
}

/**
 * The reading threads of one calling thread: documents wait in one queue, and each goes to an idle
 * thread, or to a new one while there are fewer than `max` (a batch of PDFs uses every core: pdf.js
 * is nearly all of a PDF's time). A thread starts on its first document and stays, unreferenced, for the next.
 */
class ReadingThreads {
  private readonly readers: ReadingThread[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;

  constructor(
    private readonly threads: WorkerModule,
    private readonly script: URL,
    private readonly max: number,
  ) {}

  read(bytes: Uint8Array, limits: PdfLimits): Promise<PdfRead> {
    // pdf.js takes its bytes over: it gets a copy, moved to the thread.
    const request: ThreadRequest = { id: this.nextId++, bytes: bytes.slice(), limits, maxStreamBytes: MAX_STREAM_BYTES };
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.next();
    });
  }

  /** Gives waiting documents to idle threads, starting threads up to `max`. */
  private next(): void {
    while (this.queue.length) {
      let reader = this.readers.find((r) => r.idle);
      if (!reader && this.readers.length < this.max) this.readers.push((reader = new ReadingThread(this.threads, this.script, () => this.next())));
      if (!reader) return;
      reader.run(this.queue.shift()!);
    }
  }
}

/** One thread reading one document at a time; ended at the document's deadline, and started anew for the next. */
class ReadingThread {
  private worker: Worker | undefined;
  private current: { job: Job; timer: ReturnType<typeof setTimeout> } | undefined;

  constructor(
    private readonly threads: WorkerModule,
    private readonly script: URL,
    private readonly done: () => void,
  ) {}

  get idle(): boolean {
    return !this.current;
  }

  run(job: Job): void {
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

  /** The document is answered: the thread may exit with the process until it is given the next. */
  private finish(): void {
    clearTimeout(this.current!.timer);
    this.current = undefined;
    this.worker?.unref();
    queueMicrotask(this.done);
  }

  /** Ends the thread and fails the document it was reading; its next document starts a new thread. */
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

let threads: ReadingThreads | undefined | null = null;

/**
 * The reading threads, where Node's worker threads and the built thread script are there: as many as
 * the machine has cores, or one in a worker thread (a batch's pool already has a worker per core).
 */
function readingThreads(): ReadingThreads | undefined {
  if (threads !== null) return threads;
  threads = undefined;
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof getBuiltin !== 'function') return threads;
  try {
    const { existsSync } = getBuiltin('fs') as typeof import('node:fs');
    const { fileURLToPath } = getBuiltin('url') as typeof import('node:url');
    const { availableParallelism } = getBuiltin('os') as typeof import('node:os');
    const workerThreads = getBuiltin('worker_threads') as WorkerModule;
    const script = threadScript();
    const max = workerThreads.isMainThread ? Math.max(1, availableParallelism()) : 1;
    if (existsSync(fileURLToPath(script))) threads = new ReadingThreads(workerThreads, script, max);
  } catch {
    threads = undefined;
  }
  return threads;
}

/** Built, the script sits beside this module's chunk; run from source (the tests), it is the built one in dist/. */
function threadScript(): URL {
  const here = import.meta.url;
  const name = 'pdf-worker.js';
  return here.endsWith('.ts') ? new URL(`../../../dist/${name}`, here) : new URL(`./${name}`, here);
}
