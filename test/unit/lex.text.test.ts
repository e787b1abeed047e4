// The text lexer on real snippets: what each cell is, and where it came from.
import { describe, expect, it } from 'vitest';
import { lexText as lexIn } from '../../src/lex/text.js';
import { detectForm, type Form } from '../../src/lex/form.js';

const lexText = (text: string, form: Form = 'plain-text') => lexIn(text, form);
import type { Cell } from '../../src/lex/cell.js';

const view = (cells: Cell[]) => cells.map((c) => `${c.kind}:${c.text}`);

describe('lexText', () => {
  it('splits labels and digits run together, keeping item numbers with their labels (004)', () => {
    const input = '规章 000行政规范性文件693665第二十条第（五）项';
    expect(view(lexText(input))).toEqual(['label:规章', 'value:000', 'label:行政规范性文件', 'value:693665', 'label:第二十条第（五）项']);
    const rows = '5.属于三类内部事务信息10000016.属于四类过程性信息0000000';
    expect(view(lexText(rows))).toEqual(['label:5.属于三类内部事务信息', 'value:1000001', 'label:6.属于四类过程性信息', 'value:0000000']);
  });

  it('keeps two item numbers run together with the labels, not a decimal 4.5 (014 pdftotext)', () => {
    expect(view(lexText('（三）不予公开 4.5.保护第三方合法权益'))).toEqual(['label:（三）不予公开 4.', 'label:5.保护第三方合法权益']);
    expect(view(lexText('采购总金额 4.5 万元'))).toContain('value:4.5');
  });

  it('keeps a decimal and a money unit in one value (004, 002)', () => {
    expect(view(lexText('行政事业性收费24252.311082三、收到'))).toEqual(['label:行政事业性收费', 'value:24252.311082', 'label:三、收到']);
    expect(view(lexText('政府集中采购13575394432.52元三、收到'))).toEqual(['label:政府集中采购', 'value:13575394432.52元', 'label:三、收到']);
  });

  it('keeps digits inside a parenthesised note in the label (SPEC D4)', () => {
    expect(view(lexText('上一年项目数量（指2019年事项数）12'))).toEqual(['label:上一年项目数量（指2019年事项数）', 'value:12']);
  });

  it('ends a label at a sentence end, so a caption after narrative stands alone (007)', () => {
    const cells = lexText('提升质效。二、主动公开政府信息情况第二十条第（一）项信息内容规章000');
    expect(view(cells)).toEqual(['label:提升质效。', 'label:二、主动公开政府信息情况第二十条第（一）项信息内容规章', 'value:000']);
  });

  it('reads the seed form: one cell per line, joined by the bar each ends in; bare bars end a row and are no cell (000)', () => {
    const input = '行政规范性文件 |\n0 |\n0 |\n40 |\n第二十条第(五)项 |\n|||\n信息内容 |\n';
    const cells = lexText(input, 'pipe-text');
    expect(view(cells)).toEqual(['label:行政规范性文件', 'value:0', 'value:0', 'value:40', 'label:第二十条第(五)项', 'label:信息内容']);
    expect(cells.map((c) => c.rowStart)).toEqual([true, false, false, false, false, true]);
    const forty = cells[3]!;
    expect(input.slice(forty.start, forty.end)).toBe('40');
  });

  it('reads markdown rows: empty cells are blanks, separator rows vanish (011)', () => {
    const input = '| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 |  |\n|---|---|\n| 2 | 3 |';
    const cells = lexText(input, 'markdown');
    expect(view(cells)).toEqual(['label:四、结转下年度继续办理', 'value:1', 'value:0', 'value:0', 'value:0', 'value:0', 'value:0', 'blank:', 'value:2', 'value:3']);
    expect(cells.filter((c) => c.rowStart).map((c) => c.text)).toEqual(['四、结转下年度继续办理', '2']);
  });

  it('marks page numbers as breaks and joins a label broken by one stray space (031)', () => {
    const input = '（二）部分公开（区分处理的，只计这一情 形，不\n- 4 -\n4 0 0 0 0 0 4';
    const cells = lexText(input);
    expect(view(cells)).toEqual(['label:（二）部分公开（区分处理的，只计这一情 形，不', 'break:- 4 -', 'value:4', 'value:0', 'value:0', 'value:0', 'value:0', 'value:0', 'value:4']);
  });

  it('gives aligned text its display columns, wide characters counting two (031 layout)', () => {
    const line = '规章               0          0       0';
    const cells = lexText(line);
    expect(cells.map((c) => c.x)).toEqual([0, 19, 30, 38]);
  });

  it('reads tab-separated cells, keeping empty ones as blanks', () => {
    expect(view(lexText('规章\t1\t\t3'))).toEqual(['label:规章', 'value:1', 'blank:', 'value:3']);
  });
});

describe('MediaWiki table text', () => {
  it('`|-` alone on its line parts rows; `| -` is a dash cell', () => {
    const cells = lexText('{|\n| 规章\n| 0\n| -\n|-\n| 行政规范性文件\n| 62\n|}\n', 'markdown');
    const texts = cells.filter((c) => c.kind !== 'blank').map((c) => `${c.rowStart ? '/' : ''}${c.text}`);
    expect(texts).not.toContain('/-');
    expect(texts.filter((t) => t === '-' || t === '/-')).toHaveLength(1);
    expect(cells.find((c) => c.text === '行政规范性文件')?.rowStart).toBe(true);
  });

  it('a page of <div>s around tables written a cell a line is read as text, not as HTML without tables', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `| ${i}`).join('\n');
    expect(detectForm(`<div class="a">\n<span>x</span>\n<p>y</p>\n{|\n${rows}\n|}\n</div>`)).toBe('markdown');
    expect(detectForm(`<div class="a">\n<span>x</span>\n<p>y</p>\n<table><tr><td>1</td></tr></table>\n{|\n${rows}\n|}\n</div>`)).toBe('html');
  });
});

describe('stacked text (a cell a line)', () => {
  it('a label with a number after a space is the label and the row\'s first cell; an item number inside stays label', () => {
    const cells = lexText('二、上年结转政府信息公开申请数量 0\n\n0\n\n（三）不 1.属于国家秘 0\n\n2019年\n', 'stacked-text');
    expect(cells.map((c) => `${c.kind}:${c.text}`)).toEqual(['label:二、上年结转政府信息公开申请数量', 'value:0', 'value:0', 'label:（三）不 1.属于国家秘', 'value:0', 'label:2019年']);
  });
});

describe('separated text: a label and a number in one piece', () => {
  it('`计其他情形） 4\t0\t…` is the label and the row\'s first cell', () => {
    const cells = lexText('（二）部分公开（区分处理的，只计这一情\t形，不\n计其他情形） 4\t0\t0\t0\t0\t0\t4\n', 'tab-text');
    const values = cells.filter((c) => c.kind === 'value').map((c) => c.text);
    expect(values).toEqual(['4', '0', '0', '0', '0', '0', '4']);
  });
});
