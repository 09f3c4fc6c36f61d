import { describe, expect, it } from 'vitest';
import { compilePack, findingOf, report, rule } from './engine-pack.js';

/**
 * metric, ratio, percent and year exactly at their bounds and one step past them, and the
 * values their messages show (rounded numbers, the derivation, the report year or its stand-in).
 * Each test compiles the pack itself, so how a rule compiles is part of what it pins.
 */

const METRICS = `t.cases: { title: 件数, units: [件], context: "受理[^,;。]{0,8}纠纷" }
t.resolved: { title: 成功件数, units: [件], context: "成功调解" }
t.rate: { title: 成功率, units: ["%"], context: "成功率", derive: { ratio: [t.resolved, t.cases] } }
t.hours: { title: 学时, units: [学时], context: "培训" }`;

const NO_YEAR = '白沙乡法治政府建设工作报告';

describe('metric: bounds and the values shown', () => {
  const rules = () =>
    compilePack(
      [
        rule('t/min', '{ type: metric, metric: t.rate, min: 90 }', { message: '{value}{unit}<{min}{derivation}' }),
        rule('t/max', '{ type: metric, metric: t.hours, max: 40 }', { message: '{value}>{max}' }),
        rule('t/frac', '{ type: metric, metric: t.rate, min: 90.456 }', {
          message: '{value}<{min}',
          extra: 'messages: { pass: "{value}≥{min}{derivation}" }',
        }),
        rule('t/na', '{ type: metric, metric: t.hours, missing: not-applicable }'),
      ],
      METRICS,
    );
  const status = async (id: string, measures: string) => (await findingOf(rules(), report({ measures }), id)).status;

  it.each([
    ['a stated rate exactly at min passes', '成功率90%。', 'pass'],
    ['one point under min fails', '成功率89%。', 'fail'],
  ])('%s', async (_why, measures, expected) => {
    expect(await status('t/min', measures)).toBe(expected);
  });

  it.each([
    ['hours exactly at max pass', '培训40学时。', 'pass'],
    ['one over max fails', '培训41学时。', 'fail'],
  ])('%s', async (_why, measures, expected) => {
    expect(await status('t/max', measures)).toBe(expected);
  });

  it('a failing stated value: no derivation, min as written', async () => {
    const f = await findingOf(rules(), report({ measures: '成功率89%。' }), 't/min');
    expect(f.message).toBe('89%<90');
  });

  it('a derived rate says from which counts, without their end marks', async () => {
    const f = await findingOf(rules(), report({ measures: '受理矛盾纠纷80件，成功调解60件。' }), 't/min');
    expect(f.status).toBe('fail');
    expect(f.message).toBe('75%<90（按“受理矛盾纠纷80件”“成功调解60件”计算）');
    expect(f.evidence.map((e) => e.note)).toEqual([undefined, '据此计算：75%']);
  });

  // A bound is shown to two decimals; a rate derived from counts comes to a tenth already (29/30 → 96.7).
  it('numbers that are not whole are shown to two decimals', async () => {
    const low = await findingOf(rules(), report({ measures: '成功率90.4%。' }), 't/frac');
    expect([low.status, low.message]).toEqual(['fail', '90.4<90.46']);
    const derived = await findingOf(rules(), report({ measures: '受理矛盾纠纷30件，成功调解29件。' }), 't/frac');
    expect([derived.status, derived.message]).toEqual(['pass', '96.7≥90.46（按“受理矛盾纠纷30件”“成功调解29件”计算）']);
    expect(derived.evidence.at(-1)?.note).toBe('据此计算：96.7%');
  });

  it('missing: not-applicable: no value, the rule does not apply; a value, it is judged', async () => {
    expect(await status('t/na', '开展普法。')).toBe('not-applicable');
    expect(await status('t/na', '培训12学时。')).toBe('pass');
  });
});

describe('metric: a value reported or not', () => {
  const rules = () =>
    compilePack(
      [
        rule('t/any', '{ type: metric, metric: t.rate }', { message: '无{value}{derivation}' }),
        rule('t/pass', '{ type: metric, metric: t.rate, min: 90, missing: pass }'),
      ],
      METRICS,
    );

  it('without bounds: a value passes, none fails, with no derivation to show', async () => {
    expect((await findingOf(rules(), report({ measures: '成功率10%。' }), 't/any')).status).toBe('pass');
    const none = await findingOf(rules(), report({ measures: '培训12学时。' }), 't/any');
    expect([none.status, none.message, none.evidence]).toEqual(['fail', '无{value}', []]);
  });

  it('missing: pass: no value passes, a value is still held to its bounds', async () => {
    for (const [measures, status] of [
      ['开展普法。', 'pass'],
      ['成功率95%。', 'pass'],
      ['成功率80%。', 'fail'],
    ] as const) {
      expect([measures, (await findingOf(rules(), report({ measures }), 't/pass')).status]).toEqual([measures, status]);
    }
  });

  it('a target of another metric in the plan is not quoted for this one', async () => {
    const f = await findingOf(rules(), report({ plan: '培训达到40学时。' }), 't/any');
    expect([f.status, f.evidence]).toEqual(['fail', []]);
  });
});

describe('ratio: tolerance exactly and one step past it', () => {
  const rules = () =>
    compilePack(
      [
        rule('t/rate', '{ type: ratio, numerator: t.resolved, denominator: t.cases, rate: t.rate }', {
          message: '{numerator}/{denominator}={computed}，报告{rate}，容差{tolerance}',
        }),
        rule('t/wide', '{ type: ratio, numerator: t.resolved, denominator: t.cases, rate: t.rate, tolerance: 2 }'),
        rule('t/part', '{ type: ratio, numerator: t.resolved, denominator: t.cases }', {
          message: '{numerator}>{denominator}',
        }),
      ],
      METRICS,
    );
  const text = (cases: number, resolved: number, rate?: string) =>
    report({ measures: `受理矛盾纠纷${cases}件，成功调解${resolved}件${rate ? `，调解成功率${rate}%` : ''}。` });

  it.each([
    ['0.5 points above the computed 95% passes by default', '95.5', 't/rate', 'pass'],
    ['0.5 points below passes', '94.5', 't/rate', 'pass'],
    ['0.6 points above fails', '95.6', 't/rate', 'fail'],
    ['0.6 points below fails', '94.4', 't/rate', 'fail'],
    ['2 points off passes with tolerance 2', '97', 't/wide', 'pass'],
    ['3 points off fails with tolerance 2', '98', 't/wide', 'fail'],
  ])('%s', async (_why, rate, id, expected) => {
    expect((await findingOf(rules(), text(40, 38, rate), id)).status).toBe(expected);
  });

  it('the message: the counts, the computed rate to one decimal, the stated rate and the tolerance', async () => {
    const f = await findingOf(rules(), text(3, 2, '70'), 't/rate');
    expect([f.status, f.message]).toEqual(['fail', '2/3=66.7，报告70，容差0.5']);
    expect(f.evidence.map((e) => e.quote)).toEqual(['受理矛盾纠纷3件', '成功调解2件', '调解成功率70%。']);
  });

  it('without a rate, a tolerance does not let the part exceed the whole', async () => {
    const wide = compilePack(
      [rule('t/part', '{ type: ratio, numerator: t.resolved, denominator: t.cases, tolerance: 2 }')],
      METRICS,
    );
    expect((await findingOf(wide, text(8, 9), 't/part')).status).toBe('fail');
    expect((await findingOf(wide, text(8, 8), 't/part')).status).toBe('pass');
  });

  it('without a rate, the part equal to the whole passes and one more fails', async () => {
    expect((await findingOf(rules(), text(8, 8), 't/part')).status).toBe('pass');
    const over = await findingOf(rules(), text(8, 9), 't/part');
    expect([over.status, over.message]).toEqual(['fail', '9>8']);
    expect(over.evidence.map((e) => e.quote)).toEqual(['受理矛盾纠纷8件', '成功调解9件。']);
  });
});

describe('percent: bounds exactly and one past', () => {
  const rules = () =>
    compilePack(
      [
        rule('t/max', '{ type: percent, max: 100 }', { message: '{value}超出{max}' }),
        rule('t/range', '{ type: percent, min: 10, max: 90 }', { message: '{value}不在{min}–{max}' }),
      ],
      '',
    );

  it.each([
    ['100% is within max 100', '满意率100%。', 't/max', 'pass'],
    ['101% is not', '满意率101%。', 't/max', 'fail'],
    ['10% and 90% are within 10–90', '满意率10%，覆盖率90%。', 't/range', 'pass'],
    ['9% is under it', '满意率9%。', 't/range', 'fail'],
    ['91% is over it', '覆盖率91%。', 't/range', 'fail'],
  ])('%s', async (_why, measures, id, expected) => {
    expect((await findingOf(rules(), report({ measures }), id)).status).toBe(expected);
  });

  it('scope is all unless written: a rate in the plan counts', async () => {
    expect((await findingOf(rules(), report({ plan: '满意率120%。' }), 't/max')).status).toBe('fail');
  });

  it('names every offending percentage, under and over', async () => {
    const f = await findingOf(rules(), report({ measures: '满意率9%，覆盖率50%，知晓率95%。' }), 't/range');
    expect(f.message).toBe('9%、95%不在10–90');
    expect(f.evidence.map((e) => e.quote)).toEqual(['满意率9%', '知晓率95%。']);
  });
});

describe('year: which numbers are years, and the values shown', () => {
  const rules = () =>
    compilePack(
      [
        rule('t/years', '{ type: year, scope: [measures], expect: absent }', { message: '{found}' }),
        rule('t/later', '{ type: year, later: true, expect: absent }', {
          message: '{found}',
          fix: '写明{year}年，规划{nextYear}年',
        }),
        rule('t/present', '{ type: year, relative: [1], scope: [next-year] }', { message: '{found}' }),
      ],
      '',
    );

  it('years from 1949 to 2100 count; 1948 and 2101 do not', async () => {
    const f = await findingOf(rules(), report({ measures: '1948年、1949年、2100年、2101年。' }), 't/years');
    expect([f.status, f.message]).toEqual(['fail', '1949年、2100年']);
  });

  it('later: the year after the report year counts, the report year does not', async () => {
    const same = await findingOf(rules(), report({ measures: '2025年开展普法。' }), 't/later');
    expect([same.status, same.fix]).toEqual(['pass', '写明2025年，规划2026年']);
    const next = await findingOf(rules(), report({ measures: '2026年开展普法。' }), 't/later');
    expect([next.status, next.message]).toEqual(['fail', '2026年']);
    expect(next.evidence.map((e) => e.quote)).toEqual(['2026年开展普法。']);
  });

  it('an expected year that is there is quoted; one that is not quotes nothing', async () => {
    const there = await findingOf(rules(), report({ plan: '2026年继续推进。' }), 't/present');
    expect([there.status, there.evidence.map((e) => e.quote)]).toEqual(['pass', ['2026年继续推进。']]);
    const missing = await findingOf(rules(), report({ plan: '2025年继续推进。' }), 't/present');
    expect([missing.status, missing.message, missing.evidence]).toEqual(['fail', '', []]);
  });

  it('within and not: the clause must say the one and must not say the other', async () => {
    const filtered = compilePack([
      rule('t/f', '{ type: year, relative: [0], within: 今年, not: 目标, scope: [measures] }', { message: '{found}' }),
    ]);
    for (const [measures, status] of [
      ['2025年今年开展普法。', 'pass'],
      ['2025年开展普法。', 'fail'],
      ['2025年今年目标开展普法。', 'fail'],
    ] as const) {
      expect([measures, (await findingOf(filtered, report({ measures }), 't/f')).status]).toEqual([measures, status]);
    }
  });

  it('without the report year: not judged, and the fix reads with stand-ins', async () => {
    const f = await findingOf(rules(), report({ title: NO_YEAR }), 't/later');
    expect([f.status, f.unknownBasics]).toEqual(['fail', ['year']]);
    expect(f.fix).toMatch(/写明×年，规划次年$/);
  });
});
