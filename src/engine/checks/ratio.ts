import { PackError } from '../../shared/errors.js';
import type { Facts, MetricValue } from '../../facts/model.js';
import { displayPath } from '../../packs/model.js';
import { evidenceAt } from '../evidence.js';
import type { Evidence } from '../model.js';
import { defineCheckType } from './types.js';
import { mapPacked } from '../../shared/packed.js';

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Counts and rates agree: the part is not larger than the whole, and a stated rate
 * matches its own counts within a tolerance (162/165 = 98.2% → "98%" passes).
 * Applies only when the report states the numbers involved.
 */
export const ratioCheck = defineCheckType({
  type: 'ratio',
  description:
    'Counts and rates agree: numerator ≤ denominator, or a stated rate equals numerator/denominator within ' +
    'tolerance (points); not applicable unless the report states them',
  summary:
    'numerator ≤ denominator, or a stated `rate` equals numerator / denominator within `tolerance` points; not ' +
    'applicable unless the report states them',
  options: {
    required: ['numerator', 'denominator'],
    properties: {
      numerator: { type: 'string', minLength: 1 },
      denominator: { type: 'string', minLength: 1 },
      rate: { type: 'string', minLength: 1 },
      tolerance: { $ref: '#/definitions/numberOrParam' },
    },
  },
  vars: ['numerator', 'denominator', 'tolerance', 'computed', 'rate'],
  compile(config, ctx) {
    for (const field of ['numerator', 'denominator', 'rate'] as const) {
      const id = config[field];
      if (id !== undefined && !ctx.metrics.has(id)) {
        const origin = ctx.origin([field]);
        throw new PackError(
          `${displayPath(origin.path)}: unknown metric "${id}"（未定义的指标）`,
          origin.file,
          origin.locate(origin.path),
        );
      }
    }
    const tolerance = ctx.number(config.tolerance) ?? 0.5;
    const stated = (facts: Facts, id: string | undefined): MetricValue | undefined => {
      const m = id === undefined ? undefined : facts.achieved.get(id);
      return m && !m.derived ? m : undefined;
    };
    // The value the condition tests: how far the report is from agreeing with itself.
    const gap = (facts: Facts): number | null => {
      const num = stated(facts, config.numerator);
      const den = stated(facts, config.denominator);
      if (!num || !den) return null;
      if (config.rate === undefined) return num.value - den.value;
      const rate = stated(facts, config.rate);
      if (!rate || den.value <= 0) return null;
      return Math.abs(rate.value - (num.value / den.value) * 100);
    };
    const fact = ctx.addFact(`ratio:${ctx.rule.id}`, gap).id;
    return {
      conditions: { fact, operator: 'atMost', value: config.rate === undefined ? 0 : tolerance },
      applicability: { fact, operator: 'reported', value: true },
      explain(facts) {
        const num = stated(facts, config.numerator) as MetricValue;
        const den = stated(facts, config.denominator) as MetricValue;
        const rate = stated(facts, config.rate);
        const evidence: Evidence[] = mapPacked([den, num, ...(rate ? [rate] : [])], (m) =>
          evidenceAt(facts.document, m.clause),
        );
        const vars: Record<string, string | number> = { numerator: num.value, denominator: den.value, tolerance };
        if (den.value > 0) vars.computed = round1((num.value / den.value) * 100);
        if (rate) vars.rate = rate.value;
        return { evidence, vars };
      },
    };
  },
});
