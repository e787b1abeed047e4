// HTML as a stream of element and text events, with no DOM: htmlparser2's tokenizer, and the rules by
// which its Parser and domhandler (what cheerio ran here before) build the tree — implied end tags,
// void elements, a `</p>` or `</br>` with no element to close, foreign content (svg, math), adjacent
// text merged into one node, and every offset — followed exactly, so the lexer sees the tree they
// built, node for node. The Parser's open-element stack is kept top-last (it shifted and unshifted);
// attributes are read only of the elements a lexer asks for.
import { Tokenizer } from 'htmlparser2';

/** What the events go to. `end` offsets are inclusive, as htmlparser2's. */
export interface HtmlSink {
  /** An element opens; `attribs` only for the names `wantsAttribs` accepts. */
  open(name: string, start: number, attribs: Readonly<Record<string, string>> | undefined): void;
  /** The element opened last and not closed yet closes (domhandler's rule: by position, not name). */
  close(end: number): void;
  /** A run of text between two other events, entities decoded. */
  text(data: string, start: number, end: number): void;
}

const P = new Set(['p']);
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);
const DDT = new Set(['dd', 'dt']);
const RTP = new Set(['rt', 'rp']);
/** htmlparser2's implied end tags: opening the key closes open elements of its set on top of the stack. */
const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((name) => [name, P] as const),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name) => [name, FORM_TAGS] as const),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DDT],
  ['dt', DDT],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (name) => [name, P] as const,
  ),
  ['rt', RTP],
  ['rp', RTP],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
]);
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const FOREIGN = new Set(['math', 'svg']);
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** Reads `html` into `sink`; `wantsAttribs(name)` says which elements' attributes are read. */
export function readHtml(html: string, sink: HtmlSink, wantsAttribs: (name: string) => boolean): void {
  const reader = new HtmlReader(html, sink, wantsAttribs);
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, reader);
  tokenizer.write(html);
  tokenizer.end();
}

/** The tokenizer's callbacks: htmlparser2's Parser, with domhandler's text merging, as events. */
class HtmlReader {
  private startIndex = 0;
  private endIndex = 0;
  private openTagStart = 0;
  private tagname = '';
  private attribname = '';
  private attribvalue = '';
  /** The attributes of the tag being read, when its name is wanted; null otherwise. */
  private attribs: Record<string, string> | null = null;
  /** True between a tag's name and its end: the tag is open (htmlparser2 makes `this.attribs = {}`). */
  private inTag = false;
  /** Open elements, innermost last. */
  private readonly stack: string[] = [];
  /** Whether each foreign-content scope is foreign, innermost last. */
  private readonly foreignContext: boolean[] = [false];
  /** Text not yet given to the sink: adjacent text nodes merge until another event comes. */
  private pending = '';
  private pendingStart = -1;
  private pendingEnd = -1;
  /** Elements the sink has open (domhandler's stack); the Parser may close more at the end, of tags it never finished. */
  private depth = 0;

  constructor(
    private readonly html: string,
    private readonly sink: HtmlSink,
    private readonly wantsAttribs: (name: string) => boolean,
  ) {}

  ontext(start: number, endIndex: number): void {
    this.endIndex = endIndex - 1;
    this.addText(this.html.slice(start, endIndex));
    this.startIndex = endIndex;
  }

  ontextentity(cp: number, endIndex: number): void {
    this.endIndex = endIndex - 1;
    this.addText(String.fromCodePoint(cp));
    this.startIndex = endIndex;
  }

  onopentagname(start: number, endIndex: number): void {
    this.endIndex = endIndex;
    this.emitOpenTag(this.html.slice(start, endIndex).toLowerCase());
  }

  onopentagend(endIndex: number): void {
    this.endIndex = endIndex;
    this.endOpenTag();
    this.startIndex = endIndex + 1;
  }

  onclosetag(start: number, endIndex: number): void {
    this.endIndex = endIndex;
    const name = this.html.slice(start, endIndex).toLowerCase();
    if (FOREIGN.has(name) || HTML_INTEGRATION.has(name)) this.foreignContext.pop();
    if (!VOID.has(name)) {
      const pos = this.stack.lastIndexOf(name);
      if (pos !== -1) while (this.stack.length > pos) this.closeTop();
      else if (name === 'p') {
        this.emitOpenTag('p');
        this.closeCurrentTag();
      }
    } else if (name === 'br') {
      this.open('br', this.wantsAttribs('br') ? {} : undefined);
      this.close();
    }
    this.startIndex = endIndex + 1;
  }

  onselfclosingtag(endIndex: number): void {
    this.endIndex = endIndex;
    if (this.foreignContext[this.foreignContext.length - 1]) {
      this.closeCurrentTag();
      this.startIndex = endIndex + 1;
    } else this.onopentagend(endIndex);
  }

  onattribname(start: number, endIndex: number): void {
    this.startIndex = start;
    if (this.attribs) this.attribname = this.html.slice(start, endIndex).toLowerCase();
  }

  onattribdata(start: number, endIndex: number): void {
    if (this.attribs) this.attribvalue += this.html.slice(start, endIndex);
  }

  onattribentity(cp: number): void {
    if (this.attribs) this.attribvalue += String.fromCodePoint(cp);
  }

  onattribend(_quote: number, endIndex: number): void {
    this.endIndex = endIndex;
    // The first of two attributes with one name wins.
    if (this.attribs && !Object.prototype.hasOwnProperty.call(this.attribs, this.attribname)) this.attribs[this.attribname] = this.attribvalue;
    this.attribvalue = '';
  }

  ondeclaration(_start: number, endIndex: number): void {
    this.other(endIndex);
  }

  onprocessinginstruction(_start: number, endIndex: number): void {
    this.other(endIndex);
  }

  oncomment(_start: number, endIndex: number): void {
    this.other(endIndex);
  }

  /** In HTML, CDATA is a comment. */
  oncdata(_start: number, endIndex: number): void {
    this.other(endIndex);
  }

  onend(): void {
    this.endIndex = this.startIndex;
    for (let i = this.stack.length - 1; i >= 0; i--) this.close();
    this.flushText();
  }

  /** A comment, declaration or processing instruction: a node between texts, which the lexer ignores. */
  private other(endIndex: number): void {
    this.endIndex = endIndex;
    this.flushText();
    this.startIndex = endIndex + 1;
  }

  private emitOpenTag(name: string): void {
    this.openTagStart = this.startIndex;
    this.tagname = name;
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose) while (this.stack.length > 0 && impliesClose.has(this.stack[this.stack.length - 1]!)) this.closeTop();
    if (!VOID.has(name)) {
      this.stack.push(name);
      if (FOREIGN.has(name)) this.foreignContext.push(true);
      else if (HTML_INTEGRATION.has(name)) this.foreignContext.push(false);
    }
    this.inTag = true;
    this.attribs = this.wantsAttribs(name) ? {} : null;
  }

  private endOpenTag(): void {
    this.startIndex = this.openTagStart;
    if (this.inTag) {
      this.open(this.tagname, this.attribs ?? undefined);
      this.inTag = false;
      this.attribs = null;
    }
    if (VOID.has(this.tagname)) this.close();
    this.tagname = '';
  }

  private closeCurrentTag(): void {
    const name = this.tagname;
    this.endOpenTag();
    if (this.stack[this.stack.length - 1] === name) {
      this.close();
      this.stack.pop();
    }
  }

  private closeTop(): void {
    this.stack.pop();
    this.close();
  }

  private open(name: string, attribs: Record<string, string> | undefined): void {
    this.flushText();
    this.depth++;
    this.sink.open(name, this.startIndex, attribs);
  }

  private close(): void {
    this.flushText();
    if (this.depth === 0) return;
    this.depth--;
    this.sink.close(this.endIndex);
  }

  private addText(data: string): void {
    if (this.pendingStart < 0) {
      this.pendingStart = this.startIndex;
      this.pending = data;
    } else this.pending += data;
    this.pendingEnd = this.endIndex;
  }

  private flushText(): void {
    if (this.pendingStart < 0) return;
    this.sink.text(this.pending, this.pendingStart, this.pendingEnd);
    this.pending = '';
    this.pendingStart = -1;
  }
}
