import { homeOf } from '../engine/checks/index.js';
import { docPathFor } from '../packs/docs.js';
import type { PackRule } from '../packs/model.js';
import type { RuleInfo } from './result.js';

/**
 * A rule as every output describes it (the run head of the CLI and of the self-check page).
 * `builtin`: the rule's pack is one of fazhi's own, so it has a doc page in this repository.
 */
export function ruleInfo(rule: PackRule, severity: RuleInfo['severity'], builtin: boolean): RuleInfo {
  const home = homeOf(rule.check);
  return {
    id: rule.id,
    title: rule.title,
    area: rule.area,
    severity,
    basis: rule.basis,
    clause: rule.clause,
    fix: rule.fix,
    rationale: rule.rationale?.trim() ?? '',
    doc: builtin ? docPathFor(rule) : null,
    pack: rule.pack,
    part: home === 'report' ? null : home,
  };
}
