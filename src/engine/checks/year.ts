import type { Facts, NumberAt } from '../../facts/model.js';
import { inScope, scopeName } from '../../facts/scope.js';
import { PatternRegistry } from '../../packs/patterns.js';
import { evidenceAt } from '../evidence.js';
import { defineCheckType, homeOfScope, type CheckOutcome } from './types.js';
import { mapPacked } from '../../shared/packed.js';

const MAX_EVIDENCE = 5;

/** Calendar years written in the text (2024年, 2025年度), not amounts that happen to be large. */
function isYear(n: NumberAt): boolean {
  return n.unit === '年' && Number.isInteger(n.value) && n.value >= 1949 && n.value <= 2100 && /^\d{4}/.test(n.raw);
}

/**
 * Years relative to the report year: a plan speaks of the next year, a title names the
 * year under report, and a report that speaks of a later year as done was copied or misdated.
 */
export const yearCheck = defineCheckType({
  type: 'year',
  description: 'Years relative to the report year: present (default) or absent in scope',
  summary:
    'years relative to the report year are present (or, with `expect: absent`, absent) in `scope`; `relative: ' +
    '[1]`, `later: true`, `within` / `not` clause filters',
  options: {
    properties: {
      scope: { $ref: '#/definitions/scope' },
      relative: {
        type: 'array',
        minItems: 1,
        items: { type: 'integer' },
        description: 'Offsets from the report year that count, e.g. [1] for the next year',
      },
      later: { type: 'boolean', description: 'Count years later than the report year' },
      within: { type: 'string', minLength: 1, description: 'Regex the clause must match (e.g. 今年)' },
      not: { type: 'string', minLength: 1, description: 'Regex the clause must not match (e.g. 到|目标)' },
      expect: { type: 'string', enum: ['present', 'absent'] },
    },
  },
  vars: ['year', 'nextYear', 'found'],
  home: (config) => homeOfScope(config.scope ?? 'all'),
  compile(config, ctx) {
    const scope = scopeName(config.scope ?? 'all');
    const within = config.within ? PatternRegistry.compileOne(config.within, ctx.origin(['within'])) : null;
    const not = config.not ? PatternRegistry.compileOne(config.not, ctx.origin(['not'])) : null;
    const expectPresent = (config.expect ?? 'present') === 'present';
    const matching = (facts: Facts): NumberAt[] => {
      const year = facts.document.meta.year;
      if (year === null) return [];
      return facts.numbers.filter((n) => {
        if (!isYear(n) || !inScope(n, scope)) return false;
        const rel = n.value - year;
        if (config.relative && !config.relative.includes(rel)) return false;
        if (config.later && rel < 1) return false;
        if (within && !within.test(n.clauseText)) return false;
        return !(not && not.test(n.clauseText));
      });
    };
    const fact = ctx.addFact(`year:${ctx.rule.id}`, matching, (found) => found.length);
    // Without the report year nothing can be judged: the rule fails for that reason (it does not
    // drop out as not-applicable, which would score an illegible report higher than a good one).
    return {
      conditions: {
        all: [
          { fact: 'meta.year', operator: 'reported', value: true },
          { fact: fact.id, operator: expectPresent ? 'atLeast' : 'atMost', value: expectPresent ? 1 : 0 },
        ],
      },
      explain(facts, passed): CheckOutcome {
        const year = facts.document.meta.year;
        const found = fact.read(facts);
        const shown = expectPresent === passed ? found : [];
        const evidence = mapPacked(shown.slice(0, MAX_EVIDENCE), (n) => evidenceAt(facts.document, n.clause));
        const outcome: CheckOutcome = {
          evidence,
          vars: {
            // Unknown, a fix hint still reads: "××镇×年法治政府建设年度报告", "次年推进……".
            year: year ?? '×',
            nextYear: year === null ? '次' : year + 1,
            found: [...new Set(found.map((n) => `${n.value}年`))].join('、'),
          },
        };
        if (year === null) outcome.unknownBasics = ['year'];
        return outcome;
      },
    };
  },
});
