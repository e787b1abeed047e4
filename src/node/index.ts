// xxgk-report/node — the Node-only API: batches of files on a worker pool. Everything of the
// browser-safe core (`xxgk-report`) is re-exported, so one import serves a Node notebook.
export * from '../index.js';
export { parseReports, streamReports, type BatchInput, type BatchOptions } from './batch.js';
