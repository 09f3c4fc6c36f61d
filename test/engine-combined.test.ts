import { describe, expect, it } from 'vitest';
import { compilePack, findingOf, findings, packError, report, rule } from './engine-pack.js';

/** all / any and rule gates: which sub-checks explain a verdict, which message a rule shows. */

const METRICS = `t.cases: { title: 件数, units: [件], context: "受理[^,;。]{0,8}纠纷" }
t.resolved: { title: 成功件数, units: [件], context: "成功调解" }
t.rate: { title: 成功率, units: ["%"], context: "成功率" }
t.hours: { title: 学时, units: [学时], context: "培训" }
t.trained: { title: 人数, units: [人], context: "参训" }`;

const A = '{ type: mention, match: { label: 普法, phrases: [普法宣传] } }';
const B = '{ type: mention, match: { label: 调解, phrases: [矛盾调解] } }';
const RATIO = '{ type: ratio, numerator: t.resolved, denominator: t.cases }';
const HOURS = '{ type: ratio, numerator: t.hours, denominator: t.trained }';
const TITLE = '白沙乡2025年法治政府建设工作报告';
const withMissing = { message: '缺少{missing}', extra: 'messages: { missing: "未报告" }' };

const rules = compilePack(
  [
    rule('t/all', `{ type: all, checks: [${A}, ${B}] }`, withMissing),
    rule('t/any', `{ type: any, checks: [${A}, ${B}] }`, withMissing),
    rule('t/gated', `{ type: all, checks: [${A}, ${B}] }`, {
      message: '缺少{missing}',
      extra: 'when: { type: mention, match: { phrases: [听证] } }',
    }),
    rule('t/gate-one', `{ type: all, checks: [${RATIO}, ${A}] }`),
    rule('t/gate-two', `{ type: all, checks: [${RATIO}, ${HOURS}] }`),
    rule('t/metric', `{ type: all, checks: [{ type: metric, metric: t.rate, min: 90 }, ${A}] }`, {
      message: '缺少{missing}',
      extra: 'messages: { missing: "未报告{min}" }',
    }),
    rule(
      't/heading',
      '{ type: all, checks: [{ type: part, part: measures }, { type: mention, scope: all, match: { phrases: [全面推进] } }] }',
    ),
    rule('t/percent', '{ type: percent, max: 100 }', { message: '超出', extra: 'messages: { missing: "未报告" }' }),
    rule(
      't/many',
      `{ type: all, checks: [{ type: absent, match: { phrases: [某某] } }, { type: absent, match: { phrases: [甲甲] } }, { type: mention, match: { phrases: [听证] } }] }`,
    ),
  ],
  METRICS,
);

describe('all', () => {
  it('a failing all: the passing sub-check quoted as support, the failing one names what is missing', async () => {
    const f = await findingOf(rules, report({ measures: '开展普法宣传。' }), 't/all');
    expect([f.status, f.message]).toEqual(['fail', '缺少调解']);
    expect(f.evidence).toStrictEqual([{ line: 3, column: 1, endLine: 3, endColumn: 8, quote: '开展普法宣传。' }]);
  });

  it('behind a gate, the same', async () => {
    const f = await findingOf(rules, report({ measures: '推行听证，开展普法宣传。' }), 't/gated');
    expect([f.status, f.message]).toEqual(['fail', '缺少调解']);
    expect(f.evidence.map((e) => [e.quote, e.note])).toEqual([['开展普法宣传。', undefined]]);
    expect((await findingOf(rules, report({ measures: '开展普法宣传。' }), 't/gated')).status).toBe('not-applicable');
  });

  it('the first value of a name wins; evidence in document order, each clause once', async () => {
    const f = await findingOf(rules, report({ measures: '无。' }), 't/all');
    expect(f.message).toBe('缺少普法');
    const pass = await findingOf(rules, report({ measures: '做好矛盾调解，开展普法宣传。' }), 't/all');
    expect(pass.evidence.map((e) => e.quote)).toEqual(['做好矛盾调解', '开展普法宣传。']);
    const one = await findingOf(rules, report({ measures: '普法宣传和矛盾调解。' }), 't/all');
    expect(one.evidence.map((e) => e.quote)).toEqual(['普法宣传和矛盾调解。']);
  });

  it('a heading and a clause of its line are two quotes unless they are the same span', async () => {
    const short = await findingOf(rules, `${TITLE}\n一、主要举措和成效，全面推进\n做了。`, 't/heading');
    expect(short.evidence.map((e) => [e.line, e.column, e.endColumn])).toEqual([
      [2, 1, 15],
      [2, 11, 15],
    ]);
    const long = `一、主要举措和成效全面推进${'依法行政工作取得新进展'.repeat(6)}`;
    const capped = await findingOf(rules, `${TITLE}\n${long}\n做了。`, 't/heading');
    // The heading is quoted up to 60 characters, the clause up to its end: one column, two spans.
    expect(capped.evidence.map((e) => [e.line, e.column])).toEqual([
      [2, 1],
      [2, 1],
    ]);
    expect(capped.evidence[0]?.endColumn).toBe(61);
    expect(capped.evidence[1]?.endColumn).not.toBe(61);
  });

  it('quotes at most six clauses across its checks, in document order', async () => {
    const text = ['甲甲一。', ...Array.from({ length: 6 }, (_, i) => `第${i + 1}处某某。`), '甲甲二。'].join('\n');
    const f = await findingOf(rules, report({ measures: text }), 't/many');
    expect(f.status).toBe('fail');
    expect(f.evidence.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
  });
});

describe('any', () => {
  it('a passing any shows what carried it, nothing of the alternative found elsewhere', async () => {
    const f = await findingOf(rules, report({ measures: '开展普法宣传。', plan: '加强矛盾调解。' }), 't/any');
    expect(f.status).toBe('pass');
    expect(f.evidence.map((e) => [e.line, e.quote])).toEqual([[3, '开展普法宣传。']]);
  });

  it('a failing any names the first missing', async () => {
    const f = await findingOf(rules, report({ measures: '无。' }), 't/any');
    expect([f.status, f.message]).toEqual(['fail', '缺少普法']);
  });
});

describe('gates of sub-checks', () => {
  it('a sub-check that does not apply makes the rule not apply', async () => {
    const none = await findings(rules, report({ measures: '开展普法宣传。' }));
    expect(none.get('t/gate-one')?.status).toBe('not-applicable');
    const stated = await findings(rules, report({ measures: '受理矛盾纠纷8件，成功调解8件，开展普法宣传。' }));
    expect(stated.get('t/gate-one')?.status).toBe('pass');
  });

  it('with two gated sub-checks, both must apply', async () => {
    const one = await findings(rules, report({ measures: '受理矛盾纠纷8件，成功调解8件。' }));
    expect(one.get('t/gate-two')?.status).toBe('not-applicable');
    const other = await findings(rules, report({ measures: '参训30人，培训20学时。' }));
    expect(other.get('t/gate-two')?.status).toBe('not-applicable');
    const both = await findings(rules, report({ measures: '受理矛盾纠纷8件，成功调解8件。\n参训30人，培训20学时。' }));
    expect(both.get('t/gate-two')?.status).toBe('pass');
  });
});

describe('the message of a failing rule', () => {
  it('the missing message when a sub-check found no value, the message otherwise', async () => {
    const missing = await findingOf(rules, report({ measures: '开展普法宣传。' }), 't/metric');
    expect([missing.status, missing.message]).toEqual(['fail', '未报告90']);
    const low = await findingOf(rules, report({ measures: '开展普法宣传，成功率80%。' }), 't/metric');
    expect([low.status, low.message]).toEqual(['fail', '缺少{missing}']);
    const both = await findingOf(rules, report({ measures: '成功率80%。' }), 't/metric');
    expect(both.message).toBe('缺少普法');
    const plain = await findingOf(rules, report({ measures: '满意率120%。' }), 't/percent');
    expect([plain.status, plain.message]).toEqual(['fail', '超出']);
    const all = await findingOf(rules, report({ measures: '无。' }), 't/all');
    expect(all.message).toBe('缺少普法');
  });
});

describe('errors in sub-checks', () => {
  it('are located by their index', () => {
    expect(
      packError([rule('t/x', `{ type: any, checks: [${A}, { type: mention, match: { regex: "(" } }] }`)]).message,
    ).toMatch(/^rules\.t\/x\.check\.checks\[1\]\.match\.regex: invalid regex/);
  });
});
