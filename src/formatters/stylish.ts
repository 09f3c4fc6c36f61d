import { Chalk, type ChalkInstance } from 'chalk';
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
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function severityMark(c: ChalkInstance, f: Finding): string {
  if (f.status === 'pass') return c.green('✓ 通过');
  if (f.status === 'not-applicable') return c.gray('– 不适用');
  const label = SEVERITY_LABEL[f.severity];
  if (f.severity === 'error') return c.red(`✖ ${label}`);
  if (f.severity === 'warning') return c.yellow(`⚠ ${label}`);
  return c.blue(`ℹ ${label}`);
}

function evidenceLine(c: ChalkInstance, e: Evidence): string {
  const where = c.gray(placeLabel(e));
  const note = e.note ? c.gray(`（${v(e.note)}）`) : '';
  return `${where} “${v(clip(e.quote))}”${note}`;
}

function header(c: ChalkInstance, r: ReportResult): string[] {
  const { meta } = r;
  const title = meta.title !== null && meta.title !== undefined ? v(meta.title) : c.gray('（未识别到标题）');
  const facts = [
    meta.body ? v(meta.body) : c.gray('单位未识别'),
    meta.year ? `${meta.year}年度` : c.gray('年度未识别'),
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
  return [c.underline.bold(v(r.file)), `${c.bold(title)} · ${facts.join(' · ')}`, `结构：${parts.join(' ')}`];
}

function scoreBanner(c: ChalkInstance, r: ReportResult): string {
  const { total, grade, areas } = r.score;
  const colour = total >= 90 ? c.green : total >= 75 ? c.cyan : total >= 60 ? c.yellow : c.red;
  const areaText = areas.map((a) => `${a.title} ${a.score}/${a.max}`).join(' · ');
  return `${colour.bold(`得分 ${total.toFixed(1)} / 100  ${grade}`)}  ${c.gray(areaText)}`;
}

function renderReport(c: ChalkInstance, r: ReportResult, areaTitles: Map<string, string>, verbose: boolean): string {
  const out = [...header(c, r), ''];
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
      out.push(`    ${severityMark(c, f)}  ${v(f.message)}  ${c.gray(f.ruleId)}`);
      for (const e of f.evidence) out.push(`        ${evidenceLine(c, e)}`);
      if (f.status === 'fail') {
        out.push(
          `        ${c.gray('依据：')}${v(f.clause)}${f.basis === 'practice' ? c.gray('（地方实践，非官方指标）') : ''}`,
        );
        out.push(`        ${c.gray('建议：')}${v(f.fix)}`);
      }
    }
    out.push('');
  }
  if (byArea.size === 0) out.push(`  ${c.green('未发现问题')}`, '');
  out.push(`  ${scoreBanner(c, r)}`);
  return out.join('\n');
}

/** Reports ranked by score (highest first; ties in input order), for an inspector's overview. */
function ranking(c: ChalkInstance, run: RunSummary): string {
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
  return `${c.bold('排名')}\n${renderTable(['#', '乡镇', '年度', '得分', '等级', '错误', '警告', '最弱领域'], rows)}`;
}

/** The last line: whether the gate passed, and why not (gate.ts gateSentence). */
function gateLine(c: ChalkInstance, run: RunSummary, gate: Gate): string {
  const { passed, message } = gateVerdict(run, gate);
  return passed ? c.green.bold(message) : c.red.bold(message);
}

function summary(c: ChalkInstance, run: RunSummary): string {
  const count = (sev: Finding['severity']) => totalFailed(run.reports, sev);
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const parts = [`${run.reports.length} 份报告`, `${errors} 个错误`, `${warnings} 个警告`, `${infos} 个提示`];
  if (run.failures.length > 0) parts.push(`${run.failures.length} 个文件无法读取`);
  if (run.baseline) parts.push(`基线已屏蔽 ${run.baseline.suppressed} 个已知问题`);
  const text = parts.join('，');
  if (errors > 0 || run.failures.length > 0) return c.red.bold(`✖ ${text}`);
  if (warnings > 0) return c.yellow.bold(`⚠ ${text}`);
  return c.green.bold(`✓ ${text}`);
}

/**
 * Human output for a terminal: per report, gaps grouped by area with quotes, then a score
 * banner. Each report is printed as soon as it is checked; the ranking and totals come last.
 */
export const stylishWriter: FormatWriterFactory = (run, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const areaTitles = new Map(run.areas.map((a) => [a.id, a.title] as const));
  return {
    head: '',
    report: (r) => `${renderReport(c, r, areaTitles, options.verbose)}\n\n`,
    tail(end) {
      const blocks: string[] = [];
      for (const f of end.failures)
        blocks.push(`${c.underline.bold(v(f.file))}\n  ${c.red('✖ 无法检查：')}${v(f.message)}`);
      if (end.skipped.length > 0)
        blocks.push(c.gray(`跳过 ${end.skipped.length} 个不支持或被忽略的文件：${end.skipped.map(v).join('、')}`));
      if (end.reports.length >= 2) blocks.push(ranking(c, end));
      if (end.baseline && end.baseline.disappeared.length > 0) {
        const gone = end.baseline.disappeared.map((e) => `${v(e.file)} ${e.ruleId}`).join('、');
        blocks.push(
          c.cyan(`基线中有 ${end.baseline.disappeared.length} 个问题已不再出现，可用 --update-baseline 清理：${gone}`),
        );
      }
      return `${[...blocks, `${summary(c, end)}\n${gateLine(c, end, gateOf(options))}`].join('\n\n')}\n`;
    },
  };
};

export const stylishFormatter: Formatter = wholeDocument(stylishWriter);
