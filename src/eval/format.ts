// Scores as text: a line per report, the wrong cells under it (verbose), a summary line.
import type { EvalTotals, ReportScore } from './score.js';

/** `NAME  right/cells right, n caught, n missed, n silent[, n phantom]`, or the crash. */
export function formatScore(s: ReportScore, verbose = false): string {
  const name = s.file.slice(s.file.lastIndexOf('/') + 1);
  const status =
    s.crash !== undefined
      ? `CRASH ${s.crash.split('\n')[0]}`
      : `${s.right}/${s.cells} right, ${s.caught} caught, ${s.missed} missed, ${s.silent} silent${s.phantom ? `, ${s.phantom} phantom` : ''}`;
  let out = `${name.padEnd(44)} ${status}\n`;
  if (verbose) for (const w of s.wrong.slice(0, 40)) out += `    ${w.text}\n`;
  return out;
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(2) : '0.00');

export function formatTotals(t: EvalTotals): string {
  return (
    `summary: reports ${t.reports}, crashed ${t.crashed}, cells ${t.cells}, right ${pct(t.right, t.cells)}%, ` +
    `caught ${pct(t.caught, t.cells)}%, missed ${pct(t.missed, t.cells)}%, silent ${pct(t.silent, t.cells)}% (${t.silent}), ` +
    `phantom ${t.phantom}, meta ${t.metaRight}/${t.metaTotal}, source-check flags ${t.checksFlagged}/${t.checksExpected}, ` +
    `settled-right ${pct(t.settledRight, t.settled)}% (${t.settledRight}/${t.settled})\n`
  );
}
