// Which document format bytes are in, by their signature: PDF, Word (.docx, a ZIP holding
// word/document.xml), a legacy OLE compound file (.doc, .wps, .xls), another ZIP archive.

export type DocumentKind = 'pdf' | 'docx' | 'ole' | 'zip';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The document format of the bytes, or undefined for anything else (text, HTML, other binary data). */
export function documentKind(bytes: Uint8Array): DocumentKind | undefined {
  // PDF readers accept `%PDF-` anywhere in the first kilobyte (a stray header before it).
  if (indexOf(bytes.subarray(0, 1024), '%PDF-') >= 0) return 'pdf';
  if (OLE.every((b, i) => bytes[i] === b)) return 'ole';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // The names of a ZIP's entries are stored as they are: a Word file has word/document.xml among them.
    return indexOf(bytes, 'word/document.xml') >= 0 || indexOf(bytes, 'word/_rels/') >= 0 ? 'docx' : 'zip';
  }
  return undefined;
}

function indexOf(bytes: Uint8Array, ascii: string): number {
  const first = ascii.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - ascii.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < ascii.length; k++) if (bytes[i + k] !== ascii.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}
