import type { Finding } from '../engine/model.js';
import { failedFindings, type RunResult } from '../result.js';

export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const RANK: Record<Finding['severity'], number> = { info: 1, warning: 2, error: 3 };

export interface Gate {
  failOn: FailOn;
  minScore: number | null;
  maxWarnings: number | null;
}


/** Exit code for a finished run: 2 unreadable input, 1 gate failed, 0 passed. */
export function exitCode(run: RunResult, gate: Gate): 0 | 1 | 2 {
  if (run.failures.length > 0) return 2;
  const threshold = gate.failOn === 'never' ? Infinity : RANK[gate.failOn];
  const failed = run.reports.flatMap((r) => failedFindings(r));
  const failedFinding = failed.some((f) => RANK[f.severity] >= threshold);
  const lowScore = gate.minScore !== null && run.reports.some((r) => r.score.total < (gate.minScore as number));
  const tooManyWarnings = gate.maxWarnings !== null && failed.filter((f) => f.severity === 'warning').length > gate.maxWarnings;
  return failedFinding || lowScore || tooManyWarnings ? 1 : 0;
}

export function severityRank(severity: Finding['severity']): number {
  return RANK[severity];
}
