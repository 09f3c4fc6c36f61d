import type { Finding } from '../engine/model.js';
import { totalFailed, type RunSummary } from '../report/result.js';

export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const RANK: Record<Finding['severity'], number> = { info: 1, warning: 2, error: 3 };

export interface Gate {
  failOn: FailOn;
  minScore: number | null;
  maxWarnings: number | null;
}

/** Exit code for a finished run: 2 unreadable input, 1 gate failed, 0 passed. */
export function exitCode(run: Pick<RunSummary, 'failures' | 'reports'>, gate: Gate): 0 | 1 | 2 {
  if (run.failures.length > 0) return 2;
  const threshold = gate.failOn === 'never' ? Infinity : RANK[gate.failOn];
  const severities = (Object.keys(RANK) as Array<Finding['severity']>).filter((s) => RANK[s] >= threshold);
  const failedFinding = run.reports.some((r) => severities.some((s) => r.failed[s] > 0));
  const lowScore = gate.minScore !== null && run.reports.some((r) => r.score.total < (gate.minScore as number));
  const tooManyWarnings = gate.maxWarnings !== null && totalFailed(run.reports, 'warning') > gate.maxWarnings;
  return failedFinding || lowScore || tooManyWarnings ? 1 : 0;
}

export function severityRank(severity: Finding['severity']): number {
  return RANK[severity];
}
