// npm run bench (second part) — the CLI batch at scale: 10,000 copies of the corpus reports in a temp
// dir, parsed to NDJSON on /dev/null with --jobs 1 and --jobs 2, in BENCH_ROUNDS rounds (default 3).
// Prints files/s, each round's speed-up and their median, and the peak RSS of the whole process (worker
// threads included), for the full batch and for a tenth and twice as many files (memory must not grow
// with the number of files). Run after `npm run build`.
// Each round also times two `--jobs 1` processes side by side on half the files each: they share no
// heap, no thread and no messages, so their speed-up is what two cores give this workload on this
// machine, the bound for any pool: one parser alone has the other core free for V8's compiling and
// collecting, and each copy compiles the parser anew.
// The machine may be shared: each run waits (up to a minute) for it to be idle, is tried again (up to
// BENCH_TRIES times) when other processes took more than a tenth of a core meanwhile, and prints how
// much they took, so a poor speed-up can be told from a busy machine.
import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const root = join(import.meta.dirname, '..');
const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const PER_DIR = 500;
const TRIES = Number(process.env.BENCH_TRIES ?? 3);
/** Rounds of (--jobs 1, --jobs 2): a single pair's speed-up varies by ±0.07 on an idle machine, their median far less. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Other processes' load (in cores) under which a run counts as undisturbed. */
const QUIET = 0.1;

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
async function waitForIdle(limit = 60) {
  for (let waited = 0; waited < limit; waited++) {
    const [b0, t0] = machineTicks();
    await new Promise((r) => setTimeout(r, 1000));
    const [b1, t1] = machineTicks();
    if ((b1 - b0) / (t1 - t0) < 0.1) return;
  }
}

let spawned = 0;

/** Runs the CLI over `paths` with --jobs `jobs`; resolves with its peak RSS, CPU time and summary line. */
function spawnCli(paths, jobs) {
  const statsFile = join(tmpdir(), `xxgk-bench-stats-${process.pid}-${++spawned}`);
  const devNull = openSync('/dev/null', 'w');
  const child = spawn(process.execPath, ['--import', join(root, 'bench', 'peak-rss.mjs'), join(root, 'dist', 'cli.js'), 'parse', ...paths, '--format', 'ndjson', '--jobs', String(jobs)], {
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

/** The batch's files split in two halves, each parsed by its own `--jobs 1` process, side by side. */
function runHalves(dir) {
  const files = readdirSync(dir)
    .sort()
    .flatMap((sub) => readdirSync(join(dir, sub)).sort().map((name) => join(dir, sub, name)));
  const half = Math.ceil(files.length / 2);
  return timed([
    [files.slice(0, half), 1],
    [files.slice(half), 1],
  ]);
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const dir = makeBatch(FILES);
const small = makeBatch(Math.round(FILES / 10));
const large = makeBatch(FILES * 2);
try {
  console.log(`\nbatch: ${FILES} files (copies of ${corpus.length} corpus reports), parse --format ndjson > /dev/null, ${availableParallelism()} cores`);
  /** A run on an undisturbed machine, or the least disturbed of TRIES. */
  const quietRun = async (label, run) => {
    let r;
    for (let attempt = 1; attempt <= TRIES; attempt++) {
      const tried = await run();
      if (!r || tried.otherCores < r.otherCores) r = tried;
      if (r.otherCores <= QUIET) break;
      console.log(`${label}: other processes used ${tried.otherCores.toFixed(2)} core(s) during try ${attempt}${attempt < TRIES ? ', trying again' : ''}`);
    }
    console.log(
      `${label}: ${r.seconds.toFixed(1)} s, ${(FILES / r.seconds).toFixed(0)} files/s, peak RSS ${mb(r.rss)}${r.processes > 1 ? ' (the larger process)' : ''}, CPU ${r.cpuSeconds.toFixed(1)} s; other processes used ${r.otherCores.toFixed(2)} core(s) meanwhile`,
    );
    return r;
  };
  const speedups = [];
  const ceilings = [];
  let peak = 0;
  let last;
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`round ${round} of ${ROUNDS}`);
    const one = await quietRun('--jobs 1', () => runCli(dir, 1));
    const two = await quietRun('--jobs 2', () => runCli(dir, 2));
    // What any two-thread design could get here: two processes that share nothing, on half the files each.
    const halves = await quietRun('two --jobs 1 processes, half the files each, side by side', () => runHalves(dir));
    speedups.push(one.seconds / two.seconds);
    ceilings.push(one.seconds / halves.seconds);
    peak = Math.max(peak, one.rss, two.rss);
    last = two;
  }
  console.log(`summary: ${last.summary}`);
  // A tenth of the files ends before the workers' heaps reach their steady size; twice as many shows the plateau.
  const smallRun = await runCli(small, 2);
  const largeRun = await runCli(large, 2);
  peak = Math.max(peak, smallRun.rss, largeRun.rss);
  console.log(`--jobs 2 peak RSS: ${mb(smallRun.rss)} on ${Math.round(FILES / 10)} files, ${mb(last.rss)} on ${FILES}, ${mb(largeRun.rss)} on ${FILES * 2}`);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rounds = (xs) => xs.map((x) => `${x.toFixed(2)}×`).join(', ');
  console.log(`speed-up --jobs 2 / --jobs 1 per round: ${rounds(speedups)}`);
  console.log(`two separate processes / --jobs 1 per round: ${rounds(ceilings)} (no pool, no messages: what two cores give this workload here)`);
  console.log(`speed-up, median of ${ROUNDS}: ${median(speedups).toFixed(2)}× (target ≥ 1.6× on 2 cores); two separate processes: ${median(ceilings).toFixed(2)}×; peak RSS of all runs ${mb(peak)} (target < 300 MB)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(small, { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}
