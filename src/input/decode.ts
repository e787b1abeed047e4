// Bytes → text: BOM, an explicit encoding, `<meta charset>`, else UTF-8 if the bytes are valid UTF-8,
// else GB18030 (a superset of GBK and GB2312, what Chinese government sites that are not UTF-8 use).

export interface Decoded {
  text: string;
  /** The encoding the text was decoded with (WHATWG name). */
  encoding: string;
  /** True when no BOM, option or declaration named the encoding and it was sniffed from the bytes. */
  guessed: boolean;
  bytes: number;
}

export class UnknownEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`unknown encoding "${encoding}"`);
  }
}

export function decode(input: string | Uint8Array, encoding?: string): Decoded {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return { text, encoding: 'utf-16', guessed: false, bytes: utf8Length(input) };
  }
  const bytes = input.length;
  if (encoding) return { text: decodeWith(encoding, input), encoding: normalizeName(encoding), guessed: false, bytes };
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) return { text: decodeWith('utf-8', input.subarray(3)), encoding: 'utf-8', guessed: false, bytes };
  if (input[0] === 0xff && input[1] === 0xfe) return { text: decodeWith('utf-16le', input.subarray(2)), encoding: 'utf-16le', guessed: false, bytes };
  if (input[0] === 0xfe && input[1] === 0xff) return { text: decodeWith('utf-16be', input.subarray(2)), encoding: 'utf-16be', guessed: false, bytes };
  const declared = declaredCharset(input);
  if (declared) {
    try {
      return { text: decodeWith(declared, input), encoding: normalizeName(declared), guessed: false, bytes };
    } catch {
      // An unknown declared charset is ignored, as browsers do.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(input), encoding: 'utf-8', guessed: false, bytes };
  } catch {
    return { text: decodeWith('gb18030', input), encoding: 'gb18030', guessed: true, bytes };
  }
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new UnknownEncodingError(encoding);
  }
  return decoder.decode(bytes);
}

function normalizeName(encoding: string): string {
  try {
    return new TextDecoder(encoding).encoding;
  } catch {
    return encoding.toLowerCase();
  }
}

/** `<meta charset="gbk">` or `content="text/html; charset=gb2312"` in the first 4 KB (read as ASCII). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 4096);
  let ascii = '';
  for (const b of head) ascii += b < 128 ? String.fromCharCode(b) : ' ';
  const lower = ascii.toLowerCase();
  let from = 0;
  while (true) {
    const at = lower.indexOf('charset', from);
    if (at < 0) return undefined;
    from = at + 7;
    let i = from;
    while (i < lower.length && (lower[i] === ' ' || lower[i] === '=')) i++;
    if (lower[i - 1] !== '=' && lower[i] !== '=') continue;
    while (i < lower.length && (lower[i] === '"' || lower[i] === "'" || lower[i] === ' ')) i++;
    let name = '';
    while (i < lower.length && /[a-z0-9_\-]/.test(lower[i]!)) name += lower[i++];
    if (name && lower.lastIndexOf('<meta', at) >= 0) return name;
  }
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
