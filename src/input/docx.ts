// Word (.docx) bytes → HTML, with mammoth (merged cells come out as colspan/rowspan): the HTML lexer
// reads it from there. The archive is checked and bounded first (./zip.ts).
import { ReportError } from '../schema/errors.js';
import { checkInflatedSize, zipEntries, type ZipLimits } from './zip.js';

export const DEFAULT_DOCX_LIMITS: ZipLimits = { maxInflated: 200 * 1024 * 1024, maxEntries: 5000 };

export async function readDocx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_DOCX_LIMITS): Promise<string> {
  const entries = zipEntries(bytes, limits);
  if (!entries.some((e) => e.name === 'word/document.xml')) throw new ReportError('docx-invalid', 'the ZIP archive is not a Word file: it has no word/document.xml');
  await checkInflatedSize(bytes, entries, limits);
  const mammoth = (await import('mammoth')).default ?? (await import('mammoth'));
  try {
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // mammoth's Node build takes `buffer`, its browser build `arrayBuffer`: both are given.
    const result = await mammoth.convertToHtml(
      { arrayBuffer: copy, buffer: new Uint8Array(copy) } as unknown as { arrayBuffer: ArrayBuffer },
      // Images are not the report's text: not one of them is inlined.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    return result.value;
  } catch (error) {
    throw new ReportError('docx-invalid', `the Word file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}
