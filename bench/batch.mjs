// npm run bench (second part) — the CLI batch at scale: 10,000 copies of the corpus reports in a temp
// dir, parsed to NDJSON on /dev/null with --jobs 1 and --jobs 2. Prints files/s, the speed-up, and the
// peak RSS of the whole process (worker threads included), for the full batch and for a tenth of it
// (memory must not grow with the number of files). Run after `npm run build`.
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

async function runCli(dir, jobs) {
  await waitForIdle();
  const [busy0] = machineTicks();
  const rssFile = join(tmpdir(), `xxgk-bench-stats-${process.pid}-${jobs}`);
  const devNull = openSync('/dev/null', 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', join(root, 'bench', 'peak-rss.mjs'), join(root, 'dist', 'cli.js'), 'parse', dir, '--format', 'ndjson', '--jobs', String(jobs)], {
    stdio: ['ignore', devNull, 'pipe'],
    env: { ...process.env, XXGK_BENCH_STATS_FILE: rssFile },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      closeSync(devNull);
      if (code !== 0 && code !== 1) return reject(new Error(`the CLI exited with ${code}: ${stderr}`));
      const { rss, cpuSeconds } = JSON.parse(readFileSync(rssFile, 'utf8'));
      rmSync(rssFile, { force: true });
      // What the machine was busy with beyond this run (other processes, this bench's own sampling).
      const otherCores = Math.max(0, (machineTicks()[0] - busy0) / TICK - cpuSeconds) / seconds;
      resolve({ seconds, rss, cpuSeconds, otherCores, summary: stderr.trim().split('\n').pop() });
    });
  });
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const dir = makeBatch(FILES);
const small = makeBatch(Math.round(FILES / 10));
try {
  console.log(`\nbatch: ${FILES} files (copies of ${corpus.length} corpus reports), parse --format ndjson > /dev/null, ${availableParallelism()} cores`);
  const results = {};
  for (const jobs of [1, 2]) {
    let r;
    for (let attempt = 1; attempt <= TRIES; attempt++) {
      const tried = await runCli(dir, jobs);
      if (!r || tried.otherCores < r.otherCores) r = tried;
      if (r.otherCores <= QUIET) break;
      console.log(`--jobs ${jobs}: other processes used ${tried.otherCores.toFixed(2)} core(s) during try ${attempt}${attempt < TRIES ? ', trying again' : ''}`);
    }
    results[jobs] = r;
    console.log(
      `--jobs ${jobs}: ${r.seconds.toFixed(1)} s, ${(FILES / r.seconds).toFixed(0)} files/s, peak RSS ${mb(r.rss)}, CPU ${r.cpuSeconds.toFixed(1)} s; other processes used ${r.otherCores.toFixed(2)} core(s) meanwhile`,
    );
  }
  console.log(`summary: ${results[2].summary}`);
  const smallRun = await runCli(small, 2);
  console.log(`--jobs 2 on ${Math.round(FILES / 10)} files: peak RSS ${mb(smallRun.rss)} (vs ${mb(results[2].rss)} on ${FILES})`);
  const speedup = results[1].seconds / results[2].seconds;
  const peak = Math.max(results[1].rss, results[2].rss);
  console.log(`speed-up --jobs 2 / --jobs 1: ${speedup.toFixed(2)}× (target ≥ 1.6× on 2 cores); peak RSS ${mb(peak)} (target < 300 MB)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(small, { recursive: true, force: true });
}
