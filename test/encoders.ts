// Encoders for the tests, built as the exact inverses of the platform's decoders (the ones the parser
// uses): every 2-byte sequence (and, for GB18030, every 4-byte sequence of the BMP) is decoded once.

const tables = new Map<string, Map<number, number[]>>();

function build(encoding: 'gb18030' | 'big5'): Map<number, number[]> {
  const map = new Map<number, number[]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const put = (bytes: number[]) => {
    let text: string;
    try {
      text = decoder.decode(new Uint8Array(bytes));
    } catch {
      return;
    }
    if (text.length === 1 && !map.has(text.charCodeAt(0))) map.set(text.charCodeAt(0), bytes);
  };
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) put([lead, trail]);
  }
  if (encoding === 'gb18030')
    for (let b1 = 0x81; b1 <= 0x84; b1++)
      for (let b2 = 0x30; b2 <= 0x39; b2++)
        for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) put([b1, b2, b3, b4]);
  return map;
}

/** The text in GB18030 or Big5; a character the encoding lacks is written as `?` when `lossy`, else throws. */
export function encodeLegacy(text: string, encoding: 'gb18030' | 'big5', lossy = false): Uint8Array {
  let table = tables.get(encoding);
  if (!table) tables.set(encoding, (table = build(encoding)));
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const bytes = table.get(c);
    if (bytes) out.push(...bytes);
    else if (lossy) out.push(0x3f);
    else throw new Error(`no ${encoding} bytes for U+${c.toString(16)}`);
  }
  return new Uint8Array(out);
}

export const encodeGb18030 = (text: string) => encodeLegacy(text, 'gb18030');

/** The text as UTF-16 bytes, little- or big-endian. */
export function encodeUtf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}
