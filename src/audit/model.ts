/**
 * One audit row per report: what the dashboard, the workbook and the feedback share. Area points
 * are absolute (the area's share of its nominal weight), so they compare across reports: a report
 * where some area does not apply is not rescaled.
 */
import type { Comparison } from '../compare/index.js';
import type { Finding } from '../engine/model.js';
import { failedFindings, type ReportResult, type RunHead } from '../report/result.js';

export interface AreaPoints {
  id: string;
  title: string;
  points: number;
  max: number;
}

export interface AuditRow {
  /** Unique, safe file-name stem for this report's pages (names.ts). */
  slug: string;
  town: string;
  year: number | null;
  file: string;
  score: number;
  grade: string;
  areas: AreaPoints[];
  counts: Record<Finding['severity'], number>;
  published: string | null;
  report: ReportResult;
  /** The score before a reviewer overruled any verdict (undefined when none did). */
  toolScore?: number;
  /** Last year's plans against this year (audit --previous); undefined when no report of last year matched. */
  followThrough?: FollowThrough;
}

export interface FollowThrough {
  lastFile: string;
  plans: number;
  done: number;
  notReported: number;
  again: number;
  copied: number;
  repeatedNumbers: number;
}

export function followThroughOf(c: Comparison): FollowThrough {
  const plans = c.plans.filter((p) => p.kind === 'plan');
  return {
    lastFile: c.last.file,
    plans: plans.length,
    done: plans.filter((p) => p.status === 'done').length,
    notReported: plans.filter((p) => p.status === 'not-reported').length,
    again: plans.filter((p) => p.status === 'again').length,
    copied: c.copied.length,
    repeatedNumbers: c.repeatedNumbers.length,
  };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Points against the area's weight: an area that does not apply shows as 0 of its weight, marked null. */
export function areaPoints(report: ReportResult, head: Pick<RunHead, 'areas'>): AreaPoints[] {
  return head.areas.map((a) => {
    const scored = report.score.areas.find((s) => s.id === a.id);
    const points = scored && scored.max > 0 ? round1((scored.score / scored.max) * a.weight) : 0;
    return { id: a.id, title: a.title, points, max: a.weight };
  });
}

export function auditRow(report: ReportResult, head: Pick<RunHead, 'areas'>, slug: string): AuditRow {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of failedFindings(report)) counts[f.severity]++;
  return {
    slug,
    town: report.meta.body ?? '',
    year: report.meta.year,
    file: report.file,
    score: report.score.total,
    grade: report.score.grade,
    areas: areaPoints(report, head),
    counts,
    published: report.meta.published,
    report,
  };
}

export interface RuleCount {
  ruleId: string;
  title: string;
  severity: Finding['severity'];
  failed: number;
  /** The reports that fail it, by slug, in ranking order. */
  slugs: string[];
}

/** For every rule that fails somewhere: how many reports fail it, most common first. */
export function ruleCounts(rows: readonly AuditRow[], head: Pick<RunHead, 'rules'>): RuleCount[] {
  return head.rules
    .map((rule) => {
      const failing = rows.filter((r) => failedFindings(r.report).some((f) => f.ruleId === rule.id));
      return {
        ruleId: rule.id,
        title: rule.title,
        severity: rule.severity,
        failed: failing.length,
        slugs: failing.map((r) => r.slug),
      };
    })
    .filter((c) => c.failed > 0)
    .sort((a, b) => b.failed - a.failed || a.ruleId.localeCompare(b.ruleId));
}

/** Ranking order: score, highest first; then town and file, so equal scores keep one order. */
export function byRank(a: AuditRow, b: AuditRow): number {
  return b.score - a.score || a.town.localeCompare(b.town, 'zh') || a.file.localeCompare(b.file);
}
