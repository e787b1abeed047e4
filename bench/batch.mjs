// npm run bench (third part) — the CLI batch: copies of the corpus reports in a temp dir, parsed to NDJSON
// on /dev/null with the default --jobs (one thread below 1,500 files, a worker per core from there on:
// src/node/jobs.ts) and with --jobs 1, interleaved, on BENCH_SMALL (500) files and on BENCH_FILES
// (10,000) files, in BENCH_ROUNDS rounds (default 3); the default must be at least as fast as --jobs 1
// on the small batch and faster on the large one. Prints files/s, each round's ratio and their median,
// and the peak RSS of the whole process (worker threads included), also for a tenth and twice as many
// files (memory must not grow with the number of files). Run after `npm run build`.
// The machine may be shared: each run waits (up to a minute) for it to be idle, is tried again (up to
// BENCH_TRIES times) when other processes took more than a tenth of a core meanwhile, and prints how
// much they took, so a poor speed-up can be told from a busy machine (BENCH_IDLE_WAIT seconds, BENCH_TRIES).
import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const root = join(import.meta.dirname, '..');
const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const SMALL = Number(process.env.BENCH_SMALL ?? 500);
const PER_DIR = 500;
const TRIES = Number(process.env.BENCH_TRIES ?? 3);
/** Rounds of (--jobs 1, --jobs 2): a single pair's speed-up varies by ±0.07 on an idle machine, their median far less. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Other processes' load (in cores) under which a run counts as undisturbed. */
const QUIET = 0.1;
/** src/node/jobs.ts's POOL_MIN_INPUTS: batches smaller than this run in the main thread by default. */
const POOL_MIN_INPUTS = 1500;

const corpus = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (['.html', '.htm', '.txt', '.md'].includes(extname(name)) && name !== 'README.md') corpus.push(p);
  }
};
walk(join(root, 'corpus'));

/** `count` copies of the corpus reports, round-robin, in subdirectories of PER_DIR files. */
function makeBatch(count) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / PER_DIR)).padStart(3, '0'));
    if (i % PER_DIR === 0) mkdirSync(sub);
    const src = corpus[i % corpus.length];
    copyFileSync(src, join(sub, `${String(i).padStart(5, '0')}${extname(src)}`));
  }
  return dir;
}

/** [busy, total] CPU ticks of the whole machine so far (/proc/stat). */
function machineTicks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  return [user + nice + system + irq + softirq + steal, user + nice + system + idle + iowait + irq + softirq + steal];
}

const TICK = 100; // USER_HZ

/** Waits until other processes leave the machine mostly idle (at most `limit` seconds). */
async function waitForIdle(limit = Number(process.env.BENCH_IDLE_WAIT ?? 60)) {
  for (let waited = 0; waited < limit; waited++) {
    const [b0, t0] = machineTicks();
    await new Promise((r) => setTimeout(r, 1000));
    const [b1, t1] = machineTicks();
    if ((b1 - b0) / (t1 - t0) < 0.1) return;
  }
}

let spawned = 0;

/** Runs the CLI over `paths` with --jobs `jobs` (the default when undefined); resolves with its peak RSS, CPU time and summary line. */
function spawnCli(paths, jobs) {
  const statsFile = join(tmpdir(), `xxgk-bench-stats-${process.pid}-${++spawned}`);
  const devNull = openSync('/dev/null', 'w');
  const child = spawn(process.execPath, ['--import', join(root, 'bench', 'peak-rss.mjs'), join(root, 'dist', 'cli.js'), 'parse', ...paths, '--format', 'ndjson', ...(jobs === undefined ? [] : ['--jobs', String(jobs)])], {
    stdio: ['ignore', devNull, 'pipe'],
    env: { ...process.env, XXGK_BENCH_STATS_FILE: statsFile },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(devNull);
      if (code !== 0 && code !== 1) return reject(new Error(`the CLI exited with ${code}: ${stderr}`));
      const { rss, cpuSeconds } = JSON.parse(readFileSync(statsFile, 'utf8'));
      rmSync(statsFile, { force: true });
      resolve({ rss, cpuSeconds, summary: stderr.trim().split('\n').pop() });
    });
  });
}

/** Waits for an idle machine, then times `runs` (CLI processes started together) until all have ended. */
async function timed(runs) {
  await waitForIdle();
  const [busy0] = machineTicks();
  const t0 = performance.now();
  const results = await Promise.all(runs.map(([paths, jobs]) => spawnCli(paths, jobs)));
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = results.reduce((sum, r) => sum + r.cpuSeconds, 0);
  // What the machine was busy with beyond these runs (other processes, this bench's own sampling).
  const otherCores = Math.max(0, (machineTicks()[0] - busy0) / TICK - cpuSeconds) / seconds;
  return { seconds, cpuSeconds, otherCores, processes: results.length, rss: Math.max(...results.map((r) => r.rss)), summary: results[0].summary };
}

const runCli = (dir, jobs) => timed([[[dir], jobs]]);

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const batches = [
  { files: SMALL, dir: makeBatch(SMALL), need: 'at least as fast' },
  { files: FILES, dir: makeBatch(FILES), need: 'faster' },
];
/** BENCH_RSS=0 skips the runs on a tenth and on twice the files (memory's plateau). */
const RSS_RUNS = process.env.BENCH_RSS !== '0';
const tenth = RSS_RUNS ? makeBatch(Math.round(FILES / 10)) : undefined;
const twice = RSS_RUNS ? makeBatch(FILES * 2) : undefined;
try {
  console.log(`\nbatch: copies of ${corpus.length} corpus reports, parse --format ndjson > /dev/null, ${availableParallelism()} cores`);
  /** A run on an undisturbed machine, or the least disturbed of TRIES. */
  const quietRun = async (label, files, run) => {
    let r;
    for (let attempt = 1; attempt <= TRIES; attempt++) {
      const tried = await run();
      if (!r || tried.otherCores < r.otherCores) r = tried;
      if (r.otherCores <= QUIET) break;
      console.log(`${label}: other processes used ${tried.otherCores.toFixed(2)} core(s) during try ${attempt}${attempt < TRIES ? ', trying again' : ''}`);
    }
    console.log(`${label}: ${r.seconds.toFixed(2)} s, ${(files / r.seconds).toFixed(0)} files/s, peak RSS ${mb(r.rss)}, CPU ${r.cpuSeconds.toFixed(1)} s; other processes used ${r.otherCores.toFixed(2)} core(s) meanwhile`);
    return r;
  };
  let peak = 0;
  const verdicts = [];
  for (const batch of batches) {
    const ratios = [];
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`${batch.files} files, round ${round} of ${ROUNDS}`);
      // Which goes first alternates: neither always meets the other's leftovers (page cache, a busy core).
      const order = round % 2 ? [undefined, 1] : [1, undefined];
      const runs = {};
      for (const jobs of order) runs[jobs ?? 'default'] = await quietRun(jobs ? '  --jobs 1' : '  default --jobs', batch.files, () => runCli(batch.dir, jobs));
      ratios.push(runs[1].seconds / runs.default.seconds);
      peak = Math.max(peak, runs[1].rss, runs.default.rss);
    }
    const m = median(ratios);
    const ok = batch.need === 'faster' ? m > 1 : m >= 0.97;
    // Below the pool's threshold the default runs --jobs 1's code, unchanged: a ratio away from 1 is only the machine's load between runs.
    const same = batch.files < POOL_MIN_INPUTS ? ` (below ${POOL_MIN_INPUTS} files the default is --jobs 1, the same code: a ratio away from 1 is other processes' load)` : '';
    verdicts.push(`${batch.files} files: default ${m.toFixed(2)}× the speed of --jobs 1 (median of ${ratios.map((x) => x.toFixed(2)).join(', ')}; must be ${batch.need})${ok ? '' : same || '  NOT MET'}`);
  }
  if (RSS_RUNS) {
    const tenthRun = await runCli(tenth, undefined);
    const twiceRun = await runCli(twice, undefined);
    peak = Math.max(peak, tenthRun.rss, twiceRun.rss);
    console.log(`default --jobs peak RSS: ${mb(tenthRun.rss)} on ${Math.round(FILES / 10)} files, ${mb(twiceRun.rss)} on ${FILES * 2}`);
  }
  console.log(`peak RSS of all runs ${mb(peak)} (target < 300 MB)`);
  for (const v of verdicts) console.log(v);
} finally {
  for (const b of batches) rmSync(b.dir, { recursive: true, force: true });
  for (const d of [tenth, twice]) if (d) rmSync(d, { recursive: true, force: true });
}
