// What ./bounded.ts and its reading thread (./thread.ts) say to each other: a module of its own, so
// the browser build, which imports ./bounded.ts, never imports the thread.
import type { PdfLimits, PdfRead } from './read.js';

/** The exit code of a thread that stopped because a stream decoded past the bound (no message gets out first). */
export const STREAM_TOO_LARGE = 3;

export interface ThreadRequest {
  id: number;
  bytes: Uint8Array;
  limits: PdfLimits;
  /** Bytes one decoded stream may have. */
  maxStreamBytes: number;
}

export type ThreadAnswer = { id: number; pages: PdfRead['pages'] } | { id: number; error: { code: string; message: string } };
