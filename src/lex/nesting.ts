// Deeply nested HTML, flattened before parsing. htmlparser2 keeps its open elements in an array it
// shifts and unshifts, and domutils' search does the same: each costs O(depth) per tag once the
// depth passes ~10,000, so 40,000 nested <div>s took seconds and the curve bent upwards. No page nests
// its text hundreds of levels deep, so tags past those depths are blanked — replaced by spaces of the
// same length, so every offset into the input stays where it was.

/** Past this depth, containers are blanked; table structure, paragraphs and line breaks are kept. */
const SOFT_DEPTH = 256;
/** Past this depth, every tag is blanked. */
const HARD_DEPTH = 1024;

/** Tags that carry a report's structure: kept until HARD_DEPTH. */
const KEEP = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'p', 'br', 'html', 'body', 'head']);
/** Elements whose content is text, not tags (as htmlparser2 reads them). */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);
/** Elements that never have content, so never nest. */
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** htmlparser2's implied closes: opening the key closes an open element of the set on top. */
const P = ['p'];
const IMPLIES_CLOSE: ReadonlyMap<string, readonly string[]> = new Map([
  ['tr', ['tr', 'th', 'td']],
  ['th', ['th']],
  ['td', ['thead', 'th', 'td']],
  ['li', ['li']],
  ['option', ['option']],
  ['dd', ['dd', 'dt']],
  ['dt', ['dd', 'dt']],
  ['tbody', ['thead', 'tbody']],
  ['tfoot', ['thead', 'tbody']],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (name) => [name, P] as [string, readonly string[]],
  ),
]);

/** The HTML with tags nested past SOFT_DEPTH / HARD_DEPTH blanked; the same string when none is. */
export function flattenDeepNesting(html: string): string {
  if (!mayNestDeeply(html)) return html;
  const stack: string[] = [];
  const open = new Map<string, number>();
  /** Blanked opening tags not closed yet, by name: their closing tags are blanked too. */
  const blankedOpen = new Map<string, number>();
  const blanks: number[] = [];
  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const pop = () => {
    const name = stack.pop()!;
    open.set(name, open.get(name)! - 1);
  };
  const next = new NextChar(html);
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : html.indexOf('<', end + 3);
      continue;
    }
    const c = html.charCodeAt(i + 1);
    if (c === 0x21 || c === 0x3f) {
      // <!doctype …>, <![CDATA[ …]]>, <?xml …?>
      const end = html.indexOf('>', i + 2);
      i = end < 0 ? html.length : html.indexOf('<', end + 1);
      continue;
    }
    const closing = c === 0x2f;
    const nameStart = i + (closing ? 2 : 1);
    let j = nameStart;
    while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
    if (j === nameStart || !isLetter(html.charCodeAt(nameStart))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const name = tagName(html, nameStart, j);
    const end = tagEnd(html, j, next);
    if (closing) {
      const blanked = blankedOpen.get(name) ?? 0;
      if (blanked > 0) {
        blankedOpen.set(name, blanked - 1);
        blanks.push(i, end);
      } else if ((open.get(name) ?? 0) > 0) {
        while (stack[stack.length - 1] !== name) pop();
        pop();
      }
    } else if (RAW_TEXT.has(name)) {
      // Never nests; its content is skipped to its closing tag.
      const close = indexOfCaseless(html, `</${name}`, end);
      i = close < 0 ? html.length : close;
      continue;
    } else if (!VOID.has(name)) {
      const depth = stack.length;
      if (depth >= HARD_DEPTH || (depth >= SOFT_DEPTH && !KEEP.has(name))) {
        blankedOpen.set(name, (blankedOpen.get(name) ?? 0) + 1);
        blanks.push(i, end);
      } else {
        const closes = IMPLIES_CLOSE.get(name);
        while (closes && stack.length && closes.includes(stack[stack.length - 1]!)) pop();
        push(name);
      }
    }
    i = html.indexOf('<', end);
  }
  if (!blanks.length) return html;
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < blanks.length; k += 2) {
    parts.push(html.slice(from, blanks[k]), ' '.repeat(blanks[k + 1]! - blanks[k]!));
    from = blanks[k + 1]!;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

/** Fewer opening tags than SOFT_DEPTH cannot nest that deep. */
function mayNestDeeply(html: string): boolean {
  let n = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) if (html.charCodeAt(i + 1) !== 0x2f && ++n >= SOFT_DEPTH) return true;
  return false;
}

/**
 * The index after a tag's `>`, skipping quoted attribute values (a quote opens one only right after
 * `=` and spaces); the end of the input if there is none. It jumps from `>` to quote by indexOf.
 */
function tagEnd(html: string, from: number, next: NextChar): number {
  let k = from;
  for (;;) {
    const gt = next.find(GT, k);
    const dq = next.find(DQ, k);
    const sq = next.find(SQ, k);
    const q = Math.min(dq, sq);
    if (gt < q) return gt + 1;
    if (q === NONE) return html.length;
    if (!afterEquals(html, from, q)) {
      k = q + 1;
      continue;
    }
    const close = next.find(html.charCodeAt(q) === 0x22 ? DQ : SQ, q + 1);
    if (close === NONE) return html.length;
    k = close + 1;
  }
}

/** Whether the last character before `at` (and from `from` on) that is not a space is `=`. */
function afterEquals(html: string, from: number, at: number): boolean {
  for (let k = at - 1; k >= from; k--) {
    const c = html.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c === 0x3d;
  }
  return false;
}

const GT = 0;
const DQ = 1;
const SQ = 2;
const NONE = Number.MAX_SAFE_INTEGER;
const SOUGHT = ['>', '"', "'"];

/**
 * The next `>`, `"` and `'` at or after an offset, by indexOf. The scan only moves forward, so each
 * is looked for again only once passed: linear in all, even with no quote in the rest of the page.
 */
class NextChar {
  private readonly at = [-1, -1, -1];
  constructor(private readonly html: string) {}

  find(which: number, from: number): number {
    let at = this.at[which]!;
    if (at !== NONE && at < from) {
      const found = this.html.indexOf(SOUGHT[which]!, from);
      at = found < 0 ? NONE : found;
      this.at[which] = at;
    }
    return at;
  }
}

/** The tag's name lowercased; most are lowercase already, and need no new string folded. */
function tagName(html: string, from: number, to: number): string {
  for (let k = from; k < to; k++) {
    const c = html.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) return html.slice(from, to).toLowerCase();
  }
  return html.slice(from, to);
}

function indexOfCaseless(html: string, needle: string, from: number): number {
  const lower = needle.toLowerCase();
  for (let k = html.indexOf('</', from); k >= 0; k = html.indexOf('</', k + 2)) {
    if (html.slice(k, k + lower.length).toLowerCase() === lower) return k;
  }
  return -1;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a || c === 0x5f;
}
