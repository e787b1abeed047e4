// A ZIP archive's directory, read and bounded before anything unpacks it: a Word file is a ZIP, and a
// ZIP can be a bomb (a few KB that inflate to gigabytes). Every entry is inflated once here as a
// stream, counting bytes and keeping none, so the archive is refused before it costs memory.
import { ReportError } from '../schema/errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export interface ZipLimits {
  /** Bytes all entries may inflate to. */
  maxInflated: number;
  maxEntries: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the archive's central directory; a `docx-invalid` ReportError when there is none to read. */
export function zipEntries(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new ReportError('docx-invalid', 'the file starts as a ZIP archive (as a .docx does) but has no ZIP directory: it is damaged or truncated');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count > limits.maxEntries) throw new ReportError('input-too-large', `the archive has ${count} entries, over the ${limits.maxEntries} a Word file is read with`);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ReportError('docx-invalid', 'the ZIP directory of the file is damaged');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  let declared = 0;
  for (const e of entries) declared += e.size;
  if (declared > limits.maxInflated) throw new ReportError('input-too-large', `the archive inflates to ${declared} bytes, over the ${limits.maxInflated} a Word file is read with (a ZIP bomb?)`);
  return entries;
}

/**
 * Inflates every entry as a stream, counting: the sizes the directory declares may lie, the deflate
 * data may not. Stops at `maxInflated` bytes in all.
 */
export async function checkInflatedSize(bytes: Uint8Array, entries: readonly ZipEntry[], limits: ZipLimits): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const e of entries) {
    if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== LOCAL) throw new ReportError('docx-invalid', `the entry ${e.name} of the ZIP archive is damaged`);
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.length, start + e.compressedSize));
    if (e.method === 0) total += data.length;
    else if (e.method === 8) total += await inflatedLength(data, limits.maxInflated - total);
    else throw new ReportError('docx-invalid', `the entry ${e.name} is compressed with method ${e.method}, which a Word file does not use`);
    if (total > limits.maxInflated) throw new ReportError('input-too-large', `the archive inflates to over ${limits.maxInflated} bytes (a ZIP bomb?)`);
  }
}

async function inflatedLength(data: Uint8Array, budget: number): Promise<number> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return n;
      n += value.byteLength;
      if (n > budget) {
        await reader.cancel();
        return n;
      }
    }
  } catch {
    throw new ReportError('docx-invalid', 'an entry of the ZIP archive cannot be inflated: the file is damaged or truncated');
  }
}
