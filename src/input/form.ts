// Which form a text is in: decides the lexer, and is reported as `source.form`.
import { splitLines, type Line } from '../lex/lines.js';
import { looksTabbed } from '../lex/tabbed.js';
import { looksStacked } from '../lex/stacked.js';

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
  const head = text.slice(0, 65536).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  const all = lines();
  let markdownRows = 0;
  let markdownRules = 0;
  let pipeCells = 0;
  let box = 0;
  const sample = all.length > 20000 ? all.slice(0, 20000) : all;
  for (const l of sample) {
    const line = l.text.trim();
    if (line.startsWith('|') && line.endsWith('|') && line.length > 2) {
      markdownRows++;
      if (isMarkdownRule(line)) markdownRules++;
    } else if (line.length > 1 && line.endsWith('|') && line[0] !== '|') pipeCells++;
    if (line.startsWith('│') || line.startsWith('├')) box++;
  }
  // Markdown may carry raw HTML (pandoc's gfm writes tables it cannot draw as <table>): its pipe tables decide.
  if (markdownRules >= 1 && markdownRows >= 3 && markdownRows >= pipeCells) return 'markdown';
  if (countTags(head) >= 3) return 'html';
  if (box >= 3) return 'box-text';
  if (markdownRows >= 3 && markdownRows >= pipeCells) return 'markdown';
  if (pipeCells >= 3) return 'pipe-text';
  if (looksTabbed(sample)) return 'tab-text';
  if (looksStacked(sample)) return 'stacked-text';
  return 'plain-text';
}

/** `|---|:--:|`: the rule under a markdown table's header. */
function isMarkdownRule(line: string): boolean {
  let dashes = 0;
  for (const ch of line) {
    if (ch === '-') dashes++;
    else if (ch !== '|' && ch !== ':' && ch !== ' ') return false;
  }
  return dashes >= 3;
}

const TAGS = ['<p', '<div', '<table', '<td', '<tr', '<span', '<br', '<body', '<h1', '<h2', '<h3'];

function countTags(head: string): number {
  let n = 0;
  for (const tag of TAGS) {
    const at = head.indexOf(tag);
    if (at >= 0 && /[\s>/]/.test(head[at + tag.length] ?? '')) n++;
  }
  return n;
}
