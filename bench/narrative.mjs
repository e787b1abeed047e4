// npm run bench — what the narrative layer (src/narrative: the prose read as a second source) costs:
// passes over every report of corpus/ and corpus/forms/, parsed with it and without it (`narrative:
// false`) by turns, warm-up passes first. Each pass is measured in CPU time (process.cpuUsage, which a
// busy machine's waiting does not inflate) and in wall time. The layer's share of the parse is
// (with − without) / with; the target is under 10%. Run after `npm run build`. BENCH_WARMUP and
// BENCH_PASSES change the number of passes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseReport } from '../dist/index.js';

const root = join(import.meta.dirname, '..', 'corpus');
const inputs = [root, join(root, 'forms')].flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.gold.json'))
    .sort()
    .map((n) => join(dir, JSON.parse(readFileSync(join(dir, n), 'utf8')).file))
    .filter((p) => existsSync(p))
    .map((p) => ({ name: p.slice(root.length + 1), text: readFileSync(p, 'utf8') })),
);

/** One pass over every input, with or without the narrative: its CPU and wall time (ms). */
function pass(narrative) {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (const input of inputs) parseReport(input.text, { narrative });
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / 1000, wall };
}

const warmup = Number(process.env.BENCH_WARMUP ?? 4);
const passes = Number(process.env.BENCH_PASSES ?? 30);
for (let i = 0; i < warmup; i++) pass(i % 2 === 0);
// Pairs of passes, one with and one without, which first alternating: on a busy machine the load
// changes from one pair to the next, so each pair gives a share and the median of the shares is told.
const shares = { cpu: [], wall: [] };
const totals = { with: { cpu: 0, wall: 0 }, without: { cpu: 0, wall: 0 } };
/** The fastest pass of each: the one least disturbed by other processes. */
const best = { with: Infinity, without: Infinity };
for (let i = 0; i < passes; i++) {
  const first = i % 2 === 0;
  const a = pass(first);
  const b = pass(!first);
  const [w, wo] = first ? [a, b] : [b, a];
  best.with = Math.min(best.with, w.cpu);
  best.without = Math.min(best.without, wo.cpu);
  for (const key of ['cpu', 'wall']) {
    shares[key].push((w[key] - wo[key]) / w[key]);
    totals.with[key] += w[key];
    totals.without[key] += wo[key];
  }
}

const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const quartiles = (xs) => { const s = [...xs].sort((x, y) => x - y); return [s[Math.floor(s.length / 4)], s[Math.floor((3 * s.length) / 4)]]; };
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const perPass = (t) => `${(t.cpu / passes).toFixed(1)} ms CPU, ${(t.wall / passes).toFixed(1)} ms wall`;
console.log(`narrative layer: ${warmup} warm-up passes, ${passes} pairs of passes over ${inputs.length} report files`);
console.log(`per pass with the narrative ${perPass(totals.with)}; without ${perPass(totals.without)}`);
const [q1, q3] = quartiles(shares.cpu);
console.log(`the layer is ${pct(median(shares.cpu))} of parse CPU time (median of the pairs; quartiles ${pct(q1)}–${pct(q3)}), ${pct(median(shares.wall))} of wall time; target: under 10%`);
console.log(`fastest pass with the narrative ${best.with.toFixed(1)} ms CPU, without ${best.without.toFixed(1)} ms: the layer is ${pct((best.with - best.without) / best.with)} of the fastest parse`);
