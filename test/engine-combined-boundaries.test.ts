import { describe, expect, it } from 'vitest';
import { compilePack, findingOf, report, rule } from './engine-pack.js';

/**
 * all / any at their edges: a report whose year cannot be read (not judged, or failed outright),
 * a value that is empty in one sub-check and stated in the next, a missing value in a sub-check
 * that passed, two quotes with the same columns on different lines.
 * Each test compiles the pack itself, so how a rule compiles is part of what it pins.
 */

const A = '{ type: mention, match: { label: 普法, phrases: [普法宣传] } }';
const B = '{ type: mention, match: { label: 调解, phrases: [矛盾调解] } }';
const YEAR = '{ type: year, relative: [0] }';
const METRICS = 't.rate: { title: 成功率, units: ["%"], context: "成功率" }';

const rules = () =>
  compilePack(
    [
      rule('t/all-year', `{ type: all, checks: [${YEAR}, ${A}] }`, { title: '年度与普法', message: '未通过{missing}' }),
      rule('t/any-year', `{ type: any, checks: [${YEAR}, ${A}] }`, { title: '年度或普法', message: '未通过{missing}' }),
      rule('t/all-plain', `{ type: all, checks: [${A}, ${B}] }`, { message: '缺少{missing}' }),
      rule('t/found-later', `{ type: all, checks: [{ type: year, relative: [1], scope: [measures] }, ${YEAR}] }`, {
        message: '年份{found}',
      }),
      rule('t/found-first', `{ type: all, checks: [${YEAR}, { type: year, relative: [1], scope: [measures] }] }`, {
        message: '年份{found}',
      }),
      rule('t/missing-passed', `{ type: all, checks: [{ type: metric, metric: t.rate, missing: pass }, ${B}] }`, {
        message: '缺少{missing}',
        extra: 'messages: { missing: "未报告成功率" }',
      }),
    ],
    METRICS,
  );

const NO_YEAR = '白沙乡法治政府建设工作报告';

describe('all: a report whose year cannot be read', () => {
  it('with every other sub-check met, the rule is not judged: it fails naming the year', async () => {
    const f = await findingOf(rules(), report({ title: NO_YEAR, measures: '开展普法宣传。' }), 't/all-year');
    expect(f.status).toBe('fail');
    expect(f.unknownBasics).toEqual(['year']);
    expect(f.message).toBe('无法判断：未能读出报告年度，无法核对“年度与普法”（按未通过计分）');
  });

  it('with another sub-check failing outright, it fails on its own message, judged', async () => {
    const f = await findingOf(rules(), report({ title: NO_YEAR, measures: '无。' }), 't/all-year');
    expect(f.status).toBe('fail');
    expect(f.unknownBasics).toBeUndefined();
    expect(f.message).toBe('未通过普法');
  });

  it('with the year, both met: it passes', async () => {
    const f = await findingOf(rules(), report({ measures: '2025年开展普法宣传。' }), 't/all-year');
    expect([f.status, f.unknownBasics]).toEqual(['pass', undefined]);
  });

  it('sub-checks that need no year fail judged, year or not', async () => {
    const f = await findingOf(rules(), report({ title: NO_YEAR, measures: '无。' }), 't/all-plain');
    expect([f.status, f.unknownBasics, f.message]).toEqual(['fail', undefined, '缺少普法']);
  });
});

describe('any: a report whose year cannot be read', () => {
  it('failing, one unjudged alternative is enough to say not judged', async () => {
    const f = await findingOf(rules(), report({ title: NO_YEAR, measures: '无。' }), 't/any-year');
    expect(f.status).toBe('fail');
    expect(f.unknownBasics).toEqual(['year']);
    expect(f.message).toBe('无法判断：未能读出报告年度，无法核对“年度或普法”（按未通过计分）');
  });

  it('passing on the other alternative, it is judged', async () => {
    const f = await findingOf(rules(), report({ title: NO_YEAR, measures: '开展普法宣传。' }), 't/any-year');
    expect([f.status, f.unknownBasics]).toEqual(['pass', undefined]);
  });
});

describe('values of the sub-checks', () => {
  const text = report({ measures: '2025年开展普法宣传。' });

  it('an empty value of an earlier sub-check gives way to a later one that has it', async () => {
    expect((await findingOf(rules(), text, 't/found-later')).message).toBe('年份2025年');
  });

  it('a stated value is not replaced by a later empty one', async () => {
    expect((await findingOf(rules(), text, 't/found-first')).message).toBe('年份2025年');
  });

  it('a sub-check that passed without a value does not make the message the missing one', async () => {
    const f = await findingOf(rules(), report({ measures: '开展普法宣传。' }), 't/missing-passed');
    expect([f.status, f.message]).toEqual(['fail', '缺少调解']);
    const low = await findingOf(rules(), report({ measures: '开展矛盾调解。' }), 't/missing-passed');
    expect(low.status).toBe('pass');
  });
});

describe('evidence of the sub-checks', () => {
  it('the same columns on two lines are two quotes, in document order', async () => {
    const f = await findingOf(rules(), report({ measures: '开展矛盾调解。\n开展普法宣传。' }), 't/all-plain');
    expect(f.status).toBe('pass');
    expect(f.evidence.map((e) => [e.line, e.column, e.endColumn, e.quote])).toEqual([
      [3, 1, 8, '开展矛盾调解。'],
      [4, 1, 8, '开展普法宣传。'],
    ]);
  });
});

describe('compiled in the test: what carries a passing any, gates of sub-checks', () => {
  const gated = () =>
    compilePack(
      [
        rule('t/any', `{ type: any, checks: [${A}, ${B}] }`),
        rule(
          't/nested',
          `{ type: any, checks: [{ type: all, checks: [${A}, ${B}] }, { type: mention, match: { phrases: [听证] } }] }`,
        ),
        rule('t/gate-one', `{ type: all, checks: [{ type: metric, metric: t.rate, missing: not-applicable }, ${A}] }`),
        rule(
          't/gate-two',
          `{ type: all, checks: [{ type: metric, metric: t.rate, missing: not-applicable }, { type: metric, metric: t.hours, missing: not-applicable }] }`,
        ),
      ],
      `${METRICS}\nt.hours: { title: 学时, units: [学时], context: "培训" }`,
    );

  it('a passing any quotes the alternative that passed, not the one that failed', async () => {
    const f = await findingOf(gated(), report({ measures: '开展普法宣传。', plan: '矛盾调解。' }), 't/any');
    expect([f.status, f.evidence.map((e) => e.quote)]).toEqual(['pass', ['开展普法宣传。']]);
  });

  it('an all inside a passing any quotes each of its own checks', async () => {
    const f = await findingOf(gated(), report({ measures: '开展普法宣传。\n做好矛盾调解。' }), 't/nested');
    expect([f.status, f.evidence.map((e) => e.quote)]).toEqual(['pass', ['开展普法宣传。', '做好矛盾调解。']]);
  });

  it('one gated sub-check: the rule applies only when it does', async () => {
    const none = await findingOf(gated(), report({ measures: '开展普法宣传。' }), 't/gate-one');
    expect(none.status).toBe('not-applicable');
    const stated = await findingOf(gated(), report({ measures: '成功率95%，开展普法宣传。' }), 't/gate-one');
    expect(stated.status).toBe('pass');
  });

  it('two gated sub-checks: both must apply', async () => {
    for (const [measures, status] of [
      ['成功率95%。', 'not-applicable'],
      ['培训20学时。', 'not-applicable'],
      ['成功率95%，培训20学时。', 'pass'],
    ] as const) {
      expect([measures, (await findingOf(gated(), report({ measures }), 't/gate-two')).status]).toEqual([
        measures,
        status,
      ]);
    }
  });
});
