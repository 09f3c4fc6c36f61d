import type { Finding } from '../engine/model.js';
import type { PackRule } from '../packs/model.js';
import type { ReportResult } from '../report/result.js';

/**
 * Used whenever whole reports come back from worker threads: checkAll/runCheck and checkEach
 * without `render` (the library; the CLI renders on the worker and sends text instead).
 *
 * Reports cross from worker threads by structured clone, which copies every string. A
 * finding's title, clause, area, weight, basis and (usually) fix hint are the rule's own,
 * identical in every report: send only what varies and re-attach the rule's shared strings
 * on arrival, so 10,000 reports do not hold 10,000 copies of each rule's text.
 */
type Varying = Pick<Finding, 'ruleId' | 'status' | 'severity' | 'message' | 'evidence' | 'unknownBasics'> & {
  fix?: string;
  suppressed?: true;
};
export type CompactReport = Omit<ReportResult, 'findings'> & { findings: Varying[] };

export function compactReport(report: ReportResult, rules: Map<string, PackRule>): CompactReport {
  return {
    ...report,
    findings: report.findings.map((f) => {
      const v: Varying = {
        ruleId: f.ruleId,
        status: f.status,
        severity: f.severity,
        message: f.message,
        evidence: f.evidence,
      };
      if (f.fix !== rules.get(f.ruleId)?.fix) v.fix = f.fix;
      if (f.unknownBasics) v.unknownBasics = f.unknownBasics;
      if (f.suppressed) v.suppressed = true;
      return v;
    }),
  };
}

export function expandReport(compact: CompactReport, rules: Map<string, PackRule>): ReportResult {
  return {
    ...compact,
    findings: compact.findings.map((v): Finding => {
      const rule = rules.get(v.ruleId) as PackRule;
      return {
        ruleId: v.ruleId,
        title: rule.title,
        status: v.status,
        severity: v.severity,
        area: rule.area,
        weight: rule.weight,
        basis: rule.basis,
        message: v.message,
        clause: rule.clause,
        fix: v.fix ?? rule.fix,
        evidence: v.evidence,
        ...(v.unknownBasics ? { unknownBasics: v.unknownBasics } : {}),
        ...(v.suppressed ? { suppressed: true } : {}),
      };
    }),
  };
}
