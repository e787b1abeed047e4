// What a PDF page holds for the table lexer (src/lex/pdf): positioned text and drawn rules, in PDF
// user space (points, y up), as pdf.js reads them.

/** A run of text pdf.js placed as one item: its text and its box. */
export interface PdfText {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Written top to bottom (a vertical font): its characters advance down the box, not across it. */
  vertical: boolean;
}

/** A drawn rule: horizontal (y0 = y1) or vertical (x0 = x1), from a stroked line or a thin filled rectangle. */
export interface PdfSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  texts: PdfText[];
  /** Undefined when the page's drawing was not read (no text that a table could hold). */
  segments?: PdfSegment[];
  /** pdf.js could not read this page (a damaged stream): it holds nothing. */
  broken?: boolean;
}
