// HTML → cells with cheerio: tables become grids (colspan/rowspan expanded, covered slots marked
// `span`), everything else becomes one label cell per block. cheerio runs htmlparser2 here (forgiving,
// several times faster than parse5 on these pages), whose node indices give every cell's offsets.
import * as cheerio from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { type Cell, isValueText, makeCell } from './cell.js';
import { flattenDeepNesting } from './nesting.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'select', 'option', 'button', 'head']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'blockquote', 'pre', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'table', 'tr', 'center', 'form', 'figure', 'figcaption',
  'caption', 'address', 'body', 'html',
]);
/** Bounds that keep a hostile `colspan="100000"` from allocating a huge grid. */
const MAX_SPAN = 1000;
const MAX_GRID_SLOTS = 2_000_000;
/** Grid slots per character of a table's HTML: spans cannot turn a few KB into millions of cells. */
const SLOTS_PER_CHAR = 16;

export interface HtmlLex {
  cells: Cell[];
  /** The document as plain text, one block per line: what meta and sections are read from. */
  text: string;
  /** The page's own title (`<meta name="ArticleTitle">`, else `<title>`). */
  title?: string;
  /** The page's publication date (`<meta name="PubDate">`), when it declares one. */
  published?: string;
}

export function lexHtml(html: string): HtmlLex {
  // Same length, so every node's offsets are offsets into `html`.
  const $ = cheerio.load(flattenDeepNesting(html), { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true } });
  const root = $.root()[0]!;
  const facts = pageFacts(root);
  const out = new HtmlWalker(facts.layoutTables);
  out.walk(root);
  out.flush();
  const title = metaTitle(facts);
  const published = facts.pubDate?.attribs['content']?.trim();
  return { cells: out.cells, text: out.lines.join('\n'), ...(title ? { title } : {}), ...(published ? { published } : {}) };
}

/** `<meta name="ArticleTitle" content>`, else the first `<title>`'s text. */
function metaTitle(facts: PageFacts): string | undefined {
  const article = facts.articleTitle?.attribs['content']?.trim();
  if (article) return article;
  const title = facts.title ? textContent(facts.title).trim() : '';
  return title || undefined;
}

class HtmlWalker {
  cells: Cell[] = [];
  lines: string[] = [];
  private buffer = '';
  private bufStart = -1;
  private bufEnd = -1;

  constructor(private readonly layoutTables: Set<AnyNode>) {}

  /** Iterative depth-first walk: 20,000 nested `<div>`s must not overflow the stack. */
  walk(root: AnyNode): void {
    // Nodes to visit and whether each is the way out of an element: two arrays, no object per node.
    const nodes: AnyNode[] = [root];
    const exits: boolean[] = [false];
    while (nodes.length) {
      const node = nodes.pop()!;
      const exit = exits.pop()!;
      if (node.type === 'text') {
        this.addText((node as unknown as { data: string }).data, node.startIndex, node.endIndex);
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'root') continue;
      const el = node as Element;
      const name = node.type === 'root' ? 'root' : el.name.toLowerCase();
      if (SKIP.has(name)) continue;
      if (exit) {
        if (BLOCK.has(name)) this.flush();
        continue;
      }
      if (name === 'table' && !this.layoutTables.has(el)) {
        this.flush();
        this.table(el);
        continue;
      }
      if (BLOCK.has(name)) this.flush();
      nodes.push(node);
      exits.push(true);
      const children = el.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) {
        nodes.push(children[i]!);
        exits.push(false);
      }
    }
  }

  private addText(data: string, start: number | null, end: number | null): void {
    if (data.trim() === '') {
      if (this.buffer) this.buffer += ' ';
      return;
    }
    if (this.bufStart < 0 && start !== null) this.bufStart = start;
    // htmlparser2's end index is inclusive.
    if (end !== null) this.bufEnd = end + 1;
    this.buffer += data;
  }

  flush(): void {
    const text = this.buffer.replace(/\s+/g, ' ').trim();
    if (text) {
      this.lines.push(text);
      const start = Math.max(0, this.bufStart);
      const end = Math.max(start, this.bufEnd);
      this.cells.push(makeCell(isValueText(text) ? 'value' : 'label', text, start, end, true));
    }
    this.buffer = '';
    this.bufStart = -1;
    this.bufEnd = -1;
  }

  /** Expands a table into a grid and emits it row by row. */
  private table(table: Element): void {
    const rows = collectRows(table);
    const grid: (Element | null | undefined)[][] = [];
    // Each table's own size bounds its grid, so a span bomb cannot starve the report's tables.
    let slotsLeft = Math.min(MAX_GRID_SLOTS, 1024 + SLOTS_PER_CHAR * ((table.endIndex ?? 0) - (table.startIndex ?? 0)));
    for (let r = 0; r < rows.length; r++) {
      grid[r] ??= [];
      let c = 0;
      for (const td of rows[r]!.children) {
        if (td.type !== 'tag') continue;
        const tag = (td as Element).name.toLowerCase();
        if (tag !== 'td' && tag !== 'th') continue;
        while (grid[r]![c] !== undefined) c++;
        const colspan = spanAttr(td as Element, 'colspan');
        const rowspan = Math.min(spanAttr(td as Element, 'rowspan'), rows.length - r);
        // Out of slots: the rest of this row is dropped.
        if ((slotsLeft -= colspan * rowspan) < 0) break;
        for (let dr = 0; dr < rowspan; dr++) {
          const row = (grid[r + dr] ??= []);
          for (let dc = 0; dc < colspan; dc++) row[c + dc] = dr === 0 && dc === 0 ? (td as Element) : null;
        }
        c += colspan;
      }
    }
    const lineParts: string[] = [];
    for (const row of grid) {
      if (!row) continue;
      let first = true;
      lineParts.length = 0;
      for (let c = 0; c < row.length; c++) {
        const slot = row[c];
        if (slot === undefined) continue;
        if (slot === null) {
          this.cells.push(makeCell('span', '', 0, 0, first));
        } else {
          const cell = this.cellOf(slot, first);
          this.cells.push(cell);
          if (cell.text) lineParts.push(cell.text);
        }
        first = false;
      }
      if (lineParts.length) this.lines.push(lineParts.join(' | '));
    }
  }

  private cellOf(td: Element, rowStart: boolean): Cell {
    // An empty `<td></td>` is most cells of a sparse table: no text to fold, nothing to allocate for it.
    if (td.children.length === 0) {
      const start = td.startIndex ?? 0;
      return makeCell('blank', '', start, Math.max(start, (td.endIndex ?? start) + 1), rowStart);
    }
    const inner = textOf(td);
    const text = inner.text.replace(/\s+/g, ' ').trim();
    const kind = text === '' ? 'blank' : isValueText(text) ? 'value' : 'label';
    // The cell's offsets are those of its text (`62` in `<td><p><span>62</span></p></td>`).
    const start = inner.start ?? td.startIndex ?? 0;
    const end = inner.end ?? (td.endIndex ?? start) + 1;
    return makeCell(kind, text, start, Math.max(start, end), rowStart);
  }
}

/** Every text below a node, in order (as domutils' textContent, which cheerio's text() is): iterative, for deep pages. */
function textContent(node: AnyNode): string {
  let out = '';
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (Object.prototype.hasOwnProperty.call(n, 'children') && n.type !== 'comment') {
      const children = (n as Element).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else if (n.type === 'text') out += (n as unknown as { data: string }).data;
  }
  return out;
}

/** The rows of a table in order, through thead/tbody/tfoot, without entering nested tables. */
function collectRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'tag') continue;
    const name = (child as Element).name.toLowerCase();
    if (name === 'tr') rows.push(child as Element);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot')
      for (const tr of (child as Element).children) if (tr.type === 'tag' && (tr as Element).name.toLowerCase() === 'tr') rows.push(tr as Element);
  }
  return rows;
}

function spanAttr(el: Element, name: string): number {
  const n = Number.parseInt(el.attribs[name] ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * A cell's text — `<br>`, `<p>`, `<span>` and Word's `<o:p>` fold into one string (SPEC D7) — and
 * the offsets from its first to its last non-blank text.
 */
function textOf(root: Element): { text: string; start: number | undefined; end: number | undefined } {
  let text = '';
  let start: number | undefined;
  let end: number | undefined;
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      text += data;
      if (data.trim() !== '' && node.startIndex !== null && node.endIndex !== null) {
        start ??= node.startIndex;
        end = node.endIndex + 1;
      }
    } else if (node.type === 'tag') {
      if (SKIP.has((node as Element).name.toLowerCase())) continue;
      const children = (node as Element).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return { text, start, end };
}

/** What the page says about itself besides its text, found in one pass over every node. */
interface PageFacts {
  /** Tables that contain other tables: page layout, not report tables. */
  layoutTables: Set<AnyNode>;
  /** The first `<meta name="ArticleTitle">`, `<title>` and `<meta name="PubDate|pubdate|publishdate">`, in document order. */
  articleTitle?: Element;
  title?: Element;
  pubDate?: Element;
}

const PUB_DATE_NAMES = new Set(['PubDate', 'pubdate', 'publishdate']);

/** One depth-first pass: elements are looked at on the way in (document order), tables on the way out. */
function pageFacts(root: AnyNode): PageFacts {
  const facts: PageFacts = { layoutTables: new Set() };
  const containsTable = new Set<AnyNode>();
  const nodes: AnyNode[] = [root];
  const exits: boolean[] = [false];
  while (nodes.length) {
    const node = nodes.pop()!;
    const exit = exits.pop()!;
    const children = (node as Element).children;
    if (!children) continue;
    if (!exit) {
      if (node.type === 'tag') noteElement(node as Element, facts);
      nodes.push(node);
      exits.push(true);
      for (let i = children.length - 1; i >= 0; i--) {
        nodes.push(children[i]!);
        exits.push(false);
      }
      continue;
    }
    let nested = false;
    for (const child of children) if (containsTable.has(child)) nested = true;
    const isTable = node.type === 'tag' && (node as Element).name.toLowerCase() === 'table';
    if (isTable && nested) facts.layoutTables.add(node);
    if (isTable || nested) containsTable.add(node);
  }
  return facts;
}

/** The selectors `meta[name="ArticleTitle"]`, `title` and `meta[name="PubDate"], …`: the first element each matches. */
function noteElement(el: Element, facts: PageFacts): void {
  if (el.name === 'title') facts.title ??= el;
  else if (el.name === 'meta') {
    const name = el.attribs['name'];
    if (name === 'ArticleTitle') facts.articleTitle ??= el;
    else if (name !== undefined && PUB_DATE_NAMES.has(name)) facts.pubDate ??= el;
  }
}
