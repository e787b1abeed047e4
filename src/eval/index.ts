// Measuring the parser on reports a person has checked: gold files, scores, totals (docs/eval.md).
export { goldSchema, type Gold } from './gold.js';
export { scoreReport, sumScores, type ReportScore, type EvalTotals, type Discrepancy } from './score.js';
export { formatScore, formatTotals } from './format.js';
