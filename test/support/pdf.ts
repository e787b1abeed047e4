// Minimal PDFs and ZIP archives written by hand, for the bad-document tests: what a scan, an encrypted
// or a damaged file, a thousand-page file or a ZIP bomb looks like, without any tool to make them.
import { constants, deflateRawSync } from 'node:zlib';

/**
 * A PDF of the given page content streams (Helvetica as /F1; as /F2 `extraFont`, or Helvetica with the
 * `toUnicode` CMap), with a correct xref.
 */
export function makePdf(pages: string[], options: { encrypt?: boolean; extraFont?: string; toUnicode?: string; images?: boolean; flate?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1;
  const catalog = add('');
  const pagesId = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const cmap = options.toUnicode ? add(`<< /Length ${options.toUnicode.length} >>\nstream\n${options.toUnicode}\nendstream`) : 0;
  const font2 = options.extraFont ? add(options.extraFont) : cmap ? add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode ${cmap} 0 R >>`) : 0;
  const image = options.images ? add(`<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream`) : 0;
  const kids: number[] = [];
  for (const content of pages) {
    const stream = add(`<< /Length ${content.length}${options.flate ? ' /Filter /FlateDecode' : ''} >>\nstream\n${content}\nendstream`);
    const resources = `<< /Font << /F1 ${font} 0 R${font2 ? ` /F2 ${font2} 0 R` : ''} >>${image ? ` /XObject << /Im1 ${image} 0 R >>` : ''} >>`;
    kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  // An RC4 security handler whose /U does not match the empty password: a reader needs the user's password.
  const encrypt = options.encrypt ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>`) : 0;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/**
 * A FlateDecode (zlib) stream of `megabytes` MB of spaces, as a latin1 string for makePdf's `flate`, made
 * in a moment: one MB deflated and ended by a full flush (byte-aligned, referring to nothing before it),
 * repeated, then a last empty block and the Adler-32 of the whole.
 */
export function flateBomb(megabytes: number): string {
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  const n = BigInt(megabytes) << 20n;
  const a = (1n + n * 0x20n) % 65521n;
  const b = (n + (0x20n * n * (n + 1n)) / 2n) % 65521n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00]), adler]).toString('latin1');
}

/** A page of text lines at (x, y) in Helvetica. */
export function textPage(lines: [x: number, y: number, text: string][], font = 'F1'): string {
  return lines.map(([x, y, t]) => `BT /${font} 10 Tf ${x} ${y} Td (${t}) Tj ET`).join('\n');
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipFile {
  name: string;
  /** The bytes as stored (deflated when `deflated` is set). */
  data: Uint8Array;
  deflated?: boolean;
  /** The inflated size the directory declares (a bomb may lie). */
  size?: number;
  crc?: number;
}

/** A ZIP archive of the given entries. */
export function makeZip(files: ZipFile[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const size = f.size ?? f.data.length;
    const crc = f.crc ?? crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(f.deflated ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(f.data));
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(f.deflated ? 8 : 0, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(f.data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + f.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dir, end]));
}

/** Deflated zeros: `megabytes` MB that inflate from a few KB per MB. */
export function zeroBomb(megabytes: number): Uint8Array {
  const chunk = Buffer.alloc(1 << 20);
  return new Uint8Array(deflateRawSync(Buffer.concat(Array.from({ length: megabytes }, () => chunk)), { level: 9 }));
}

/** A ToUnicode CMap that maps every printable byte to the private use area: glyphs with no real Unicode. */
export const PRIVATE_USE_CMAP = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /PUA def
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange <20> <7E> <E000> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`;
