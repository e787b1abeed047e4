import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build.ts'],
    testTimeout: 30000,
    // Vitest's default is one worker per core but one: a single worker on a 2-core machine (CI's size).
    // Test files are independent, so use both cores.
    maxWorkers: 2,
  },
});
