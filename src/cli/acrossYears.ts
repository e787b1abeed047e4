// `check --across-years`: parse every input, pair one agency's reports of consecutive years, and run
// X-1/X-2 (compareYears) on each pair. Two reports of one agency and year (the same report in two forms,
// e.g. page text and page HTML) are not both compared: the one with fewer flagged cells is, and the
// output says which, and where the two disagree on a cell the checks read.
import { compareYears, cellAt, type CrossYearDiagnostic, type YearReport } from '../check/acrossYears.js';
import { collectInputs } from '../node/inputs.js';
import { forEachOutcome } from './batch.js';
import { openOutput } from './sink.js';
import { Summary } from './summary.js';
import type { Io } from './run.js';

interface Held {
  name: string;
  report: YearReport;
  flagged: number;
}

/** The cells X-1 and X-2 read, for telling whether two copies of a year agree. */
const COMPARED_CELLS = [
  ...['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'].flatMap((c) => [`applications/carriedOver/${c}`, `applications/carriedForward/${c}`]),
  ...['regulations', 'normativeDocuments'].flatMap((r) => ['issued', 'repealed', 'inForce'].map((c) => `documents/${r}/${c}`)),
];

export async function runAcrossYears(args: { paths: string[]; out?: string; jobs?: number }, io: Io): Promise<number> {
  const summary = new Summary();
  const { inputs, errors } = await collectInputs(args.paths);
  for (const e of errors) {
    summary.ioError();
    io.stderr.write(`xxgk-report: ${e}\n`);
  }
  const byAgency = new Map<string, Map<number, Held[]>>();
  const unpaired: string[] = [];
  await forEachOutcome(inputs, 'years', args.jobs, io, (outcome, progress) => {
    if (outcome.ioError || !outcome.years) {
      summary.ioError();
      progress.log(`xxgk-report: ${outcome.ioError ?? `${outcome.name}: ${outcome.errors.join('; ')}`}\n`);
      return;
    }
    summary.count(outcome);
    const { report, flagged } = outcome.years;
    const { agency, year } = report.meta;
    if (!agency || year === undefined) return void unpaired.push(outcome.name);
    const years = byAgency.get(agency) ?? new Map<number, Held[]>();
    byAgency.set(agency, years);
    years.set(year, [...(years.get(year) ?? []), { name: outcome.name, report, flagged }]);
  });

  const sink = await openOutput(args.out, io);
  if (!sink) return 2;
  let pairs = 0;
  const failed = new Map<string, number>();
  for (const agency of [...byAgency.keys()].sort()) {
    const years = byAgency.get(agency)!;
    const sorted = [...years.keys()].sort((a, b) => a - b);
    let text = `${agency}: ${sorted.join(' ')}\n`;
    const chosen = new Map<number, Held>();
    for (const year of sorted) {
      const [best, ...others] = [...years.get(year)!].sort((a, b) => a.flagged - b.flagged || (a.name < b.name ? -1 : 1));
      chosen.set(year, best!);
      if (others.length) text += duplicateNote(year, best!, others);
    }
    for (let i = 1; i < sorted.length; i++) {
      const [py, cy] = [sorted[i - 1]!, sorted[i]!];
      if (cy !== py + 1) {
        text += `  ${py} → ${cy}: not consecutive years (no report for ${py + 1}${cy - 1 > py + 1 ? `–${cy - 1}` : ''}), not compared\n`;
        continue;
      }
      pairs++;
      const previous = chosen.get(py)!;
      const current = chosen.get(cy)!;
      const diagnostics = compareYears(previous.report, current.report);
      const warnings = diagnostics.filter((d) => d.severity !== 'info');
      text += `  ${py} → ${cy}: ${previous.name} → ${current.name}: ${warnings.length ? `${warnings.length} warning(s)` : 'X-1 and X-2 hold where they could run'}\n`;
      for (const d of diagnostics) {
        text += `    ${formatCrossYear(d)}\n`;
        if (d.code === 'check-failed') failed.set(d.check, (failed.get(d.check) ?? 0) + 1);
      }
    }
    await sink.write(text);
  }
  if (unpaired.length) await sink.write(`not paired (no agency or no year read): ${unpaired.join(', ')}\n`);
  const warnings = [...failed.values()].reduce((a, b) => a + b, 0);
  await sink.write(
    `${byAgency.size} agenc${byAgency.size === 1 ? 'y' : 'ies'}, ${pairs} pair(s) of consecutive years compared, ${warnings} cross-year warning(s)${warnings ? ` (${[...failed].map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}\n`,
  );
  await sink.close();
  io.stderr.write(summary.text());
  return summary.exitCode();
}

function duplicateNote(year: number, best: Held, others: Held[]): string {
  let text = `  ${year}: ${others.length + 1} reports; compared: ${best.name} (${best.flagged} flagged cell(s)); not compared: ${others.map((o) => `${o.name} (${o.flagged})`).join(', ')}\n`;
  for (const other of others) {
    const differ = COMPARED_CELLS.filter((p) => {
      const a = cellAt(best.report, p);
      const b = cellAt(other.report, p);
      return a != null && b != null && a !== b;
    });
    if (differ.length) text += `    ${best.name} and ${other.name} disagree on ${differ.join(', ')}\n`;
  }
  return text;
}

function formatCrossYear(d: CrossYearDiagnostic): string {
  return `${d.severity.padEnd(7)} ${d.code} ${d.check}${d.path ? ` ${d.path}` : ''}: ${d.message}`;
}
