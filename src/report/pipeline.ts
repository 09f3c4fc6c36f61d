import { parseDocument } from '../document/parse.js';
import { evaluate } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/compile.js';
import { evidenceAt } from '../engine/evidence.js';
import { computeFacts } from '../facts/compute.js';
import type { Document } from '../document/model.js';
import type { Facts, MetricValue } from '../facts/model.js';
import type { SourceText } from '../ingest/index.js';
import type { ReportMetric, ReportResult } from './result.js';
import { computeScore } from '../score/score.js';
import { mapPacked } from '../shared/packed.js';

function toReportMetric(facts: Facts, m: MetricValue): ReportMetric {
  const quote = m.derived
    ? (m.from ?? []).map((f) => evidenceAt(facts.document, f.clause).quote).join(' … ')
    : evidenceAt(facts.document, m.clause).quote;
  return {
    id: m.id,
    value: m.value,
    unit: m.unit,
    part: m.part,
    line: m.span.line,
    column: m.span.start + 1,
    quote,
    target: m.target,
    derived: m.derived,
  };
}

export interface Analysis {
  document: Document;
  facts: Facts;
  result: ReportResult;
}

/**
 * Called between stages; throwing ends the check. The main thread cannot interrupt a stage, so
 * this is where a per-report time limit is read (run/batch.ts).
 */
export type Checkpoint = () => void;

/** The whole pipeline for one decoded report, keeping the intermediate stages (for tests and tools). */
export async function analyseSource(
  source: SourceText,
  ruleSet: RuleSet,
  checkpoint: Checkpoint = () => {},
): Promise<Analysis> {
  const document = parseDocument(source);
  checkpoint();
  const facts = computeFacts(document, ruleSet.plan);
  checkpoint();
  const findings = await evaluate(ruleSet, facts);
  checkpoint();
  const derived = [...facts.achieved.values()].filter((m) => m.derived);
  const { titleLine: _titleLine, ...meta } = document.meta;
  const result: ReportResult = {
    file: source.file,
    format: source.format,
    encoding: source.encoding,
    meta,
    parts: mapPacked(document.parts, (p) => ({ ...p, ...(document.place?.(p.line, 1) ?? {}) })),
    metrics: mapPacked([...facts.metrics, ...derived], (m) => toReportMetric(facts, m)),
    findings,
    score: computeScore(findings, ruleSet.packs.areas, ruleSet.packs.grades),
  };
  return { document, facts, result };
}

/** The whole pipeline for one decoded report: document → facts → engine → score. */
export async function checkSource(
  source: SourceText,
  ruleSet: RuleSet,
  checkpoint?: Checkpoint,
): Promise<ReportResult> {
  return (await analyseSource(source, ruleSet, checkpoint)).result;
}
