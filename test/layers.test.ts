import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { layerViolations, repositoryModules } from './support/layers.js';

const root = resolve(import.meta.dirname, '..');

describe('layers point one way', () => {
  it('no module of src/ or grammars/ imports from a layer above its own', () => {
    expect(layerViolations(repositoryModules(root)).map((v) => v.message)).toEqual([]);
  });

  it('the rule catches an import from a lower layer into a higher one', () => {
    const modules = new Map([
      ['src/lex/cell.ts', "import { parseReport } from '../report/parse.js';\nimport type { Report } from '../schema/report.js';"],
      ['src/check/arithmetic.ts', "const m = await import('../cli/main.js');"],
      ['src/elsewhere/x.ts', ''],
    ]);
    expect(layerViolations(modules).map((v) => v.message)).toEqual([
      'src/lex/cell.ts (src/lex/, layer 3) imports src/report/parse.ts (src/report/, layer 8)',
      'src/check/arithmetic.ts (src/check/, layer 7) imports src/cli/main.ts (src/cli/, layer 10)',
      'src/elsewhere/x.ts is in no layer (add its folder to LAYERS)',
    ]);
  });
});
