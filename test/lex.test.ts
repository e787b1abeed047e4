// The lexers, one layout family each, on real snippets of the corpus renderings: the cells they
// make, their kinds, and offsets that point back at the text each cell came from.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexText } from '../src/lex/text.js';
import type { Cell } from '../src/lex/cell.js';
import { detectForm, type Form } from '../src/lex/form.js';
import { maskMarkup } from '../src/lex/markup.js';
import { readRows } from '../grammars/stream.js';

const FORMS = join(import.meta.dirname, '..', 'corpus', 'forms');
const CORPUS = join(import.meta.dirname, '..', 'corpus');

/** Lines `from`..`to` (1-based, inclusive) of a corpus file, as one text. */
function snippet(file: string, from: number, to: number): string {
  return readFileSync(file, 'utf8').split('\n').slice(from - 1, to).join('\n');
}

/** What a row of cells reads as: `_` for a blank, the text otherwise. */
function texts(cells: readonly Cell[]): string[] {
  return cells.filter((c) => c.kind !== 'span' && c.kind !== 'break').map((c) => (c.kind === 'blank' ? '_' : c.text));
}

/** The value rows the row grammar reads, each as `last label: v v v`. */
function valueRows(cells: readonly Cell[]): string[] {
  return readRows(cells)
    .filter((r) => r.values.length)
    .map((r) => `${r.labels[r.labels.length - 1]?.text ?? ''}: ${texts(r.values).join(' ')}`);
}

/** Every non-blank cell's offsets cover its text (the first and last characters, for cells wrapped over lines). */
function expectOffsets(text: string, cells: readonly Cell[]): void {
  for (const c of cells) {
    if (c.kind === 'blank' || c.kind === 'span') continue;
    const raw = text.slice(c.start, c.end);
    expect(raw.startsWith(c.text.slice(0, 1)), `${c.text} at ${c.start}`).toBe(true);
    expect(raw.endsWith(c.text.slice(-1)), `${c.text} at ${c.end}`).toBe(true);
  }
}

describe('form detection', () => {
  const expected: Record<string, Form> = {
    w3m: 'box-text',
    lynx: 'stacked-text',
    innertext: 'tab-text',
    bs4pipe: 'pipe-text',
    bs4concat: 'plain-text',
    gfm: 'markdown',
    pdftotext: 'plain-text',
  };
  for (const report of ['014_shanghai_szfbgt_2019', '024_pingtan_2024', '033_pingtan_2019'])
    for (const [rendering, form] of Object.entries(expected)) {
      const ext = rendering === 'gfm' ? 'md' : 'txt';
      it(`${report}.${rendering} is ${form}`, () => {
        expect(detectForm(readFileSync(join(FORMS, `${report}.${rendering}.${ext}`), 'utf8'))).toBe(form);
      });
    }
});

describe('box.ts: w3m box drawings', () => {
  const text = snippet(join(FORMS, '014_shanghai_szfbgt_2019.w3m.txt'), 87, 96);
  const cells = lexText(text, 'box-text');

  it('joins a header cell wrapped over two lines and keeps a row per rule', () => {
    expect(texts(cells)).toEqual(['第二十条第（一）项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章', '13', '13', '524', '规范性文件', '60', '60', '368']);
    expect(cells.filter((c) => c.rowStart).map((c) => c.text)).toEqual(['第二十条第（一）项', '信息内容', '规章', '规范性文件']);
  });

  it('gives offsets into the input', () => {
    expectOffsets(text, cells);
    const v = cells.find((c) => c.text === '524')!;
    expect(text.slice(v.start, v.end)).toBe('524');
    expect(v.kind).toBe('value');
  });

  it('keeps the blank cells of a data row (014 applications)', () => {
    const t = snippet(join(FORMS, '014_shanghai_szfbgt_2019.w3m.txt'), 134, 140);
    expect(valueRows(lexText(t, 'box-text'))).toEqual([
      '一、本年新收政府信息公开申请数量: 821 35 _ _ 2 1 859',
      '二、上年结转政府信息公开申请数量: 18 _ _ _ _ _ 18',
      '（一）予以公开: 258 12 _ _ 1 1 _',
    ]);
  });
});

describe('box.ts: pandoc grid tables', () => {
  const text = snippet(join(FORMS, '024_pingtan_2024.pandoc.txt'), 151, 157);
  const cells = lexText(text, 'plain-text');

  it('joins an item number wrapped away from its label (`7` / `.属于行政执法案卷`)', () => {
    expect(valueRows(cells)).toEqual(['7.属于行政执法案卷: 0 0 0 0 0 0 0', '8.属于行政查询事项: 0 0 0 0 0 0 0']);
    expect(cells.find((c) => c.text === '7')).toBeUndefined();
    expectOffsets(text, cells);
  });
});

describe('aligned.ts: pandoc plain tables under a dash rule', () => {
  const text = snippet(join(FORMS, '014_shanghai_szfbgt_2019.pandoc.txt'), 96, 103);
  const cells = lexText(text, 'plain-text');

  it('places numbers by the rule’s columns; an empty value column is a blank cell', () => {
    expect(valueRows(cells)).toEqual([
      '一、本年新收政府信息公开申请数量: 821 35 _ _ 2 1 859',
      '二、上年结转政府信息公开申请数量: 18 _ _ _ _ _ 18',
      '（一）予以公开: 258 12 _ _ 1 1 _',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）: 3 _ _ _ _ _ _',
    ]);
    expectOffsets(text, cells);
  });

  it('gives header rows and label columns no blank cells', () => {
    const header = cells.filter((c) => c.line !== undefined && c.line <= 3);
    expect(header.every((c) => c.kind === 'label')).toBe(true);
  });
});

describe('tabbed.ts: innerText, cells parted by tabs across lines', () => {
  const text = snippet(join(FORMS, '014_shanghai_szfbgt_2019.innertext.txt'), 329, 440);
  const cells = lexText(text, 'tab-text');

  it('reads a tab as the border between two cells of a row, a no-break space next to a tab as a blank', () => {
    expect(valueRows(cells).slice(0, 3)).toEqual([
      '一、本年新收政府信息公开申请数量: 821 35 _ _ 2 1 859',
      '二、上年结转政府信息公开申请数量: 18 _ _ _ _ _ 18',
      '（一）予以公开: 258 12 _ _ 1 1 _',
    ]);
    expectOffsets(text, cells);
  });

  it('reads the review row whose blanks share a line with their tabs', () => {
    const t = snippet(join(FORMS, '014_shanghai_szfbgt_2019.innertext.txt'), 1183, 1230);
    expect(texts(lexText(t, 'tab-text')).slice(0, 16)).toEqual(['5', '_', '_', '2', '7', '8', '_', '_', '1', '9', '_', '_', '_', '_', '_', '五、政府信息公开工作存在的主要问题及改进情况']);
  });
});

describe('tabbed.ts: empty cells and indentation', () => {
  it('reads two tabs with nothing between as an empty cell, and plain spaces on a line of their own as nothing', () => {
    const text = ['一、本年新收政府信息公开申请数量\t821\t\t0', '   ', '\t2'].join('\n');
    expect(texts(lexText(text, 'tab-text'))).toEqual(['一、本年新收政府信息公开申请数量', '821', '_', '0', '2']);
  });
});

describe('stacked.ts: lynx, a cell per line', () => {
  const text = snippet(join(FORMS, '014_shanghai_szfbgt_2019.lynx.txt'), 199, 250);
  const cells = lexText(text, 'stacked-text');

  it('reads an extra empty line as a blank cell', () => {
    expect(valueRows(cells).slice(0, 3)).toEqual([
      '一、本年新收政府信息公开申请数量: 821 35 _ _ 2 1 859',
      '二、上年结转政府信息公开申请数量: 18 _ _ _ _ _ 18',
      '（一）予以公开: 258 12 _ _ 1 1 _',
    ]);
    expectOffsets(text, cells);
  });

  it('lets blanks vanish beside a number (lynx prints no line for some empty cells)', () => {
    const v = cells.find((c) => c.text === '821')!;
    expect(v.gapBefore).toBe(Infinity);
    expect(v.gapAfter).toBe(Infinity);
  });
});

describe('markdown.ts and markup.ts: pandoc gfm', () => {
  it('gives header rows and label columns of a pipe table no blank cells', () => {
    const text = snippet(join(FORMS, '014_shanghai_szfbgt_2019.gfm.md'), 174, 182);
    expect(valueRows(lexText(text, 'markdown'))).toEqual([
      '一、本年新收政府信息公开申请数量: 821 35 _ _ 2 1 859',
      '二、上年结转政府信息公开申请数量: 18 _ _ _ _ _ 18',
      '（一）予以公开: 258 12 _ _ 1 1 _',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）: 3 _ _ _ _ _ _',
    ]);
  });

  it('reads a raw HTML table with the HTML lexer, offsets moved into the whole text', () => {
    const file = join(FORMS, '014_shanghai_szfbgt_2019.gfm.md');
    const text = readFileSync(file, 'utf8');
    const cells = lexText(text, 'markdown');
    const v = cells.find((c) => c.text === '251000元')!;
    expect(text.slice(v.start, v.end)).toBe('251000元');
    expect(valueRows(cells)).toContain('规章: 13 13 524');
  });

  it('blanks out inline markup, keeping every offset', () => {
    const text = '| <span style="FONT-SIZE: 12pt">申请人情况</span> | a&nbsp;b |';
    const masked = maskMarkup(text);
    expect(masked.length).toBe(text.length);
    expect(masked.indexOf('申请人情况')).toBe(text.indexOf('申请人情况'));
    expect(masked).not.toContain('<');
    expect(masked).toContain('a\u00a0');
  });
});

describe('line.ts: plain text', () => {
  it('reads no-break spaces between run-together digits as room for blank cells (bs4concat)', () => {
    const text = '一、本年新收政府信息公开申请数量82135\u00a0\u00a021859二、上年结转';
    const cells = lexText(text, 'plain-text');
    const values = cells.filter((c) => c.kind === 'value');
    expect(values.map((c) => [c.text, c.gapBefore ?? 0, c.gapAfter ?? 0, c.runTogether])).toEqual([
      ['82135', 0, 2, true],
      ['21859', 2, 0, true],
    ]);
    expectOffsets(text, cells);
  });

  it('reads wide gaps of aligned columns, and a line that is one row of numbers, as room for any number of blanks', () => {
    const aligned = lexText('一、本年新收政府信息公开申请数量                           821     35                   2 1 859', 'plain-text');
    expect(aligned.filter((c) => c.kind === 'value').map((c) => c.gapBefore)).toEqual([Infinity, Infinity, Infinity, Infinity, Infinity]);
    // pdftotext -raw of 014: a row's blank cells leave no trace at all.
    const raw = lexText('三、本年度办理结果 （一）予以公开 258 12 1 1', 'plain-text');
    expect(raw.filter((c) => c.kind === 'value').map((c) => [c.text, c.gapBefore, c.gapAfter])).toEqual([
      ['258', Infinity, Infinity],
      ['12', Infinity, Infinity],
      ['1', Infinity, Infinity],
      ['1', Infinity, Infinity],
    ]);
  });

  it('reads a single space inside page text whose cells run together as no room for blanks (002)', () => {
    const page = lexText('（六）其他处理0 0 0 0 0 00（七）总计23 0 00 0 023四、结转', 'plain-text');
    expect(page.filter((c) => c.kind === 'value').every((c) => !c.gapBefore && !c.gapAfter)).toBe(true);
  });

  it('keeps an item number that ends a line with its label (`1.` / 申请人无正当理由…)', () => {
    const text = snippet(join(FORMS, '024_pingtan_2024.pdftotext.txt'), 181, 184);
    const cells = lexText(text, 'plain-text');
    expect(cells.find((c) => c.text === '1.')?.kind).toBe('label');
    expect(valueRows(cells)).toEqual(['1.: 1 0 0 0 0 0 1']);
    expect(cells.filter((c) => c.kind === 'label').map((c) => c.text)).toEqual(['申请人无正当理由逾期不补正、行政机关', '1.', '不再处理其政府信息公开申请']);
  });

  it('reads page numbers inside a table as breaks and joins a label broken by a stray space (031)', () => {
    const text = snippet(join(CORPUS, '031_hongze_2023.pdftotext-layout.txt'), 99, 120);
    const cells = lexText(text, 'plain-text');
    expect(cells.some((c) => c.kind === 'break' && c.text === '-3-')).toBe(true);
    expect(cells.some((c) => c.kind === 'label' && c.text.includes('只计这一情 形'))).toBe(true);
    expectOffsets(text, cells);
  });
});
