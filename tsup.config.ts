import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CommonJS + types. Browser-safe: no Node built-ins imported here.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
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
