// Which form a text is in: decides the lexer, and is reported as `source.form`.

export type Form = 'html' | 'markdown' | 'pipe-text' | 'box-text' | 'plain-text';

/** Looks at the text's shape only; linear, reads at most the first 64 KB for tags. */
export function detectForm(text: string): Form {
  const head = text.slice(0, 65536).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || countTags(head) >= 3) return 'html';
  let markdownRows = 0;
  let pipeCells = 0;
  let box = 0;
  let from = 0;
  for (let lines = 0; from < text.length && lines < 20000; lines++) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const line = text.slice(from, to).trim();
    if (line.startsWith('|') && line.endsWith('|') && line.length > 2) markdownRows++;
    else if (line.endsWith('|')) pipeCells++;
    if (line.startsWith('│') || line.startsWith('├')) box++;
    from = to + 1;
  }
  if (box >= 3) return 'box-text';
  if (markdownRows >= 3 && markdownRows >= pipeCells) return 'markdown';
  if (pipeCells >= 3) return 'pipe-text';
  return 'plain-text';
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
