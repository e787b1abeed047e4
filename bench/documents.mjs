// npm run bench — ms per PDF and Word file of corpus/docs/ for the full parse (parseDocument: pdf.js
// reading the pages, the grids, the grammars and checks), at steady state (warm-up passes first, then
// the mean of timed passes), beside CPU ms (steadier on a shared machine) and, when poppler-utils is
// installed, `pdftotext -layout` on the same file: the floor of getting a PDF's text at all, without
// any table. For scale: pdfplumber's extract_tables alone takes about 430 ms per PDF like these (one
// process). Then the PDFs as one batch (parseReports, its defaults): wall ms per PDF, the cores all used.
// BENCH_WARMUP and BENCH_PASSES change the number of passes. Run after `npm run build`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { parseDocument } from '../dist/index.js';
import { parseReports } from '../dist/node.js';

const dir = join(import.meta.dirname, '..', 'corpus', 'docs');
const files = readdirSync(dir)
  .filter((n) => /\.(pdf|docx)$/.test(n))
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))), ms: 0, cpu: 0, floor: undefined }));
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));

const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const passes = Number(process.env.BENCH_PASSES ?? 5);
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
for (let i = 0; i < warmup + passes; i++)
  for (const f of files) {
    const c0 = cpuMs();
    const t0 = performance.now();
    await parseDocument(f.bytes, { fileName: f.name });
    if (i >= warmup) {
      f.ms += performance.now() - t0;
      f.cpu += cpuMs() - c0;
    }
  }
if (pdftotext)
  for (const f of files.filter((f) => f.name.endsWith('.pdf'))) {
    let ms = 0;
    for (let i = 0; i < passes; i++) {
      const t0 = performance.now();
      spawnSync(pdftotext, ['-layout', join(dir, f.name), '-']);
      ms += performance.now() - t0;
    }
    f.floor = ms / passes;
  }
console.log(`\nPDF and Word files (corpus/docs/): ${warmup} warm-up passes, mean of ${passes} timed passes\n`);
console.log(`${'file'.padEnd(40)} ${'KB'.padStart(6)} ${'parse ms'.padStart(9)} ${'CPU ms'.padStart(8)} ${'pdftotext -layout ms'.padStart(21)}`);
for (const f of files) {
  f.ms /= passes;
  f.cpu /= passes;
  console.log(`${f.name.padEnd(40)} ${(f.bytes.length / 1024).toFixed(0).padStart(6)} ${f.ms.toFixed(1).padStart(9)} ${f.cpu.toFixed(1).padStart(8)} ${(f.floor === undefined ? '' : f.floor.toFixed(1)).padStart(21)}`);
}
const pdfs = files.filter((f) => f.name.endsWith('.pdf'));
const mean = (list, key) => list.reduce((s, f) => s + f[key], 0) / Math.max(1, list.length);
console.log(`\n${pdfs.length} PDFs: ${mean(pdfs, 'ms').toFixed(0)} ms per PDF (CPU ${mean(pdfs, 'cpu').toFixed(0)} ms)${pdftotext ? `, pdftotext -layout ${mean(pdfs, 'floor').toFixed(0)} ms per PDF (a process each)` : ' (pdftotext not installed: apt-get install poppler-utils for the floor)'}; pdfplumber extract_tables alone: about 430 ms per PDF`);
const docx = files.filter((f) => f.name.endsWith('.docx'));
console.log(`${docx.length} Word files: ${mean(docx, 'ms').toFixed(0)} ms per file (CPU ${mean(docx, 'cpu').toFixed(0)} ms)`);

// The PDFs as one batch, as a user's batch runs: parseReports with its defaults, wall time per PDF.
const rounds = Number(process.env.BENCH_BATCH_ROUNDS ?? 3);
const batchMs = [];
for (let i = 0; i < rounds + 1; i++) {
  const t0 = performance.now();
  await parseReports(pdfs.map((f) => ({ bytes: f.bytes, fileName: f.name })));
  if (i > 0) batchMs.push((performance.now() - t0) / pdfs.length);
}
batchMs.sort((a, b) => a - b);
const batch = batchMs[Math.floor(batchMs.length / 2)];
console.log(`the ${pdfs.length} PDFs as one batch (parseReports): ${batch.toFixed(0)} ms per PDF, median of ${rounds} rounds (a reading thread per core); pdfplumber's 430 ms: ${(batch / 430).toFixed(2)}×${batch <= 215 ? '' : '  OVER half'}`);
