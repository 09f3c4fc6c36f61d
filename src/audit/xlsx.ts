/**
 * 审核汇总.xlsx, its SpreadsheetML written here (as write-excel-file wrote it before, in a
 * fraction of the memory) and zipped with fixed entry times: a summary row per report, a row per
 * finding, a row per failing rule. Every sheet has a frozen header, an autofilter and set widths;
 * numbers are numbers, dates dates, and every text cell is a shared string, so "=1+1" in a
 * report is shown, never computed.
 */
import { writeZip } from '../annotate/zip.js';
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
/** A sheet's rows may be made as they are written (the findings of 2,000 reports: 50,000 rows). */
type Sheet = { data: Iterable<Cell[]>; sheet: string; columns: Array<{ width: number }>; stickyRowsCount: number };

const fflate = lazy<typeof import('fflate')>('fflate');

const text = (value: string | null | undefined): Cell => ({ value: value ?? '', type: String });
/** Long text (messages, quotes, fixes): wrapped in its column, top-aligned. */
const long = (value: string | null | undefined): Cell => ({
  value: value ?? '',
  type: String,
  wrap: true,
  alignVertical: 'top',
});
const number = (value: number | null, format?: string): Cell =>
  value === null ? null : { value, type: Number, ...(format ? { format } : {}) };
/** A header row: bold on a light fill, wrapped, tall enough for two lines of a long area title. */
const header = (titles: string[]): Cell[] =>
  titles.map((t) => ({
    value: t,
    type: String,
    fontWeight: 'bold',
    wrap: true,
    alignVertical: 'center',
    backgroundColor: '#DDEBF7',
    bottomBorderStyle: 'thin',
  }));

/** 2025-03-28 (as the portal gives it) → a date cell. */
function date(value: string | null): Cell {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return text(value);
  return { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), type: Date, format: 'yyyy-mm-dd' };
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
  function* data(): Iterable<Cell[]> {
    yield header(['单位', '文件', '规则编号', '规则', '类别', '问题', '引文', '位置', '修改建议', '依据']);
    for (const r of rows) {
      for (const f of failedFindings(r.report)) {
        const e = f.evidence[0];
        yield [
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
        ];
      }
    }
  }
  const columns = [14, 30, 28, 30, 6, 50, 50, 14, 50, 40].map((width) => ({ width }));
  return { data: data(), sheet: '问题清单', columns, stickyRowsCount: 1 };
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
  if (shared.length === 0)
    data.push([
      text(`未发现两个及以上单位相同或几乎相同的段落（相似度 ≥ ${SHARED_THRESHOLD}，已排除公文套话）`),
      null,
      null,
      null,
    ]);
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
  function* data(rows: Iterable<Cell[]>): Iterable<Cell[]> {
    for (const row of rows) yield fitRow(row);
  }
  const fitRow = (row: Cell[]): Cell[] => {
    let lines = 1;
    row.forEach((cell, i) => {
      if (!cell?.wrap || typeof cell.value !== 'string') return;
      const width = Math.max(1, (sheet.columns[i]?.width ?? 10) - 1);
      lines = Math.max(lines, Math.ceil(displayWidth(cell.value) / width));
    });
    if (lines <= 1) return row;
    const height = LINE_HEIGHT * Math.min(lines, MAX_ROW_LINES) + 4;
    // In a tall row every cell is top-aligned, level with the first line of the wrapped text.
    return row.map((cell, i) => {
      const top = cell ? { ...cell, alignVertical: cell.alignVertical ?? ('top' as const) } : cell;
      return i === 0 ? { ...(top ?? { value: null }), height } : top;
    });
  };
  return { ...sheet, data: data(sheet.data) };
}

export async function auditWorkbook(
  rows: readonly AuditRow[],
  counts: readonly RuleCount[],
  head: Pick<RunHead, 'areas'>,
  shared: readonly SharedParagraph[] = [],
  previous = false,
): Promise<Uint8Array> {
  // Each sheet is built, written and let go before the next: the 50,000 rows of findings of
  // 2,000 reports are never held as cells beside the rest.
  const sheets = [
    () => summarySheet(rows, head, previous),
    () => findingsSheet(rows),
    () => rulesSheet(counts, rows.length),
    () => sharedSheet(shared),
    () => reviewSheet(rows),
  ].map((build) => () => fitRowHeights(build()));
  return Promise.resolve(workbookZip(sheets));
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const xmlText = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot hold at all (a control character in a report) are left out.
    // eslint-disable-next-line no-control-regex -- the controls are what is removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
/** Days since 1899-12-30, Excel's date serial. */
const serial = (d: Date): number => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

/**
 * The workbook's parts, written straight from the sheets' cells: one string per row, shared
 * strings and styles collected on the way. (write-excel-file, which wrote it before, took some
 * 400 MB for the 50,000 finding rows of 2,000 reports; this takes little more than the XML.)
 */
function workbookZip(sheets: ReadonlyArray<() => Sheet>): Uint8Array {
  const u8 = fflate().strToU8;
  const strings = new Map<string, number>();
  const stringOf = (text: string): number => {
    let i = strings.get(text);
    if (i === undefined) strings.set(text, (i = strings.size));
    return i;
  };
  // Number formats beyond the built-in ones, and cell styles, numbered as first used.
  const formats = new Map<string, number>();
  const styles = new Map<string, number>([['', 0]]);
  const xfs = ['<xf fontId="0" applyFont="1"></xf>'];
  const styleOf = (cell: NonNullable<Cell>): number => {
    const format = cell.format ?? (cell.value instanceof Date ? 'yyyy-mm-dd' : undefined);
    const key = JSON.stringify([
      format,
      cell.fontWeight,
      cell.backgroundColor,
      cell.bottomBorderStyle,
      cell.alignVertical,
      cell.wrap,
    ]);
    if (key === JSON.stringify([])) return 0;
    let id = styles.get(key);
    if (id !== undefined) return id;
    let attrs = '';
    if (format) {
      let fmt = formats.get(format);
      if (fmt === undefined) formats.set(format, (fmt = 100 + formats.size));
      attrs += ` numFmtId="${fmt}" applyNumberFormat="1"`;
    }
    attrs += ` fontId="${cell.fontWeight === 'bold' ? 1 : 0}" applyFont="1"`;
    if (cell.backgroundColor) attrs += ' fillId="2" applyFill="1"';
    if (cell.bottomBorderStyle) attrs += ' borderId="1" applyBorder="1"';
    const align =
      cell.alignVertical || cell.wrap
        ? `<alignment${cell.alignVertical ? ` vertical="${cell.alignVertical}"` : ''}${cell.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    if (align) attrs += ' applyAlignment="1"';
    styles.set(key, (id = xfs.length));
    xfs.push(`<xf${attrs}>${align}</xf>`);
    return id;
  };
  const filterRef = (width: number, count: number) => `A1:${columnName(width || 1)}${Math.max(count, 1)}`;
  const names: string[] = [];
  const filters: string[] = [];
  const sheetXml = sheets.map((build) => {
    const sheet = build();
    names.push(sheet.sheet);
    // Rows turn into bytes 500 at a time: 50,000 rows never wait as strings.
    const chunks: Uint8Array[] = [];
    let pending: string[] = [];
    const flush = () => {
      chunks.push(u8(pending.join('')));
      pending = [];
    };
    let count = 0;
    let width = 0;
    for (const row of sheet.data) {
      const r = count++;
      if (r === 0) width = row.length;
      const height = row.find((c) => c?.height !== undefined)?.height;
      const cells = row
        .map((cell, c) => {
          if (!cell || cell.value === null || cell.value === undefined) return '';
          const ref = `${columnName(c + 1)}${r + 1}`;
          const s = styleOf(cell);
          const style = s === 0 ? '' : ` s="${s}"`;
          if (typeof cell.value === 'number') return `<c r="${ref}"${style}><v>${cell.value}</v></c>`;
          if (cell.value instanceof Date) return `<c r="${ref}"${style}><v>${serial(cell.value)}</v></c>`;
          return `<c r="${ref}"${style} t="s"><v>${stringOf(cell.value)}</v></c>`;
        })
        .join('');
      pending.push(`<row r="${r + 1}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`);
      if (pending.length >= 500) flush();
    }
    flush();
    const filter = filterRef(width, count);
    filters.push(filter);
    const pane =
      sheet.stickyRowsCount > 0
        ? `<pane ySplit="${sheet.stickyRowsCount}" xSplit="0" topLeftCell="A${sheet.stickyRowsCount + 1}" activePane="bottomRight" state="frozen"/>`
        : '';
    const cols = sheet.columns
      .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
      .join('');
    const head = u8(
      `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView tabSelected="0" workbookViewId="0">${pane}</sheetView></sheetViews>` +
        `<cols>${cols}</cols><sheetData>`,
    );
    const tail = u8(`</sheetData><autoFilter ref="${filter}"/></worksheet>`);
    const out = new Uint8Array(head.length + chunks.reduce((n, c) => n + c.length, 0) + tail.length);
    let at = 0;
    for (const part of [head, ...chunks, tail]) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  });
  const defined = names
    .map(
      (name, i) =>
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(name)}'!${(filters[i] as string).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}</definedName>`,
    )
    .join('');
  const workbook =
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>` +
    names.map((name, i) => `<sheet r:id="rId${i + 1}" sheetId="${i + 1}" name="${xmlText(name)}"/>`).join('') +
    `</sheets><definedNames>${defined}</definedNames><calcPr/></workbook>`;
  const sst = [...strings.keys()]
    .map((t) => `<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${xmlText(t)}</t></si>`)
    .join('');
  const numFmts = [...formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`).join('');
  const font = (bold: boolean) =>
    `<font><name val="等线"/><sz val="11"/><family val="2"/>${bold ? '<b/>' : ''}<color theme="1"/></font>`;
  const stylesXml =
    `${XML}<styleSheet xmlns="${MAIN}">${formats.size ? `<numFmts count="${formats.size}">${numFmts}</numFmts>` : ''}` +
    `<fonts count="2">${font(false)}${font(true)}</fonts>` +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"/><diagonal/></border></borders>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`;
  const type = (part: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${part}+xml`;
  const contentTypes =
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>' +
    `<Override ContentType="${type('sheet.main')}" PartName="/xl/workbook.xml"/>` +
    `<Override ContentType="${type('sharedStrings')}" PartName="/xl/sharedStrings.xml"/>` +
    `<Override ContentType="${type('styles')}" PartName="/xl/styles.xml"/>` +
    sheets
      .map((_, i) => `<Override ContentType="${type('worksheet')}" PartName="/xl/worksheets/sheet${i + 1}.xml"/>`)
      .join('') +
    '</Types>';
  const rel = (id: string, kind: string, target: string) =>
    `<Relationship Id="${id}" Type="${REL}/${kind}" Target="${target}"/>`;
  const rels = (inner: string) =>
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${inner}</Relationships>`;
  const parts: Array<[string, string | Uint8Array]> = [
    ['[Content_Types].xml', contentTypes],
    ['_rels/.rels', rels(rel('rId1', 'officeDocument', 'xl/workbook.xml'))],
    ['xl/workbook.xml', workbook],
    [
      'xl/_rels/workbook.xml.rels',
      rels(
        sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('') +
          rel(`rId${sheets.length + 1}`, 'sharedStrings', 'sharedStrings.xml') +
          rel(`rId${sheets.length + 2}`, 'styles', 'styles.xml'),
      ),
    ],
    ['xl/styles.xml', stylesXml],
    [
      'xl/sharedStrings.xml',
      `${XML}<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">${sst}</sst>`,
    ],
    ...sheetXml.map((xml, i): [string, Uint8Array] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
  ];
  // Fixed entry times (writeZip): the same audit gives the same bytes.
  return writeZip(
    parts.map(([name, content]) => ({
      kind: 'new',
      name,
      content: typeof content === 'string' ? u8(content) : content,
    })),
  );
}
