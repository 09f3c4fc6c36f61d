import { scopeName } from '../../facts/scope.js';
import type { Evidence } from '../model.js';
import { byPosition, compileTerm, hitsInScope, leaves, pushHit, termCondition } from './terms.js';
import { defineCheckType, homeOfScope, type CheckOutcome } from './types.js';

/**
 * Nothing that must never be published is there: template residue, personal data,
 * known misspellings. Fails with every hit quoted (up to a handful).
 */
export const absentCheck = defineCheckType({
  type: 'absent',
  description: 'Nothing in scope matches (template residue, personal data, misspellings); scope defaults to all',
  summary:
    'nothing in `match` is found (scope `all` by default): template residue, personal data, misspellings; `raw: ' +
    'true` matches the original text with Word/HTML artefacts, `validator: resident-id \\| mobile` keeps only ' +
    'real ID or mobile numbers',
  options: {
    required: ['match'],
    properties: { scope: { $ref: '#/definitions/scope' }, match: { $ref: '#/definitions/term' } },
  },
  vars: ['found', 'count'],
  home: (config) => homeOfScope(config.scope ?? 'all'),
  compile(config, ctx) {
    const scope = scopeName(config.scope ?? 'all');
    const root = compileTerm(config.match, ['match'], scope, ctx);
    const allLeaves = leaves(root);
    return {
      conditions: { not: termCondition(root) },
      explain(facts, passed): CheckOutcome {
        if (passed) return { evidence: [], vars: {} };
        const evidence: Evidence[] = [];
        const found: string[] = [];
        let count = 0;
        for (const leaf of allLeaves) {
          const hits = hitsInScope(facts, leaf.key, scope);
          count += hits.length;
          if (hits.length > 0 && leaf.label && !found.includes(leaf.label)) found.push(leaf.label);
          for (const hit of hits) pushHit(evidence, facts, hit, leaf.label);
        }
        return { evidence: evidence.sort(byPosition), vars: { found: found.join('、') || '相关内容', count } };
      },
    };
  },
});
