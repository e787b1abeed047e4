// Characters that print nothing — zero-width spaces and joiners, a BOM in mid-text (files joined by a
// scraper), soft hyphens — split words for every keyword search (政​府 is not 政府). They are taken out
// before lexing, and the lexed cells' offsets are mapped back, so provenance still points into the input.
import { INVISIBLE_PATTERN, isInvisible } from '../../grammars/vocabulary/fold.js';

export interface Visible {
  /** The text without invisible characters. */
  text: string;
  /** Maps an offset into `text` back to the offset into the input. */
  toInput: (offset: number) => number;
}

export function withoutInvisible(input: string): Visible {
  const first = input.search(INVISIBLE_PATTERN);
  if (first < 0) return { text: input, toInput: (o) => o };
  // `at[j]`: where in `text` the j-th removed character would have stood.
  const at: number[] = [];
  const parts: string[] = [];
  let from = 0;
  for (let i = first; i < input.length; i++) {
    if (!isInvisible(input.charCodeAt(i))) continue;
    parts.push(input.slice(from, i));
    at.push(i - at.length);
    from = i + 1;
  }
  parts.push(input.slice(from));
  return { text: parts.join(''), toInput: (o) => o + removedAtOrBefore(at, o) };
}

/** How many removed characters stood at or before offset `o` of the visible text (binary search). */
function removedAtOrBefore(at: readonly number[], o: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! <= o) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
