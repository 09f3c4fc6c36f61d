import { inScope, scopeName } from '../../facts/scope.js';
import type { Evidence } from '../model.js';
import {
  byPosition,
  compileTerm,
  leaves,
  missingLabels,
  outsideNote,
  pushFirst,
  pushHit,
  supporting,
  termCondition,
} from './terms.js';
import { defineCheckType, type CheckOutcome } from './types.js';

/**
 * Phrases or patterns are mentioned where the report says what was done. By default a
 * plan (next-year part) or a problem (shortcomings part) is not evidence.
 */
export const mentionCheck = defineCheckType({
  type: 'mention',
  description: 'Phrases or patterns are mentioned where the report says what was done',
  summary:
    '`match` (phrases / regex, combined with `allOf` / `anyOf`) is found within `scope` (`done` by default: not ' +
    'the plan, not the shortcomings, not a sentence that is a plan or a shortfall (`contexts.plan`); or `all`, ' +
    '`title`, or a list of part ids)',
  options: {
    required: ['match'],
    properties: { scope: { $ref: '#/definitions/scope' }, match: { $ref: '#/definitions/term' } },
  },
  vars: ['missing'],
  compile(config, ctx) {
    const scope = scopeName(config.scope);
    const root = compileTerm(config.match, ['match'], scope, ctx);
    const allLeaves = leaves(root);
    return {
      conditions: termCondition(root),
      explain(facts, passed): CheckOutcome {
        const evidence: Evidence[] = [];
        if (passed) {
          for (const leaf of supporting(root, facts)) pushFirst(evidence, facts, leaf.key, (h) => inScope(h, scope));
          return { evidence: evidence.sort(byPosition), vars: {} };
        }
        // Partial support first, then what was found only where it does not count.
        for (const leaf of allLeaves)
          pushFirst(evidence, facts, leaf.key, (h) => inScope(h, scope), '已找到，但不足以满足本规则');
        for (const leaf of allLeaves) {
          const outside = (facts.hits.get(leaf.key) ?? []).find((h) => !inScope(h, scope));
          if (outside) pushHit(evidence, facts, outside, outsideNote(outside.parts));
        }
        return {
          evidence: evidence.sort(byPosition),
          vars: { missing: missingLabels(root, facts).join('、') || '相关表述' },
        };
      },
    };
  },
});
