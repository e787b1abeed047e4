// The PDF lexer on pages made by hand: what the rules and the positions of the text decide.
import { describe, expect, it } from 'vitest';
import { lexPdf } from '../../src/lex/pdf/pages.js';
import type { PdfPage, PdfSegment, PdfText } from '../../src/input/pdf/types.js';
import { foldRadicals } from '../../grammars/vocabulary/fold.js';
import { drawnSegments } from '../../src/input/pdf/drawing.js';

const text = (t: string, x: number, y: number, w = t.length * 10): PdfText => ({ text: t, x0: x, y0: y, x1: x + w, y1: y + 10, vertical: false });
const h = (y: number, x0: number, x1: number): PdfSegment => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): PdfSegment => ({ x0: x, y0, x1: x, y1 });
const page = (texts: PdfText[], segments: PdfSegment[] = [], number = 1): PdfPage => ({ number, width: 595, height: 842, texts, segments });
const rows = (p: PdfPage[]) =>
  lexPdf(p)
    .cells.reduce<string[][]>((out, c) => {
      if (c.rowStart) out.push([]);
      out[out.length - 1]!.push(c.kind === 'span' ? '<span>' : c.kind === 'blank' ? '<blank>' : c.unreadable ? `<unreadable ${c.text}>` : c.text);
      return out;
    }, []);

/** A 3×3 grid from x 100 to 400 and y 700 down to 600 (rows 700–666.7–633.3–600), minus the rules left out. */
function grid(omit: (s: PdfSegment) => boolean = () => false): PdfSegment[] {
  const xs = [100, 200, 300, 400];
  const ys = [700, 666, 633, 600];
  const out: PdfSegment[] = [];
  for (const y of ys) for (let i = 0; i < 3; i++) out.push(h(y, xs[i]!, xs[i + 1]!));
  for (const x of xs) for (let i = 0; i < 3; i++) out.push(v(x, ys[i + 1]!, ys[i]!));
  return out.filter((s) => !omit(s));
}

describe('ruled tables', () => {
  it('a slot whose inner rule is missing is a span; an empty cell is blank; an item across a rule is cut', () => {
    // No rule between (row 0, col 1) and (row 0, col 2): a colspan. Row 2 col 1 left empty.
    const segments = grid((s) => s.x0 === 300 && s.x1 === 300 && s.y1 === 700);
    const texts = [text('申请人', 110, 680), text('法人', 250, 680), text('自然人', 110, 645), text('7', 210, 645), text('9', 310, 645), text('合计', 110, 610), text('3   4', 290, 610, 30)];
    expect(rows([page(texts, segments)])).toEqual([
      ['申请人', '法人', '<span>'],
      ['自然人', '7', '9'],
      ['合计', '3', '4'],
    ]);
    const empty = texts.filter((t) => t.text !== '7');
    expect(rows([page(empty, segments)])[1]).toEqual(['自然人', '<blank>', '9']);
  });

  it('an underline under a label does not cut its cell in two', () => {
    const texts = [text('一、本年新收', 110, 650), text('申请数量', 110, 638), text('5', 210, 645), text('6', 310, 645)];
    const plain = rows([page(texts, grid())]);
    const underlined = rows([page(texts, [...grid(), h(648, 110, 170)])]);
    expect(underlined).toEqual(plain);
    expect(plain[1]).toEqual(['一、本年新收申请数量', '5', '6']);
  });

  it('a row cut by a page break is one row; the page number between is a break', () => {
    // Page 1 ends inside the last row (no rule under it); page 2 goes on with no rule above.
    const first = [...grid((s) => s.y0 === 600 && s.y1 === 600), v(100, 560, 600), v(200, 560, 600), v(300, 560, 600), v(400, 560, 600)];
    const second = [h(760, 100, 400), h(720, 100, 400), ...[100, 200, 300, 400].map((x) => v(x, 720, 800))];
    const texts1 = [text('a', 110, 680), text('b', 210, 680), text('c', 310, 680), text('d', 110, 645), text('1', 210, 645), text('2', 310, 645), text('结', 110, 580), text('- 1 -', 280, 30, 40)];
    const texts2 = [text('果', 110, 780), text('8', 210, 780), text('e', 110, 735), text('5', 210, 735), text('6', 310, 735), text('- 2 -', 280, 30, 40)];
    const lexed = lexPdf([page(texts1, first, 1), page(texts2, second, 2)]);
    expect(lexed.text.split('\n')).toEqual(['a | b | c', 'd | 1 | 2', '结果 | 8', 'e | 5 | 6']);
    expect(lexed.cells.filter((c) => c.kind === 'break').map((c) => c.text)).toEqual(['- 1 -', '- 2 -']);
  });
});

describe('a ruled table wider than the page, cut at its edge', () => {
  /** Rules for columns at xs and rows at ys (top to bottom), every slot its own cell. */
  const ruled = (xs: number[], ys: number[]): PdfSegment[] => [
    ...ys.flatMap((y) => xs.slice(1).map((x, i) => h(y, xs[i]!, x))),
    ...xs.flatMap((x) => ys.slice(1).map((y, i) => v(x, y, ys[i]!))),
  ];
  // Labels 300–400; 自然人 400–480, 商业企业 480–560; the paper's edge (595) cuts 科研机构 after 科研.
  const segments = ruled([300, 400, 480, 560, 595], [700, 666, 633]);
  const values = [text('予以公开', 310, 645, 40), text('12', 430, 645, 10), text('3', 510, 645, 5)];

  it('names its visible columns by their headers: each value read in its column, the cut and the unprinted ones unreadable in place', () => {
    const texts = [text('自然人', 410, 680, 30), text('商业企业', 490, 680, 40), text('科研', 565, 680, 20), ...values];
    const lexed = lexPdf([page(texts, segments)]);
    const last = lexed.cells.slice(lexed.cells.map((c) => c.rowStart).lastIndexOf(true));
    // 科研 is the start of 科研机构: the edge runs through it; 社会公益组织 … 总计 are not in the file.
    expect(last.map((c) => (c.unreadable ? `<unreadable ${c.unprinted ? 'unprinted' : 'cut'}>` : c.text))).toEqual(['予以公开', '12', '3', '<unreadable cut>', ...Array(4).fill('<unreadable unprinted>')]);
    expect(last[3]!.unreadable).toContain('cuts through column 科研机构');
    expect(last[7]!.unreadable).toContain('column 总计 is past its edge');
  });

  it('cut at the left: the columns before the edge are unreadable cells at the start of the row, which stays one row', () => {
    // Section 四's last 12 columns from x 0 to 480; the edge cut 结果维持, 结果纠正, 其他结果 of 行政复议 away
    // and runs through its 尚未审结 (审结 left), whose 2 stops clear of the edge.
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const heads = [...outcomes, ...outcomes, ...outcomes].slice(3);
    const xs = heads.map((_, i) => i * 40).concat(480);
    const texts = [
      ...heads.map((h, i) => text(i === 0 ? '审结' : h, i * 40 + 2, 680, 36)),
      ...['2', '7', '8', '0', '0', '1', '9', '0', '0', '0', '0', '0'].map((n, i) => text(n, i * 40 + 15, 645, 5)),
    ];
    const lexed = rows([page(texts, ruled(xs, [700, 666, 633]))]);
    expect(lexed).toHaveLength(2);
    expect(lexed[1]).toEqual(['<unreadable >', '<unreadable >', '<unreadable >', '2', '7', '8', '0', '0', '1', '9', '0', '0', '0', '0', '0']);
  });

  it('headers that fit the template more than one way name nothing: every value unreadable, never a guess', () => {
    // 总计 alone could be the applications table's last column or any group's of section 四.
    const texts = [text('总计', 490, 680, 20), ...values];
    const last = rows([page(texts, segments)]).slice(-1)[0]!;
    expect(last).toEqual(['予以公开', '<unreadable 12>', '<unreadable 3>', '<unreadable >']);
  });
});

describe('cut tables, seeded: any grid at the paper\'s edge lexes without a throw, and every cut cell says which column', () => {
  it('400 seeded pages', () => {
    let seed = 20261204;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    let named = 0;
    const words = ['自然人', '商业企业', '科研', '法', '总计', '结果维持', '其他结果', '尚未审结', '本年增/减', '信息内容', '第二十条第（八）项', '予以公开', '持', ''];
    for (let run = 0; run < 400; run++) {
      const cols = 2 + Math.floor(next() * 10);
      const x0 = next() < 0.5 ? 0 : 20 + next() * 100;
      const width = 595;
      const x1 = next() < 0.6 ? width + next() * 120 : width - 20 - next() * 50;
      const xs = Array.from({ length: cols + 1 }, (_, i) => x0 + ((x1 - x0) * i) / cols);
      const rowsN = 2 + Math.floor(next() * 6);
      const ys = Array.from({ length: rowsN + 1 }, (_, i) => 780 - i * 30);
      const segments: PdfSegment[] = [];
      for (const y of ys) for (let i = 0; i < cols; i++) if (next() < 0.95) segments.push(h(y, xs[i]!, xs[i + 1]!));
      for (const x of xs) for (let i = 0; i < rowsN; i++) if (next() < 0.9) segments.push(v(x, ys[i + 1]!, ys[i]!));
      // Half the headers are a run of a template's labels (some missing), the others any words.
      const seq = pick([['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']]);
      const offset = Math.floor(next() * 4);
      const real = next() < 0.5;
      const texts: PdfText[] = [];
      for (let r = 0; r < rowsN; r++)
        for (let c = 0; c < cols; c++) {
          const head = real && c > 0 ? (next() < 0.8 ? (seq[offset + c - 1] ?? '') : '') : pick(words);
          const t = r === 0 ? head : c === 0 ? pick(words) : next() < 0.3 ? '' : String(Math.floor(next() * 1000));
          if (t) texts.push(text(t, xs[c]! + 2 + next() * 10, ys[r + 1]! + 8, t.length * 6));
        }
      const lexed = lexPdf([page(texts, segments), page(texts, segments, 2)]);
      for (const c of lexed.cells) if (c.unreadable) expect(c.unreadable).not.toContain('undefined');
      if (lexed.cells.some((c) => c.unreadable?.includes(' column '))) named++;
    }
    // The pages exercise the naming, not only the tables it gives up on.
    expect(named).toBeGreaterThan(20);
  });
});

describe('tables without rules', () => {
  const headers = [text('自然人', 200, 720, 30), text('企业', 260, 720, 20), text('其他', 320, 720, 20), text('总计', 380, 720, 20)];
  it('places each number by the column its header and the numbers below it print; a column blank in every row is found by its header', () => {
    const texts = [...headers, text('予以公开', 50, 690, 40), text('12', 205, 690, 10), text('3', 265, 690, 5), text('15', 385, 690, 10), text('不予公开', 50, 670, 40), text('1', 205, 670, 5), text('1', 385, 670, 5)];
    expect(rows([page(texts)]).slice(-2)).toEqual([
      ['予以公开', '12', '3', '<blank>', '15'],
      ['不予公开', '1', '<blank>', '<blank>', '1'],
    ]);
  });

  it('a number printed across two columns is not placed: an unreadable cell, never a guess', () => {
    const texts = [...headers, text('予以公开', 50, 690, 40), text('12', 205, 690, 10), text('3', 265, 690, 5), text('15', 385, 690, 10), text('不予公开', 50, 670, 40), text('1', 205, 670, 5), text('77', 295, 670, 15), text('1', 385, 670, 5)];
    const last = rows([page(texts)]).slice(-1)[0]!;
    expect(last[0]).toBe('不予公开');
    // 77 sits between 企业 and 其他, under neither header: both cells beside it are unreadable.
    expect(last).toEqual(['不予公开', '1', '<unreadable >', '<unreadable >', '1']);
  });
});

describe('text and drawing as pdf.js gives them', () => {
  it('radicals fold to the ideographs, one for one', () => {
    expect(foldRadicals('⾃然⼈ 省⼈⼤ ⼈⺠政府')).toBe('自然人 省人大 人民政府');
    expect(foldRadicals('⾃然⼈').length).toBe(3);
  });

  it('tracks the transform: q/cm/Q, a form XObject, thin filled rectangles as rules, white strokes as nothing', () => {
    const path = (...xy: number[]) => [new Float32Array(xy)];
    const ops = {
      fnArray: [10, 12, 91, 11, 91, 74, 91, 75, 58, 91],
      argsArray: [
        null,
        [2, 0, 0, 2, 10, 20], // cm: scale 2, move (10, 20)
        [20, path(0, 0, 0, 1, 50, 0), null], // a stroked line (0,0)–(50,0) → (10,20)–(110,20)
        null,
        [22, path(0, 100, 100, 1, 300, 100, 1, 300, 101, 1, 100, 101, 4), null], // a 1pt-thin filled rectangle → its centre line
        [[1, 0, 0, 1, 0, 500], null], // a form XObject moved up by 500
        [20, path(0, 5, 0, 1, 5, 40), null], // a vertical line inside the form
        null,
        ['#ffffff'],
        [20, path(0, 0, 0, 1, 9, 0), null], // white: draws nothing
      ],
    };
    expect(drawnSegments(ops)).toEqual([
      { x0: 10, y0: 20, x1: 110, y1: 20 },
      { x0: 100, y0: 100.5, x1: 300, y1: 100.5 },
      { x0: 5, y0: 500, x1: 5, y1: 540 },
    ]);
  });
});
