// Three edits to pdf.js's worker module (pdfjs-dist 5.6.205, as pinned) for the Node thread that reads
// PDFs (./thread.ts): pdf.js prepares every font for rendering, and a table needs none of it. Each edit
// leaves what the text and the drawing read here are; each replaces one exact passage, and if any
// passage is not found (another pdf.js) none is made and pdf.js runs as shipped.

interface Edit {
  /** Why, for the one reading the patched module. */
  why: string;
  from: string;
  to: string;
}

const EDITS: readonly Edit[] = [
  {
    // With font faces disabled, pdf.js compiles every glyph drawn into an outline and posts it for a
    // canvas: nothing here renders. (The glyphs themselves, their codes and widths, are unchanged.)
    why: 'no glyph outlines',
    from: `      if (isAddToPathSet || state.fillColorSpace.name === "Pattern" || state.strokeColorSpace.name === "Pattern" || font.disableFontFace) {
        PartialEvaluator.buildFontPaths(font, glyphs, this.handler, this.options);`,
    to: `      if (false) {
        PartialEvaluator.buildFontPaths(font, glyphs, this.handler, this.options);`,
  },
  {
    // A Type3 font's glyphs are content streams, each evaluated into an operator list for rendering
    // (Chromium's PDFs have a hundred such fonts). What the text reads of them is each glyph's first
    // operator (d0/d1: its box, which can widen the font's); only a font without a box has its glyphs'
    // paths measured. So with a box, a glyph that starts with d0/d1 is read to that operator alone; any
    // other glyph is read in full, as before.
    why: 'Type3 glyphs read to their d0/d1',
    from: `        const glyphStream = charProcs.get(key);
        const operatorList = new OperatorList();
        return type3Evaluator.getOperatorList({
          stream: glyphStream,
          task,
          resources: fontResources,
          operatorList
        }).then(() => {`,
    to: `        const glyphStream = charProcs.get(key);
        const operatorList = new OperatorList();
        return xxgkGlyphToRead(glyphStream, fontBBoxSize, type3Evaluator.xref, operatorList).then(stream => stream && type3Evaluator.getOperatorList({
          stream,
          task,
          resources: fontResources,
          operatorList
        })).then(() => {`,
  },
  {
    // Streams pdf.js decodes in JavaScript (LZW, run-length, a Flate stream inside an object stream)
    // grow a buffer without limit: the reading thread sets the bound (xxgkStreamBound).
    why: 'a bound on a decoded stream',
    from: `  ensureBuffer(requested) {
    const buffer = this.buffer;`,
    to: `  ensureBuffer(requested) {
    globalThis.xxgkStreamBound?.(requested);
    const buffer = this.buffer;`,
  },
];

/** Added at the end of the module (a function declaration: in scope everywhere in it). */
const HELPERS = `
async function xxgkGlyphToRead(stream, fontBBoxSize, xref, operatorList) {
  if (!fontBBoxSize || !(stream instanceof BaseStream)) return stream;
  if (stream.isAsync) {
    const bytes = await stream.asyncGetBytes();
    if (bytes) stream = new Stream(bytes, 0, bytes.length, stream.dict);
  }
  const operation = { fn: 0, args: null };
  const preprocessor = new EvaluatorPreprocessor(stream, xref, new StateManager(new EvalState()));
  if (preprocessor.read(operation) && (operation.fn === OPS.setCharWidth || operation.fn === OPS.setCharWidthAndBounds)) {
    operatorList.addOp(operation.fn, operation.args);
    return null;
  }
  stream.reset();
  return stream;
}
`;

/** pdf.js's worker module with the edits, or undefined when its source is not the one they were made for. */
export function patchPdfWorker(source: string): string | undefined {
  let out = source;
  for (const edit of EDITS) {
    const at = out.indexOf(edit.from);
    if (at < 0 || out.indexOf(edit.from, at + 1) >= 0) return undefined;
    out = out.slice(0, at) + edit.to + out.slice(at + edit.from.length);
  }
  for (const name of ['class EvaluatorPreprocessor', 'class StateManager', 'class EvalState', 'class Stream ', 'class BaseStream', 'const OPS = ']) if (!out.includes(name)) return undefined;
  return out + HELPERS;
}
