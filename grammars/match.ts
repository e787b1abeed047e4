// Matching folded label text against a vocabulary of aliases.
import { foldLabel } from './fold.js';
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
}

export function matcher(rows: readonly RowVocabulary[]): Matcher {
  const folded = rows.map((r) => ({ id: r.id, atEnd: !!r.atEnd, aliases: r.aliases.map(foldLabel) }));
  return {
    match(text) {
      let best: { id: string; end: number; length: number } | undefined;
      for (const row of folded) {
        for (const alias of row.aliases) {
          const at = row.atEnd ? (text.endsWith(alias) ? text.length - alias.length : -1) : text.lastIndexOf(alias);
          if (at < 0) continue;
          const end = at + alias.length;
          if (!best || end > best.end || (end === best.end && alias.length > best.length)) best = { id: row.id, end, length: alias.length };
        }
      }
      return best?.id;
    },
  };
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
