// npm run bench — per report file, ms for the full parse (parseReport on its text: lexed, normalized,
// checked, with provenance); the slowest file; and every HTML page against pandas.read_html (lxml),
// which only returns raw string grids, timed in this same run. Run after `npm run build`.
//
// Files: the reports the gold files of corpus/ and corpus/forms/ name, the search traps of bench/cases/,
// and ../shared/corpus/scrapers/ when it is there (BENCH_SHARED names another shared/). After BENCH_WARMUP passes (the JIT warms up), each
// of BENCH_PASSES passes parses every file once, in turn; a file's time is the median of its passes,
// so a pass that another process interrupted does not count (the machine may be shared), and the best
// pass is printed beside it. HTML against pandas: BENCH_ROUNDS rounds, each timing ours and then
// pandas' on each page BENCH_REPEATS times in a row, interleaved; medians of all calls on each side.
// pandas is used when a Python with pandas and lxml is found (Debian: python3-pandas python3-lxml).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { parseReport } from '../dist/index.js';

const root = join(import.meta.dirname, '..');
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const WARMUP = env('BENCH_WARMUP', 5);
const PASSES = env('BENCH_PASSES', 21);
const ROUNDS = env('BENCH_ROUNDS', 7);
const REPEATS = env('BENCH_REPEATS', 5);
/** The issue's bounds: the slowest file, and an HTML page against pandas.read_html. */
const SLOWEST_MS = 20;
const PANDAS_RATIO = 0.5;

/** The report files a directory's gold files name, in name order. */
function reportsOf(dir) {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.gold.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')).file)
    .filter((file) => existsSync(join(dir, file)))
    .map((file) => join(dir, file));
}
const casesDir = join(root, 'bench', 'cases');
const cases = readdirSync(casesDir)
  .filter((n) => n.endsWith('.txt') || n.endsWith('.md') || n.endsWith('.html'))
  .filter((n) => n !== 'README.md')
  .sort()
  .map((n) => join(casesDir, n));
const shared = process.env.BENCH_SHARED ?? join(root, '..', 'shared');
const scrapers = join(shared, 'corpus', 'scrapers');
const groups = [
  { name: 'corpus/', files: reportsOf(join(root, 'corpus')) },
  { name: 'corpus/forms/', files: reportsOf(join(root, 'corpus', 'forms')) },
  ...(existsSync(scrapers) ? [{ name: 'shared/corpus/scrapers/', files: reportsOf(scrapers) }] : []),
  { name: 'bench/cases/ (search traps)', files: cases },
];
const inputs = groups.flatMap((g) =>
  g.files.map((p) => ({ group: g.name, name: p.startsWith(root) ? relative(root, p) : `shared/corpus/${relative(join(shared, 'corpus'), p)}`, path: p, text: readFileSync(p, 'utf8'), html: extname(p).startsWith('.htm'), times: [] })),
);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => x.toFixed(2).padStart(8);

for (let i = 0; i < WARMUP; i++) for (const input of inputs) parseReport(input.text);
for (let pass = 0; pass < PASSES; pass++)
  for (const input of inputs) {
    const t0 = performance.now();
    parseReport(input.text);
    input.times.push(performance.now() - t0);
  }

console.log(`full parse per file: median of ${PASSES} passes (best pass beside it), after ${WARMUP} warm-up passes\n`);
console.log(`${'file'.padEnd(58)} ${'KB'.padStart(6)} ${'median ms'.padStart(9)} ${'best ms'.padStart(8)}`);
for (const g of groups) {
  const list = inputs.filter((r) => r.group === g.name);
  for (const r of list) console.log(`${r.name.padEnd(58)} ${(r.text.length / 1024).toFixed(1).padStart(6)} ${ms(median(r.times)).padStart(9)} ${ms(Math.min(...r.times))}`);
  const total = list.reduce((s, r) => s + median(r.times), 0);
  console.log(`${`  ${g.name}: ${list.length} files`.padEnd(58)} ${''.padStart(6)} ${ms(total / list.length).padStart(9)} (mean of the medians)\n`);
}
const reports = inputs.filter((r) => !r.group.startsWith('bench/cases'));
const slowest = reports.reduce((a, b) => (median(b.times) > median(a.times) ? b : a));
console.log(`slowest corpus file: ${slowest.name}, ${median(slowest.times).toFixed(2)} ms (best ${Math.min(...slowest.times).toFixed(2)} ms; target < ${SLOWEST_MS} ms)${median(slowest.times) < SLOWEST_MS ? '' : '  OVER'}`);
const trap = inputs.filter((r) => r.group.startsWith('bench/cases')).reduce((a, b) => (!a || median(b.times) > median(a.times) ? b : a), undefined);
if (trap) console.log(`slowest search trap: ${trap.name}, ${median(trap.times).toFixed(2)} ms`);

/** A Python with pandas and lxml, or undefined. */
function findPython() {
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', 'import pandas, lxml'], { stdio: 'ignore' });
    if (r.status === 0) return python;
  }
  return undefined;
}

const pages = inputs.filter((r) => r.html);
const python = findPython();
if (!python) console.log('\nHTML against pandas.read_html: skipped, no Python with pandas and lxml (Debian: apt-get install python3-pandas python3-lxml)');
else {
  const child = spawn(python, [join(import.meta.dirname, 'read_html.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => (await lines.next()).value;
  const version = await next();
  const ours = new Map(pages.map((p) => [p, []]));
  const theirs = new Map(pages.map((p) => [p, []]));
  for (let round = 0; round <= ROUNDS; round++) {
    for (const page of pages) {
      const mine = [];
      for (let k = 0; k < REPEATS; k++) {
        const t0 = performance.now();
        parseReport(page.text);
        mine.push(performance.now() - t0);
      }
      child.stdin.write(`${REPEATS}\t${page.path}\n`);
      const pandas = (await next()).split(' ').map(Number);
      // Round 0 warms pandas up as the passes above warmed us up.
      if (round === 0) continue;
      ours.get(page).push(...mine);
      theirs.get(page).push(...pandas);
    }
  }
  child.stdin.end();
  console.log(`\nHTML pages against pandas.read_html (lxml; ${version.replace('ready', 'pandas')}), same run, interleaved: median of ${ROUNDS} × ${REPEATS} calls each`);
  console.log(`${'page'.padEnd(40)} ${'ours ms'.padStart(8)} ${'pandas ms'.padStart(10)} ${'ratio'.padStart(7)}`);
  let worst = 0;
  for (const page of pages) {
    const a = median(ours.get(page));
    const b = median(theirs.get(page));
    worst = Math.max(worst, a / b);
    console.log(`${page.name.padEnd(40)} ${ms(a)} ${ms(b).padStart(10)} ${(a / b).toFixed(2).padStart(6)}×`);
  }
  console.log(`every HTML page within ${PANDAS_RATIO}× of pandas.read_html: ${worst <= PANDAS_RATIO ? 'yes' : 'NO'} (worst ${worst.toFixed(2)}×)`);
}
