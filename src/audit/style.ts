// The audit page's inline style: colors carry meaning (red: failed check or error, amber: warning).
export const AUDIT_STYLE = `
:root { --err: #c62828; --err-bg: #ffebee; --warn: #a86800; --warn-bg: #fff3cd; --line: #d0d4da; --muted: #667; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d2329; background: #fafbfc; }
header { padding: 12px 20px; background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 18px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 18px 0 6px; }
h2 small { color: var(--muted); font-weight: normal; }
.meta, .counts { margin: 2px 0; color: var(--muted); }
main { display: flex; align-items: flex-start; gap: 16px; padding: 0 20px; }
#tables { flex: 1 1 auto; min-width: 0; }
#detail { position: sticky; top: 12px; flex: 0 0 340px; margin-top: 18px; padding: 10px 12px; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
#detail h3 { font-size: 14px; margin: 0 0 4px; }
#detail .excerpt { white-space: pre-wrap; word-break: break-all; background: #f4f6f8; padding: 6px; border-radius: 4px; font-family: ui-monospace, monospace; }
#detail mark { background: #ffe066; font-weight: bold; }
.hint, .missing { color: var(--muted); }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid var(--line); padding: 3px 6px; }
thead th { font-weight: 600; background: #f0f2f5; font-size: 12px; }
tbody th { text-align: left; font-weight: normal; max-width: 320px; }
td.cell { text-align: right; font-variant-numeric: tabular-nums; cursor: pointer; min-width: 44px; }
td.cell:hover, td.cell:focus { outline: 2px solid #4a7bd0; }
td.derived { font-style: italic; color: var(--muted); background: #f6f7f9; }
td.blank { color: #99a; }
td.sev-info { box-shadow: inset 0 -2px 0 #9bb; }
td.sev-warning { background: var(--warn-bg); color: var(--warn); }
td.sev-error, td.check-failed { background: var(--err-bg); color: var(--err); font-weight: bold; }
td.selected { outline: 3px solid #1a56c4; }
td.lit { outline: 3px dashed var(--err); }
#diagnostics { padding: 0 20px 24px; }
#diagnostics ul { padding-left: 18px; }
li.diag { margin: 3px 0; cursor: pointer; }
li.diag .sev { display: inline-block; min-width: 58px; font-weight: 600; }
li.sev-error .sev, li.check-failed b { color: var(--err); }
li.sev-warning .sev { color: var(--warn); }
li.diag .path { font-family: ui-monospace, monospace; font-size: 12px; }
li.diag.active { background: #eef3ff; }
a.check-failed { color: var(--err); font-weight: bold; margin-right: 6px; }
td.settled { box-shadow: inset 0 -3px 0 #2e7d32; }
td.mismatch { background: var(--err-bg); color: var(--err); }
#narrative ul { padding-left: 18px; }
li.statement.mismatch, li.statement.mismatch .agreement { color: var(--err); font-weight: 600; }
li.statement.agrees .agreement { color: #2e7d32; }
li.statement.unchecked .agreement { color: var(--muted); }
`;
