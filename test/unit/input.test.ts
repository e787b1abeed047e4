// Bytes to text, and which form a text is in.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../src/input/decode.js';
import { detectForm } from '../../src/lex/form.js';

const corpus = (name: string) => readFileSync(join(import.meta.dirname, '../../corpus', name));

describe('decode', () => {
  it('reads UTF-8 with and without a BOM, and says nothing was guessed', () => {
    const plain = decode(new TextEncoder().encode('规章'));
    const bom = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('规章')]));
    expect([plain.text, plain.encoding, plain.guessed]).toEqual(['规章', 'utf-8', false]);
    expect([bom.text, bom.encoding]).toEqual(['规章', 'utf-8']);
  });

  it('sniffs GB18030 when the bytes are not UTF-8 and no charset is declared', () => {
    const gbk = new Uint8Array([0xb9, 0xe6, 0xd5, 0xc2]); // 规章 in GBK
    expect(decode(gbk)).toMatchObject({ text: '规章', encoding: 'gb18030', guessed: true });
  });

  it('honours <meta charset>', () => {
    const head = new TextEncoder().encode('<meta charset="gbk"><p>');
    const bytes = new Uint8Array([...head, 0xb9, 0xe6, 0xd5, 0xc2]);
    expect(decode(bytes)).toMatchObject({ text: '<meta charset="gbk"><p>规章', encoding: 'gbk', guessed: false });
  });

  it('reads UTF-16 LE and BE with their BOMs', () => {
    expect(decode(new Uint8Array([0xff, 0xfe, 0xc4, 0x89, 0xe0, 0x7a])).text).toBe('规章');
    expect(decode(new Uint8Array([0xfe, 0xff, 0x89, 0xc4, 0x7a, 0xe0])).text).toBe('规章');
  });
});

describe('detectForm', () => {
  it.each([
    ['000_chaoyang_yingshang_2023.txt', 'pipe-text'],
    ['011_shanghai_kewei_2024.md', 'markdown'],
    ['014_shanghai_szfbgt_2019.html', 'html'],
    ['024_pingtan_2024.html', 'html'],
    ['004_pingtan_2021.txt', 'plain-text'],
    ['031_hongze_2023.pdftotext-layout.txt', 'plain-text'],
  ])('%s is %s', (name, form) => {
    expect(detectForm(corpus(name).toString('utf8'))).toBe(form);
  });

  it('counts a markdown rule drawn with NBSPs or tabs, as the markdown lexer does (raw HTML in between does not make it HTML)', () => {
    const text = [
      '<p>三、收到和处理政府信息公开申请情况</p>',
      '| 本年新收政府信息公开申请数量 | 自然人 | 商业企业 |',
      '|\u00a0---\u00a0|\t:---:\t|\u00a0---\u00a0|',
      '| 一、本年新收 | 5 | 1 |',
      '| 二、上年结转 | 0 | 0 |',
      '<div><span>注</span><br></div>',
    ].join('\n');
    expect(detectForm(text)).toBe('markdown');
  });
});
