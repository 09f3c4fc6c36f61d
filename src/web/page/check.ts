/**
 * One check as the CLI runs it: the same rule set (pre-built packs), the same pipeline, and the
 * run result `fazhi check --format json` renders, through the same formatter.
 */
import type { Document } from '../../document/model.js';
import type { RuleSet } from '../../engine/compile.js';
import { jsonFormatter } from '../../formatters/json.js';
import type { SourceText } from '../../ingest/index.js';
import { analyseSource } from '../../report/pipeline.js';
import { ruleInfo } from '../../report/rule-info.js';
import type { ReportResult, RuleInfo, RunResult } from '../../report/result.js';
import { prebuiltRuleSet, type PackCache } from '../core.js';
import type { Needs } from '../../packs/prefilter.js';

/** What packs.js sets: the build's pre-built packs, their regex analysis, and the tool's version. */
export interface SiteData {
  packs: PackCache;
  needs: Record<string, Needs>;
  tool: { name: string; version: string };
}

export interface PageCheck {
  source: SourceText;
  /** The file's bytes as read (an annotated copy of a .docx is made from them). */
  bytes: Uint8Array;
  document: Document;
  report: ReportResult;
  run: RunResult;
  /** `fazhi check --format json` of the same file, byte for byte. */
  json: string;
}

/** The rules as run/batch.ts runHead lists them for one file under no config. */
export function rulesOf(ruleSet: RuleSet, builtin: SiteData['packs']): RuleInfo[] {
  // Only the built-in packs' rules have pages in docs/rules/.
  return ruleSet.packs.rules.map((rule) => ruleInfo(rule, rule.severity, Object.hasOwn(builtin, rule.file)));
}

export function builtinRuleSet(data: SiteData): RuleSet {
  return prebuiltRuleSet(data.packs, data.needs);
}

export async function checkSourceText(
  source: SourceText,
  bytes: Uint8Array,
  ruleSet: RuleSet,
  data: SiteData,
): Promise<PageCheck> {
  const { document, result: report } = await analyseSource(source, ruleSet);
  const run: RunResult = {
    tool: data.tool,
    packs: ruleSet.packs.packs.map((p) => ({ id: p.id, version: p.version })),
    rules: rulesOf(ruleSet, data.packs),
    areas: [...ruleSet.packs.areas.values()].map((a) => ({ id: a.id, title: a.title, weight: a.weight })),
    reports: [report],
    failures: [],
    skipped: [],
  };
  // The CLI's defaults with no config: the gate fails on errors, no score or warning limit.
  const json = jsonFormatter(run, {
    color: false,
    verbose: false,
    failOn: 'error',
    gate: { failOn: 'error', minScore: null, maxWarnings: null },
  });
  return { source, bytes, document, report, run, json };
}
