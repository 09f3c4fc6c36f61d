import { describe, expect, it } from 'vitest';
import { compilePack, findingOf, findings, packError, report, rule } from './engine-pack.js';

/** Terms (phrases, regex, allOf, anyOf) as mention and absent use them: what is missing, what is quoted. */

// Vocabulary of the fixtures: each phrase stands for one practice a report may name.
const A = '{ label: 普法, phrases: [普法宣传] }';
const B = '{ label: 调解, phrases: [矛盾调解] }';
const C = '{ label: 复议, phrases: [行政复议] }';
const missing = { message: '缺少{missing}' };

const rules = compilePack([
  rule('t/m-all', `{ type: mention, match: { allOf: [${A}, ${B}] } }`, missing),
  rule('t/m-closest', `{ type: mention, match: { anyOf: [{ allOf: [${A}, ${B}] }, ${C}] } }`, missing),
  rule('t/m-closest-first', `{ type: mention, match: { anyOf: [${C}, { allOf: [${A}, ${B}] }] } }`, missing),
  rule('t/m-unlabelled-first', `{ type: mention, match: { anyOf: [{ phrases: [听证] }, ${B}] } }`, missing),
  rule(
    't/m-labelled-choice',
    '{ type: mention, match: { label: 救济, anyOf: [{ phrases: [复议] }, { phrases: [诉讼] }] } }',
    missing,
  ),
  rule('t/m-bare-choice', '{ type: mention, match: { anyOf: [{ phrases: [复议] }, { phrases: [诉讼] }] } }', missing),
  rule('t/m-bare', '{ type: mention, match: { phrases: [听证] } }', missing),
  rule(
    't/m-twice',
    '{ type: mention, match: { anyOf: [{ phrases: [普法宣传], min: 2 }, { phrases: [矛盾调解], min: 2 }] } }',
    missing,
  ),
  rule(
    't/m-nested',
    `{ type: mention, match: { allOf: [{ label: 宣传或调解, anyOf: [${A}, ${B}] }, ${C}] } }`,
    missing,
  ),
  rule(
    't/m-support',
    '{ type: mention, match: { anyOf: [{ phrases: [普法宣传] }, { phrases: [矛盾调解], min: 2 }] } }',
    missing,
  ),
  rule('t/m-measures', '{ type: mention, scope: [next-year], match: { phrases: [普法宣传] } }', missing),
]);

const status = async (text: string) => {
  const all = await findings(rules, report({ measures: text }));
  return (id: string) => all.get(id);
};

describe('mention: what is missing', () => {
  it('allOf: the missing ones, each once; the one found is quoted as not enough', async () => {
    const f = await findingOf(rules, report({ measures: '开展普法宣传。' }), 't/m-all');
    expect([f.status, f.message]).toEqual(['fail', '缺少调解']);
    expect(f.evidence).toStrictEqual([
      { line: 3, column: 1, endLine: 3, endColumn: 8, quote: '开展普法宣传。', note: '已找到，但不足以满足本规则' },
    ]);
    expect((await findingOf(rules, report({ measures: '无。' }), 't/m-all')).message).toBe('缺少普法、调解');
  });

  it('allOf passes with both, quoting each where it is', async () => {
    const f = await findingOf(rules, report({ measures: '做好矛盾调解。\n开展普法宣传。' }), 't/m-all');
    expect(f.status).toBe('pass');
    expect(f.evidence.map((e) => [e.line, e.quote, e.note])).toEqual([
      [3, '做好矛盾调解。', undefined],
      [4, '开展普法宣传。', undefined],
    ]);
  });

  it('anyOf: the alternative closest to being met, in either order', async () => {
    const get = await status('无。');
    expect(get('t/m-closest')?.message).toBe('缺少复议');
    expect(get('t/m-closest-first')?.message).toBe('缺少复议');
    expect(get('t/m-unlabelled-first')?.message).toBe('缺少调解');
    expect(get('t/m-labelled-choice')?.message).toBe('缺少救济');
    expect(get('t/m-bare-choice')?.message).toBe('缺少相关表述');
    expect(get('t/m-bare')?.message).toBe('缺少相关表述');
  });

  it('anyOf of allOf: passes when one alternative is complete', async () => {
    expect((await status('普法宣传，矛盾调解。'))('t/m-closest')?.status).toBe('pass');
    expect((await status('普法宣传。'))('t/m-closest')?.status).toBe('fail');
    expect((await status('行政复议。'))('t/m-closest')?.status).toBe('pass');
  });

  it('min counts hits of that alternative alone', async () => {
    expect((await status('普法宣传，矛盾调解。'))('t/m-twice')?.status).toBe('fail');
    expect((await status('普法宣传。\n普法宣传。'))('t/m-twice')?.status).toBe('pass');
  });

  it('a met choice inside allOf is not reported missing', async () => {
    const get = await status('矛盾调解。');
    expect([get('t/m-nested')?.status, get('t/m-nested')?.message]).toEqual(['fail', '缺少复议']);
    expect((await status('矛盾调解，行政复议。'))('t/m-nested')?.status).toBe('pass');
    expect((await status('行政复议。'))('t/m-nested')?.message).toBe('缺少普法');
  });

  it('a passing anyOf quotes what carried it, not an alternative short of its min', async () => {
    const f = await findingOf(rules, report({ measures: '开展普法宣传。\n一次矛盾调解。' }), 't/m-support');
    expect(f.status).toBe('pass');
    expect(f.evidence.map((e) => e.quote)).toEqual(['开展普法宣传。']);
  });
});

describe('mention: found where it does not count', () => {
  it('in the plan, in the shortcomings, in another part: each says why', async () => {
    const plan = await findingOf(rules, report({ plan: '加强普法宣传。' }), 't/m-all');
    expect(plan.evidence.map((e) => e.note)).toEqual([
      '位于“下一年度推进法治政府建设的主要安排”部分，计划不等于已完成',
    ]);
    const shortcomings = await findingOf(rules, report({ shortcomings: '普法宣传不够。' }), 't/m-all');
    expect(shortcomings.evidence.map((e) => e.note)).toEqual([
      '位于“存在的不足和原因”部分，所述为问题，不是已完成的证据',
    ]);
    const measures = await findingOf(rules, report({ measures: '开展普法宣传。' }), 't/m-measures');
    expect([measures.status, measures.evidence.map((e) => e.note)]).toEqual(['fail', ['不在本规则要求的部分内']]);
  });
});

describe('mention: evidence order', () => {
  it('what was found, in or out of scope, is quoted in document order', async () => {
    const text = [
      '白沙乡2025年法治政府建设工作报告',
      '一、存在的问题',
      '矛盾调解不足。',
      '二、主要举措和成效',
      '开展普法宣传。',
    ].join('\n');
    const f = await findingOf(rules, text, 't/m-all');
    expect(f.evidence.map((e) => [e.line, e.note])).toEqual([
      [3, '位于“存在的不足和原因”部分，所述为问题，不是已完成的证据'],
      [5, '已找到，但不足以满足本规则'],
    ]);
  });
});

describe('absent', () => {
  const absent = compilePack([
    rule(
      't/a-residue',
      '{ type: absent, match: { anyOf: [{ label: 残留, phrases: [XX镇] }, { label: 残留, phrases: ["【填写】"] }, { label: 未见, phrases: [未见词] }, { phrases: ["××"] }] } }',
      { message: '发现{found}共{count}处', extra: 'messages: { pass: "无{found}{count}" }' },
    ),
    rule('t/a-bare', '{ type: absent, match: { phrases: [某某] } }', { message: '发现{found}' }),
    rule('t/a-done', '{ type: absent, scope: done, match: { phrases: [某某] } }', { message: '{count}处' }),
  ]);

  it('every hit counted, labels named once, quotes in document order', async () => {
    const f = await findingOf(absent, report({ measures: '开展【填写】次。\nXX镇召开××会议。' }), 't/a-residue');
    expect([f.status, f.message]).toEqual(['fail', '发现残留共3处']);
    expect(f.evidence.map((e) => [e.line, e.quote, e.note])).toEqual([
      [3, '开展【填写】次。', '残留'],
      [4, 'XX镇召开××会议。', '残留'],
    ]);
  });

  it('a passing absent has no values; unlabelled hits are 相关内容; scope is all unless written', async () => {
    const pass = await findingOf(absent, report({}), 't/a-residue');
    expect([pass.status, pass.message, pass.evidence]).toEqual(['pass', '无{found}{count}', []]);
    const bare = await findingOf(absent, report({ plan: '某某负责。' }), 't/a-bare');
    expect([bare.status, bare.message]).toEqual(['fail', '发现相关内容']);
    const done = await findings(absent, report({ measures: '某某负责。', plan: '某某负责。' }));
    expect(done.get('t/a-done')?.message).toBe('1处');
    expect(done.get('t/a-done')?.evidence).toHaveLength(1);
  });

  it('quotes at most five clauses, each once, and neighbouring clauses of one line apart', async () => {
    const six = Array.from({ length: 6 }, (_, i) => `第${i + 1}段某某某某。`).join('\n');
    const f = await findingOf(absent, report({ measures: six }), 't/a-bare');
    expect(f.evidence.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    const one = await findingOf(absent, report({ measures: '某某甲，某某乙。' }), 't/a-bare');
    expect(one.evidence.map((e) => e.quote)).toEqual(['某某甲', '某某乙。']);
  });
});

describe('raw', () => {
  const raw = compilePack([
    rule('t/r-norm', '{ type: mention, match: { phrases: [法律顾问] } }'),
    rule('t/r-raw', '{ type: absent, match: { phrases: [法律顾问], raw: true } }'),
  ]);

  it('a raw phrase matches the text as written, a plain one its normalised form', async () => {
    const all = await findings(raw, report({ measures: '聘请法律 顾问。' }));
    expect(all.get('t/r-norm')?.status).toBe('pass');
    expect(all.get('t/r-raw')?.status).toBe('pass');
    expect((await findings(raw, report({ measures: '聘请法律顾问。' }))).get('t/r-raw')?.status).toBe('fail');
  });
});

describe('term errors', () => {
  const error = (match: string) => packError([rule('t/x', `{ type: mention, match: ${match} }`)]).message;

  it('exactly one form', () => {
    expect(error('{ phrases: [a], regex: b }')).toBe(
      'rules.t/x.check.match: a term needs exactly one of phrases, regex, allOf, anyOf（每个匹配项只能有一种写法）',
    );
  });

  it('leaf options on allOf / anyOf, named where the first is written', () => {
    expect(error('{ allOf: [{ phrases: [a] }], not: b, min: 2 }')).toBe(
      'rules.t/x.check.match.not: "not", "min" applies to phrases or regex, not to allOf/anyOf（请写在每个匹配项上）',
    );
    expect(error('{ anyOf: [{ phrases: [a] }], raw: true }')).toMatch(/^rules\.t\/x\.check\.match\.raw: "raw" applies/);
  });

  it('a bad regex deep in a term is located by its path', () => {
    expect(error('{ allOf: [{ phrases: [a] }, { anyOf: [{ regex: "(" }] }] }')).toMatch(
      /^rules\.t\/x\.check\.match\.allOf\[1\]\.anyOf\[0\]\.regex: invalid regex/,
    );
    expect(packError([rule('t/x', '{ type: absent, match: { regex: "(" } }')]).message).toMatch(
      /^rules\.t\/x\.check\.match\.regex: invalid regex/,
    );
  });
});
