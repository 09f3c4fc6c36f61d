import type { Document } from '../document/model.js';
import { compileRuleSet, type ParamOverrides, type RuleSet } from '../engine/compile.js';
import { fingerprint } from '../engine/fingerprint.js';
import type { Finding } from '../engine/model.js';
import { DEFAULT_PACKS, prebuiltPackSet, type PackCache } from '../packs/assemble.js';
import { useNeedsHost, type Needs } from '../packs/prefilter.js';
import { analyseSource } from '../report/pipeline.js';
import type { Score } from '../score/score.js';

/**
 * The core as the self-check page bundles it: the report pipeline (document → facts → engine → score) over the
 * pre-built packs, with nothing from Node (test/browser-core.test.ts bundles it for the
 * browser and runs it without require). The page fetches dist/builtin-packs.json and
 * dist/builtin-regex-needs.json and hands them in; the text never leaves the browser.
 */

export { DEFAULT_PACKS, fingerprint, type PackCache };

/** The rule set of pre-built packs; `needs` is the build's regex analysis (no regex parser here). */
export function prebuiltRuleSet(
  packs: PackCache,
  needs: Record<string, Needs>,
  refs: readonly string[] = DEFAULT_PACKS,
  overrides: ParamOverrides = {},
): RuleSet {
  useNeedsHost({ knownNeeds: () => needs });
  return compileRuleSet(prebuiltPackSet(packs, refs), overrides);
}

export interface TextCheck {
  document: Document;
  findings: Finding[];
  score: Score;
}

/** Check a report's plain text (a pasted draft, or text a page-side reader extracted). */
export async function checkPlainText(text: string, ruleSet: RuleSet, file = '<text>'): Promise<TextCheck> {
  const { document, result } = await analyseSource({ file, format: 'text', encoding: null, text }, ruleSet);
  return { document, findings: result.findings, score: result.score };
}
