// The report's grammar over rows: preamble, section 二's table, section 三's, section 四's, the rest.
// Each table starts at its own anchor, so a report missing one table still yields the others.
import P from 'parsimmon';
import { ItemStream, type RawRow } from './stream.js';
import { foldedText, isProse, foldAll } from './match.js';
import { activeDisclosureCaptionKeys } from './activeDisclosure.js';
import { applicationsAnchors } from './applications.js';
import { reviewAnchors } from './reviewLitigation.js';
import { closingKeywords } from './vocabulary/sections.js';

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

const stream = new ItemStream<RawRow>();

interface Region {
  /** Rows skipped before the anchor. */
  skipped: number;
  rows: RawRow[];
}

/** `region = skip* anchor (not end)*`: a table from its anchor row to the row before its end. */
function region(starts: (r: RawRow) => boolean, ends: (r: RawRow) => boolean): P.Parser<Region> {
  return P.createLanguage<{ skipped: RawRow[]; anchor: RawRow; body: RawRow[]; region: Region }>({
    skipped: () => stream.until(starts),
    anchor: () => stream.item(starts, 'table anchor'),
    body: () => stream.until(ends),
    region: (r) => P.seq(r.skipped, r.anchor, r.body).map(([skipped, anchor, body]) => ({ skipped: skipped.length, rows: [anchor, ...body] })),
  }).region;
}

const activeRegion = region(isActiveDisclosure, (r) => isApplications(r) || isReview(r));
const applicationsRegion = region(isApplications, isReview);
const reviewRegion = region(isReview, isClosing);

export function locateTables(rows: readonly RawRow[]): Regions {
  // Each table is looked for after the one before it when that one is present, else from the top.
  const active = findFrom(rows, 0, activeRegion);
  const applications = findFrom(rows, active?.end ?? 0, applicationsRegion);
  const review = findFrom(rows, applications?.end ?? active?.end ?? 0, reviewRegion);
  return {
    activeDisclosure: active?.rows ?? [],
    applications: applications?.rows ?? [],
    reviewLitigation: review?.rows ?? [],
  };
}

/** A region read from row `from` on, and the index after it. */
function findFrom(rows: readonly RawRow[], from: number, grammar: P.Parser<Region>): { rows: RawRow[]; end: number } | undefined {
  const found = stream.parse(rows.slice(from), grammar);
  if (!found) return undefined;
  return { rows: found.rows, end: from + found.skipped + found.rows.length };
}
