import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CommonJS + types. `index` is browser-safe (no Node built-ins); `node` adds the
    // batch API on worker threads. Shared code is split into chunks so both entries share one core.
    entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    // import.meta.url (the worker's location) in the CommonJS build too.
    shims: true,
    target: 'node20',
  },
  {
    // The worker thread of xxgk-report/node and of the CLI: found beside them as ./worker.js.
    entry: { worker: 'src/node/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
  {
    // The thread that reads PDFs in Node (src/input/pdf/bounded.ts): found beside the library as ./pdf-worker.js.
    entry: { 'pdf-worker': 'src/input/pdf/thread.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
  {
    // The CLI: Node only, ESM, with a shebang.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
