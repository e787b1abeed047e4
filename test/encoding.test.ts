// Bytes → text: the same report in every encoding a scraper leaves it in reads to the same cells.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../src/index.js';
import { decode } from '../src/input/decode.js';
import OpenCC from 'opencc-js';
import { encodeGb18030, encodeLegacy, encodeUtf16 } from './encoders.js';
import { CORPUS, corpusReports, diagnosticKeys, recordDifferences } from './records.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const guessed = (r: ReturnType<typeof parseReport>) => r.diagnostics.filter((d) => d.code === 'encoding-guessed');
const seed = readFileSync(join(CORPUS, '000_chaoyang_yingshang_2023.txt'), 'utf8');

describe('GB18030 and UTF-8 copies of every corpus report', () => {
  for (const { name, text } of corpusReports()) {
    it(`${name}: identical records, offsets and diagnostics; encoding-guessed for the GB18030 copy`, () => {
      const fromUtf8 = parseReport(utf8(text));
      const fromGb = parseReport(encodeGb18030(text));
      expect(fromUtf8.source.encoding).toBe('utf-8');
      expect(guessed(fromUtf8)).toEqual([]);
      expect(fromGb.source.encoding).toBe('gb18030');
      expect(guessed(fromGb)).toHaveLength(1);
      expect(guessed(fromGb)[0]!.severity).toBe('info');
      expect(recordDifferences(fromUtf8, fromGb)).toEqual([]);
      expect(fromGb.provenance).toEqual(fromUtf8.provenance);
      expect(fromGb.meta).toEqual(fromUtf8.meta);
      expect(diagnosticKeys(fromGb).filter((k) => !k.includes('encoding-guessed'))).toEqual(diagnosticKeys(fromUtf8));
    });
  }
});

describe('Big5 copies of traditional renderings of every corpus report', () => {
  const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
  for (const { name, text } of corpusReports([CORPUS])) {
    it(`${name}: read as Big5 (sniffed, not GB18030), the same cells as the traditional text`, () => {
      // Big5 has no no-break space; a space keeps every offset.
      const traditional = toTaiwan(text).replace(/\u00a0/g, ' ');
      const bytes = encodeLegacy(traditional, 'big5', true);
      const declared = text.includes('<meta charset="utf-8"');
      const r = parseReport(bytes);
      expect(r.source.encoding).toBe('big5');
      expect(guessed(r)[0]?.message).toContain(declared ? 'declares utf-8' : 'traditional');
      expect(recordDifferences(parseReport(traditional), r)).toEqual([]);
      expect(recordDifferences(parseReport(text), r)).toEqual([]);
    });
  }

  it('<meta charset="big5"> is honoured', () => {
    const html = readFileSync(join(CORPUS, '033_pingtan_2019.html'), 'utf8').replace('<meta charset="utf-8"', '<meta charset="big5"');
    const r = parseReport(encodeLegacy(toTaiwan(html), 'big5', true));
    expect(r.source.encoding).toBe('big5');
    expect(guessed(r)).toEqual([]);
    expect(recordDifferences(parseReport(html), r)).toEqual([]);
  });
});

describe('BOMs and UTF-16', () => {
  const plain = parseReport(utf8(seed));

  it('reads the seed as its gold says, as UTF-8 without BOM', () => {
    expect(plain.tables.documents?.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 40 });
    expect(plain.meta.agency).toBe('朝阳市营商环境建设局');
  });

  for (const [label, bytes, encoding] of [
    ['UTF-8 with BOM', concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(seed)), 'utf-8'],
    ['UTF-16LE with BOM', concat(new Uint8Array([0xff, 0xfe]), encodeUtf16(seed, 'le')), 'utf-16le'],
    ['UTF-16BE with BOM', concat(new Uint8Array([0xfe, 0xff]), encodeUtf16(seed, 'be')), 'utf-16be'],
  ] as const) {
    it(`${label}: same cells and offsets, encoding ${encoding}, nothing guessed`, () => {
      const r = parseReport(bytes);
      expect(r.source.encoding).toBe(encoding);
      expect(guessed(r)).toEqual([]);
      expect(recordDifferences(plain, r)).toEqual([]);
      expect(r.provenance).toEqual(plain.provenance);
    });
  }

  for (const endian of ['le', 'be'] as const) {
    it(`UTF-16${endian.toUpperCase()} without a BOM is recognised by its zero bytes (encoding-guessed)`, () => {
      const r = parseReport(encodeUtf16(seed, endian));
      expect(r.source.encoding).toBe(`utf-16${endian}`);
      expect(guessed(r)).toHaveLength(1);
      expect(recordDifferences(plain, r)).toEqual([]);
    });
  }

  it('a string input keeps its text; bytes counts UTF-8 bytes', () => {
    const r = parseReport(seed);
    expect(recordDifferences(plain, r)).toEqual([]);
    expect(r.source.bytes).toBe(utf8(seed).length);
    expect(parseReport('\ufeff' + seed).provenance).toEqual(plain.provenance);
  });
});

describe('<meta charset> and contradicting bytes', () => {
  const html = readFileSync(join(CORPUS, '024_pingtan_2024.html'), 'utf8');
  const asGbk = html.replace('<meta charset="utf-8"', '<meta charset="gbk"');
  const reference = parseReport(utf8(html));

  it('honours <meta charset="gbk"> for GBK bytes: not guessed', () => {
    const r = parseReport(encodeGb18030(asGbk));
    expect(r.source.encoding).toBe('gbk');
    expect(guessed(r)).toEqual([]);
    expect(recordDifferences(reference, r)).toEqual([]);
    expect(r.tables.applications?.newReceived.naturalPerson).toBe(reference.tables.applications?.newReceived.naturalPerson);
  });

  it('a page saved as UTF-8 that still declares gbk is read as UTF-8, and says so', () => {
    const r = parseReport(utf8(asGbk));
    expect(r.source.encoding).toBe('utf-8');
    expect(guessed(r)[0]?.message).toContain('declares gbk');
    expect(recordDifferences(reference, r)).toEqual([]);
  });

  it('a page declared utf-8 whose bytes are GB18030 is read as GB18030, and says so', () => {
    const r = parseReport(encodeGb18030(html));
    expect(r.source.encoding).toBe('gb18030');
    expect(guessed(r)[0]?.message).toContain('declares utf-8');
    expect(recordDifferences(reference, r)).toEqual([]);
  });

  it('the encoding option wins over the declaration', () => {
    const r = parseReport(encodeGb18030(html), { encoding: 'gb18030' });
    expect(r.source.encoding).toBe('gb18030');
    expect(guessed(r)).toEqual([]);
    expect(recordDifferences(reference, r)).toEqual([]);
  });

  it('a declaration TextDecoder does not know, or of UTF-16, is ignored as browsers do', () => {
    for (const label of ['x-no-such-charset', 'utf-16', 'iso-2022-kr']) {
      const r = parseReport(utf8(html.replace('<meta charset="utf-8"', `<meta charset="${label}"`)));
      expect(r.source.encoding, label).toBe('utf-8');
      expect(recordDifferences(reference, r), label).toEqual([]);
    }
  });
});

describe('damaged bytes', () => {
  it('a UTF-8 file cut inside a character stays UTF-8: every table cell as in the whole file', () => {
    const bytes = utf8(seed);
    // Cut one byte into the last Chinese character: an incomplete UTF-8 sequence at the end.
    let cut = bytes.length - 1;
    while (cut > 0 && bytes[cut]! < 0xe0) cut--;
    const r = parseReport(bytes.subarray(0, cut + 1));
    expect(r.source.encoding).toBe('utf-8');
    expect(guessed(r)[0]?.message).toContain('not UTF-8');
    const whole = parseReport(bytes);
    expect(recordDifferences(whole, r)).toEqual([]);
  });

  it('GBK text is not taken for UTF-8 with errors', () => {
    const d = decode(encodeGb18030(seed));
    expect(d.encoding).toBe('gb18030');
    expect(d.guessed).toBe(true);
    expect(d.text).toBe(seed);
  });

  it('an all-ASCII page declared gb2312 is read with its declaration', () => {
    const d = decode(utf8('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>2023</body></html>'));
    expect(d.encoding).toBe('gbk');
    expect(d.guessed).toBe(false);
  });
});
