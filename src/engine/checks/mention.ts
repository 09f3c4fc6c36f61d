import { scopeName } from '../../facts/scope.js';
import type { MentionCheckConfig } from '../../packs/model.js';
import type { Evidence } from '../model.js';
import {
  byPosition,
  compileTerm,
  hitsInScope,
  leaves,
  missingLabels,
  outsideNote,
  pushHit,
  supporting,
  termCondition,
} from './terms.js';
import type { CheckOutcome, CheckType } from './types.js';

/**
 * Phrases or patterns are mentioned where the report says what was done. By default a
 * plan (next-year part) or a problem (shortcomings part) is not evidence.
 */
export const mentionCheck: CheckType<MentionCheckConfig> = {
  type: 'mention',
  compile(config, ctx) {
    const scope = scopeName(config.scope);
    const root = compileTerm(config.match, ['match'], scope, ctx);
    return {
      conditions: termCondition(root, scope),
      explain(facts, passed): CheckOutcome {
        const evidence: Evidence[] = [];
        if (passed) {
          for (const leaf of supporting(root, facts, scope)) for (const hit of hitsInScope(facts, leaf.key, scope).slice(0, 1)) pushHit(evidence, facts, hit);
          return { evidence: evidence.sort(byPosition), vars: {} };
        }
        // Partial support first, then what was found only where it does not count.
        for (const leaf of leaves(root)) for (const hit of hitsInScope(facts, leaf.key, scope).slice(0, 1)) pushHit(evidence, facts, hit, '已找到，但不足以满足本规则');
        for (const leaf of leaves(root)) {
          const inside = new Set(hitsInScope(facts, leaf.key, scope));
          const outside = (facts.hits.get(leaf.key) ?? []).filter((h) => !inside.has(h));
          for (const hit of outside.slice(0, 1)) pushHit(evidence, facts, hit, outsideNote(hit.parts));
        }
        return { evidence: evidence.sort(byPosition), vars: { missing: missingLabels(root, facts, scope).join('、') || '相关表述' } };
      },
    };
  },
};
