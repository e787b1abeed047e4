// Vitest global setup: build dist/ once before the tests, so the worker pool, the CLI batch and the
// browser bundle are tested on the current source (a stale dist/ would test old code).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function build(): void {
  const root = join(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, [join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
