import type { Finding } from '../engine/model.js';
import type { ReportResult, RunResult } from '../result.js';
import type { Formatter } from './types.js';

const BOM = '\uFEFF';
const EOL = '\r\n';

/**
 * One CSV cell: a leading = + - @ tab or CR (which Excel and LibreOffice would read as a
 * formula) is neutralised with a leading apostrophe; then RFC 4180 quoting when needed.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function count(r: ReportResult, severity: Finding['severity']): number {
  return r.findings.filter((f) => f.status === 'fail' && !f.suppressed && f.severity === severity).length;
}

/** The applicable area with the lowest score/max ratio (first in pack order on ties); empty when every area is full. */
function weakestArea(r: ReportResult, order: string[]): string {
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  let best: { title: string; ratio: number; rank: number } | null = null;
  for (const a of r.score.areas) {
    if (a.max <= 0) continue;
    const ratio = a.score / a.max;
    const candidate = { title: a.title, ratio, rank: rank(a.id) };
    if (!best || ratio < best.ratio || (ratio === best.ratio && candidate.rank < best.rank)) best = candidate;
  }
  return best && best.ratio < 1 ? best.title : '';
}

/** One row per report (and per unreadable input) for Excel: UTF-8 with BOM, CRLF, RFC 4180. */
export const csvFormatter: Formatter = (run: RunResult) => {
  const order = run.areas.map((a) => a.id);
  const header = ['文件', '乡镇', '年度', '得分', '等级', ...run.areas.map((a) => a.title), '错误', '警告', '提示', '最弱领域', '发布日期', '说明'];
  const rows: Array<Array<string | number | null>> = [header];
  for (const r of run.reports) {
    const scores = new Map(r.score.areas.map((a) => [a.id, a.score] as const));
    rows.push([
      r.file,
      r.meta.body,
      r.meta.year,
      r.score.total,
      r.score.grade,
      ...order.map((id) => scores.get(id) ?? null),
      count(r, 'error'),
      count(r, 'warning'),
      count(r, 'info'),
      weakestArea(r, order),
      r.meta.published,
      '',
    ]);
  }
  for (const f of run.failures) {
    rows.push([f.file, '', '', '', '无法读取', ...order.map(() => ''), '', '', '', '', '', f.message]);
  }
  return BOM + rows.map((row) => row.map(csvCell).join(',') + EOL).join('');
};
