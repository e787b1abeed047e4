// The audit page: one self-contained HTML file (inline style and script, no network, no external
// assets) showing the five tables as parsed. Every cell carries its source excerpt (hover: tooltip;
// click: the panel), and cells named by warnings, errors or failed checks are colored and listed with
// their diagnostics. Deterministic: the same report gives the same bytes.
import { columnLabels, rowLabels, tableLabels } from '../../grammars/labels.js';
import { toRecords, type ReportRecord } from '../report/records.js';
import type { Diagnostic, Report, Severity } from '../schema/report.js';
import { excerptLine, excerptOf, type Excerpt } from './excerpt.js';
import { AUDIT_SCRIPT } from './script.js';
import { AUDIT_STYLE } from './style.js';

/** What the page's script knows of a cell. */
interface CellData {
  value: number | null;
  derived: boolean;
  label: string;
  excerpt?: Excerpt;
  span?: [number, number];
  /** A PDF cell: the page and the box (PDF units) it is printed in. */
  page?: number;
  box?: [number, number, number, number];
  /** The excerpt is where a diagnostic points (the cell itself was not read), not the cell's provenance. */
  fromDiagnostic?: boolean;
  diagnostics: number[];
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** `text` is the decoded input the report's provenance offsets point into. */
export function renderAuditPage(report: Report, text: string): string {
  // A Word file's provenance points into the HTML it became.
  const html = report.source.form === 'html' || report.source.form === 'docx';
  const byCell = diagnosticsByCell(report.diagnostics);
  const records = toRecords(report);
  const cells: Record<string, CellData> = {};
  for (const r of records) {
    const path = `${r.table}/${r.row}/${r.column}`;
    const named = byCell.get(path) ?? [];
    // A cell that could not be read has no provenance; the text its diagnostic points to is what to look at.
    const pointed = report.diagnostics[named.find((i) => report.diagnostics[i]!.span) ?? -1]?.span;
    const at = report.provenance?.[path] ?? (pointed && text ? { raw: text.slice(pointed.start, pointed.end), ...pointed } : undefined);
    cells[path] = {
      value: r.value,
      derived: r.derived,
      label: `${rowLabels[r.row] ?? r.row} · ${columnLabels[r.column] ?? r.column}`,
      ...(at ? { excerpt: excerptOf(text, at, html), span: [at.start, at.end] as [number, number] } : {}),
      ...(at && !report.provenance?.[path] ? { fromDiagnostic: true } : {}),
      ...(at && 'page' in at && at.page !== undefined && at.box ? { page: at.page, box: at.box } : {}),
      diagnostics: named,
    };
  }
  const title = `${report.meta.agency ?? '?'} ${report.meta.year ?? '?'} — 审计 audit`;
  const data = { cells, diagnostics: report.diagnostics };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${AUDIT_STYLE}</style>
</head>
<body>
${header(report)}
<main>
<div id="tables">
${tablesHtml(report, records, cells)}
${narrativeHtml(report)}
</div>
<aside id="detail" aria-live="polite"><p class="hint">Click a cell to see the text it was read from and the diagnostics that name it.</p></aside>
</main>
${diagnosticsHtml(report.diagnostics)}
<script type="application/json" id="audit-data">${jsonForScript(data)}</script>
<script>${AUDIT_SCRIPT}</script>
</body>
</html>
`;
}

function header(report: Report): string {
  const { meta, source } = report;
  const count = (s: Severity) => report.diagnostics.filter((d) => d.severity === s).length;
  const failed = report.diagnostics.filter((d) => d.code === 'check-failed');
  return `<header>
<h1>${esc(meta.title ?? `${meta.agency ?? ''}${meta.year ?? ''}年政府信息公开工作年度报告`)}</h1>
<p class="meta">${esc(source.fileName ?? '')} · ${esc(meta.agency ?? 'agency not read')} · ${meta.year ?? 'year not read'} · template ${esc(meta.template)} · ${esc(source.form)}, ${esc(source.encoding)}, ${source.bytes} bytes</p>
<p class="counts"><span class="sev-error">${count('error')} error(s)</span> · <span class="sev-warning">${count('warning')} warning(s)</span> · ${count('info')} info</p>
<p id="failed-checks">${failed.length ? `Failed checks: ${failed.map((d) => `<a href="#diag-${report.diagnostics.indexOf(d)}" class="check-failed">${esc(d.check ?? '')}</a>`).join(' ')}` : 'No check fails.'}</p>
</header>`;
}

function tablesHtml(report: Report, records: ReportRecord[], cells: Record<string, CellData>): string {
  const byTable = new Map<string, Map<string, ReportRecord[]>>();
  for (const r of records) {
    const rows = byTable.get(r.table) ?? new Map<string, ReportRecord[]>();
    byTable.set(r.table, rows);
    rows.set(r.row, [...(rows.get(r.row) ?? []), r]);
  }
  let out = '';
  for (const table of ['documents', 'decisions', 'fees', 'applications', 'reviewLitigation'] as const) {
    const rows = byTable.get(table);
    const template = (report.tables[table] as { template?: string } | undefined)?.template;
    out += `<section class="table" id="table-${table}"><h2>${esc(tableLabels[table] ?? table)} <small>${table}${template ? ` · ${template}` : ''}</small></h2>\n`;
    if (!rows) {
      out += `<p class="missing">Not in the report (see the diagnostics).</p></section>\n`;
      continue;
    }
    const columns = [...new Set([...rows.values()].flatMap((rs) => rs.map((r) => r.column)))];
    out += `<table data-table="${table}"><thead><tr><th></th>${columns.map((c) => `<th title="${esc(c)}">${esc(columnLabels[c] ?? c)}</th>`).join('')}</tr></thead><tbody>\n`;
    for (const [row, rs] of rows) {
      out += `<tr><th scope="row" title="${esc(row)}">${esc(rowLabels[row] ?? row)}${rs[0]?.derived ? ' <small>(derived)</small>' : ''}</th>`;
      for (const c of columns) {
        const r = rs.find((x) => x.column === c);
        out += r ? cellHtml(`${table}/${row}/${c}`, cells[`${table}/${row}/${c}`]!, report.diagnostics) : '<td class="none"></td>';
      }
      out += '</tr>\n';
    }
    out += '</tbody></table>\n';
    const extra = (report.tables[table] as { extraRows?: { label: string; cells: (number | null)[] }[] } | undefined)?.extraRows ?? [];
    if (extra.length) out += `<p class="extra">Rows the agency added (outside the checks): ${extra.map((e) => `${esc(e.label)}: ${e.cells.map((v) => (v === null ? '∅' : v)).join(', ')}`).join('; ')}</p>\n`;
    out += '</section>\n';
  }
  return out;
}

function cellHtml(path: string, cell: CellData, diagnostics: Diagnostic[]): string {
  const named = cell.diagnostics.map((i) => diagnostics[i]!);
  const worst = named.reduce<Severity | undefined>((w, d) => (!w || SEVERITY_RANK[d.severity] > SEVERITY_RANK[w] ? d.severity : w), undefined);
  const checks = [...new Set(named.filter((d) => d.code === 'check-failed' && d.check).map((d) => d.check!))];
  // The prose's part: a cell it settled, a cell it contradicts.
  const prose = [named.some((d) => d.code === 'narrative-settled') ? 'settled' : '', named.some((d) => d.code === 'narrative-mismatch') ? 'mismatch' : ''];
  const classes = ['cell', cell.derived ? 'derived' : '', cell.value === null ? 'blank' : '', worst ? `sev-${worst}` : '', checks.length ? 'check-failed' : '', ...prose].filter(Boolean);
  const tip = cell.excerpt ? excerptLine(cell.excerpt) : cell.derived ? 'derived: the sum of the rows above it in its group' : 'no source text';
  return `<td class="${classes.join(' ')}" data-path="${esc(path)}"${checks.length ? ` data-checks="${esc(checks.join(' '))}"` : ''} tabindex="0" title="${esc(tip)}">${cell.value === null ? '∅' : cell.value}</td>`;
}

/** The prose's statements of the tables' numbers: each with its cells (a click outlines them) and whether the table agrees. */
function narrativeHtml(report: Report): string {
  const statements = report.narrative?.statements ?? [];
  if (!statements.length) return '';
  const mark = (agrees: boolean | null) => (agrees === true ? 'agrees' : agrees === false ? 'the table disagrees' : 'cannot be checked');
  const items = statements.map(
    (s) =>
      `<li class="diag statement ${s.agrees === false ? 'mismatch' : s.agrees === true ? 'agrees' : 'unchecked'}" data-cells="${esc(s.cells.join(' '))}" tabindex="0"><q>${esc(s.text.replace(/\s+/g, ''))}</q> states <b>${s.value}</b> — ${esc(s.cells.map((c) => c.slice(c.indexOf('/') + 1)).join(' + '))}: <span class="agreement">${mark(s.agrees)}</span></li>`,
  );
  return `<section id="narrative"><h2>The prose 报告正文 <small>statements of the tables' numbers; cells it settled are underlined green</small></h2>\n<ul>${items.join('\n')}</ul></section>`;
}

function diagnosticsHtml(diagnostics: Diagnostic[]): string {
  const order = diagnostics.map((d, i) => ({ d, i })).sort((a, b) => SEVERITY_RANK[b.d.severity] - SEVERITY_RANK[a.d.severity] || a.i - b.i);
  const item = ({ d, i }: { d: Diagnostic; i: number }) => {
    const cells = [...(d.path && d.path !== 'table' ? [d.path] : []), ...(d.cells ?? [])];
    return `<li id="diag-${i}" class="diag sev-${d.severity}${d.code === 'check-failed' ? ' check-failed' : ''}" data-index="${i}" data-cells="${esc([...new Set(cells)].join(' '))}"${d.check ? ` data-check="${esc(d.check)}"` : ''} tabindex="0"><span class="sev">${d.severity}</span> <code>${esc(d.code)}</code>${d.check ? ` <b>${esc(d.check)}</b>` : ''}${d.path ? ` <span class="path">${esc(d.path === 'table' ? (d.table ?? 'table') : d.path)}</span>` : ''}: ${esc(d.message)}</li>`;
  };
  const serious = order.filter((x) => x.d.severity !== 'info');
  const info = order.filter((x) => x.d.severity === 'info');
  return `<section id="diagnostics"><h2>Diagnostics</h2>
<ul class="serious">${serious.map(item).join('\n') || '<li class="none">No warnings or errors.</li>'}</ul>
<details><summary>${info.length} info diagnostic(s)</summary><ul>${info.map(item).join('\n')}</ul></details>
</section>`;
}

function diagnosticsByCell(diagnostics: Diagnostic[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  diagnostics.forEach((d, i) => {
    const cells = new Set([...(d.path && d.path !== 'table' ? [d.path] : []), ...(d.cells ?? [])]);
    for (const c of cells) out.set(c, [...(out.get(c) ?? []), i]);
  });
  return out;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside <script>: no `</script>` or `<!--` can end it early. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
