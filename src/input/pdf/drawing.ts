// pdf.js's operator list → the rules a page draws. pdf.js gives paths in the coordinates of the moment
// they are drawn; the transform matrix (cm, q/Q, form XObjects) is tracked here to bring them into
// page space, where the text is.
import type { PdfSegment } from './types.js';

/** pdf.js operator codes (OPS) this reader acts on: stable across pdf.js 5.x. */
const OP = {
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  setStrokeRGBColor: 58,
  setFillRGBColor: 59,
  setStrokeTransparent: 92,
  setFillTransparent: 93,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
  rawFillPath: 94,
} as const;
/** Path drawing codes inside constructPath's data (DrawOPS). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_TO = 3;
const CLOSE = 4;

/** A filled shape this thin (points) is a rule, not a cell's shading. */
const RULE_THICKNESS = 3;
/** A line this far off axis (points, over its length) is still horizontal or vertical. */
const AXIS_SLACK = 1;
/** Segments one page may yield: a drawing of more is not a table (a chart, a hatched map), and the grid stays bounded. */
export const MAX_SEGMENTS = 20_000;

type Matrix = [number, number, number, number, number, number];

interface State {
  ctm: Matrix;
  /** Whether strokes and fills paint something visible (not white, not transparent). */
  strokeShows: boolean;
  fillShows: boolean;
}

export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/** The page's rules, in page space. */
export function drawnSegments(ops: OperatorList): PdfSegment[] {
  const out: PdfSegment[] = [];
  let state: State = { ctm: [1, 0, 0, 1, 0, 0], strokeShows: true, fillShows: true };
  const stack: State[] = [];
  const n = ops.fnArray.length;
  for (let i = 0; i < n && out.length < MAX_SEGMENTS; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OP.save:
        stack.push(state);
        state = { ...state };
        break;
      case OP.restore:
        state = stack.pop() ?? state;
        break;
      case OP.transform:
        state.ctm = multiply(args as unknown as Matrix, state.ctm);
        break;
      case OP.paintFormXObjectBegin: {
        stack.push(state);
        state = { ...state };
        const matrix = args?.[0] as Matrix | null | undefined;
        if (matrix && matrix.length === 6) state.ctm = multiply(matrix, state.ctm);
        break;
      }
      case OP.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OP.setStrokeRGBColor:
        state.strokeShows = !isWhite(args?.[0]);
        break;
      case OP.setFillRGBColor:
        state.fillShows = !isWhite(args?.[0]);
        break;
      case OP.setStrokeTransparent:
        state.strokeShows = false;
        break;
      case OP.setFillTransparent:
        state.fillShows = false;
        break;
      case OP.constructPath: {
        const paint = args?.[0] as number;
        const data = (args?.[1] as ArrayLike<unknown> | undefined)?.[0];
        if (!data || typeof data !== 'object' || !('length' in data)) break;
        const stroked = paint === OP.stroke || paint === OP.closeStroke || paint === OP.fillStroke || paint === OP.eoFillStroke || paint === OP.closeFillStroke || paint === OP.closeEOFillStroke;
        const filled = paint === OP.fill || paint === OP.eoFill || paint === OP.rawFillPath;
        if (stroked && state.strokeShows) strokeSegments(data as ArrayLike<number>, state.ctm, out);
        else if (filled && state.fillShows) thinFills(data as ArrayLike<number>, state.ctm, out);
        break;
      }
    }
  }
  return out;
}

/** Each straight, axis-aligned piece of a stroked path. */
function strokeSegments(path: ArrayLike<number>, m: Matrix, out: PdfSegment[]): void {
  let startX = 0;
  let startY = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < path.length && out.length < MAX_SEGMENTS; ) {
    const code = path[i++]!;
    if (code === MOVE_TO) {
      [x, y] = apply(m, path[i]!, path[i + 1]!);
      [startX, startY] = [x, y];
      i += 2;
    } else if (code === LINE_TO) {
      const [nx, ny] = apply(m, path[i]!, path[i + 1]!);
      pushAxisSegment(x, y, nx, ny, out);
      [x, y] = [nx, ny];
      i += 2;
    } else if (code === CURVE_TO) {
      [x, y] = apply(m, path[i + 4]!, path[i + 5]!);
      i += 6;
    } else if (code === QUADRATIC_TO) {
      [x, y] = apply(m, path[i + 2]!, path[i + 3]!);
      i += 4;
    } else if (code === CLOSE) {
      pushAxisSegment(x, y, startX, startY, out);
      [x, y] = [startX, startY];
    } else return;
  }
}

/** A filled subpath whose box is thin (a rule drawn as a rectangle, as Chromium and many exports do): its centre line. */
function thinFills(path: ArrayLike<number>, m: Matrix, out: PdfSegment[]): void {
  let box: [number, number, number, number] | undefined;
  let straight = true;
  const flush = () => {
    if (box && straight) {
      const [x0, y0, x1, y1] = box;
      const w = x1 - x0;
      const h = y1 - y0;
      if (h <= RULE_THICKNESS && w > h) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
      else if (w <= RULE_THICKNESS && h > w) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
    }
    box = undefined;
    straight = true;
  };
  const extend = (x: number, y: number) => {
    if (!box) box = [x, y, x, y];
    else {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  };
  for (let i = 0; i < path.length && out.length < MAX_SEGMENTS; ) {
    const code = path[i++]!;
    if (code === MOVE_TO) {
      flush();
      extend(...apply(m, path[i]!, path[i + 1]!));
      i += 2;
    } else if (code === LINE_TO) {
      extend(...apply(m, path[i]!, path[i + 1]!));
      i += 2;
    } else if (code === CURVE_TO) {
      straight = false;
      i += 6;
    } else if (code === QUADRATIC_TO) {
      straight = false;
      i += 4;
    } else if (code !== CLOSE) break;
  }
  flush();
}

function pushAxisSegment(x0: number, y0: number, x1: number, y1: number, out: PdfSegment[]): void {
  const dx = Math.abs(x1 - x0);
  const dy = Math.abs(y1 - y0);
  if (dy <= AXIS_SLACK && dx > dy) {
    const y = (y0 + y1) / 2;
    out.push({ x0: Math.min(x0, x1), y0: y, x1: Math.max(x0, x1), y1: y });
  } else if (dx <= AXIS_SLACK && dy > dx) {
    const x = (x0 + x1) / 2;
    out.push({ x0: x, y0: Math.min(y0, y1), x1: x, y1: Math.max(y0, y1) });
  }
}

/** `a` then `b`: the matrix of a `cm` inside the current transform. */
function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdf.js gives colours as `#rrggbb`; white (or nearly) draws nothing on a white page. */
function isWhite(color: unknown): boolean {
  if (typeof color !== 'string' || color.length !== 7 || color[0] !== '#') return false;
  const v = Number.parseInt(color.slice(1), 16);
  return ((v >> 16) & 255) >= 0xf0 && ((v >> 8) & 255) >= 0xf0 && (v & 255) >= 0xf0;
}
