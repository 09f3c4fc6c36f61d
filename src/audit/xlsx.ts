/**
 * 审核汇总.xlsx, written with write-excel-file (maintained, its one dependency is fflate, which
 * fazhi already has): a summary row per report, a row per finding, a row per failing rule. Every
 * sheet has a frozen header, an autofilter and set widths; numbers are numbers, dates dates, and
 * every text cell is a string, so "=1+1" in a report is shown, never computed.
 */
import { restampZip } from '../annotate/zip.js';
import { noShared } from '../formatters/shared-paragraphs.js';
import { lazy } from '../shared/lazy.js';
import { SEVERITY_NAMES } from '../formatters/gate.js';
import { placeLabel } from '../formatters/evidence.js';
import { displayWidth } from '../formatters/wrap.js';
import { failedFindings, type RunHead } from '../report/result.js';
import { SHARED_THRESHOLD, type SharedParagraph } from '../compare/shared.js';
import { reviewedFindings, VERDICT_NAMES } from './review.js';
import type { AuditRow, RuleCount } from './model.js';

type Cell = {
  value: string | number | Date | null;
  type?: unknown;
  format?: string;
  fontWeight?: 'bold';
  wrap?: boolean;
  alignVertical?: 'top' | 'center';
  backgroundColor?: string;
  bottomBorderStyle?: 'thin';
  height?: number;
} | null;
type Sheet = { data: Cell[][]; sheet: string; columns: Array<{ width: number }>; stickyRowsCount: number };

const writeExcel = lazy<{ default: (sheets: Sheet[], options?: unknown) => { toBuffer(): Promise<Buffer> } }>(
  'write-excel-file/node',
);

type Style = Omit<NonNullable<Cell>, 'value' | 'type'>;

/**
 * Every cell is made here, with the same properties in the same order: write-excel-file reads
 * some twenty style properties of each of the workbook's half-million cells, and on cells of
 * many shapes those reads are V8's slow, megamorphic kind (1.4 s of an audit of 2,000 reports,
 * 0.1 s on one shape). An undefined property reads as an absent one.
 */
const cell = (value: NonNullable<Cell>['value'], type: unknown, style: Style = {}): Cell => ({
  value,
  type,
  format: style.format,
  fontWeight: style.fontWeight,
  wrap: style.wrap,
  alignVertical: style.alignVertical,
  backgroundColor: style.backgroundColor,
  bottomBorderStyle: style.bottomBorderStyle,
  height: style.height,
});

const text = (value: string | null | undefined): Cell => cell(value ?? '', String);
/** Long text (messages, quotes, fixes): wrapped in its column, top-aligned. */
const long = (value: string | null | undefined): Cell =>
  cell(value ?? '', String, { wrap: true, alignVertical: 'top' });
const number = (value: number | null, format?: string): Cell =>
  value === null ? null : cell(value, Number, format ? { format } : {});
/** A header row: bold on a light fill, wrapped, tall enough for two lines of a long area title. */
const header = (titles: string[]): Cell[] =>
  titles.map((t) =>
    cell(t, String, {
      fontWeight: 'bold',
      wrap: true,
      alignVertical: 'center',
      backgroundColor: '#DDEBF7',
      bottomBorderStyle: 'thin',
    }),
  );

/** 2025-03-28 (as the portal gives it) → a date cell. */
function date(value: string | null): Cell {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return text(value);
  return cell(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), Date, { format: 'yyyy-mm-dd' });
}

const FOLLOW_THROUGH = ['去年计划', '已报告完成', '未见报告', '再次列为计划', '与去年雷同段落', '去年的报告'];

function followThroughCells(r: AuditRow): Cell[] {
  const f = r.followThrough;
  if (!f) return [null, null, null, null, null, text('（未找到去年的报告）')];
  return [number(f.plans), number(f.done), number(f.notReported), number(f.again), number(f.copied), text(f.lastFile)];
}

function summarySheet(rows: readonly AuditRow[], head: Pick<RunHead, 'areas'>, previous: boolean): Sheet {
  const areaTitles = head.areas.map((a) => `${a.title}（${a.weight}分）`);
  const data: Cell[][] = [
    header([
      '单位',
      '年度',
      '文件',
      '得分',
      '等级',
      ...areaTitles,
      '错误',
      '警告',
      '提示',
      '发布日期',
      ...(previous ? FOLLOW_THROUGH : []),
    ]),
    ...rows.map((r) => [
      text(r.town),
      number(r.year),
      text(r.file),
      number(r.score, '0.0'),
      text(r.grade),
      ...r.areas.map((a) => number(a.points, '0.0')),
      number(r.counts.error),
      number(r.counts.warning),
      number(r.counts.info),
      date(r.published),
      ...(previous ? followThroughCells(r) : []),
    ]),
  ];
  const columns = [
    14,
    8,
    36,
    8,
    8,
    ...head.areas.map(() => 12),
    6,
    6,
    6,
    12,
    ...(previous ? [8, 10, 8, 12, 12, 36] : []),
  ].map((width) => ({ width }));
  return { data, sheet: '汇总', columns, stickyRowsCount: 1 };
}

function findingsSheet(rows: readonly AuditRow[]): Sheet {
  const data: Cell[][] = [
    header(['单位', '文件', '规则编号', '规则', '类别', '问题', '引文', '位置', '修改建议', '依据']),
  ];
  for (const r of rows) {
    for (const f of failedFindings(r.report)) {
      const e = f.evidence[0];
      data.push([
        text(r.town),
        text(r.file),
        text(f.ruleId),
        long(f.title),
        text(SEVERITY_NAMES[f.severity]),
        long(f.message),
        long(e?.quote ?? ''),
        text(e ? placeLabel(e) : ''),
        long(f.fix),
        long(f.clause),
      ]);
    }
  }
  const columns = [14, 30, 28, 30, 6, 50, 50, 14, 50, 40].map((width) => ({ width }));
  return { data, sheet: '问题清单', columns, stickyRowsCount: 1 };
}

function rulesSheet(counts: readonly RuleCount[], total: number): Sheet {
  const data: Cell[][] = [
    header(['规则编号', '规则', '类别', '未通过报告数', '占比']),
    ...counts.map((c) => [
      text(c.ruleId),
      text(c.title),
      text(SEVERITY_NAMES[c.severity]),
      number(c.failed),
      number(total > 0 ? c.failed / total : 0, '0.0%'),
    ]),
  ];
  return { data, sheet: '规则统计', columns: [30, 40, 6, 14, 8].map((width) => ({ width })), stickyRowsCount: 1 };
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnName(n: number): string {
  let out = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

/**
 * An autofilter over each sheet's header and rows (write-excel-file has none built in: a feature),
 * with the hidden _xlnm._FilterDatabase name per sheet that LibreOffice needs to show its buttons.
 */
function autofilter(sheets: readonly Sheet[]) {
  const ref = (sheet: Sheet) => `A1:${columnName(sheet.data[0]?.length ?? 1)}${Math.max(sheet.data.length, 1)}`;
  const absolute = (sheet: Sheet) => ref(sheet).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  const names = sheets
    .map(
      (sheet, i) =>
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${sheet.sheet}'!${absolute(sheet)}</definedName>`,
    )
    .join('');
  return {
    files: {
      transform: {
        'xl/workbook.xml': {
          transform(content: string) {
            if (content.includes('_xlnm._FilterDatabase')) return content;
            if (content.includes('<definedNames/>'))
              return content.replace('<definedNames/>', `<definedNames>${names}</definedNames>`);
            if (content.includes('</definedNames>'))
              return content.replace('</definedNames>', `${names}</definedNames>`);
            return content.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
          },
        },
        'xl/worksheets/sheet{id}.xml': {
          transform(content: string, _options: unknown, { sheetIndex }: { sheetIndex: number }) {
            const sheet = sheets[sheetIndex];
            if (!sheet || content.includes('<autoFilter')) return content;
            return content.replace('</sheetData>', `</sheetData><autoFilter ref="${ref(sheet)}"/>`);
          },
        },
      },
    },
  };
}

function sharedSheet(shared: readonly SharedParagraph[]): Sheet {
  const data: Cell[][] = [
    header(['段落', '报告数', '单位（行）', '相似度']),
    ...shared.map((g) => [
      long(g.text),
      number(g.reports.length),
      long(g.reports.map((r) => `${r.town || r.id}（第${r.line}行）`).join('、')),
      number(g.similarity, '0.00'),
    ]),
  ];
  // An empty sheet reads as a failure: say what was looked for.
  if (shared.length === 0) data.push([text(noShared(SHARED_THRESHOLD)), null, null, null]);
  return { data, sheet: '跨单位雷同', columns: [80, 8, 50, 8].map((width) => ({ width })), stickyRowsCount: 1 };
}

function reviewSheet(rows: readonly AuditRow[]): Sheet {
  const data: Cell[][] = [header(['单位', '文件', '规则编号', '规则', '工具判断', '复核判断', '复核理由', '复核人'])];
  for (const r of rows) {
    for (const f of reviewedFindings(r.report)) {
      data.push([
        text(r.town),
        text(r.file),
        text(f.ruleId),
        text(f.title),
        text(VERDICT_NAMES[f.review.tool]),
        text(VERDICT_NAMES[f.review.verdict]),
        long(f.review.reason),
        text(f.review.reviewer ?? ''),
      ]);
    }
  }
  return {
    data,
    sheet: '复核',
    columns: [14, 30, 28, 30, 8, 8, 50, 10].map((width) => ({ width })),
    stickyRowsCount: 1,
  };
}

/** Points a line of 11 pt text takes, and the most a row grows to (longer text scrolls in the cell). */
const LINE_HEIGHT = 15;
const MAX_ROW_LINES = 8;

/**
 * Row heights for wrapped cells, from their display width (a CJK character is two columns) over
 * the column's width: spreadsheet programs do not grow such rows by themselves when opening a file.
 */
function fitRowHeights(sheet: Sheet): Sheet {
  const data = sheet.data.map((row) => {
    let lines = 1;
    row.forEach((c, i) => {
      if (!c?.wrap || typeof c.value !== 'string') return;
      const width = Math.max(1, (sheet.columns[i]?.width ?? 10) - 1);
      lines = Math.max(lines, Math.ceil(displayWidth(c.value) / width));
    });
    if (lines <= 1) return row;
    const height = LINE_HEIGHT * Math.min(lines, MAX_ROW_LINES) + 4;
    // In a tall row every cell is top-aligned, level with the first line of the wrapped text.
    return row.map((c, i) => {
      const top = c ? { ...c, alignVertical: c.alignVertical ?? ('top' as const) } : c;
      return i === 0 ? (top ? { ...top, height } : cell(null, undefined, { height })) : top;
    });
  });
  return { ...sheet, data };
}

export async function auditWorkbook(
  rows: readonly AuditRow[],
  counts: readonly RuleCount[],
  head: Pick<RunHead, 'areas'>,
  shared: readonly SharedParagraph[] = [],
  previous = false,
): Promise<Uint8Array> {
  const sheets = [
    summarySheet(rows, head, previous),
    findingsSheet(rows),
    rulesSheet(counts, rows.length),
    sharedSheet(shared),
    reviewSheet(rows),
  ].map(fitRowHeights);
  const buffer = await writeExcel()
    .default(sheets, { fontFamily: '等线', fontSize: 11, features: [autofilter(sheets)] })
    .toBuffer();
  // Entry times fixed, so the same audit gives the same bytes.
  return restampZip(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
}
