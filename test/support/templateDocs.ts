// The tables of docs/templates.md, rendered from grammars/template.ts and the vocabularies, so the
// document cannot drift from what the parser reads. test/templates.test.ts compares; to regenerate:
//   UPDATE_DOCS=1 npx vitest run test/templates.test.ts
import { TEMPLATES, type TemplateRow, type TemplateTable } from '../../grammars/template.js';
import { applicationGroupTotals } from '../../grammars/applications.js';
import type { Version } from '../../grammars/types.js';

const VERSIONS: readonly Version[] = ['V2019', 'V2021'];

const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|');

function tableOf(version: Version, name: TemplateTable['table']): TemplateTable {
  return TEMPLATES[version].find((t) => t.table === name)!;
}

/** Section 二 of one template: each block's rows with their keys and their columns' labels and keys. */
function activeDisclosure(version: Version): string {
  let out = '| table | block | row label | row key | columns: label `key`, in print order |\n|---|---|---|---|---|\n';
  for (const name of ['documents', 'decisions', 'fees'] as const)
    for (const block of tableOf(version, name).blocks)
      for (const r of block.rows)
        out += `| ${code(name)} | ${block.caption ?? ''} | ${cell(r.label)} | ${code(r.key)} | ${block.columns.map((c) => `${cell(c.label)} ${code(c.key)}`).join(' · ')} |\n`;
  return out;
}

/** Rows of both templates in print order: those they share once, the others where each prints them. */
function mergedRows(a: readonly TemplateRow[], b: readonly TemplateRow[]): TemplateRow[] {
  const inA = new Set(a.map((r) => r.key));
  const inB = new Set(b.map((r) => r.key));
  const out: TemplateRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]!.key === b[j]!.key) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (i < a.length && !inB.has(a[i]!.key)) out.push(a[i++]!);
    else if (j < b.length && !inA.has(b[j]!.key)) out.push(b[j++]!);
    else throw new Error('the templates print their shared rows in different orders');
  }
  return out;
}

function applicationRows(): string {
  const [v2019, v2021] = VERSIONS.map((v) => tableOf(v, 'applications').blocks[0]!.rows);
  const has = (rows: readonly TemplateRow[], key: string) => (rows.some((r) => r.key === key) ? 'yes' : '—');
  let out = '| printed under | row label | row key | V2019 | V2021 |\n|---|---|---|---|---|\n';
  for (const r of mergedRows(v2019!, v2021!)) out += `| ${(r.under ?? []).join(' ')} | ${cell(r.label)} | ${code(r.key)} | ${has(v2019!, r.key)} | ${has(v2021!, r.key)} |\n`;
  return out;
}

function columnsOf(name: 'applications' | 'reviewLitigation'): string {
  let out = '| column label | column key |\n|---|---|\n';
  for (const c of tableOf('V2021', name).blocks[0]!.columns) out += `| ${c.label} | ${code(c.key)} |\n`;
  return out;
}

function reviewRows(): string {
  let out = '| printed under | group label | row key | columns, in print order |\n|---|---|---|---|\n';
  const block = tableOf('V2021', 'reviewLitigation').blocks[0]!;
  for (const r of block.rows) out += `| ${(r.under ?? []).join(' ')} | ${r.label} | ${code(r.key)} | ${block.columns.map((c) => code(c.key)).join(' ')} |\n`;
  return out;
}

/** The group totals the Report computes (records mark them `derived`), and what each adds up. */
function derivedRows(): string {
  const labels = new Map([...VERSIONS.flatMap((v) => tableOf(v, 'applications').blocks[0]!.rows)].map((r) => [r.key, r]));
  let out = '| row key | heading | sum of | derived in |\n|---|---|---|---|\n';
  for (const [total, parts] of Object.entries(applicationGroupTotals)) {
    const printed = VERSIONS.filter((v) => tableOf(v, 'applications').blocks[0]!.rows.some((r) => r.key === total));
    const derivedIn = VERSIONS.filter((v) => !printed.includes(v));
    const heading = labels.get(parts[0]!)?.under?.at(-1) ?? '';
    out += `| ${code(total)} | ${heading} | ${parts.map(code).join(', ')} | ${derivedIn.join(', ')}${printed.length ? ` (${printed.join(', ')} prints it as a row)` : ''} |\n`;
  }
  return out;
}

/** Every generated block of docs/templates.md, by the name its markers carry. */
export function templateBlocks(): Record<string, string> {
  return {
    'active-disclosure-V2021': activeDisclosure('V2021'),
    'active-disclosure-V2019': activeDisclosure('V2019'),
    'applications-columns': columnsOf('applications'),
    'applications-rows': applicationRows(),
    'applications-derived': derivedRows(),
    'review-rows': reviewRows(),
    'review-columns': columnsOf('reviewLitigation'),
  };
}

const BLOCK = /<!-- generated: ([A-Za-z0-9-]+) -->\n([\s\S]*?)<!-- end generated -->/g;

/** The generated blocks a document holds, by name. */
export function blocksIn(doc: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of doc.matchAll(BLOCK)) out[m[1]!] = m[2]!;
  return out;
}

/** The document with every generated block rewritten. */
export function withBlocks(doc: string, blocks: Readonly<Record<string, string>>): string {
  return doc.replace(BLOCK, (whole, name: string) => (name in blocks ? `<!-- generated: ${name} -->\n${blocks[name]}<!-- end generated -->` : whole));
}
