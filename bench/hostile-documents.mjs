// Hostile PDF and Word files for bench/linear.mjs, made by hand: a scan of thousands of pages, a huge
// content stream, a page slower than its deadline, a stream bomb, hundreds of pages of text, a ZIP bomb,
// damaged files.
import { constants, deflateRawSync } from 'node:zlib';

/** A PDF of the given page content streams (Helvetica as /F1), with a correct xref; `image` adds /Im1. */
export function makePdf(pages, { image = false, flate = false } = {}) {
  const objects = ['', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  if (image) objects.push('<< /Type /XObject /Subtype /Image /Width 2000 /Height 2000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length 3912 >>\nstream\n' + deflateRawSync(Buffer.alloc(4_000_000)).toString('latin1') + '\nendstream');
  const kids = [];
  for (const content of pages) {
    objects.push(`<< /Length ${content.length}${flate ? ' /Filter /FlateDecode' : ''} >>\nstream\n${content}\nendstream`);
    const stream = objects.length;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >>${image ? ' /XObject << /Im1 4 0 R >>' : ''} >> /Contents ${stream} 0 R >>`);
    kids.push(objects.length);
  }
  objects[0] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const parts = ['%PDF-1.4\n'];
  let length = parts[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = `${i + 1} 0 obj\n${body}\nendobj\n`;
    parts.push(obj);
    length += obj.length;
  });
  parts.push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  return new Uint8Array(Buffer.from(parts.join(''), 'latin1'));
}

/** A zlib stream of `megabytes` MB of spaces (latin1, for makePdf's `flate`): one MB deflated, full-flushed, repeated. */
export function flateBomb(megabytes) {
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  const n = BigInt(megabytes) << 20n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((((n + (0x20n * n * (n + 1n)) / 2n) % 65521n) << 16n) | ((1n + n * 0x20n) % 65521n)));
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00]), adler]).toString('latin1');
}

/** A ZIP whose word/document.xml inflates to `megabytes` MB of zeros while its directory says 1 KB. */
export function zipBomb(megabytes) {
  const chunk = Buffer.alloc(1 << 20);
  const data = deflateRawSync(Buffer.concat(Array.from({ length: megabytes }, () => chunk)), { level: 9 });
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1024, 22);
  local.writeUInt16LE(name.length, 26);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(8, 10);
  entry.writeUInt32LE(data.length, 20);
  entry.writeUInt32LE(1024, 24);
  entry.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, name, data, entry, name, end]));
}

const line = (y, text) => `BT /F1 9 Tf 50 ${y} Td (${text}) Tj ET`;

/** The hostile documents: name, bytes (made when asked: some take a moment) and parseDocument's options. */
export const hostileDocuments = [
  ['a scan: 2,000 pages of one image, no text', () => makePdf(Array.from({ length: 2000 }, () => 'q 500 0 0 700 50 50 cm /Im1 Do Q'), { image: true })],
  ['a scan: 400 pages of a 2000×2000 image', () => makePdf(Array.from({ length: 400 }, () => 'q 500 0 0 700 50 50 cm /Im1 Do Q'), { image: true })],
  ['a 20 MB content stream of 1.4 million strokes', () => makePdf(['0 0 m 100 100 l S\n'.repeat(1_400_000)])],
  ['one page of 1 million strokes and numbers, 5 s bound', () => makePdf([`${line(800, '12 34')}\n${line(780, '56 78')}\n${'0 0 m 100 100 l S\n'.repeat(1_000_000)}`]), { timeoutMs: 5000 }],
  ['a content stream inflating to 1 GB from 1 MB', () => makePdf([flateBomb(1024)], { flate: true })],
  ['400 pages of ruled text', () => makePdf(Array.from({ length: 400 }, (_, p) => Array.from({ length: 40 }, (_, i) => `${line(800 - i * 19, `row ${i} of page ${p} 12 34 56`)}\n40 ${795 - i * 19} m 550 ${795 - i * 19} l S`).join('\n')))],
  ['a .docx ZIP bomb: 1 GB of zeros in 1 MB', () => zipBomb(1024)],
  ['20 MB of garbage after %PDF-', () => new Uint8Array(Buffer.from('%PDF-1.7\n' + 'x0 obj << /a [ ( '.repeat(1_200_000)))],
];
