/**
 * The inspector has the last word: a reviewer overrules a verdict (a false pass or a false fail)
 * with a reason, in fazhi-review.yaml beside the submissions. The audit shows both verdicts, scores
 * with the reviewer's, and keeps doing so on every run, since the file stays where it is.
 */
import type { Finding } from '../engine/model.js';
import type { PackSet } from '../packs/model.js';
import type { ReportResult } from '../report/result.js';
import { computeScore } from '../score/score.js';
import { UsageError } from '../shared/errors.js';

export const REVIEW_FILE = 'fazhi-review.yaml';

/** A verdict in Chinese, as the review sheet and the town's page show it. */
export const VERDICT_NAMES: Record<Finding['status'], string> = {
  pass: '通过',
  fail: '未通过',
  'not-applicable': '不适用',
};

export interface Review {
  /** The report, resolved against the review file's folder. */
  file: string;
  ruleId: string;
  verdict: 'pass' | 'fail';
  reason: string;
  reviewer: string | null;
}

/** A finding the reviewer overruled: the tool's verdict kept beside the reviewer's. */
export interface ReviewedFinding extends Finding {
  review?: { tool: Finding['status']; verdict: 'pass' | 'fail'; reason: string; reviewer: string | null };
}

/**
 * Reviews from the parsed file: `reviews:` → report (path relative to the file) → rule id →
 * `{ verdict: pass | fail, reason, reviewer? }`. Anything else is an error naming the entry.
 */
export function parseReviews(
  data: unknown,
  file: string,
  resolve: (report: string) => string,
  packs: PackSet,
): Review[] {
  const reviews = (data as { reviews?: unknown } | null)?.reviews;
  if (!reviews || typeof reviews !== 'object' || Array.isArray(reviews))
    throw new UsageError('缺少 reviews: 字段（报告 → 规则 → 复核意见）', file);
  const known = new Set(packs.rules.map((r) => r.id));
  const out: Review[] = [];
  for (const [report, rules] of Object.entries(reviews as Record<string, unknown>)) {
    if (!rules || typeof rules !== 'object') throw new UsageError(`${report}: 应为 规则编号 → 复核意见`, file);
    for (const [ruleId, entry] of Object.entries(rules as Record<string, unknown>)) {
      const where = `${report}: ${ruleId}`;
      if (!known.has(ruleId)) throw new UsageError(`${where}: 没有这条规则（用 fazhi rules list 查看规则编号）`, file);
      const e = (entry ?? {}) as { verdict?: unknown; reason?: unknown; reviewer?: unknown };
      if (e.verdict !== 'pass' && e.verdict !== 'fail')
        throw new UsageError(`${where}: verdict 应为 pass（应判通过）或 fail（应判未通过）`, file);
      if (typeof e.reason !== 'string' || e.reason.trim() === '')
        throw new UsageError(`${where}: 请在 reason 中写明复核理由`, file);
      out.push({
        file: resolve(report),
        ruleId,
        verdict: e.verdict,
        reason: e.reason.trim(),
        reviewer: typeof e.reviewer === 'string' && e.reviewer.trim() ? e.reviewer.trim() : null,
      });
    }
  }
  return out;
}

/** The report with the reviewer's verdicts in force and scored with them; unchanged when none apply. */
export function applyReviews(
  report: ReportResult,
  reviews: readonly Review[],
  packs: PackSet,
  key: string = report.file,
): ReportResult {
  const mine = reviews.filter((r) => r.file === key);
  if (mine.length === 0) return report;
  const findings: ReviewedFinding[] = report.findings.map((f) => {
    const review = mine.find((r) => r.ruleId === f.ruleId);
    if (!review || review.verdict === f.status) return f;
    const tool = f.status;
    return {
      ...f,
      status: review.verdict,
      review: { tool, verdict: review.verdict, reason: review.reason, reviewer: review.reviewer },
    };
  });
  return { ...report, findings, score: computeScore(findings, packs.areas, packs.grades) };
}

/** The reviewed findings of a report (the tool's verdict overruled). */
export function reviewedFindings(
  report: ReportResult,
): Array<ReviewedFinding & { review: NonNullable<ReviewedFinding['review']> }> {
  return (report.findings as ReviewedFinding[]).filter(
    (f): f is ReviewedFinding & { review: NonNullable<ReviewedFinding['review']> } => f.review !== undefined,
  );
}
