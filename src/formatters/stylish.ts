import { Chalk, type ChalkInstance } from 'chalk';
import { noShared, sharedCount, sharedHeading } from './shared-paragraphs.js';
import { PART_IDS } from '../document/model.js';
import type { Evidence, Finding } from '../engine/model.js';
import {
  rankReports,
  totalFailed,
  weakestArea,
  type ReportPart,
  type ReportResult,
  type RunSummary,
} from '../report/result.js';
import { placeLabel } from './evidence.js';
import { visible as v } from '../shared/safe-text.js';
import { renderTable } from './table.js';
import { displayWidth, truncateToWidth, wrapSpans, type Span } from './wrap.js';
import { gateOf, wholeDocument, type Formatter, type FormatWriterFactory } from './types.js';
import { gateVerdict, type Gate } from './gate.js';

const SEVERITY_LABEL: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };
const SHORT_PART: Record<(typeof PART_IDS)[number], string> = {
  measures: '主要举措和成效',
  shortcomings: '不足和原因',
  'first-responsible': '第一责任人职责',
  'next-year': '下一年度安排',
  other: '其他情况',
};
const QUOTE_MAX = 70;

function clip(text: string, max = QUOTE_MAX): string {
  if (text.length <= max) return text;
  // Never half a surrogate pair (a rare CJK character, an emoji) before the ellipsis.
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** A quote as the terminal shows it (clipped, visibly escaped): the text a reader copies. */
export const shownQuote = (quote: string): string => v(clip(quote));

function severityMark(c: ChalkInstance, f: Finding): string {
  if (f.status === 'pass') return c.green('✓ 通过');
  if (f.status === 'not-applicable') return c.gray('– 不适用');
  const label = SEVERITY_LABEL[f.severity];
  if (f.severity === 'error') return c.red(`✖ ${label}`);
  if (f.severity === 'warning') return c.yellow(`⚠ ${label}`);
  return c.blue(`ℹ ${label}`);
}

/** The terminal's width (undefined: lines are not wrapped). */
type Width = number | undefined;

const atom = (text: string, style?: Span['style']): Span => ({ text, mode: 'atom', ...(style ? { style } : {}) });
const sep = (text: string, style?: Span['style']): Span => ({ text, separator: true, ...(style ? { style } : {}) });
const hanging = (prefix: string): string => ' '.repeat(displayWidth(prefix));

/** A quote wraps at characters and is never altered: rejoined, it is the text to copy. */
function evidenceLine(c: ChalkInstance, e: Evidence, w: Width): string {
  const spans: Span[] = [
    atom(`        ${c.gray(placeLabel(e))}`),
    sep(' '),
    { text: `“${shownQuote(e.quote)}”`, mode: 'exact' },
  ];
  if (e.note) spans.push({ text: `（${v(e.note)}）`, style: c.gray });
  return wrapSpans(spans, w, ' '.repeat(10));
}

/** A labelled line (依据：, 建议：) whose text hangs under its first character. */
function labelled(label: string, spans: Span[], w: Width): string {
  return wrapSpans([atom(label), ...spans], w, hanging(label));
}

function header(c: ChalkInstance, r: ReportResult, w: Width): string[] {
  const { meta } = r;
  const title: Span =
    meta.title !== null && meta.title !== undefined
      ? { text: v(meta.title), style: c.bold }
      : atom(c.bold(c.gray('（未识别到标题）')));
  const facts = [
    meta.body ? { text: v(meta.body) } : atom(c.gray('单位未识别')),
    meta.year ? atom(`${meta.year}年度`) : atom(c.gray('年度未识别')),
  ];
  const found = new Map(r.parts.map((p) => [p.id, p] as const));
  const where = (p: ReportPart): string =>
    p.page !== undefined ? `第${p.page}页` : p.paragraph !== undefined ? `第${p.paragraph}段` : `${p.line}行`;
  const parts = PART_IDS.map((id) => {
    const p = found.get(id);
    return p
      ? c.green(`✓${SHORT_PART[id]}`) + c.gray(`(${where(p)}${p.inferred ? '，推定' : ''})`)
      : c.red(`✗${SHORT_PART[id]}`);
  });
  return [
    wrapSpans([{ text: v(r.file), mode: 'exact', style: c.underline.bold }], w),
    wrapSpans([title, ...facts.flatMap((f) => [sep(' · '), f])], w, '  '),
    wrapSpans([atom('结构：'), ...parts.flatMap((p, i) => (i === 0 ? [atom(p)] : [sep(' '), atom(p)]))], w, '      '),
  ];
}

/** The score, then each area's; wrapped only at the ` · ` between areas. */
function scoreBanner(c: ChalkInstance, r: ReportResult, w: Width): string {
  const { total, grade, areas } = r.score;
  const colour = total >= 90 ? c.green : total >= 75 ? c.cyan : total >= 60 ? c.yellow : c.red;
  const items = areas.flatMap((a, i) => [
    ...(i > 0 ? [sep(' · ', c.gray)] : []),
    atom(`${a.title} ${a.score}/${a.max}`, c.gray),
  ]);
  return wrapSpans(
    [atom(`  ${colour.bold(`得分 ${total.toFixed(1)} / 100  ${grade}`)}`), sep('  '), ...items],
    w,
    '    ',
  );
}

function renderReport(
  c: ChalkInstance,
  r: ReportResult,
  areaTitles: Map<string, string>,
  verbose: boolean,
  w: Width,
): string {
  const out = [...header(c, r, w), ''];
  const byArea = new Map<string, Finding[]>();
  for (const f of r.findings) {
    if (f.suppressed || (!verbose && f.status !== 'fail')) continue;
    if (!byArea.has(f.area)) byArea.set(f.area, []);
    (byArea.get(f.area) as Finding[]).push(f);
  }
  const areaScore = new Map(r.score.areas.map((a) => [a.id, a] as const));
  for (const [area, findings] of byArea) {
    const s = areaScore.get(area);
    out.push(`  ${c.bold(areaTitles.get(area) ?? area)}${s ? c.gray(`  ${s.score}/${s.max}`) : ''}`);
    for (const f of findings) {
      const mark = `    ${severityMark(c, f)}  `;
      out.push(wrapSpans([atom(mark), { text: v(f.message) }, sep('  '), atom(f.ruleId, c.gray)], w, hanging(mark)));
      for (const e of f.evidence) out.push(evidenceLine(c, e, w));
      if (f.status === 'fail') {
        const practice: Span[] = f.basis === 'practice' ? [{ text: '（地方实践，非官方指标）', style: c.gray }] : [];
        out.push(labelled(`        ${c.gray('依据：')}`, [{ text: v(f.clause) }, ...practice], w));
        out.push(labelled(`        ${c.gray('建议：')}`, [{ text: v(f.fix) }], w));
      }
    }
    out.push('');
  }
  if (byArea.size === 0) out.push(`  ${c.green('未发现问题')}`, '');
  out.push(scoreBanner(c, r, w));
  return out.join('\n');
}

/** Reports ranked by score (highest first; ties in input order), for an inspector's overview. */
function ranking(c: ChalkInstance, run: RunSummary, w: Width): string {
  const rows = rankReports(run.reports).map(({ rank, report: r }) => [
    String(rank),
    r.meta.body ?? r.file,
    r.meta.year ? String(r.meta.year) : '—',
    r.score.total.toFixed(1),
    r.score.grade,
    String(r.failed.error),
    String(r.failed.warning),
    weakestArea(r)?.title ?? '—',
  ]);
  return `${c.bold('排名')}\n${renderTable(['#', '乡镇', '年度', '得分', '等级', '错误', '警告', '最弱领域'], rows, { columns: w, wrap: [1, 7] })}`;
}

/** Without --verbose the terminal lists this many shared paragraphs, and this many places of each. */
const SHARED_SHOWN = 20;
const PLACES_SHOWN = 8;

/**
 * Paragraphs two or more towns share (a batch result, after every report): each cut to one
 * line of the terminal, then where it is, as file:line.
 */
function sharedSection(c: ChalkInstance, run: RunSummary, verbose: boolean, w: Width): string {
  const shared = run.batch?.shared ?? [];
  const title = c.bold(sharedHeading(shared.length));
  if (shared.length === 0)
    return `${title}
  ${c.gray(noShared())}`;
  const shown = verbose ? shared : shared.slice(0, SHARED_SHOWN);
  const lines = [title];
  shown.forEach((g, i) => {
    const mark = `  ${i + 1}. `;
    const text = v(g.text);
    const quote = w === undefined ? clip(text) : truncateToWidth(text, Math.max(10, w - displayWidth(mark) - 2));
    lines.push(`${mark}“${quote}”`);
    const places = verbose ? g.reports : g.reports.slice(0, PLACES_SHOWN);
    const more = g.reports.length - places.length;
    const label = `${sharedCount(g)}：`;
    const spans: Span[] = [atom(c.gray(label))];
    places.forEach((r, k) => {
      if (k > 0) spans.push(atom('、'));
      spans.push({ text: `${v(r.file)}:${r.line}`, mode: 'exact' });
    });
    if (more > 0) spans.push(atom(c.gray(` 等，另有 ${more} 份`)));
    const indent = hanging(mark);
    lines.push(wrapSpans([atom(indent), ...spans], w, indent));
  });
  if (shown.length < shared.length)
    lines.push(c.gray(`  另有 ${shared.length - shown.length} 处未列出（--verbose 列出全部，或见 -f json / html）`));
  return lines.join('\n');
}

/** The last line: whether the gate passed, and why not (gate.ts gateSentence). */
function gateLine(c: ChalkInstance, run: RunSummary, gate: Gate, w: Width): string {
  const { passed, message } = gateVerdict(run, gate);
  return wrapSpans([{ text: message, style: passed ? c.green.bold : c.red.bold }], w, '  ');
}

function summary(c: ChalkInstance, run: RunSummary, w: Width): string {
  const count = (sev: Finding['severity']) => totalFailed(run.reports, sev);
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const parts = [`${run.reports.length} 份报告`, `${errors} 个错误`, `${warnings} 个警告`, `${infos} 个提示`];
  if (run.failures.length > 0) parts.push(`${run.failures.length} 个文件无法读取`);
  if (run.baseline) parts.push(`基线已屏蔽 ${run.baseline.suppressed} 个已知问题`);
  const text = parts.join('，');
  const line = (style: Span['style'], mark: string) => wrapSpans([{ text: `${mark} ${text}`, style }], w, '  ');
  if (errors > 0 || run.failures.length > 0) return line(c.red.bold, '✖');
  if (warnings > 0) return line(c.yellow.bold, '⚠');
  return line(c.green.bold, '✓');
}

/**
 * Human output for a terminal: per report, gaps grouped by area with quotes, then a score
 * banner. Each report is printed as soon as it is checked; the ranking and totals come last.
 */
export const stylishWriter: FormatWriterFactory = (run, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const areaTitles = new Map(run.areas.map((a) => [a.id, a.title] as const));
  const w = options.columns;
  return {
    head: '',
    report: (r) => `${renderReport(c, r, areaTitles, options.verbose, w)}\n\n`,
    tail(end) {
      const blocks: string[] = [];
      for (const f of end.failures) {
        const file = wrapSpans([{ text: v(f.file), mode: 'exact', style: c.underline.bold }], w);
        blocks.push(`${file}\n${wrapSpans([atom(`  ${c.red('✖ 无法检查：')}`), { text: v(f.message) }], w, '    ')}`);
      }
      if (end.skipped.length > 0) {
        const text = `跳过 ${end.skipped.length} 个不支持或被忽略的文件：${end.skipped.map(v).join('、')}`;
        blocks.push(wrapSpans([{ text, style: c.gray }], w, '  '));
      }
      if (end.reports.length >= 2) blocks.push(ranking(c, end, w));
      if (end.batch) blocks.push(sharedSection(c, end, options.verbose, w));
      if (end.baseline && end.baseline.disappeared.length > 0) {
        const gone = end.baseline.disappeared.map((e) => `${v(e.file)} ${e.ruleId}`).join('、');
        const text = `基线中有 ${end.baseline.disappeared.length} 个问题已不再出现，可用 --update-baseline 清理：${gone}`;
        blocks.push(wrapSpans([{ text, style: c.cyan }], w, '  '));
      }
      return `${[...blocks, `${summary(c, end, w)}\n${gateLine(c, end, gateOf(options), w)}`].join('\n\n')}\n`;
    },
  };
};

export const stylishFormatter: Formatter = wholeDocument(stylishWriter);
