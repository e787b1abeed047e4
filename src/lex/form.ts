// Which form a text is in: decides the lexer, and is reported as `source.form`.
import { splitLines, isTrimmed, isBlank, isSpace, type Line } from './lines.js';
import { looksStacked } from './stacked.js';
import { isBar } from './separated.js';

// The form is reported (`source.form`) and decides only HTML against text, and whether a text stacks
// its cells one per line with no separator at all: every other text is read by its own evidence.

/**
 * `html`; `markdown` (pipe tables, maybe with raw HTML tables in between); `pipe-text` (a cell per
 * line ending in ` |`); `box-text` (text-browser box drawings); `tab-text` (cells parted by tabs
 * across lines: a browser's innerText); `stacked-text` (a cell per line, rows unmarked: lynx);
 * `plain-text` (PDF text, page text, aligned columns, digits run together).
 */
export type Form = 'html' | 'markdown' | 'pipe-text' | 'box-text' | 'tab-text' | 'stacked-text' | 'plain-text';

/**
 * Looks at the text's shape only; linear, reads at most the first 64 KB for tags and 20,000 lines.
 * `lines` gives the text's lines (split only when the head does not already say HTML).
 */
export function detectForm(text: string, lines: () => readonly Line[] = () => splitLines(text)): Form {
  const trimmed = text.slice(0, 65536).trimStart();
  // Its first characters decide a page; lowercasing 64 KB of CJK text costs as much as lexing it.
  const lead = trimmed.slice(0, 14).toLowerCase();
  if (lead.startsWith('<!doctype html') || lead.startsWith('<html')) return 'html';
  const all = lines();
  let markdownRows = 0;
  let markdownRules = 0;
  let pipeCells = 0;
  let barLed = 0;
  let box = 0;
  const sample = all.length > 20000 ? all.slice(0, 20000) : all;
  for (const { text: t } of sample) {
    // The line as trimmed, by its bounds (no string made per line).
    let from = 0;
    let to = t.length;
    while (from < to && isTrimmed(t.charCodeAt(from))) from++;
    while (to > from && isTrimmed(t.charCodeAt(to - 1))) to--;
    // A blank line counts for nothing; reading its first character would read past its end and deoptimize.
    if (from === to) continue;
    const first = t.charCodeAt(from);
    const last = t.charCodeAt(to - 1);
    if (first === PIPE && last === PIPE && to - from > 2) {
      markdownRows++;
      if (isMarkdownRule(t, from, to)) markdownRules++;
    } else if (to - from > 1 && last === PIPE && first !== PIPE) pipeCells++;
    else if (first === PIPE && last !== PIPE) barLed++;
    if (first === 0x2502 || first === 0x251c) box++;
  }
  // Markdown may carry raw HTML (pandoc's gfm writes tables it cannot draw as <table>): its pipe tables decide.
  if (markdownRules >= 1 && markdownRows >= 3 && markdownRows >= pipeCells) return 'markdown';
  const head = trimmed.toLowerCase();
  // Tags around tables written as text (a cell a line, `| 62`: MediaWiki, with the page's <div>s passed
  // through): the tables are the text's, read as markdown with its inline HTML blanked.
  if (countTags(head) >= 3) return barLed >= BAR_LED_TABLE && !hasTag(head, '<table') ? 'markdown' : 'html';
  if (box >= 3) return 'box-text';
  if (markdownRows >= 3 && markdownRows >= pipeCells) return 'markdown';
  if (pipeCells >= 3) return 'pipe-text';
  if (looksTabbed(sample)) return 'tab-text';
  if (looksStacked(sample)) return 'stacked-text';
  return 'plain-text';
}

const PIPE = 0x7c;
/** Lines led by a bar (and not closed by one) that make a table written as text: a report's has hundreds. */
const BAR_LED_TABLE = 40;

const TAGS = ['<p', '<div', '<table', '<td', '<tr', '<span', '<br', '<body', '<h1', '<h2', '<h3'];

function countTags(head: string): number {
  let n = 0;
  for (const tag of TAGS) if (hasTag(head, tag)) n++;
  return n;
}

function hasTag(head: string, tag: string): boolean {
  const at = head.indexOf(tag);
  return at >= 0 && /[\s>/]/.test(head[at + tag.length] ?? '');
}

/**
 * `|---|:--:|`: the rule under a markdown table's header row, in `t` from `from` to `to` (spaces may be
 * tabs or NBSPs).
 */
export function isMarkdownRule(t: string, from = 0, to = t.length): boolean {
  let dashes = 0;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x2d) dashes++;
    else if (c !== PIPE && c !== 0x3a && !isSpace(c)) return false;
  }
  return dashes >= 3;
}

/** Cells laid out with separators on lines of their own: many lines that are a tab or a bar alone (innerText, html2text). */
function looksTabbed(lines: readonly Line[]): boolean {
  let tabLines = 0;
  for (const l of lines) if (((l.text.includes('\t') && isBlank(l.text, 0, l.text.length)) || loneBar(l.text)) && ++tabLines >= 20) return true;
  return false;
}

/** One bar with nothing but spaces around it. */
function loneBar(t: string): boolean {
  let bars = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isBar(c)) bars++;
    else if (!isSpace(c)) return false;
  }
  return bars === 1;
}
