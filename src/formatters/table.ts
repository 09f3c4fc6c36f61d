import { visible } from '../shared/safe-text.js';
import { displayWidth, wrapText } from './wrap.js';

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export interface TableLayout {
  /** The terminal's width; undefined: lines as wide as their cells. */
  columns?: number;
  /** Columns of free text that may wrap inside their cells (default: the last); ids never do. */
  wrap?: readonly number[];
}

const GAP = 2;
const INDENT = '    ';
/** A wrapping column keeps at least this width (and its header's). */
const MIN_WRAPPED = 8;

/** Narrow the widest wrapping column, one column at a time, until the table fits; false: it cannot. */
function fit(widths: number[], header: readonly string[], columns: number, wrap: readonly number[]): boolean {
  const floor = (i: number) => Math.max(MIN_WRAPPED, displayWidth(header[i] ?? ''));
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  while (total() > columns) {
    let widest = -1;
    for (const i of wrap)
      if ((widths[i] ?? 0) > floor(i) && (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0))) widest = i;
    if (widest < 0) return false;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return true;
}

/**
 * A plain aligned table (the last column is not padded); cells are report text, shown visibly
 * escaped. Given the terminal's width, a table wider than it wraps its free-text columns inside
 * their cells, continuation lines under the column.
 */
export function renderTable(header: string[], body: string[][], layout: TableLayout = {}): string {
  const rows = body.map((r) => r.map(visible));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const wrap = layout.wrap ?? [header.length - 1];
  if (layout.columns !== undefined && !fit(widths, header, layout.columns, wrap))
    return stacked(header, rows, layout.columns, wrap);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] as number)))
      .join(' '.repeat(GAP))
      .trimEnd();
  const lines = [line(header), line(widths.map((w) => '─'.repeat(w)))];
  for (const row of rows) {
    const cells = row.map((c, i) =>
      wrap.includes(i) && displayWidth(c) > (widths[i] as number) ? wrapText(c, widths[i] as number) : [c],
    );
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) lines.push(line(cells.map((c) => c[k] ?? '')));
  }
  return lines.join('\n');
}

/**
 * Too narrow for the free-text columns beside the others: the others stay a table, and each
 * row's free text follows on its own lines, indented.
 */
function stacked(header: string[], rows: string[][], columns: number, wrap: readonly number[]): string {
  const keep = header.map((_, i) => i).filter((i) => !wrap.includes(i));
  const pick = (cells: string[], which: readonly number[]) => which.map((i) => cells[i] ?? '');
  const table = renderTable(
    pick(header, keep),
    rows.map((r) => pick(r, keep)),
  ).split('\n');
  const text = (cells: string[]) =>
    wrapText(pick(cells, wrap).join(' · '), columns - INDENT.length).map((piece) => `${INDENT}${piece}`);
  // The table's own lines: header, rule, then one line per row (its cells are already escaped).
  return [
    table[0] as string,
    ...text(header),
    table[1] as string,
    ...rows.flatMap((r, k) => [table[k + 2] as string, ...text(r)]),
  ].join('\n');
}
