// Files, directories (recursively) and stdin → the inputs to parse, in a stable order.
import { readdir, readFile, stat, open } from 'node:fs/promises';
import { join, extname } from 'node:path';
import type { Readable } from 'node:stream';
import { documentKind } from '../input/sniff.js';

export interface InputRef {
  /** The path as given (or found under a directory), `-` for stdin. */
  name: string;
  stdin?: boolean;
}

// Legacy .doc files are taken too: each gets its error (save it as .docx or PDF) instead of being passed over in silence.
const REPORT_EXTENSIONS = new Set(['.html', '.htm', '.txt', '.md', '.markdown', '.text', '.pdf', '.docx', '.doc']);
const SKIP_SUFFIXES = ['.gold.json'];

export async function collectInputs(paths: readonly string[]): Promise<{ inputs: InputRef[]; errors: string[] }> {
  const inputs: InputRef[] = [];
  const errors: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      inputs.push({ name: '-', stdin: true });
      continue;
    }
    try {
      const s = await stat(p);
      if (s.isDirectory()) inputs.push(...(await walk(p)));
      else inputs.push({ name: p });
    } catch (error) {
      errors.push(`cannot read ${p}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  return { inputs, errors };
}

/** Report files under a directory, sorted; files without a known extension are sniffed. */
async function walk(dir: string): Promise<InputRef[]> {
  const out: InputRef[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      const full = join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') subdirs.push(full);
      } else if (e.isFile()) {
        if (SKIP_SUFFIXES.some((s) => e.name.endsWith(s)) || e.name.startsWith('.')) continue;
        if (REPORT_EXTENSIONS.has(extname(e.name).toLowerCase()) || (await sniff(full))) out.push({ name: full });
      }
    }
    stack.push(...subdirs.reverse());
  }
  return out;
}

/** A file without a report extension is taken when its head is text that mentions 信息公开. */
async function sniff(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buf = new Uint8Array(65536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    const kind = documentKind(head);
    if (kind === 'pdf' || kind === 'docx') return true;
    if (head.includes(0)) return false;
    const text = new TextDecoder('utf-8').decode(head) + new TextDecoder('gb18030').decode(head);
    return text.includes('信息公开');
  } finally {
    await handle.close();
  }
}

export async function readInput(ref: InputRef, stdin: Readable): Promise<Uint8Array> {
  if (!ref.stdin) return readFile(ref.name);
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
