/**
 * 反馈意见/<town>.md: the feedback an inspector sends a town, in that tone: the score, the gaps
 * in order of weight (what they cost), each with the quote, the fix and the clause.
 */
import { SEVERITY_NAMES } from '../formatters/gate.js';
import { placeLabel } from '../formatters/evidence.js';
import { failedFindings } from '../report/result.js';
import type { AuditRow } from './model.js';

const md = (s: string): string => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

export function feedbackMarkdown(row: AuditRow, issuedBy = '审核单位'): string {
  const { report } = row;
  const cost = new Map(report.score.deductions.map((d) => [d.ruleId, d.points]));
  const failed = failedFindings(report).sort(
    (a, b) =>
      (cost.get(b.ruleId) ?? 0) - (cost.get(a.ruleId) ?? 0) ||
      ['error', 'warning', 'info'].indexOf(a.severity) - ['error', 'warning', 'info'].indexOf(b.severity) ||
      a.ruleId.localeCompare(b.ruleId),
  );
  const who = row.town || '（未识别单位）';
  const out = [
    `# 关于${md(who)}${row.year ?? ''}年度法治政府建设年度报告的反馈意见`,
    '',
    `${md(who)}：`,
    '',
    `经审核，你单位报送的《${md(report.meta.title ?? row.file)}》得分 ${row.score.toFixed(1)} 分（${row.grade}）。` +
      (failed.length === 0
        ? '报告要件齐全，未发现需要修改的问题。'
        : `发现 ${failed.length} 个问题（${(['error', 'warning', 'info'] as const)
            .map((s) => `${SEVERITY_NAMES[s]} ${row.counts[s]} 个`)
            .join('，')}），请按以下意见修改完善：`),
    '',
  ];
  failed.forEach((f, i) => {
    const points = cost.get(f.ruleId);
    out.push(`## ${i + 1}. ${md(f.title)}（${SEVERITY_NAMES[f.severity]}${points ? `，扣 ${points} 分` : ''}）`, '');
    out.push(`- 问题：${md(f.message)}`);
    for (const e of f.evidence.slice(0, 3)) out.push(`- 原文（${placeLabel(e)}）：“${md(e.quote)}”`);
    out.push(`- 修改建议：${md(f.fix)}`);
    out.push(`- 依据：${md(f.clause)}${f.basis === 'practice' ? '（地方实践，非官方指标）' : ''}`, '');
  });
  const weakest = [...row.areas]
    .filter((a) => a.max > 0)
    .sort((a, b) => a.points / a.max - b.points / b.max)
    .slice(0, 3);
  if (weakest.length > 0) {
    out.push(`最需加强的方面：${weakest.map((a) => `${a.title}（${a.points}/${a.max} 分）`).join('；')}。`, '');
  }
  out.push(`${issuedBy}`, '');
  return out.join('\n');
}
