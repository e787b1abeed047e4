// Reads a corpus directory's gold files (format: ../shared/tools/score.mjs) for the tests.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface Gold {
  file: string;
  template: string;
  meta: { agency?: string | null; year?: number | null };
  cells: Record<string, number | null>;
  ambiguous?: string[];
  sourceChecksFail?: string[];
}

export function goldFiles(dir: string): { gold: Gold; path: string }[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.gold.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as Gold)
    .filter((g) => existsSync(join(dir, g.file)))
    .map((gold) => ({ gold, path: join(dir, gold.file) }));
}
