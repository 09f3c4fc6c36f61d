import type { Facts, NumberAt } from '../../facts/model.js';
import { inScope, scopeName } from '../../facts/scope.js';
import { PatternRegistry } from '../../packs/patterns.js';
import { evidenceAt } from '../evidence.js';
import { defineCheckType, homeOfScope, type CheckOutcome } from './types.js';
import { mapPacked } from '../../shared/packed.js';

/** Every percentage in scope lies within [min, max] (no rate above 100%). */
export const percentCheck = defineCheckType({
  type: 'percent',
  description: 'Every percentage in scope lies within [min, max]',
  summary: 'every percentage in scope lies within `min` / `max`',
  options: {
    properties: {
      scope: { $ref: '#/definitions/scope' },
      min: { $ref: '#/definitions/numberOrParam' },
      max: { $ref: '#/definitions/numberOrParam' },
      not: {
        type: 'string',
        minLength: 1,
        description: 'Regex: a percentage whose clause matches this is not a rate (e.g. 增长|同比)',
      },
    },
  },
  vars: ['min', 'max', 'value'],
  home: (config) => homeOfScope(config.scope ?? 'all'),
  compile(config, ctx) {
    const scope = scopeName(config.scope ?? 'all');
    const max = ctx.number(config.max);
    const min = ctx.number(config.min);
    // A growth figure (同比增长120%) is a percentage but not a rate of something done.
    const not = config.not ? PatternRegistry.compileOne(config.not, ctx.origin(['not'])) : null;
    const offending = (facts: Facts): NumberAt[] =>
      facts.numbers.filter(
        (n) =>
          n.unit === '%' &&
          inScope(n, scope) &&
          ((max !== undefined && n.value > max) || (min !== undefined && n.value < min)) &&
          !(not && not.test(n.clauseText)),
      );
    const fact = ctx.addFact(`percent:${ctx.rule.id}`, offending, (found) => found.length);
    return {
      conditions: { fact: fact.id, operator: 'atMost', value: 0 },
      explain(facts, passed): CheckOutcome {
        const vars: Record<string, string | number> = {};
        if (max !== undefined) vars.max = max;
        if (min !== undefined) vars.min = min;
        if (passed) return { evidence: [], vars };
        const found = fact.read(facts);
        vars.value = found.map((n) => `${n.value}%`).join('、');
        return { evidence: mapPacked(found.slice(0, 5), (n) => evidenceAt(facts.document, n.clause)), vars };
      },
    };
  },
});
