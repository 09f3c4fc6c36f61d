/** The comparison for the terminal (Chinese, plain lines) and as one JSON object for scripts. */
import type { Comparison, PlanOutcome } from './index.js';

/** How each outcome reads, for last year's plans and for its shortcomings (terminal and dashboard). */
export const PLAN_STATUS: Record<PlanOutcome['status'], string> = {
  done: '✓ 已报告完成',
  'not-reported': '✗ 未见报告',
  again: '↻ 再次列为计划',
};
export const SHORTCOMING_STATUS: Record<PlanOutcome['status'], string> = {
  done: '✓ 已报告整改',
  'not-reported': '✗ 未见整改',
  again: '↻ 仍列为不足',
};

const who = (r: Comparison['last']): string =>
  `${r.body ?? '（未识别单位）'} ${r.year === null ? '（未识别年度）' : `${r.year}年度`}（${r.file}）`;

export function formatComparison(c: Comparison): string {
  const out: string[] = [`对比：${who(c.last)} → ${who(c.current)}`, ''];
  for (const kind of ['plan', 'shortcoming'] as const) {
    const items = c.plans.filter((p) => p.kind === kind);
    const labels = kind === 'plan' ? PLAN_STATUS : SHORTCOMING_STATUS;
    const counts = (['done', 'not-reported', 'again'] as const).map(
      (s) => `${labels[s].slice(2)} ${items.filter((p) => p.status === s).length}`,
    );
    out.push(
      `${kind === 'plan' ? '去年的下一年度安排' : '去年的存在的不足'}（${items.length} 项：${counts.join('，')}）`,
    );
    if (items.length === 0) out.push('  （去年的报告中没有这一部分）');
    for (const p of items) {
      out.push(`  ${labels[p.status]}  第${p.line}行：${p.text}`);
      for (const e of p.evidence) out.push(`      今年第${e.line}行：${e.quote}`);
    }
    out.push('');
  }
  out.push(`与去年相同或几乎相同的段落（相似度 ≥ ${c.copyThreshold}）：${c.copied.length} 段`);
  for (const p of c.copied) {
    out.push(`  第${p.line}行（相似度 ${p.similarity.toFixed(2)}，去年第${p.lastLine}行）：${p.quote}`);
  }
  out.push('', `与去年相同的数字：${c.repeatedNumbers.length} 处`);
  for (const n of c.repeatedNumbers) {
    out.push(`  ${n.value}  今年第${n.line}行：${n.quote}`, `        去年第${n.lastLine}行：${n.lastQuote}`);
  }
  return `${out.join('\n')}\n`;
}

export function comparisonJson(c: Comparison): string {
  return `${JSON.stringify(c, null, 2)}\n`;
}
