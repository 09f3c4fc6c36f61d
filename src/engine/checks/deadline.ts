import type { Facts } from '../../facts/model.js';
import { defineCheckType, type CheckOutcome } from './types.js';

const DAY = 24 * 60 * 60 * 1000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A date the input carries (a portal's 发布日期) is on or before a deadline fixed relative
 * to the report year (4月1日 of the next year). Not applicable without both.
 */
export const deadlineCheck = defineCheckType({
  type: 'deadline',
  description:
    "The input's publication date (a portal's 发布日期) is on or before month/day of the report year + yearOffset; " +
    'not applicable without a date; fails, as not judged, without the report year',
  summary:
    "the input's publication date (a portal's 发布日期) is on or before `month`/`day` of the report year + " +
    '`yearOffset`; not applicable without a date, fails (cannot be judged) without the report year',
  options: {
    required: ['month', 'day'],
    properties: {
      month: { type: 'integer', minimum: 1, maximum: 12 },
      day: { type: 'integer', minimum: 1, maximum: 31 },
      yearOffset: { type: 'integer', minimum: 0, maximum: 2 },
    },
  },
  vars: ['published', 'deadline', 'daysLate'],
  home: () => 'report',
  compile(config, ctx) {
    const offset = config.yearOffset ?? 1;
    const deadline = (facts: Facts): string | null => {
      const year = facts.document.meta.year;
      return year === null ? null : `${year + offset}-${pad(config.month)}-${pad(config.day)}`;
    };
    // Days past the deadline (≤ 0 is on time), null when either date is unknown.
    const daysLate = (facts: Facts): number | null => {
      const due = deadline(facts);
      const published = facts.document.meta.published;
      if (!due || !published) return null;
      return Math.round((Date.parse(`${published}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY);
    };
    const fact = ctx.addFact(`deadline:${ctx.rule.id}`, daysLate);
    const published = ctx.addFact(`published:${ctx.rule.id}`, (facts) => facts.document.meta.published);
    // Without a publication date (a draft, a Word file) the rule does not apply. With one but no
    // report year it cannot be judged: daysLate is null, so it fails, saying why.
    return {
      conditions: { fact: fact.id, operator: 'atMost', value: 0 },
      applicability: { fact: published.id, operator: 'reported', value: true },
      explain(facts): CheckOutcome {
        const late = fact.read(facts) ?? 0;
        const outcome: CheckOutcome = {
          evidence: [],
          vars: {
            published: facts.document.meta.published ?? '',
            deadline: deadline(facts) ?? '',
            daysLate: Math.max(0, late),
          },
        };
        if (facts.document.meta.year === null) outcome.unknownBasics = ['year'];
        return outcome;
      },
    };
  },
});
