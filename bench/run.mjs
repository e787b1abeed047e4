// npm run bench — ms per report over corpus/ for the full parse and for the floor (what any parser of
// the input must do at least: cheerio.load plus a walk over the table cells for HTML, a line split for
// text), and their ratio. Run after `npm run build`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as cheerio from 'cheerio';
import { parseReport } from '../dist/index.js';

const root = join(import.meta.dirname, '..', 'corpus');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (['.html', '.htm', '.txt', '.md'].includes(extname(name))) files.push(p);
  }
};
walk(root);
const inputs = files.map((p) => ({ p, text: readFileSync(p, 'utf8'), html: extname(p).startsWith('.htm') }));

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

function time(fn, rounds) {
  for (let i = 0; i < 3; i++) fn(); // warm up
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  return (performance.now() - t0) / rounds;
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const rows = [];
let totalParse = 0;
let totalFloor = 0;
for (const input of inputs) {
  const parse = time(() => parseReport(input.text), rounds);
  const base = time(() => floor(input), rounds);
  totalParse += parse;
  totalFloor += base;
  rows.push({ file: input.p.slice(root.length + 1), kb: (input.text.length / 1024).toFixed(1), parse, base });
}
console.log(`${'file'.padEnd(48)} ${'KB'.padStart(6)} ${'parse ms'.padStart(9)} ${'floor ms'.padStart(9)} ${'ratio'.padStart(7)}`);
for (const r of rows) console.log(`${r.file.padEnd(48)} ${r.kb.padStart(6)} ${r.parse.toFixed(3).padStart(9)} ${r.base.toFixed(3).padStart(9)} ${(r.parse / r.base).toFixed(1).padStart(7)}`);
const n = rows.length;
console.log(`\n${n} reports: full parse ${(totalParse / n).toFixed(3)} ms/report, floor ${(totalFloor / n).toFixed(3)} ms/report, ratio ${(totalParse / totalFloor).toFixed(2)}×`);
