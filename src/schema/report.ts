// The Report, written once in zod (CONTRACT §3); every public type is inferred from here.
import { z } from 'zod';

export const cellValue = z.number().nullable();

const templateVersion = z.enum(['V2019', 'V2021']);
export const reportTemplate = z.enum(['V2019', 'V2021', 'unknown']);

export const severity = z.enum(['error', 'warning', 'info']);

export const diagnosticSchema = z.object({
  code: z.string(),
  severity,
  message: z.string(),
  /** A CellPath (`table/row/column`) or `'table'`. */
  path: z.string().optional(),
  table: z.string().optional(),
  span: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
  /** Every cell a check or a split involves: their records are flagged. */
  cells: z.array(z.string()).optional(),
  /** Which check failed (`T3-A` … `T4-C`), for `check-failed`. */
  check: z.string().optional(),
  /** The values an ambiguous cell could take, for `ambiguous-split`. */
  candidates: z.array(z.number()).optional(),
});

const extraRow = z.object({ label: z.string(), cells: z.array(cellValue) });

const documentsV2021Row = z.object({ issued: cellValue, repealed: cellValue, inForce: cellValue });
const documentsV2019Row = z.object({ newlyMade: cellValue, newlyPublished: cellValue, totalPublished: cellValue });
export const documentsSchema = z.discriminatedUnion('template', [
  z.object({
    template: z.literal('V2021'),
    regulations: documentsV2021Row,
    normativeDocuments: documentsV2021Row,
    extraRows: z.array(extraRow),
  }),
  z.object({
    template: z.literal('V2019'),
    regulations: documentsV2019Row,
    normativeDocuments: documentsV2019Row,
    extraRows: z.array(extraRow),
  }),
]);

const decisionsV2021Row = z.object({ decisions: cellValue });
const decisionsV2019Row = z.object({ previousItems: cellValue, change: cellValue, decisions: cellValue });
export const decisionsSchema = z.discriminatedUnion('template', [
  z.object({
    template: z.literal('V2021'),
    licensing: decisionsV2021Row,
    penalty: decisionsV2021Row,
    coercion: decisionsV2021Row,
    extraRows: z.array(extraRow),
  }),
  z.object({
    template: z.literal('V2019'),
    licensing: decisionsV2019Row,
    otherServices: decisionsV2019Row,
    penalty: decisionsV2019Row,
    coercion: decisionsV2019Row,
    extraRows: z.array(extraRow),
  }),
]);

export const feesSchema = z.discriminatedUnion('template', [
  z.object({
    template: z.literal('V2021'),
    administrativeFees: z.object({ amountWanYuan: cellValue }),
    extraRows: z.array(extraRow),
  }),
  z.object({
    template: z.literal('V2019'),
    administrativeFees: z.object({ previousItems: cellValue, change: cellValue }),
    procurement: z.object({ projects: cellValue, amountYuan: cellValue }),
    extraRows: z.array(extraRow),
  }),
]);

export const applicantColumns = z.object({
  naturalPerson: cellValue,
  commercial: cellValue,
  research: cellValue,
  socialWelfare: cellValue,
  legalService: cellValue,
  otherOrg: cellValue,
  total: cellValue,
});

export const applicationsSchema = z.object({
  template: templateVersion,
  newReceived: applicantColumns,
  carriedOver: applicantColumns,
  results: z.object({
    granted: applicantColumns,
    partiallyGranted: applicantColumns,
    denied: z.object({
      stateSecret: applicantColumns,
      prohibitedByLaw: applicantColumns,
      threeSecurityOneStability: applicantColumns,
      thirdPartyRights: applicantColumns,
      internalAffairs: applicantColumns,
      processInformation: applicantColumns,
      lawEnforcementFile: applicantColumns,
      administrativeQuery: applicantColumns,
      total: applicantColumns,
    }),
    unableToProvide: z.object({
      notHeld: applicantColumns,
      needsCreation: applicantColumns,
      unclearAfterCorrection: applicantColumns,
      total: applicantColumns,
    }),
    notProcessed: z.object({
      complaint: applicantColumns,
      repeated: applicantColumns,
      publication: applicantColumns,
      excessive: applicantColumns,
      confirmation: applicantColumns,
      total: applicantColumns,
    }),
    otherDisposal: z.object({
      overdueCorrection: applicantColumns.optional(),
      overdueFee: applicantColumns.optional(),
      other: applicantColumns.optional(),
      total: applicantColumns,
    }),
    total: applicantColumns,
  }),
  carriedForward: applicantColumns,
  extraRows: z.array(extraRow),
});

export const outcomeColumns = z.object({
  upheld: cellValue,
  corrected: cellValue,
  other: cellValue,
  pending: cellValue,
  total: cellValue,
});

export const reviewLitigationSchema = z.object({
  review: outcomeColumns,
  litigationDirect: outcomeColumns,
  litigationAfterReview: outcomeColumns,
});

const span = z.object({ start: z.number().int(), end: z.number().int() });

/** A sentence of the prose that states a table's number again (src/narrative). */
export const narrativeStatementSchema = z.object({
  /** The statement's words in the input, and as printed. */
  span,
  text: z.string(),
  /** The number it states, in the unit of its cells' column. */
  value: z.number(),
  /** The cells whose sum it states (the reading that agrees, else the likeliest). */
  cells: z.array(z.string()),
  /** Whether the table agrees; null when it cannot say (a cell blank or unreadable). */
  agrees: z.boolean().nullable(),
});

export const narrativeSchema = z.object({ statements: z.array(narrativeStatementSchema) });

export const provenanceEntry = z.object({
  raw: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** A PDF cell: the page (1-based) it is printed on. */
  page: z.number().int().optional(),
  /** A PDF cell: its box on the page in PDF units, `[x0, y0, x1, y1]` with y up from the bottom. */
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  source: z.object({
    form: z.string(),
    encoding: z.string(),
    bytes: z.number().int(),
    fileName: z.string().optional(),
    /** The text the provenance offsets point into, when it is not the input's own: a PDF's text rendering, the HTML a Word file became. */
    text: z.string().optional(),
  }),
  meta: z.object({
    title: z.string().optional(),
    agency: z.string().optional(),
    year: z.number().int().optional(),
    template: reportTemplate,
    publishedAt: z.string().optional(),
    processingFeeYuan: z.number().optional(),
    /** The template each table was read with: they differ in mixed reports (SPEC D9). */
    tableTemplates: z.record(z.string(), templateVersion).optional(),
  }),
  sections: z.object({
    overview: z.string().optional(),
    problems: z.string().optional(),
    other: z.string().optional(),
  }),
  tables: z.object({
    documents: documentsSchema.optional(),
    decisions: decisionsSchema.optional(),
    fees: feesSchema.optional(),
    applications: applicationsSchema.optional(),
    reviewLitigation: reviewLitigationSchema.optional(),
  }),
  /** The prose's statements of the tables' numbers; absent when the input could not be read. */
  narrative: narrativeSchema.optional(),
  diagnostics: z.array(diagnosticSchema),
  provenance: z.record(z.string(), provenanceEntry).optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type Diagnostic = z.infer<typeof diagnosticSchema>;
export type Severity = z.infer<typeof severity>;
export type Provenance = z.infer<typeof provenanceEntry>;
export type Narrative = z.infer<typeof narrativeSchema>;
export type NarrativeStatement = z.infer<typeof narrativeStatementSchema>;
export type TemplateVersion = z.infer<typeof templateVersion>;
export type Tables = Report['tables'];
export type TableName = keyof Tables;
export type Documents = z.infer<typeof documentsSchema>;
export type Decisions = z.infer<typeof decisionsSchema>;
export type Fees = z.infer<typeof feesSchema>;
export type Applications = z.infer<typeof applicationsSchema>;
export type ReviewLitigation = z.infer<typeof reviewLitigationSchema>;
export type ExtraRow = z.infer<typeof extraRow>;
