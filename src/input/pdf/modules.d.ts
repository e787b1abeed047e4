// pdfjs-dist ships types for its API module only; its worker module is loaded for its side effect and
// handed to pdf.js as is.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
