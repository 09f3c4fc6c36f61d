import type { NestedCondition } from 'json-rules-engine';
import { PackError } from '../../shared/errors.js';
import { factId, type Facts, type MetricValue } from '../../facts/model.js';
import { displayPath } from '../../packs/model.js';
import { evidenceAt } from '../evidence.js';
import type { Evidence } from '../model.js';
import { defineCheckType, type CompiledCheck } from './types.js';
import { mapPacked } from '../../shared/packed.js';

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** How a derived value was computed, quoting both counts: （按“执法队伍10人”“其中持证2人”计算）. */
function derivation(facts: Facts, value: MetricValue): string {
  if (!value.derived || !value.from) return '';
  const quotes = value.from.map((m) => `“${evidenceAt(facts.document, m.clause).quote.replace(/[。.!！?？]$/, '')}”`);
  return `（按${quotes.join('')}计算）`;
}

function evidenceFor(facts: Facts, value: MetricValue): Evidence[] {
  if (!value.derived) return [evidenceAt(facts.document, value.clause)];
  const note = `据此计算：${formatNumber(value.value)}%`;
  return mapPacked(value.from ?? [], (m, i) =>
    evidenceAt(facts.document, m.clause, i === (value.from?.length ?? 0) - 1 ? note : undefined),
  );
}

/**
 * The year's value of a metric (never a next-year target) is reported and within
 * [min, max]. Stated values win over values derived from counts.
 */
export const metricCheck = defineCheckType({
  type: 'metric',
  description: 'A metric of the year (not a next-year target) is reported and within bounds',
  summary:
    "the year's value of a metric (never a next-year target) is reported and within `min` / `max` (`missing: " +
    'fail \\| pass \\| not-applicable`); a rate given only as its counts is derived, `{derivation}` quotes them',
  options: {
    required: ['metric'],
    properties: {
      metric: { type: 'string', minLength: 1 },
      min: { $ref: '#/definitions/numberOrParam' },
      max: { $ref: '#/definitions/numberOrParam' },
      missing: {
        type: 'string',
        enum: ['fail', 'pass', 'not-applicable'],
        description: 'Outcome when the report gives no value (default fail)',
      },
    },
  },
  vars: ['min', 'max', 'value', 'unit', 'derivation'],
  compile(config, ctx) {
    if (!ctx.metrics.has(config.metric)) {
      const origin = ctx.origin(['metric']);
      throw new PackError(
        `${displayPath(origin.path)}: unknown metric "${config.metric}"（未定义的指标）`,
        origin.file,
        origin.locate(origin.path),
      );
    }
    const fact = factId.metric(config.metric);
    const min = ctx.number(config.min);
    const max = ctx.number(config.max);
    const bounds: NestedCondition[] = [{ fact, operator: 'reported', value: true }];
    if (min !== undefined) bounds.push({ fact, operator: 'atLeast', value: min });
    if (max !== undefined) bounds.push({ fact, operator: 'atMost', value: max });
    const missing = config.missing ?? 'fail';
    const bounded: NestedCondition = bounds.length === 1 ? (bounds[0] as NestedCondition) : { all: bounds };
    const conditions: NestedCondition =
      missing === 'pass' ? { any: [{ fact, operator: 'reported', value: false }, bounded] } : bounded;
    const compiled: CompiledCheck = {
      conditions,
      explain(facts) {
        const value = facts.achieved.get(config.metric);
        // Empty unless the value was derived from counts (a template may always write {derivation}).
        const vars: Record<string, string | number> = { derivation: '' };
        if (min !== undefined) vars.min = formatNumber(min);
        if (max !== undefined) vars.max = formatNumber(max);
        if (!value) {
          // Show what the report does say: a next-year target, or counts that cannot give a rate.
          const evidence: Evidence[] = [];
          const target = facts.metrics.find((m) => m.id === config.metric && m.target);
          if (target)
            evidence.push(evidenceAt(facts.document, target.clause, '该数字位于下一年度安排中，是目标而非本年度结果'));
          for (const id of ctx.metrics.get(config.metric)?.def.derive?.ratio ?? []) {
            const related = facts.achieved.get(id);
            const title = ctx.metrics.get(id)?.def.title ?? id;
            if (related)
              evidence.push(evidenceAt(facts.document, related.clause, `已报告“${title}”，但不足以计算比率`));
          }
          return { evidence, vars, missing: true };
        }
        vars.value = formatNumber(value.value);
        vars.unit = value.unit;
        vars.derivation = derivation(facts, value);
        return { evidence: evidenceFor(facts, value), vars };
      },
    };
    if (missing === 'not-applicable') compiled.applicability = { fact, operator: 'reported', value: true };
    return compiled;
  },
});
