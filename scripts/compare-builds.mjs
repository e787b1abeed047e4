// Old build against new: the JSON Report of every report file under the given directories, and of
// seeded mutated copies of each (test/mutations.ts: cells and lines deleted, duplicated or swapped,
// noise inserted, cut, a digit changed; HTML noise too), must be byte-identical. Exit 1 on a difference.
//
//   git worktree add /tmp/old main && (cd /tmp/old && npm ci)       # or any build of the old code
//   npm run build && node scripts/compare-builds.mjs /tmp/old/dist dist corpus ../shared/corpus [--mutations 60]
//
// Each build is loaded in this process (its dist/index.js); mutations are the same for both.
import { readdirSync, readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const flag = args.indexOf('--mutations');
const perFile = flag >= 0 ? Number(args.splice(flag, 2)[1]) : 60;
const [oldDist, newDist, ...dirs] = args;
if (!oldDist || !newDist || !dirs.length) {
  console.error('usage: node scripts/compare-builds.mjs OLD_DIST NEW_DIST DIR|FILE... [--mutations N]');
  process.exit(2);
}
const load = async (dist) => (await import(pathToFileURL(join(resolve(dist), 'index.js')).href)).parseReport;
const [parseOld, parseNew] = [await load(oldDist), await load(newDist)];

// test/mutations.ts, bundled for this script.
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-compare-'));
await build({ entryPoints: [join(import.meta.dirname, '..', 'test', 'mutations.ts')], bundle: true, format: 'esm', platform: 'node', outfile: join(tmp, 'mutations.mjs'), logLevel: 'warning' });
const { mutate } = await import(pathToFileURL(join(tmp, 'mutations.mjs')).href);
rmSync(tmp, { recursive: true, force: true });

const REPORT = new Set(['.html', '.htm', '.txt', '.md']);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (REPORT.has(extname(name)) && name !== 'README.md') files.push(p);
  }
};
for (const d of dirs) if (statSync(d).isDirectory()) walk(d);
  else files.push(d);

// Noise that HTML parsers disagree on, besides the mutations' own.
const NOISE = ['<', '</p>', '<p>', '</td>', '<td>', '<tr>', '</table>', '<br>', '</br>', '<!--', '-->', '<![CDATA[x]]>', '&amp;', '&nbsp', '<svg>', '<td colspan=3>', '<script>', '</div>', '"', '|', ' | ', '\n', '  ', '0', '12', '总计'];
const OPS = ['deleteCell', 'duplicateCell', 'deleteLine', 'duplicateLine', 'swapCells', 'swapLines', 'insert', 'cut', 'digit'];
let seed = 20261204;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
function mutation() {
  const op = OPS[Math.floor(rnd() * OPS.length)];
  if (op === 'insert') return { op, at: rnd(), noise: NOISE[Math.floor(rnd() * NOISE.length)] };
  if (op === 'swapCells' || op === 'swapLines') return { op, at: rnd(), with: rnd() };
  if (op === 'digit') return { op, at: rnd(), digit: Math.floor(rnd() * 10) };
  return { op, at: rnd() };
}

let compared = 0;
let differ = 0;
function compare(label, input, options) {
  compared++;
  const a = JSON.stringify(parseOld(input, options));
  const b = JSON.stringify(parseNew(input, options));
  if (a === b) return;
  differ++;
  let i = 0;
  while (a[i] === b[i]) i++;
  if (differ <= 10) console.log(`DIFFERS ${label}\n  old: …${a.slice(Math.max(0, i - 80), i + 120)}\n  new: …${b.slice(Math.max(0, i - 80), i + 120)}`);
}
for (const file of files) {
  const bytes = readFileSync(file);
  compare(file, bytes, { fileName: file });
  const text = bytes.toString('utf8');
  for (let k = 0; k < perFile; k++) {
    let t = text;
    const n = 1 + Math.floor(rnd() * 3);
    for (let j = 0; j < n; j++) t = mutate(t, mutation());
    compare(`${file} mutation ${k}`, t, { fileName: file });
  }
}
console.log(`${files.length} files, ${compared} inputs (${perFile} mutated copies each): ${differ} differ`);
process.exitCode = differ ? 1 : 0;
