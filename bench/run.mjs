// npm run bench — ms per report for the full parse and for the floor (what any parser of the input must
// do at least: cheerio.load plus a walk over the table cells for HTML, a line split for text), and their
// ratio, at steady state: the report files are those the gold files of corpus/ and corpus/forms/ name;
// several full passes over all of them warm up the JIT first, then several passes are timed and each
// file's time is the mean of its timed passes. Subtotals for corpus/ (published reports) and
// corpus/forms/ (renderings of three of them), and the total. Run after `npm run build`.
// BENCH_WARMUP and BENCH_PASSES change the number of passes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as cheerio from 'cheerio';
import { parseReport } from '../dist/index.js';

const root = join(import.meta.dirname, '..', 'corpus');
const groups = [
  { name: 'corpus/', dir: root },
  { name: 'corpus/forms/', dir: join(root, 'forms') },
];

/** The report files a directory's gold files name, in name order. */
function reportsOf(dir) {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.gold.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')).file)
    .filter((file) => existsSync(join(dir, file)))
    .map((file) => join(dir, file));
}

const inputs = groups.flatMap((g) =>
  reportsOf(g.dir).map((p) => ({ group: g.name, name: p.slice(root.length + 1), text: readFileSync(p, 'utf8'), html: extname(p).startsWith('.htm'), parse: 0, floor: 0 })),
);

function floor({ text, html }) {
  if (html) {
    const $ = cheerio.load(text);
    let n = 0;
    $('td, th').each((_, el) => {
      n += $(el).text().length;
    });
    return n;
  }
  return text.split('\n').length;
}

/** One pass over every input: adds each one's parse and floor time (ms) when `timed`. */
function pass(timed) {
  for (const input of inputs) {
    let t0 = performance.now();
    parseReport(input.text);
    let t1 = performance.now();
    if (timed) input.parse += t1 - t0;
    t0 = performance.now();
    floor(input);
    t1 = performance.now();
    if (timed) input.floor += t1 - t0;
  }
}

const warmup = Number(process.env.BENCH_WARMUP ?? 5);
const passes = Number(process.env.BENCH_PASSES ?? 10);
for (let i = 0; i < warmup; i++) pass(false);
for (let i = 0; i < passes; i++) pass(true);
for (const input of inputs) {
  input.parse /= passes;
  input.floor /= passes;
}

const fmt = (ms) => ms.toFixed(3).padStart(9);
const ratio = (parse, base) => `${(parse / base).toFixed(2)}×`;
console.log(`steady state: ${warmup} warm-up passes, mean of ${passes} timed passes over ${inputs.length} report files\n`);
console.log(`${'file'.padEnd(48)} ${'KB'.padStart(6)} ${'parse ms'.padStart(9)} ${'floor ms'.padStart(9)}`);
for (const r of inputs) console.log(`${r.name.padEnd(48)} ${(r.text.length / 1024).toFixed(1).padStart(6)} ${fmt(r.parse)} ${fmt(r.floor)}`);
console.log('');
const sum = (list, key) => list.reduce((s, r) => s + r[key], 0);
const line = (name, list, note = '') => {
  if (!list.length) return;
  const parse = sum(list, 'parse');
  const base = sum(list, 'floor');
  console.log(`${name.padEnd(20)} ${String(list.length).padStart(3)} reports: full parse ${parse.toFixed(1)} ms per pass (${(parse / list.length).toFixed(3)} ms/report), floor ${base.toFixed(1)} ms, ratio ${ratio(parse, base)}${note}`);
};
for (const g of groups) {
  const list = inputs.filter((r) => r.group === g.name);
  // Issue 2's target is over corpus/, the published reports; the forms came later.
  line(g.name, list, g.name === 'corpus/' ? ' (target: within 2×)' : '');
  // A line split, the text floor, costs next to nothing: a text file's ratio says little, so HTML and text are shown apart.
  if (list.some((r) => r.html)) line(`  of which HTML`, list.filter((r) => r.html));
  if (list.some((r) => r.html)) line(`  of which text`, list.filter((r) => !r.html));
}
line('total', inputs);
