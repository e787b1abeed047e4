// Which cells a rendering cannot settle when it drops a table's blank cells: for each row of applications
// (and the one row of reviewLitigation), every order-preserving placement of the row's printed numbers into
// the template's columns is tried, the other rows held at the gold; a placement is valid when every check of
// SPEC §6 (T3-A/B/C, T4-A/B/C) whose cells are all non-null passes (a check with a blank cell cannot run).
// A row with more than one valid placement has its printed cells listed (the corpus convention: the gold's
// non-null cells of that row).   node scripts/ambiguous-placements.mjs GOLD.json [--columns C1,C2,..]
// --columns: only these applications columns are printed (a page that clips the rest); the others' cells are
// absent from the rendering and listed as ambiguous whatever the placements.
import { readFileSync } from 'node:fs';

const APP_COLS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'];
const RL_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'];
const RL_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const args = process.argv.slice(2);
const gold = JSON.parse(readFileSync(args[0], 'utf8'));
const shown = args.includes('--columns') ? args[args.indexOf('--columns') + 1].split(',') : APP_COLS;
const cells = gold.cells;
const appRows = [...new Set(Object.keys(cells).filter((k) => k.startsWith('applications/')).map((k) => k.split('/')[1]))];

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const runs = (xs) => xs.every((x) => x !== null && x !== undefined);
function appChecksPass(v) {
  const get = (r, c) => v[`applications/${r}/${c}`];
  const leaves = appRows.filter((r) => r.startsWith('results.') && r !== 'results.total');
  for (const c of APP_COLS) {
    const a = [get('newReceived', c), get('carriedOver', c), get('results.total', c), get('carriedForward', c)];
    if (runs(a) && a[0] + a[1] !== a[2] + a[3]) return false;
    const b = [...leaves.map((r) => get(r, c)), get('results.total', c)];
    if (runs(b) && sum(b.slice(0, -1)) !== b.at(-1)) return false;
  }
  for (const r of appRows) {
    const row = APP_COLS.map((c) => get(r, c));
    if (runs(row) && sum(row.slice(0, 6)) !== row[6]) return false;
  }
  return true;
}
function rlChecksPass(v) {
  for (const g of RL_GROUPS) {
    const row = RL_COLS.map((c) => v[`reviewLitigation/${g}/${c}`]);
    if (runs(row) && sum(row.slice(0, 4)) !== row[4]) return false;
  }
  return true;
}
/** Every way to put `values` in order into `slots` slots (the rest blank). */
function* placements(values, slots, from = 0) {
  if (!values.length) { yield new Array(slots - from).fill(null); return; }
  for (let i = from; i <= slots - values.length; i++)
    for (const rest of placements(values.slice(1), slots, i + 1)) yield [...new Array(i - from).fill(null), values[0], ...rest];
}
function ambiguousRow(keys, pass) {
  const values = keys.map((k) => cells[k]).filter((x) => x !== null);
  let valid = 0;
  for (const p of placements(values, keys.length)) {
    const v = { ...cells };
    keys.forEach((k, i) => (v[k] = p[i]));
    if (pass(v) && ++valid > 1) return keys.filter((k) => cells[k] !== null);
  }
  return [];
}
const out = new Set();
for (const r of appRows) {
  const keys = APP_COLS.filter((c) => shown.includes(c)).map((c) => `applications/${r}/${c}`);
  for (const c of APP_COLS) if (!shown.includes(c) && cells[`applications/${r}/${c}`] !== null) out.add(`applications/${r}/${c}`);
  // Absent columns are unknown to the checks: hold them blank while placing.
  const pass = (v) => appChecksPass({ ...v, ...Object.fromEntries(APP_COLS.filter((c) => !shown.includes(c)).flatMap((c) => appRows.map((rr) => [`applications/${rr}/${c}`, null]))) });
  for (const k of ambiguousRow(keys, pass)) out.add(k);
}
if (Object.keys(cells).some((k) => k.startsWith('reviewLitigation/')))
  for (const k of ambiguousRow(RL_GROUPS.flatMap((g) => RL_COLS.map((c) => `reviewLitigation/${g}/${c}`)), rlChecksPass)) out.add(k);
console.log(JSON.stringify([...out].sort()));
