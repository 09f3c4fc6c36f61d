import type { DocumentMeta, PartId, PartRef } from '../document/model.js';
import type { SourcePlace } from '../ingest/index.js';
import type { Finding } from '../engine/model.js';
import type { AreaScore, Score } from '../score/score.js';
import type { InputErrorCode } from '../shared/errors.js';
import { detachedStrings } from '../shared/detached.js';

export interface ReportMetric {
  id: string;
  value: number;
  unit: string;
  part: PartId | null;
  line: number;
  column: number;
  quote: string;
  /** A next-year target, not the year's result. */
  target: boolean;
  derived: boolean;
}

/** A statutory part found, with where its heading is in the original file. */
export type ReportPart = PartRef & SourcePlace;

/** The outcome for one report: what every formatter renders. Plain data (crosses worker threads). */
export interface ReportResult {
  file: string;
  format: string;
  encoding: string | null;
  meta: Omit<DocumentMeta, 'titleLine'>;
  parts: ReportPart[];
  metrics: ReportMetric[];
  findings: Finding[];
  score: Score;
}

/** An input that could not be checked (exit code 2), reported beside the others. */
export interface InputFailure {
  file: string;
  message: string;
  /** Machine code of the cause (shared/errors.ts, INPUT_ERROR_CODES). */
  code: InputErrorCode;
}

/** Rule metadata formatters need (SARIF rules, JUnit names, docs links). */
export interface RuleInfo {
  id: string;
  title: string;
  area: string;
  severity: 'error' | 'warning' | 'info';
  basis: 'official' | 'practice';
  clause: string;
  fix: string;
  rationale: string;
  /**
   * Path of the rule's doc page in this repository, e.g. docs/rules/mediation.md#mediationsuccess-rate;
   * null for a rule from a pack outside it (a province's own), which has no page there.
   */
  doc: string | null;
  pack: string;
  /**
   * The part where the content the rule asks for belongs (its check's home), or null for the report
   * as a whole: where a failure with nothing to quote is shown (annotations, the self-check page).
   */
  part: PartId | null;
}

export interface RunResult {
  tool: { name: string; version: string };
  packs: Array<{ id: string; version: string }>;
  /** Every rule of the run, in pack order. */
  rules: RuleInfo[];
  /** Score areas of the pack set, in pack order. */
  areas: Array<{ id: string; title: string; weight: number }>;
  reports: ReportResult[];
  failures: InputFailure[];
  /** Files a folder or glob matched that no format adapter reads. */
  skipped: string[];
  /** With --baseline: how many known findings were suppressed, and baseline entries no longer found. */
  baseline?: BaselineSummary;
  /** What only the run as a whole shows (2+ reports): never part of one report's verdicts or score. */
  batch?: BatchResult;
}

/** Results of the batch as a whole, after every report. */
export interface BatchResult {
  /** Paragraphs found, the same or nearly the same, in two or more towns' reports. */
  shared: SharedText[];
}

export interface SharedText {
  /** The paragraph as the first report (in input order) writes it. */
  text: string;
  /** The lowest similarity between the first and any other (1 = the same). */
  similarity: number;
  /** Every report that has it, in input order. */
  reports: Array<{ file: string; town: string | null; line: number }>;
}

export interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
}

export interface BaselineSummary {
  file: string;
  suppressed: number;
  /** In the baseline but not found any more: fixed, so the baseline can be pruned. */
  disappeared: BaselineEntry[];
}

/** What is known of a run before any report is checked: enough to start every output. */
export type RunHead = Pick<RunResult, 'tool' | 'packs' | 'rules' | 'areas'>;

/**
 * A report once its own text has been written: what rankings, totals and the gate use.
 * Outputs stream report by report, so a run over 10,000 files keeps only these in memory.
 */
export interface ReportSummary {
  /** Where the report's file was among the inputs (anchors in HTML). */
  position: number;
  file: string;
  format: string;
  meta: ReportResult['meta'];
  /** The score without its per-rule deductions. */
  score: Omit<Score, 'deductions'>;
  /** Counted failures (not suppressed by a baseline) per severity. */
  failed: Record<Finding['severity'], number>;
  /** How many rules were checked, and how many did not apply. */
  findings: number;
  notApplicable: number;
}

/** The run as the end of every output sees it: summaries instead of whole reports, and how it ends. */
export interface RunSummary extends Omit<RunResult, 'reports'> {
  reports: ReportSummary[];
  exitCode: number;
}

/**
 * Failed findings that count for the gate and the summaries (a baseline's known ones do not),
 * optionally of one severity.
 */
export function failedFindings(report: ReportResult, severity?: Finding['severity']): Finding[] {
  return report.findings.filter(
    (f) => f.status === 'fail' && !f.suppressed && (severity === undefined || f.severity === severity),
  );
}

// Area ids and titles are the packs' own, but each report from a worker thread brings copies.
const sharedStrings = new Map<string, string>();
const shared = (text: string): string => sharedStrings.get(text) ?? (sharedStrings.set(text, text), text);

/**
 * A summary's area scores, shared between summaries and frozen. An area's score takes few values
 * (tenths of its weight), so 10,000 summaries share some hundreds of objects instead of holding
 * a hundred thousand until the run ends.
 */
const sharedAreas = new Map<string, AreaScore>();
function sharedArea(a: AreaScore): AreaScore {
  const key = `${a.id}\n${a.title}\n${a.score}\n${a.max}`;
  let area = sharedAreas.get(key);
  if (!area) {
    area = Object.freeze({ id: shared(a.id), title: shared(a.title), score: a.score, max: a.max });
    sharedAreas.set(key, area);
  }
  return area;
}

export function summarizeReport(report: ReportResult, position: number): ReportSummary {
  const failed = { error: 0, warning: 0, info: 0 };
  for (const f of failedFindings(report)) failed[f.severity]++;
  const { total, grade, areas } = report.score;
  const score = { total, grade, areas };
  const meta = detachedStrings(report.meta);
  const notApplicable = report.findings.filter((f) => f.status === 'not-applicable').length;
  return shareSummaryStrings({
    position,
    file: report.file,
    format: report.format,
    meta,
    score,
    failed,
    findings: report.findings.length,
    notApplicable,
  });
}

/** Share the packs' strings and the area scores (a summary from a worker thread brings its own copies). */
export function shareSummaryStrings(summary: ReportSummary): ReportSummary {
  summary.score.areas = summary.score.areas.map(sharedArea);
  summary.score.grade = shared(summary.score.grade);
  return summary;
}

export function summarizeRun(run: RunResult, exitCode = 0): RunSummary {
  return { ...run, reports: run.reports.map((r, i) => summarizeReport(r, i)), exitCode };
}

/** How many counted failures of one severity over several reports. */
export function totalFailed(reports: ReportSummary[], severity: Finding['severity']): number {
  return reports.reduce((n, r) => n + r.failed[severity], 0);
}

/**
 * The applicable area with the lowest share of its points (the first in pack order on ties);
 * null when all are full.
 */
export function weakestArea(report: { score: Pick<Score, 'areas'> }): Score['areas'][number] | null {
  let weakest: Score['areas'][number] | null = null;
  for (const a of report.score.areas) {
    if (a.max > 0 && (!weakest || a.score / a.max < weakest.score / weakest.max)) weakest = a;
  }
  return weakest && weakest.score < weakest.max ? weakest : null;
}

/** Reports by score, highest first (input order on ties, which share a rank). */
export function rankReports<R extends { score: Pick<Score, 'total'> }>(
  reports: R[],
): Array<{ rank: number; report: R }> {
  const sorted = reports
    .map((report, index) => ({ report, index }))
    .sort((a, b) => b.report.score.total - a.report.score.total || a.index - b.index);
  let rank = 0;
  return sorted.map((x, i) => {
    if (i === 0 || x.report.score.total !== sorted[i - 1]?.report.score.total) rank = i + 1;
    return { rank, report: x.report };
  });
}

/**
 * An area's points against its weight in the packs (矛盾纠纷化解 x/8), not against the rescaled
 * maximum a report's score uses when other areas drop out: columns that compare across reports.
 * null for an area with no applicable rule in this report.
 */
export function absolutePoints(
  report: { score: Pick<Score, 'areas'> },
  area: { id: string; weight: number },
): number | null {
  const scored = report.score.areas.find((s) => s.id === area.id);
  if (!scored || scored.max <= 0) return null;
  return Math.round((scored.score / scored.max) * area.weight * 10) / 10;
}
