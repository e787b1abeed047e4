// Preloaded into the CLI by bench/batch.mjs (node --import): writes the process's peak resident set
// size — all threads, workers included — and its CPU time to $XXGK_BENCH_STATS_FILE when it exits.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.XXGK_BENCH_STATS_FILE;
if (isMainThread && out)
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ rss: maxRSS * 1024, cpuSeconds: (userCPUTime + systemCPUTime) / 1e6 }));
  });
