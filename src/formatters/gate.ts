import type { Finding } from '../engine/model.js';
import { totalFailed, type RunSummary } from '../report/result.js';

/** The gate of a run: what makes it end with exit code 1. */
export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const RANK: Record<Finding['severity'], number> = { info: 1, warning: 2, error: 3 };
const SEVERITIES = Object.keys(RANK) as Array<Finding['severity']>;

export interface Gate {
  failOn: FailOn;
  minScore: number | null;
  maxWarnings: number | null;
}

export const DEFAULT_GATE: Gate = { failOn: 'error', minScore: null, maxWarnings: null };

/** Why a gate failed: each reason a CI script can test for without reading the Chinese summary. */
export type GateReason = 'unreadable' | 'fail-on' | 'min-score' | 'max-warnings';

/**
 * The gate's verdict over a run (the JSON output's `gate` object, docs/result.schema.json):
 * each limit beside the count it was held against.
 */
export interface GateVerdict {
  passed: boolean;
  /** Every limit the run broke, in this order: unreadable, fail-on, min-score, max-warnings. */
  reasons: GateReason[];
  /** Inputs that could not be checked (any one fails the run with exit code 2). */
  unreadable: number;
  failOn: FailOn;
  /** Counted failed findings (not a baseline's known ones) at or above failOn. */
  failing: number;
  minScore: number | null;
  /** The lowest total score of the run; null when no report was checked. */
  lowestScore: number | null;
  /** Reports scoring below minScore (0 without one). */
  belowMinScore: number;
  maxWarnings: number | null;
  /** Counted failed warnings. */
  warnings: number;
  /** The verdict in one Chinese sentence, as the terminal's last line says it (gateSentence). */
  message: string;
}

/** Chinese names of the severities, as every output writes them. */
export const SEVERITY_NAMES: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

/** The counted findings at or above failOn, named by the lowest severity that counts. */
function failingPhrase(v: Pick<GateVerdict, 'failOn' | 'failing'>): string {
  const name =
    v.failOn === 'never'
      ? '问题'
      : v.failOn === 'error'
        ? SEVERITY_NAMES.error
        : `${SEVERITY_NAMES[v.failOn]}及以上问题`;
  return `${v.failing} 个${name}（--fail-on ${v.failOn}）`;
}

/**
 * Why the gate failed or that it passed, in one line: "✗ 未通过：得分 76.3 低于 --min-score 90"
 * or "✓ 通过：0 个错误（--fail-on error），最低得分 76.3". Every format's summary says this.
 */
export function gateSentence(v: Omit<GateVerdict, 'message'>): string {
  const score = (n: number) => n.toFixed(1);
  if (!v.passed) {
    const why = v.reasons.map((reason) => {
      switch (reason) {
        case 'unreadable':
          return `${v.unreadable} 份文件无法检查`;
        case 'fail-on':
          return failingPhrase(v);
        case 'min-score':
          return v.belowMinScore > 1
            ? `${v.belowMinScore} 份报告得分低于 --min-score ${v.minScore}（最低 ${score(v.lowestScore ?? 0)}）`
            : `得分 ${score(v.lowestScore ?? 0)} 低于 --min-score ${v.minScore}`;
        case 'max-warnings':
          return `${v.warnings} 个警告，多于 --max-warnings ${v.maxWarnings}`;
      }
    });
    return `✗ 未通过：${why.join('；')}`;
  }
  const held = [v.failOn === 'never' ? '不因问题失败（--fail-on never）' : failingPhrase(v)];
  if (v.minScore !== null && v.lowestScore !== null)
    held.push(`最低得分 ${score(v.lowestScore)}，不低于 --min-score ${v.minScore}`);
  else if (v.lowestScore !== null) held.push(`最低得分 ${score(v.lowestScore)}`);
  if (v.maxWarnings !== null) held.push(`${v.warnings} 个警告，未超过 --max-warnings ${v.maxWarnings}`);
  return `✓ 通过：${held.join('，')}`;
}

/** True when a failed finding of this severity fails the gate. */
export function failsGate(severity: Finding['severity'], failOn: FailOn = 'error'): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}

export function gateVerdict(run: Pick<RunSummary, 'failures' | 'reports'>, gate: Gate): GateVerdict {
  const failing = SEVERITIES.filter((s) => failsGate(s, gate.failOn)).reduce(
    (n, s) => n + totalFailed(run.reports, s),
    0,
  );
  const { minScore, maxWarnings } = gate;
  const belowMinScore = minScore === null ? 0 : run.reports.filter((r) => r.score.total < minScore).length;
  const warnings = totalFailed(run.reports, 'warning');
  const reasons: GateReason[] = [];
  if (run.failures.length > 0) reasons.push('unreadable');
  if (failing > 0) reasons.push('fail-on');
  if (belowMinScore > 0) reasons.push('min-score');
  if (maxWarnings !== null && warnings > maxWarnings) reasons.push('max-warnings');
  const lowestScore = run.reports.reduce<number | null>(
    (low, r) => (low === null ? r.score.total : Math.min(low, r.score.total)),
    null,
  );
  const verdict = {
    passed: reasons.length === 0,
    reasons,
    unreadable: run.failures.length,
    failOn: gate.failOn,
    failing,
    minScore,
    lowestScore,
    belowMinScore,
    maxWarnings,
    warnings,
  };
  return { ...verdict, message: gateSentence(verdict) };
}

/** Exit code for a finished run: 2 unreadable input, 1 gate failed, 0 passed. */
export function exitCode(run: Pick<RunSummary, 'failures' | 'reports'>, gate: Gate): 0 | 1 | 2 {
  const { reasons } = gateVerdict(run, gate);
  if (reasons.includes('unreadable')) return 2;
  return reasons.length > 0 ? 1 : 0;
}
