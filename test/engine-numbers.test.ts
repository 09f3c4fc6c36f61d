import { describe, expect, it } from 'vitest';
import { compilePack, findingOf, findings, packError, report, rule } from './engine-pack.js';

/** The numeric check types (metric, ratio, percent, year): verdicts, messages and evidence at their edges. */

const METRICS = `t.cases: { title: 件数, units: [件], context: "受理[^,;。]{0,8}纠纷" }
t.resolved: { title: 成功件数, units: [件], context: "成功调解" }
t.rate: { title: 成功率, units: ["%"], context: "成功率", derive: { ratio: [t.resolved, t.cases] } }
t.hours: { title: 学时, units: [学时], context: "培训" }`;

const ANY_RULE = rule('t/any', '{ type: percent, max: 100 }');

describe('metric', () => {
  const rules = compilePack(
    [
      rule('t/rate', '{ type: metric, metric: t.rate, min: 90 }', {
        message: '值{value}{unit}，下限{min}，上限{max}',
        extra: 'messages: { missing: "未报告；下限{min}" }',
      }),
      rule('t/hours', '{ type: metric, metric: t.hours, max: 40, missing: pass }', {
        message: '值{value}，上限{max}，下限{min}',
      }),
    ],
    METRICS,
  );

  it('a rate derived from counts is quoted from both counts, the computed rate noted on the last', async () => {
    const f = await findingOf(rules, report({ measures: '受理矛盾纠纷80件，成功调解78件。' }), 't/rate');
    expect(f.status).toBe('pass');
    expect(f.evidence).toStrictEqual([
      { line: 3, column: 1, endLine: 3, endColumn: 10, quote: '受理矛盾纠纷80件' },
      { line: 3, column: 11, endLine: 3, endColumn: 19, quote: '成功调解78件。', note: '据此计算：97.5%' },
    ]);
  });

  it('a stated value below min fails with min shown and max left as written', async () => {
    const f = await findingOf(rules, report({ measures: '成功调解3件，成功率80%。' }), 't/rate');
    expect(f.status).toBe('fail');
    expect(f.message).toBe('值80%，下限90，上限{max}');
    expect(f.evidence).toStrictEqual([{ line: 3, column: 8, endLine: 3, endColumn: 15, quote: '成功率80%。' }]);
  });

  it('a value above max fails; with missing: pass, no value passes', async () => {
    const over = await findingOf(rules, report({ measures: '培训50学时。' }), 't/hours');
    expect([over.status, over.message]).toEqual(['fail', '值50，上限40，下限{min}']);
    const at = await findingOf(rules, report({ measures: '培训40学时。' }), 't/hours');
    expect(at.status).toBe('pass');
    const none = await findingOf(rules, report({}), 't/hours');
    expect([none.status, none.evidence]).toEqual(['pass', []]);
  });

  it('missing: the message for a missing value, quoting a next-year target and counts that give no rate', async () => {
    const f = await findingOf(rules, report({ measures: '成功调解3件。', plan: '成功率达到95%。' }), 't/rate');
    expect([f.status, f.message]).toEqual(['fail', '未报告；下限90']);
    expect(f.evidence.map((e) => [e.quote, e.note])).toEqual([
      ['成功率达到95%。', '该数字位于下一年度安排中，是目标而非本年度结果'],
      ['成功调解3件。', '已报告“成功件数”，但不足以计算比率'],
    ]);
  });

  it('an unknown metric, and a derive naming one, are pack errors', () => {
    expect(packError([rule('t/x', '{ type: metric, metric: t.nope }')], METRICS).message).toBe(
      'rules.t/x.check.metric: unknown metric "t.nope"（未定义的指标）',
    );
    const e = packError(
      [ANY_RULE],
      `t.a: { title: 甲, units: ["%"], context: "甲率", derive: { ratio: [t.b, t.c] } }\nt.b: { title: 乙, units: [件], context: "乙" }`,
    );
    expect(e.message).toBe('metrics.t.a.derive.ratio: unknown metric "t.c"（未定义的指标）');
    expect((e as { position?: { line: number } }).position?.line).toBe(7);
  });

  it('a metric regex that does not compile is a pack error where it is written', () => {
    const variants: Record<string, string> = {
      context: 'context: "("',
      after: 'context: "甲", after: "("',
      exclude: 'context: "甲", exclude: "("',
    };
    for (const [field, options] of Object.entries(variants)) {
      const e = packError([ANY_RULE], `t.a: { title: 甲, units: [件], ${options} }`);
      expect(e.message, field).toMatch(new RegExp(`^metrics\\.t\\.a\\.${field}: invalid regex`));
      expect((e as { position?: { line: number } }).position?.line, field).toBe(7);
    }
  });
});

describe('ratio', () => {
  const rules = compilePack(
    [
      rule('t/agree', '{ type: ratio, numerator: t.resolved, denominator: t.cases, rate: t.rate }', {
        message: '{numerator}/{denominator}={computed}，称{rate}，容差{tolerance}',
      }),
      rule('t/part', '{ type: ratio, numerator: t.resolved, denominator: t.cases, tolerance: 5 }', {
        message: '{numerator}/{denominator}={computed}，容差{tolerance}，称{rate}',
      }),
    ],
    METRICS,
  );

  it('a stated rate that disagrees with its counts fails, quoting the whole, the part and the rate', async () => {
    const f = await findingOf(rules, report({ measures: '受理矛盾纠纷165件，成功调解150件，成功率98%。' }), 't/agree');
    expect([f.status, f.message]).toEqual(['fail', '150/165=90.9，称98，容差0.5']);
    expect(f.evidence.map((e) => e.quote)).toEqual(['受理矛盾纠纷165件', '成功调解150件', '成功率98%。']);
  });

  it('a rate only derived from the counts, or over no cases, is not checked', async () => {
    const derived = await findings(rules, report({ measures: '受理矛盾纠纷80件，成功调解78件。' }));
    expect(derived.get('t/agree')?.status).toBe('not-applicable');
    const none = await findings(rules, report({ measures: '受理矛盾纠纷0件，成功调解0件，成功率100%。' }));
    expect(none.get('t/agree')?.status).toBe('not-applicable');
  });

  it('without a rate, the part may not exceed the whole: tolerance does not apply', async () => {
    const f = await findingOf(rules, report({ measures: '受理矛盾纠纷80件，成功调解83件。' }), 't/part');
    expect([f.status, f.message]).toEqual(['fail', '83/80=103.8，容差5，称{rate}']);
    const zero = await findingOf(rules, report({ measures: '受理矛盾纠纷0件，成功调解3件。' }), 't/part');
    expect([zero.status, zero.message]).toEqual(['fail', '3/0={computed}，容差5，称{rate}']);
    const equal = await findingOf(rules, report({ measures: '受理矛盾纠纷80件，成功调解80件。' }), 't/part');
    expect(equal.status).toBe('pass');
  });

  it('every metric it names must be defined', () => {
    for (const field of ['numerator', 'denominator', 'rate']) {
      const names: Record<string, string> = { numerator: 't.resolved', denominator: 't.cases', rate: 't.rate' };
      names[field] = 't.nope';
      const check = `{ type: ratio, numerator: ${names.numerator}, denominator: ${names.denominator}, rate: ${names.rate} }`;
      expect(packError([rule('t/x', check)], METRICS).message).toBe(
        `rules.t/x.check.${field}: unknown metric "t.nope"（未定义的指标）`,
      );
    }
  });
});

describe('percent', () => {
  const rules = compilePack([
    rule('t/max', '{ type: percent, max: 100 }', {
      message: '值{value}，下限{min}，上限{max}',
      extra: 'messages: { pass: "通过{value}" }',
    }),
    rule('t/min', '{ type: percent, min: 50, scope: done }', { message: '值{value}，下限{min}，上限{max}' }),
    rule('t/growth', '{ type: percent, max: 100, not: "增长" }', { message: '值{value}' }),
  ]);

  it('lists every percentage out of bounds, in all parts by default, quoting at most five', async () => {
    const text = report({
      measures: '满意率105%，覆盖率120%，办结率100%，参与率101%。\n知晓率102%，合格率103%。',
      plan: '满意率达到130%。',
    });
    const f = await findingOf(rules, text, 't/max');
    expect(f.message).toBe('值105%、120%、101%、102%、103%、130%，下限{min}，上限100');
    expect(f.evidence.map((e) => e.quote)).toEqual([
      '满意率105%',
      '覆盖率120%',
      '参与率101%。',
      '知晓率102%',
      '合格率103%。',
    ]);
  });

  it('min alone: below it fails, at it and above it pass', async () => {
    const below = await findingOf(rules, report({ measures: '满意率40%。', plan: '满意率达到30%。' }), 't/min');
    expect([below.status, below.message]).toEqual(['fail', '值40%，下限50，上限{max}']);
    for (const rate of ['50%', '60%', '150%'])
      expect((await findingOf(rules, report({ measures: `满意率${rate}。` }), 't/min')).status, rate).toBe('pass');
  });

  it('max alone: a low rate passes; a passing message has no values', async () => {
    const f = await findingOf(rules, report({ measures: '满意率40%，覆盖率100%。' }), 't/max');
    expect([f.status, f.message, f.evidence]).toEqual(['pass', '通过{value}', []]);
  });

  it('not: a growth figure is not a rate', async () => {
    const all = await findings(rules, report({ measures: '同比增长120%。' }));
    expect(all.get('t/growth')?.status).toBe('pass');
    expect(all.get('t/max')?.status).toBe('fail');
  });

  it('its not regex must compile', () => {
    expect(packError([rule('t/x', '{ type: percent, max: 100, not: "(" }')]).message).toMatch(
      /^rules\.t\/x\.check\.not: invalid regex/,
    );
  });
});

describe('year', () => {
  const rules = compilePack([
    rule('t/years', '{ type: year, expect: absent }', { message: '年份：{found}；本年{year}；下一年{nextYear}' }),
    rule('t/later', '{ type: year, later: true, expect: absent }', { message: '{found}' }),
  ]);

  it('counts calendar years in all parts by default, each named once, quoting at most five', async () => {
    const text = report({
      measures: '1948年修建，1949年建成，覆盖3000人，2100年远景，2101年。\n1990年，2000年，2010年，2010年。',
      plan: '2026年继续。',
    });
    const f = await findingOf(rules, text, 't/years');
    expect(f.message).toBe('年份：2025年、1949年、2100年、1990年、2000年、2010年、2026年；本年2025；下一年2026');
    expect(f.evidence).toHaveLength(5);
  });

  it('a large count, or years of service written with a thousands mark, is not a later year', async () => {
    const f = await findingOf(
      rules,
      report({ measures: '覆盖群众3000人，发放资料2030份，全体干部工龄合计2,050年。' }),
      't/later',
    );
    expect(f.status).toBe('pass');
  });

  it('within and not must compile', () => {
    for (const field of ['within', 'not'])
      expect(packError([rule('t/x', `{ type: year, ${field}: "(" }`)]).message, field).toMatch(
        new RegExp(`^rules\\.t/x\\.check\\.${field}: invalid regex`),
      );
  });
});
