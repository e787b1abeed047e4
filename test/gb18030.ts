// A GB18030 encoder for the tests, built as the exact inverse of the platform's GB18030 decoder (the
// one the parser uses): every 2-byte sequence and every 4-byte sequence of the BMP is decoded once.

let table: Map<number, number[]> | undefined;

function build(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
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
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) put([b1, b2, b3, b4]);
  return map;
}

/** The text as GB18030 bytes; throws on a character outside the BMP (none in the corpus). */
export function encodeGb18030(text: string): Uint8Array {
  table ??= build();
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const bytes = table.get(c);
    if (!bytes) throw new Error(`no GB18030 bytes for U+${c.toString(16)}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

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
