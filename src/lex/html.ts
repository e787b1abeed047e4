// HTML → cells in one pass over htmlparser2's events (./htmlEvents.ts), with no DOM of the page: text
// outside tables becomes one label cell per block as it streams by, and menus, scripts and footers
// cost their tokens and nothing more. Only a table is kept as a tree until it closes, because only
// then is it known whether it holds another table (page layout, read as blocks) or is a grid
// (colspan/rowspan expanded, covered slots marked `span`).
import { type Cell, isValueText, makeCell } from './cell.js';
import { readHtml, type HtmlSink } from './htmlEvents.js';
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
const PUB_DATE_NAMES = new Set(['PubDate', 'pubdate', 'publishdate']);

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
  const lexer = new HtmlLexer();
  // Same length, so every offset is an offset into `html`.
  readHtml(flattenDeepNesting(html), lexer, wantsAttribs);
  lexer.flush();
  const title = lexer.pageTitle();
  const published = lexer.pubDate?.trim();
  return { cells: lexer.cells, text: lexer.lines.join('\n'), ...(title ? { title } : {}), ...(published ? { published } : {}) };
}

/** Only cells' spans and the page's meta tags are read from attributes. */
function wantsAttribs(name: string): boolean {
  return name === 'td' || name === 'th' || name === 'meta';
}

/** An element or a text of a table kept until the table closes. `name` is '' for a text. */
class HtmlNode {
  /** Shared by every node without children until its first (most cells of a sparse table have none). */
  children: HtmlNode[] = NO_CHILDREN;
  /** A table that holds another table: page layout, read as blocks. */
  nested = false;
  constructor(
    readonly name: string,
    readonly start: number,
    /** Inclusive, as htmlparser2's. */
    public end: number,
    readonly data: string,
    readonly attribs: Readonly<Record<string, string>> | undefined,
  ) {}
}

const NO_CHILDREN: HtmlNode[] = [];

/** A node's child, given its own array on the first. */
function adopt(parent: HtmlNode, child: HtmlNode): void {
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else parent.children.push(child);
}

/** What closing an element means, by the state its opening left. */
const PLAIN = 0;
const BLOCK_EXIT = 1;
const SKIPPED = 2;
const KEPT = 3;

class HtmlLexer implements HtmlSink {
  cells: Cell[] = [];
  lines: string[] = [];
  /** `<meta name="ArticleTitle">`'s and the first PubDate meta's `content` (the first of each, document order). */
  articleTitle: string | undefined;
  pubDate: string | undefined;
  private articleTitleSeen = false;
  private pubDateSeen = false;
  /** The first `<title>`'s text, and how deep it is while it is open. */
  private title: string | undefined;
  private titleDepth = -1;

  private buffer = '';
  private bufStart = -1;
  private bufEnd = -1;
  /** Per open element, innermost last: what its closing does. */
  private readonly kinds: number[] = [];
  /** Open elements inside a skipped one (script, head, …), the skipped one included. */
  private skipDepth = 0;
  /** The open elements of the table being kept, innermost last; empty outside tables. */
  private readonly kept: HtmlNode[] = [];
  /** The kept tables that are open. */
  private readonly openTables: HtmlNode[] = [];

  open(name: string, start: number, attribs: Readonly<Record<string, string>> | undefined): void {
    if (name === 'title' && this.titleDepth < 0 && this.title === undefined) {
      this.titleDepth = this.kinds.length;
      this.title = '';
    } else if (name === 'meta' && attribs) this.noteMeta(attribs);
    // A table anywhere inside a kept table, even in a skipped element, makes it page layout.
    if (name === 'table') for (const t of this.openTables) t.nested = true;
    if (this.skipDepth > 0 || SKIP.has(name)) {
      this.skipDepth++;
      this.kinds.push(SKIPPED);
      return;
    }
    if (this.kept.length || name === 'table') {
      if (!this.kept.length) this.flush();
      const node = new HtmlNode(name, start, start, '', attribs);
      if (this.kept.length) adopt(this.kept[this.kept.length - 1]!, node);
      this.kept.push(node);
      if (name === 'table') this.openTables.push(node);
      this.kinds.push(KEPT);
      return;
    }
    if (BLOCK.has(name)) {
      this.flush();
      this.kinds.push(BLOCK_EXIT);
    } else this.kinds.push(PLAIN);
  }

  close(end: number): void {
    // domhandler closes the element on top, whatever the name.
    const kind = this.kinds.pop()!;
    if (this.kinds.length === this.titleDepth) this.titleDepth = -1;
    if (kind === SKIPPED) this.skipDepth--;
    else if (kind === KEPT) {
      const node = this.kept.pop()!;
      node.end = end;
      if (node.name === 'table') this.openTables.pop();
      if (!this.kept.length) this.keptTable(node);
    } else if (kind === BLOCK_EXIT) this.flush();
  }

  text(data: string, start: number, end: number): void {
    if (this.titleDepth >= 0) this.title += data;
    if (this.skipDepth > 0) return;
    if (this.kept.length) adopt(this.kept[this.kept.length - 1]!, new HtmlNode('', start, end, data, undefined));
    else this.addText(data, start, end);
  }

  /** `<meta name="ArticleTitle" content>`, else the first `<title>`'s text. */
  pageTitle(): string | undefined {
    const article = this.articleTitle?.trim();
    if (article) return article;
    const title = this.title?.trim() ?? '';
    return title || undefined;
  }

  /** The first meta of each name is the one read, with its content or without. */
  private noteMeta(attribs: Readonly<Record<string, string>>): void {
    const name = attribs['name'];
    if (name === 'ArticleTitle') {
      if (!this.articleTitleSeen) this.articleTitle = attribs['content'];
      this.articleTitleSeen = true;
    } else if (name !== undefined && PUB_DATE_NAMES.has(name)) {
      if (!this.pubDateSeen) this.pubDate = attribs['content'];
      this.pubDateSeen = true;
    }
  }

  /** A table closed: a grid, or page layout whose blocks and inner tables are read in order. */
  private keptTable(table: HtmlNode): void {
    if (table.nested) this.walk(table);
    else this.table(table);
  }

  /** Iterative depth-first walk of kept nodes: a layout table nested thousands deep must not overflow the stack. */
  private walk(root: HtmlNode): void {
    // Nodes to visit and whether each is the way out of an element: two arrays, no object per node.
    const nodes: HtmlNode[] = [root];
    const exits: boolean[] = [false];
    while (nodes.length) {
      const node = nodes.pop()!;
      const exit = exits.pop()!;
      if (node.name === '') {
        this.addText(node.data, node.start, node.end);
        continue;
      }
      if (exit) {
        if (BLOCK.has(node.name)) this.flush();
        continue;
      }
      if (node.name === 'table' && !node.nested) {
        this.flush();
        this.table(node);
        continue;
      }
      if (BLOCK.has(node.name)) this.flush();
      nodes.push(node);
      exits.push(true);
      const children = node.children;
      for (let i = children.length - 1; i >= 0; i--) {
        nodes.push(children[i]!);
        exits.push(false);
      }
    }
  }

  private addText(data: string, start: number, end: number): void {
    if (data.trim() === '') {
      if (this.buffer) this.buffer += ' ';
      return;
    }
    if (this.bufStart < 0) this.bufStart = start;
    // htmlparser2's end index is inclusive.
    this.bufEnd = end + 1;
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
  private table(table: HtmlNode): void {
    const rows = collectRows(table);
    const grid: (HtmlNode | null | undefined)[][] = [];
    // Each table's own size bounds its grid, so a span bomb cannot starve the report's tables.
    let slotsLeft = Math.min(MAX_GRID_SLOTS, 1024 + SLOTS_PER_CHAR * (table.end - table.start));
    for (let r = 0; r < rows.length; r++) {
      grid[r] ??= [];
      let c = 0;
      for (const td of rows[r]!.children) {
        if (td.name !== 'td' && td.name !== 'th') continue;
        while (grid[r]![c] !== undefined) c++;
        const colspan = spanAttr(td, 'colspan');
        const rowspan = Math.min(spanAttr(td, 'rowspan'), rows.length - r);
        // Out of slots: the rest of this row is dropped.
        if ((slotsLeft -= colspan * rowspan) < 0) break;
        for (let dr = 0; dr < rowspan; dr++) {
          const row = (grid[r + dr] ??= []);
          for (let dc = 0; dc < colspan; dc++) row[c + dc] = dr === 0 && dc === 0 ? td : null;
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
          const cell = cellOf(slot, first);
          this.cells.push(cell);
          if (cell.text) lineParts.push(cell.text);
        }
        first = false;
      }
      if (lineParts.length) this.lines.push(lineParts.join(' | '));
    }
  }
}

function cellOf(td: HtmlNode, rowStart: boolean): Cell {
  // An empty `<td></td>` is most cells of a sparse table: no text to fold, nothing to allocate for it.
  if (td.children.length === 0) return makeCell('blank', '', td.start, Math.max(td.start, td.end + 1), rowStart);
  const inner = textOf(td);
  const text = inner.text.replace(/\s+/g, ' ').trim();
  const kind = text === '' ? 'blank' : isValueText(text) ? 'value' : 'label';
  // The cell's offsets are those of its text (`62` in `<td><p><span>62</span></p></td>`).
  const start = inner.start ?? td.start;
  const end = inner.end ?? td.end + 1;
  return makeCell(kind, text, start, Math.max(start, end), rowStart);
}

/** The rows of a table in order, through thead/tbody/tfoot, without entering nested tables. */
function collectRows(table: HtmlNode): HtmlNode[] {
  const rows: HtmlNode[] = [];
  for (const child of table.children) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') for (const tr of child.children) if (tr.name === 'tr') rows.push(tr);
  }
  return rows;
}

function spanAttr(el: HtmlNode, name: string): number {
  const n = Number.parseInt(el.attribs?.[name] ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * A cell's text — `<br>`, `<p>`, `<span>` and Word's `<o:p>` fold into one string (SPEC D7) — and
 * the offsets from its first to its last non-blank text. Skipped elements were never kept.
 */
function textOf(root: HtmlNode): { text: string; start: number | undefined; end: number | undefined } {
  let text = '';
  let start: number | undefined;
  let end: number | undefined;
  const stack: HtmlNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.name === '') {
      text += node.data;
      if (node.data.trim() !== '') {
        start ??= node.start;
        end = node.end + 1;
      }
      continue;
    }
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { text, start, end };
}
