// One cell's text → a number or null, with the diagnostics that explain how (CONTRACT §3).
import { type Cell, parseNumberText, isPlaceholder, compact } from '../lex/cell.js';
import { MONEY_UNITS } from '../../grammars/vocabulary/values.js';
import type { Unit } from '../../grammars/types.js';
import type { Diagnostic, Provenance } from '../schema/report.js';

export interface CellRead {
  value: number | null;
  /** Where the value was read from; absent for a cell that was never found. */
  source?: Provenance;
  /** The input shows the cell blank (printed so, or so in the one reading of its row). */
  blank?: boolean;
}

export interface ColumnRule {
  unit?: Unit;
  signed?: boolean;
}

const UNIT_YUAN: Record<Unit, number> = { yuan: 1, wanYuan: 10_000 };
const UNIT_NAME: Record<Unit, string> = { yuan: '元', wanYuan: '万元' };

/** What reading a cell looks at: a whole cell, or a piece of one. */
export type CellText = Pick<Cell, 'kind' | 'text' | 'start' | 'end'> & Partial<Pick<Cell, 'page' | 'box' | 'unreadable'>>;

/** Reads one cell; `path` names it in any diagnostic. */
export function readCell(cell: CellText, path: string, rule: ColumnRule, diagnostics: Diagnostic[], input: string): CellRead {
  const source = provenanceOf(cell, input);
  const span = { start: cell.start, end: cell.end };
  const slash = path.indexOf('/');
  const table = slash < 0 ? path : path.slice(0, slash);
  if (cell.unreadable) {
    diagnostics.push({ code: 'cell-unreadable', severity: 'warning', message: `${cell.text ? `"${cell.text}": ` : ''}${cell.unreadable}`, path, table, span });
    return { value: null, source };
  }
  if (cell.kind === 'blank') return { value: null, source, blank: true };
  const text = compact(cell.text);
  if (isPlaceholder(text)) {
    diagnostics.push({ code: 'placeholder-zero', severity: 'info', message: `"${cell.text}" means none: read as 0`, path, table, span });
    return { value: 0, source };
  }
  const n = parseNumberText(text);
  if (!n) {
    diagnostics.push({ code: 'cell-unreadable', severity: 'warning', message: `"${cell.text}" is not a number`, path, table, span });
    return { value: null, source };
  }
  let value = n.value;
  if (n.unit) {
    if (!rule.unit) {
      diagnostics.push({ code: 'cell-unreadable', severity: 'warning', message: `"${cell.text}" carries a money unit in a count column`, path, table, span });
      return { value: null, source };
    }
    const factor = MONEY_UNITS[n.unit]! / UNIT_YUAN[rule.unit];
    if (factor !== 1) {
      value = roundMoney(value * factor);
      diagnostics.push({ code: 'unit-converted', severity: 'info', message: `"${cell.text}" converted to ${value} ${UNIT_NAME[rule.unit]}`, path, table, span });
    }
  }
  if (value < 0 && !rule.signed) {
    diagnostics.push({ code: 'cell-unreadable', severity: 'warning', message: `"${cell.text}" is negative in a column of counts`, path, table, span });
  } else if (!Number.isInteger(value) && !rule.unit) {
    diagnostics.push({ code: 'cell-unreadable', severity: 'warning', message: `"${cell.text}" is not a whole number in a column of counts`, path, table, span });
  }
  return { value, source };
}

/** Keeps decimal artefacts of unit conversion out (0.1 万元 × 10000 = 1000 元, not 1000.0000000001). */
function roundMoney(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function provenanceOf(cell: CellText, input: string): Provenance {
  const at: Provenance = { raw: input.slice(cell.start, cell.end), start: cell.start, end: cell.end };
  // A PDF cell is also cited by where it is printed.
  if (cell.page !== undefined && cell.box) {
    at.page = cell.page;
    at.box = cell.box;
  }
  return at;
}

/** A cell's text as the arithmetic sees it: its number, 0 for a placeholder, null when unreadable. Units are ignored. */
export function numberOf(text: string): number | null {
  if (isDigits(text)) return Number(text);
  if (isPlaceholder(text)) return 0;
  const n = parseNumberText(text);
  return n && !n.unit ? n.value : null;
}

function isDigits(t: string): boolean {
  if (t.length === 0 || t.length > 15) return false;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) < 48 || t.charCodeAt(i) > 57) return false;
  return true;
}
