// Matching folded label text against a vocabulary of aliases.
import { foldLabel } from './vocabulary/fold.js';
import type { Cell } from '../src/lex/cell.js';

export interface RowVocabulary {
  /** The row's key in the contract (`results.denied.stateSecret`). */
  id: string;
  /** Spellings as printed; folded once here. The first is the template's own label. */
  aliases: readonly string[];
  /** The alias must end the label (for short aliases such as `3.其他`). */
  atEnd?: boolean;
}

export interface Matcher {
  /** The row whose alias occurs rightmost in the text (the label nearest the values), if any. */
  match(folded: string): string | undefined;
  /** The same, with where its alias stands in the text. */
  find(folded: string): { id: string; start: number; end: number } | undefined;
}

interface Alias {
  id: string;
  text: string;
  atEnd: boolean;
  /** Place in the vocabulary: of two rows with the same alias, the first wins. */
  order: number;
}

export function matcher(rows: readonly RowVocabulary[]): Matcher {
  // The aliases by their first character: one pass over the text finds every occurrence of every alias.
  const byFirst = new Map<number, Alias[]>();
  let order = 0;
  for (const r of rows)
    for (const alias of r.aliases) {
      const text = foldLabel(alias);
      const first = text.charCodeAt(0);
      let list = byFirst.get(first);
      if (!list) byFirst.set(first, (list = []));
      list.push({ id: r.id, text, atEnd: !!r.atEnd, order: order++ });
    }
  const find = (text: string): { id: string; start: number; end: number } | undefined => {
    let best: Alias | undefined;
    let bestEnd = -1;
    for (let i = 0; i < text.length; i++) {
      const list = byFirst.get(text.charCodeAt(i));
      if (!list) continue;
      for (const a of list) {
        const end = i + a.text.length;
        if ((a.atEnd && end !== text.length) || !text.startsWith(a.text, i)) continue;
        // Rightmost end wins; then the longer alias; then the one listed first.
        if (!best || end > bestEnd || (end === bestEnd && (a.text.length > best.text.length || (a.text.length === best.text.length && a.order < best.order)))) {
          best = a;
          bestEnd = end;
        }
      }
    }
    return best ? { id: best.id, start: bestEnd - best.text.length, end: bestEnd } : undefined;
  };
  return { find, match: (text) => find(text)?.id };
}

/** True when the folded text contains any of the (folded) keys. */
export function containsAny(folded: string, keys: readonly string[]): boolean {
  for (const k of keys) if (folded.includes(k)) return true;
  return false;
}

export function foldAll(keys: readonly string[]): string[] {
  return keys.map(foldLabel);
}

/** A cell's folded text, computed once and kept on the cell. */
export function foldedText(cell: Cell): string {
  return (cell.folded ??= foldLabel(cell.text));
}

/** Prose (a sentence of the narrative), never a table label: it ends a sentence. */
export function isProse(cell: Cell): boolean {
  return cell.kind === 'label' && cell.text.includes('。');
}

/**
 * The cells' texts run together. A loop, not map().join(): no array whose element kind depends on
 * whether the caller is optimized, and no closure per call.
 */
export function concatTexts(cells: readonly Cell[]): string {
  let text = '';
  for (let i = 0; i < cells.length; i++) text += cells[i]!.text;
  return text;
}
