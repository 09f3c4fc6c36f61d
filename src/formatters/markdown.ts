import { visible } from '../shared/safe-text.js';
import { noShared, SHARED_TITLE, sharedCount, sharedIntro } from './shared-paragraphs.js';
import type { Evidence, Finding } from '../engine/model.js';
import { failedFindings, rankReports, type ReportResult, type RunSummary } from '../report/result.js';
import { placeLabel } from './evidence.js';
import { wholeDocument, type Formatter, type FormatWriterFactory } from './types.js';

const SEVERITY_LABEL: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

/**
 * Report text made safe for Markdown: one line, the characters that would start emphasis,
 * code, links, HTML or break a table cell backslash-escaped, then controls shown visibly and a
 * leading `::` marked (shared/safe-text.ts; `\:` still renders as `:`).
 */
export function escapeMarkdown(text: string): string {
  return visible(text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\|*_`<>[\]~&]/g, (ch) => `\\${ch}`));
}

const num = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function reportName(r: Pick<ReportResult, 'meta' | 'file'>): string {
  return r.meta.title ?? r.file;
}

function quoteLine(e: Evidence): string {
  const note = e.note ? `（${escapeMarkdown(e.note)}）` : '';
  return `${placeLabel(e)}：“${escapeMarkdown(e.quote)}”${note}`;
}

function renderFinding(n: number, f: Finding): string[] {
  const out = [`### ${n}. ${escapeMarkdown(f.message)}`, ''];
  out.push(`- 规则：\`${f.ruleId.replace(/`/g, '')}\`（${escapeMarkdown(f.title)}）`);
  out.push(`- 类别：${SEVERITY_LABEL[f.severity]}`);
  out.push(`- 依据：${escapeMarkdown(f.clause)}${f.basis === 'practice' ? '（地方实践，非官方指标）' : ''}`);
  if (f.evidence.length > 0) {
    out.push('- 原文：');
    out.push('');
    f.evidence.forEach((e, i) => {
      if (i > 0) out.push('  >');
      out.push(`  > ${quoteLine(e)}`);
    });
    out.push('');
  }
  out.push(`- 整改建议：${escapeMarkdown(f.fix)}`, '');
  return out;
}

function renderReport(r: ReportResult): string[] {
  const { meta, score } = r;
  const facts = [
    meta.body ? escapeMarkdown(meta.body) : '单位未识别',
    meta.year ? `${meta.year}年度` : '年度未识别',
    ...(meta.published ? [`发布日期 ${escapeMarkdown(meta.published)}`] : []),
    `文件 ${escapeMarkdown(r.file)}`,
  ];
  const errors = failedFindings(r, 'error');
  const warnings = failedFindings(r, 'warning');
  const infos = failedFindings(r, 'info');
  const out = [`# 关于《${escapeMarkdown(reportName(r))}》的审核意见`, '', facts.join(' · '), ''];
  out.push(
    `**得分：${score.total.toFixed(1)} / 100　等级：${escapeMarkdown(score.grade)}**（错误 ${errors.length} 项，警告 ${warnings.length} 项，提示 ${infos.length} 项）`,
    '',
  );
  if (score.areas.length > 0) {
    out.push('| 领域 | 得分 | 满分 |', '|---|---:|---:|');
    for (const a of score.areas) out.push(`| ${escapeMarkdown(a.title)} | ${num(a.score)} | ${num(a.max)} |`);
    out.push('');
  }

  let n = 0;
  out.push('## 需要整改的问题', '');
  const toFix = [...errors, ...warnings];
  if (toFix.length === 0) out.push('未发现需要整改的问题。', '');
  for (const f of toFix) out.push(...renderFinding(++n, f));
  if (infos.length > 0) {
    out.push('## 提示', '', '以下为常见做法的提示，不扣分，供完善报告参考。', '');
    for (const f of infos) out.push(...renderFinding(++n, f));
  }

  const passed = r.findings.filter((f) => f.status === 'pass').length;
  const notApplicable = r.findings.filter((f) => f.status === 'not-applicable').length;
  out.push(
    '## 已符合的要求',
    '',
    `共检查 ${r.findings.length} 项，其中 ${passed} 项已符合要求${notApplicable > 0 ? `，${notApplicable} 项不适用` : ''}。`,
  );
  return out;
}

function ranking(run: RunSummary): string[] {
  const out = ['# 审核结果汇总', '', `共 ${run.reports.length} 份报告，按得分从高到低排列。`, ''];
  out.push('| 名次 | 乡镇 | 年度 | 得分 | 等级 | 错误 | 警告 |', '|---:|---|---|---:|---|---:|---:|');
  for (const { rank, report: r } of rankReports(run.reports)) {
    const town = escapeMarkdown(r.meta.body ?? reportName(r));
    out.push(
      `| ${rank} | ${town} | ${r.meta.year ?? ''} | ${r.score.total.toFixed(1)} | ${escapeMarkdown(r.score.grade)} | ${r.failed.error} | ${r.failed.warning} |`,
    );
  }
  return out;
}

/** Paragraphs two or more towns share: a batch result, after every report's letter. */
function sharedSection(shared: NonNullable<RunSummary['batch']>['shared']): string[] {
  const out = [`## ${SHARED_TITLE}`, ''];
  if (shared.length === 0) return [...out, `${noShared()}。`, ''];
  out.push(sharedIntro(shared.length), '');
  shared.forEach((g, i) => {
    out.push(`${i + 1}. ${escapeMarkdown(g.text)}`, '');
    const places = g.reports.map((r) => `${escapeMarkdown(r.file)} 第${r.line}行`).join('、');
    out.push(`   ${sharedCount(g)}：${places}`, '');
  });
  return out;
}

const SEPARATOR = '\n\n---\n\n';
const section = (lines: string[]) => lines.join('\n').replace(/\n+$/, '');

/**
 * A feedback letter (审核意见) per report, in Markdown an inspector can paste and edit; a ranking
 * first when there are several.
 */
export const markdownWriter: FormatWriterFactory = () => {
  return {
    head: (end) => (end.reports.length >= 2 ? section(ranking(end)) + SEPARATOR : ''),
    report: (r) => section(renderReport(r)),
    separator: SEPARATOR,
    tail(end, empty) {
      const tail: string[] = [];
      if (end.batch) tail.push(...sharedSection(end.batch.shared));
      if (end.failures.length > 0) {
        tail.push('## 无法读取的文件', '');
        for (const f of end.failures) tail.push(`- ${escapeMarkdown(f.file)}：${escapeMarkdown(f.message)}`);
        tail.push('');
      }
      if (end.skipped.length > 0) {
        tail.push('## 跳过的文件', '', `以下 ${end.skipped.length} 个文件格式不支持，未检查：`, '');
        for (const s of end.skipped) tail.push(`- ${escapeMarkdown(s)}`);
        tail.push('');
      }
      if (tail.length > 0) return `${empty ? '' : SEPARATOR}${section(tail)}\n`;
      return empty ? '没有可检查的报告。\n' : '\n';
    },
  };
};

export const markdownFormatter: Formatter = wholeDocument(markdownWriter);
