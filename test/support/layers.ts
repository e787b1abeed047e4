// The layers of the code, bottom to top, and the rule that keeps them one way: a module may import
// only from its own layer or the layers beneath it. ARCHITECTURE.md draws the same picture.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Path prefixes (repo-relative) and their rank; the longest matching prefix names a module's layer. */
export const LAYERS: readonly (readonly [prefix: string, rank: number])[] = [
  ['src/schema/', 0],
  ['grammars/vocabulary/', 1],
  ['src/input/', 2],
  ['src/lex/', 3],
  ['grammars/', 4],
  ['src/prose/', 4],
  ['src/normalize/', 5],
  ['src/narrative/', 6],
  ['src/check/', 7],
  ['src/report/', 8],
  ['src/audit/', 9],
  ['src/eval/', 9],
  ['src/node/', 9],
  ['src/index.ts', 9],
  ['src/cli/', 10],
];

export function layerOf(path: string): { prefix: string; rank: number } | undefined {
  let best: { prefix: string; rank: number } | undefined;
  for (const [prefix, rank] of LAYERS) if (path.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) best = { prefix, rank };
  return best;
}

/** Relative import specifiers of a module's source (static and dynamic, type-only included). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[1]!);
  return out;
}

export interface Violation {
  from: string;
  to: string;
  message: string;
}

/** Every import, among `modules` (path → source), that points to a higher layer or to no layer. */
export function layerViolations(modules: ReadonlyMap<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [from, source] of modules) {
    const own = layerOf(from);
    if (!own) {
      out.push({ from, to: '', message: `${from} is in no layer (add its folder to LAYERS)` });
      continue;
    }
    for (const spec of importsOf(source)) {
      const to = join(dirname(from), spec).replace(/\.js$/, '.ts');
      const theirs = layerOf(to);
      if (!theirs) out.push({ from, to, message: `${from} imports ${to}, which is in no layer` });
      else if (theirs.rank > own.rank) out.push({ from, to, message: `${from} (${own.prefix}, layer ${own.rank}) imports ${to} (${theirs.prefix}, layer ${theirs.rank})` });
    }
  }
  return out;
}

/** The repository's modules under src/ and grammars/, by repo-relative path. */
export function repositoryModules(root: string): Map<string, string> {
  const modules = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) modules.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(resolve(root, 'src'));
  walk(resolve(root, 'grammars'));
  return modules;
}
