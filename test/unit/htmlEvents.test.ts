// Property: the HTML lexer's events (src/lex/htmlEvents.ts) describe the very tree htmlparser2's Parser
// and domhandler build — what cheerio gave the lexer before — node for node, offsets included: on the
// corpus pages and on seeded tag soup made of what parse5 and htmlparser2 disagree on (implied end
// tags, `<p>` in tables, `</br>`, entities, comments, CDATA, foreign content, unclosed tags at the end).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { readHtml } from '../../src/lex/htmlEvents.js';

const WANTED = new Set(['td', 'th', 'meta']);

/** The events as lines: what readHtml gives. */
function events(html: string): string[] {
  const out: string[] = [];
  readHtml(
    html,
    {
      open: (name, start, attribs) => out.push(`open ${name} ${start} ${attribs ? JSON.stringify(attribs) : ''}`),
      close: (end) => out.push(`close ${end}`),
      text: (data, start, end) => out.push(`text ${JSON.stringify(data)} ${start} ${end}`),
    },
    (name) => WANTED.has(name),
  );
  return out;
}

/** The same lines from domhandler's tree (comments and directives are not events). */
function domEvents(html: string): string[] {
  const out: string[] = [];
  const root = parseDocument(html, { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true });
  const stack: [AnyNode, boolean][] = [...root.children].reverse().map((n) => [n, false]);
  while (stack.length) {
    const [node, exit] = stack.pop()!;
    if (node.type === 'text') out.push(`text ${JSON.stringify((node as unknown as { data: string }).data)} ${node.startIndex} ${node.endIndex}`);
    else if ('children' in node && 'name' in node) {
      const el = node as Element;
      if (exit) {
        out.push(`close ${el.endIndex}`);
        continue;
      }
      out.push(`open ${el.name} ${el.startIndex} ${WANTED.has(el.name) ? JSON.stringify(el.attribs) : ''}`);
      stack.push([el, true]);
      for (let i = el.children.length - 1; i >= 0; i--) stack.push([el.children[i]!, false]);
    }
  }
  return out;
}

const PIECES = [
  '<td>', '<th colspan="2">', '<td rowspan=3 colspan=x>', '<TD COLSPAN="2" colspan="3">', '<tr>', '</tr>', '<tbody>', '</tbody>', '<thead>', '<tfoot>',
  '<table>', '</table>', '<p>', '</p>', '<br>', '</br>', '<br/>', '<div>', '</div>', '<span>', '</span>', '<li>', '<ul>', '</ul>', '<dl><dt>a<dd>b',
  '<select><option>a<option>b</select>', '<button><button>', '<h1>', '</h1>', '<svg>', '</svg>', '<svg><g/><br/>', '<math><mi>x</mi>', '<foreignObject>',
  '<title>t&amp;u</title>', '<textarea>a<b></textarea>', '<script>if (a<b) x="</td>"</script>', '<style>p{}</style>', '<xmp><p></xmp>', '<!-- c -->', '<!-->',
  '<![CDATA[x<y]]>', '<?xml v?>', '<!doctype html>', '<meta name="ArticleTitle" content="标题 &amp; x">', '<meta name=PubDate content=2024-01-02>',
  '<head>', '</head>', '<body>', '</body>', '<html>', '</html>', '&nbsp;', '&amp', '&#x4e00;', '&#0;', '&lt;td&gt;', '&notit;', '&', '<', '>', '"', "'",
  '政府信息公开', '12', ' ', '\n', '\t', '<a href="x>y">', '</a>', '<img src=x/>', '<o:p></o:p>', '<span', '<td', '</td', '<td a="',
];

describe('HTML events', () => {
  it('are the nodes of the corpus pages as domhandler builds them', () => {
    for (const name of ['014_shanghai_szfbgt_2019.html', '024_pingtan_2024.html', '033_pingtan_2019.html']) {
      const html = readFileSync(join(import.meta.dirname, '../../corpus', name), 'utf8');
      expect(events(html), name).toEqual(domEvents(html));
    }
  });

  it('are the nodes of 3,000 seeded tag soups as domhandler builds them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }), (pieces) => {
        const html = pieces.join('');
        expect(events(html)).toEqual(domEvents(html));
      }),
      { seed: 20261204, numRuns: 3000 },
    );
  });
});
