// The report's grammar over rows: preamble, section 二's table, section 三's, section 四's, the rest.
// Each table starts at its own anchor, so a report missing one table still yields the others.
import P from 'parsimmon';
import { ItemStream, type RawRow } from './stream.js';
import { foldedText, isProse, foldAll } from './match.js';
import { activeDisclosureCaptionKeys } from './activeDisclosure.js';
import { applicationsAnchors } from './applications.js';
import { reviewAnchors } from './reviewLitigation.js';
import { closingKeywords } from './sections.js';

export interface Regions {
  activeDisclosure: RawRow[];
  applications: RawRow[];
  reviewLitigation: RawRow[];
}

const applicationKeys = foldAll(applicationsAnchors);
const reviewKeys = foldAll(reviewAnchors);
const closingKeys = foldAll(closingKeywords);

/** Longer labels are narrative, never a table's caption, header or heading. */
const ANCHOR_LABEL_LIMIT = 400;

/** A row with a (non-prose) label containing one of the keys. */
const labelled = (keys: readonly string[]) => (row: RawRow) =>
  row.labels.some((l) => {
    if (l.text.length > ANCHOR_LABEL_LIMIT || isProse(l)) return false;
    const f = foldedText(l);
    return keys.some((k) => f.includes(k));
  });

const isActiveDisclosure = labelled(activeDisclosureCaptionKeys);
const isApplications = labelled(applicationKeys);
const isReview = labelled(reviewKeys);
const isClosing = labelled(closingKeys);

export function locateTables(rows: readonly RawRow[]): Regions {
  // Each table is looked for after the one before it when that one is present, else from the top.
  const active = findFrom(rows, 0, isActiveDisclosure, (r) => isApplications(r) || isReview(r));
  const applications = findFrom(rows, active?.end ?? 0, isApplications, isReview);
  const review = findFrom(rows, applications?.end ?? active?.end ?? 0, isReview, isClosing);
  return {
    activeDisclosure: active?.rows ?? [],
    applications: applications?.rows ?? [],
    reviewLitigation: review?.rows ?? [],
  };
}

/** `region = skip* anchor (not end)*`, read from row `from` on. */
function findFrom(rows: readonly RawRow[], from: number, starts: (r: RawRow) => boolean, ends: (r: RawRow) => boolean): { rows: RawRow[]; end: number } | undefined {
  const s = new ItemStream(rows.slice(from));
  const lang = P.createLanguage<{ skipped: RawRow[]; anchor: RawRow; body: RawRow[]; region: { skipped: number; rows: RawRow[] } }>({
    skipped: () => s.until(starts),
    anchor: () => s.item(starts, 'table anchor'),
    body: () => s.until(ends),
    region: (r) => P.seq(r.skipped, r.anchor, r.body).map(([skipped, anchor, body]) => ({ skipped: skipped.length, rows: [anchor, ...body] })),
  });
  const found = s.parse(lang.region);
  if (!found) return undefined;
  return { rows: found.rows, end: from + found.skipped + found.rows.length };
}
