import { visible } from '../shared/safe-text.js';
import { absolutePoints, failedFindings, weakestArea } from '../report/result.js';
import { wholeDocument, type Formatter, type FormatWriterFactory } from './types.js';

const BOM = '\uFEFF';
const EOL = '\r\n';

/**
 * One CSV cell: controls shown visibly and a leading `::` marked (shared/safe-text.ts: a cell never breaks
 * a line, so no line of the file starts a workflow command); a leading = + - @ (which Excel
 * and LibreOffice would read as a formula) is neutralised with a leading apostrophe; then
 * RFC 4180 quoting when needed.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = visible(value === null || value === undefined ? '' : String(value));
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per report (and per unreadable input) for Excel: UTF-8 with BOM, CRLF, RFC 4180. */
export const csvWriter: FormatWriterFactory = (run) => {
  const row = (cells: Array<string | number | null>) => cells.map(csvCell).join(',') + EOL;
  const header = [
    '文件',
    '乡镇',
    '年度',
    '得分',
    '等级',
    // Points against each area's weight, so a column compares across reports (empty: not applicable).
    ...run.areas.map((a) => `${a.title}（${a.weight}分）`),
    '错误',
    '警告',
    '提示',
    '最弱领域',
    '发布日期',
    '说明',
  ];
  return {
    head: BOM + row(header),
    report(r) {
      const failed = (severity: 'error' | 'warning' | 'info') => failedFindings(r, severity).length;
      return row([
        r.file,
        r.meta.body,
        r.meta.year,
        r.score.total,
        r.score.grade,
        ...run.areas.map((a) => absolutePoints(r, a)),
        failed('error'),
        failed('warning'),
        failed('info'),
        weakestArea(r)?.title ?? '',
        r.meta.published,
        '',
      ]);
    },
    tail: (end) =>
      end.failures
        .map((f) => row([f.file, '', '', '', '无法读取', ...run.areas.map(() => ''), '', '', '', '', '', f.message]))
        .join(''),
  };
};

export const csvFormatter: Formatter = wholeDocument(csvWriter);
