// Underlines and strike-throughs are horizontal strokes too. One lies in the band of a line of text
// and no wider than that text: it decorates the text, and must not cut a cell in two.
import type { PdfSegment, PdfText } from '../../input/pdf/types.js';
import { SNAP } from './geometry.js';

export function withoutDecorations(segments: readonly PdfSegment[], texts: readonly PdfText[]): PdfSegment[] {
  const horizontal = texts.filter((t) => !t.vertical).sort((a, b) => a.y0 - b.y0);
  const bottoms = horizontal.map((t) => t.y0);
  let tallest = 0;
  for (const t of horizontal) tallest = Math.max(tallest, t.y1 - t.y0);
  return segments.filter((s) => s.y0 !== s.y1 || !decorates(s, horizontal, bottoms, tallest));
}

function decorates(s: PdfSegment, texts: readonly PdfText[], bottoms: readonly number[], tallest: number): boolean {
  let from = Infinity;
  let to = -Infinity;
  // Texts whose band (from just below the descenders up to the upper part of the glyphs) holds the stroke.
  for (let i = lowerBound(bottoms, s.y0 - tallest); i < texts.length && texts[i]!.y0 <= s.y0 + 1; i++) {
    const t = texts[i]!;
    const h = t.y1 - t.y0;
    if (s.y0 < t.y0 - 1 || s.y0 > t.y1 - 0.2 * h) continue;
    if (t.x1 < s.x0 - SNAP || t.x0 > s.x1 + SNAP) continue;
    from = Math.min(from, t.x0);
    to = Math.max(to, t.x1);
  }
  return s.x0 >= from - SNAP && s.x1 <= to + SNAP;
}

function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
