// `eval`: every report with a NAME.gold.json beside it is parsed and scored against its gold, per file
// and overall (docs/eval.md). Exit 1 when some cell is silent or phantom: a wrong number nothing flags.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { streamReports } from '../node/batch.js';
import { goldSchema, type Gold } from '../eval/gold.js';
import { scoreReport, sumScores, type ReportScore } from '../eval/score.js';
import { formatScore, formatTotals } from '../eval/format.js';
import type { Io } from './run.js';

export interface EvalArgs {
  paths: string[];
  json: boolean;
  verbose: boolean;
  /** Worker threads; the batch's default when absent. */
  jobs?: number;
}

interface Pair {
  gold: Gold;
  /** The report file beside the gold file. */
  report: string;
}

const GOLD_SUFFIX = '.gold.json';

/** Gold files: those in each directory (not its subdirectories), or a gold file given by name. */
async function goldFilesOf(paths: readonly string[]): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (!s) errors.push(`cannot read ${p}`);
    else if (s.isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.endsWith(GOLD_SUFFIX)).sort();
      if (!names.length) errors.push(`${p} holds no ${GOLD_SUFFIX} file`);
      for (const n of names) files.push(join(p, n));
    } else if (p.endsWith(GOLD_SUFFIX)) files.push(p);
    else errors.push(`${p} is neither a directory nor a ${GOLD_SUFFIX} file`);
  }
  return { files, errors };
}

/** Each gold file read and checked, with the report it names; what is wrong with the others. */
async function pairsOf(files: readonly string[]): Promise<{ pairs: Pair[]; errors: string[] }> {
  const pairs: Pair[] = [];
  const errors: string[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      errors.push(`${file}: not readable JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const gold = goldSchema.safeParse(json);
    if (!gold.success) {
      const issue = gold.error.issues[0]!;
      errors.push(`${file}: not a gold file: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
      continue;
    }
    const report = join(dirname(file), gold.data.file);
    if (!(await stat(report).then((s) => s.isFile(), () => false))) {
      errors.push(`${file}: its report ${gold.data.file} is not beside it`);
      continue;
    }
    pairs.push({ gold: gold.data, report });
  }
  return { pairs, errors };
}

export async function runEval(args: EvalArgs, io: Io): Promise<number> {
  const found = await goldFilesOf(args.paths);
  const { pairs, errors } = await pairsOf(found.files);
  for (const e of [...found.errors, ...errors]) io.stderr.write(`xxgk-report: ${e}\n`);
  const scores: ReportScore[] = [];
  let i = 0;
  for await (const report of streamReports(
    pairs.map((p) => ({ path: p.report })),
    args.jobs ? { concurrency: args.jobs } : {},
  )) {
    const score = scoreReport(report, pairs[i++]!.gold);
    scores.push(score);
    if (!args.json) io.stdout.write(formatScore(score, args.verbose));
  }
  const totals = sumScores(scores);
  io.stdout.write(args.json ? `${JSON.stringify({ totals, perReport: scores.map((s, k) => ({ ...s, path: pairs[k]!.report })) }, null, 1)}\n` : formatTotals(totals));
  if (found.errors.length || errors.length) return 2;
  return totals.silent || totals.phantom ? 1 : 0;
}
