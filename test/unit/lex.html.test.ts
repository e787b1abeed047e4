// The HTML lexer: grids with spans expanded and marked, cells folded, offsets into the source.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexHtml } from '../../src/lex/html.js';

describe('lexHtml', () => {
  it('expands colspan and rowspan into span slots that are never values', () => {
    const html = '<table><tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>4</td></tr><tr><td>2.其他法律行政法规禁止公开</td><td colspan="2">0</td></tr></table>';
    const { cells } = lexHtml(html);
    expect(cells.map((c) => `${c.kind}:${c.text}`)).toEqual([
      'label:（三）不予公开', 'label:1.属于国家秘密', 'value:4',
      'span:', 'label:2.其他法律行政法规禁止公开', 'value:0', 'span:',
    ]);
    expect(cells.filter((c) => c.rowStart)).toHaveLength(2);
  });

  it('folds <br>, <p>, <span> inside a cell and points the offsets at the text (033, Word markup)', () => {
    const html = '<table><tr><td><p><span>本年新</span><span><br/></span><span>制作数量</span></p></td><td width="144"><p><span>1</span><span>2</span></p></td><td>&nbsp;</td></tr></table>';
    const { cells } = lexHtml(html);
    expect(cells.map((c) => `${c.kind}:${c.text}`)).toEqual(['label:本年新制作数量', 'value:12', 'blank:']);
    const twelve = cells[1]!;
    expect(html.slice(twelve.start, twelve.end)).toBe('1</span><span>2');
  });

  it('reads the 014 fragment: the procurement amount written with its unit, its offsets exact', () => {
    const html = readFileSync(join(import.meta.dirname, '../../corpus/014_shanghai_szfbgt_2019.html'), 'utf8');
    const { cells, text } = lexHtml(html);
    const amount = cells.find((c) => c.text === '251000元')!;
    expect(amount.kind).toBe('value');
    expect(html.slice(amount.start, amount.end)).toBe('251000元');
    expect(text.split('\n')[0]).toBe('2019年上海市人民政府办公厅政府信息公开工作年度报告');
  });

  it('treats tables that hold tables as page layout and reads the inner ones', () => {
    const html = '<table><tr><td><table><tr><td>规章</td><td>5</td></tr></table></td></tr></table>';
    expect(lexHtml(html).cells.map((c) => `${c.kind}:${c.text}`)).toEqual(['label:规章', 'value:5']);
  });

  it('bounds a hostile colspan instead of allocating it', () => {
    const html = '<table><tr><td colspan="99999999">x</td></tr></table>';
    expect(lexHtml(html).cells.length).toBeLessThanOrEqual(1000);
  });

  it('reads the page title from <meta name="ArticleTitle"> (024)', () => {
    const html = readFileSync(join(import.meta.dirname, '../../corpus/024_pingtan_2024.html'), 'utf8');
    expect(lexHtml(html).title).toBe('平潭综合实验区2024年度政府信息公开工作年度报告');
  });
});
