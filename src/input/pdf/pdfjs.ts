// pdf.js, loaded on first use (a text or HTML parse never pays for it), with its worker run in this
// thread (no Worker, no script URL: the same in Node and in a page), and the CMaps and standard font
// data it asks for read from the installed pdfjs-dist package — never from a network URL.
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | undefined;

/** pdf.js's worker module as shipped; the Node reading thread (./thread.ts) gives its own on first use. */
const shippedWorker = () => import('pdfjs-dist/legacy/build/pdf.worker.mjs');

export function loadPdfJs(loadWorker: () => Promise<unknown> = shippedWorker): Promise<PdfJs> {
  return (loading ??= importQuietly(loadWorker));
}

/**
 * pdf.js writes warnings to console.log while it loads (e.g. when the optional canvas package that
 * rendering needs is absent): the CLI's stdout must carry only its output.
 */
async function importQuietly(loadWorker: () => Promise<unknown>): Promise<PdfJs> {
  const log = console.log;
  // The legacy build's polyfills (core-js) add what Node 20 lacks, and also replace three natives it
  // has with JavaScript versions for edge cases pdf.js never meets: Array.prototype.push several
  // times slower, for every array in the process; the natives are put back.
  const natives = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
  console.log = () => {};
  try {
    const worker = await loadWorker();
    // pdf.js runs its worker's message handler in this thread when it finds it here.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    console.log = log;
    restore(Array.prototype, 'push', natives.push);
    restore(JSON, 'stringify', natives.stringify);
    restore(JSON, 'parse', natives.parse);
  }
}

function restore<T extends object, K extends keyof T>(owner: T, key: K, native: T[K]): void {
  if (owner[key] !== native) Object.defineProperty(owner, key, { value: native, writable: true, configurable: true, enumerable: false });
}

type ReadResource = (folder: 'cmaps' | 'standard_fonts', file: string) => Promise<Uint8Array>;

/**
 * Where the CMaps (Chinese fonts that are not embedded: UniGB-UCS2-H, GBK-EUC-H …) and the standard
 * fonts come from: in Node, the files of the installed pdfjs-dist, found through Node's own resolution
 * (reached through `process.getBuiltinModule`, so the browser build imports no Node module); in a
 * browser there is no such file, and such fonts stay unread (the parse says the text is unreadable).
 */
function nodeResources(): ReadResource | undefined {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof getBuiltin !== 'function') return undefined;
  try {
    const { createRequire } = getBuiltin('module') as typeof import('node:module');
    const fs = getBuiltin('fs') as typeof import('node:fs');
    const path = getBuiltin('path') as typeof import('node:path');
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return async (folder, file) => new Uint8Array(await fs.promises.readFile(path.join(root, folder, file)));
  } catch {
    return undefined;
  }
}

let resources: ReadResource | undefined | null = null;

/** A file name pdf.js asks for: a bare name from its own tables, never a path. */
const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;

/** pdf.js's BinaryDataFactory option: it asks for `{ kind, filename }` and gets the bytes. */
export class PackageDataFactory {
  constructor(_urls: unknown) {}

  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    if (resources === null) resources = nodeResources();
    const folder = kind === 'cMapUrl' ? 'cmaps' : kind === 'standardFontDataUrl' ? 'standard_fonts' : undefined;
    if (!resources || !folder || !SAFE_NAME.test(filename) || filename.includes('..')) throw new Error(`no ${kind} data for ${filename} here`);
    return resources(folder, filename);
  }
}
