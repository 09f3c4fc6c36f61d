import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../src/engine/compile.js';
import { loadPackSet } from '../src/packs/load.js';
import { findingOf, report, rule, writePack } from './engine-pack.js';

/**
 * concepts with any, none, substance: false and a scope; why the closest sentence fell short, and
 * which sentence is the closest when several hold some of the concepts. Each test compiles the pack.
 */

const HEAD = `contexts:
  plan: [plan]
  substance: [action]
concepts:
  plan: { title: 计划, words: [下一步] }
  action: { title: 做法, words: [开展, 组织] }
  study: { title: 专题学习, words: [专题学习] }
  topic: { title: 法治思想, words: [法治思想] }
  talk: { title: 讲座, words: [讲座] }
  course: { title: 培训, words: [培训] }
  party: { title: 联欢, words: [联欢] }
`;

const RULES = [
  rule('t/any', '{ type: concepts, all: [topic], any: [talk, course] }', { message: '缺少：{missing}' }),
  rule('t/none', '{ type: concepts, all: [topic, study], none: [party] }', { message: '缺少：{missing}' }),
  rule('t/plain', '{ type: concepts, all: [topic, study] }', { message: '缺少：{missing}' }),
  rule('t/nosub', '{ type: concepts, all: [topic, study], substance: false }'),
  rule('t/all-parts', '{ type: concepts, all: [topic, study], scope: all }'),
];

const rules = () =>
  compileRuleSet(
    loadPackSet([
      writePack(
        `id: engine-test\nversion: 1.0.0\ntitle: Engine test\n${HEAD}areas:\n  t: { title: 测试, weight: 100 }\nrules:\n${RULES.join('')}`,
      ),
    ]),
  );

const NOTE = {
  partial: '已找到，但不足以满足本规则',
  plan: '仅见于计划或打算，不能作为已完成的证据',
  slogan: '仅为原则性表述，未写明具体做法或数量',
  excluded: '所述并非本规则要求的事项',
  scope: '出现在不计为成效的位置（标题、下一年度安排或存在的不足）',
};

async function seen(id: string, measures: string, plan?: string) {
  const f = await findingOf(rules(), report(plan === undefined ? { measures } : { measures, plan }), id);
  return [f.status, f.message, f.evidence.map((e) => [e.quote, e.note])];
}

describe('any: one of them, beside every concept of all', () => {
  it.each([
    ['the first alternative', '开展法治思想讲座。'],
    ['the second alternative', '组织法治思想培训。'],
  ])('%s passes', async (_why, measures) => {
    expect((await seen('t/any', measures))[0]).toBe('pass');
  });

  it('with none of them, the first is named missing', async () => {
    expect(await seen('t/any', '开展法治思想学习。')).toEqual([
      'fail',
      '缺少：讲座',
      [['开展法治思想学习。', NOTE.partial]],
    ]);
  });

  it('with nothing found, every concept of all and the first of any are named', async () => {
    expect(await seen('t/any', '无。')).toEqual(['fail', '缺少：法治思想、讲座', []]);
  });
});

describe('why the closest sentence is not evidence', () => {
  it('none: a sentence that names an excluded concept', async () => {
    expect(await seen('t/none', '组织法治思想专题学习联欢。')).toEqual([
      'fail',
      '缺少：可作为证据的具体表述',
      [['组织法治思想专题学习联欢。', NOTE.excluded]],
    ]);
    expect((await seen('t/none', '组织法治思想专题学习。'))[0]).toBe('pass');
  });

  it('a plan, a slogan, a part that does not count', async () => {
    expect((await seen('t/plain', '下一步组织法治思想专题学习。'))[2]).toEqual([
      ['下一步组织法治思想专题学习。', NOTE.plan],
    ]);
    expect((await seen('t/plain', '以法治思想引领专题学习。'))[2]).toEqual([['以法治思想引领专题学习。', NOTE.slogan]]);
    expect((await seen('t/plain', '无。', '组织法治思想专题学习。'))[2]).toEqual([
      ['组织法治思想专题学习。', NOTE.scope],
    ]);
  });

  it('substance: false takes a slogan; scope: all takes the plan part', async () => {
    expect((await seen('t/nosub', '以法治思想引领专题学习。'))[0]).toBe('pass');
    expect((await seen('t/all-parts', '无。', '组织法治思想专题学习。'))[0]).toBe('pass');
    expect((await seen('t/plain', '无。', '组织法治思想专题学习。'))[0]).toBe('fail');
  });
});

describe('the closest sentence', () => {
  it('the one with more of the concepts, even when it comes later', async () => {
    expect((await seen('t/none', '开展专题学习。组织法治思想专题学习联欢。'))[2]).toEqual([
      ['组织法治思想专题学习联欢。', NOTE.excluded],
    ]);
  });

  it('of two with as many, the first', async () => {
    expect((await seen('t/none', '组织法治思想专题学习联欢。开展法治思想专题学习联欢。'))[2]).toEqual([
      ['组织法治思想专题学习联欢。', NOTE.excluded],
    ]);
    expect((await seen('t/plain', '开展专题学习一次。组织专题学习两次。'))[2]).toEqual([
      ['开展专题学习一次。', NOTE.partial],
    ]);
  });

  it('a later sentence with fewer does not replace it', async () => {
    expect(await seen('t/plain', '以法治思想引领专题学习。开展专题学习。')).toEqual([
      'fail',
      '缺少：可作为证据的具体表述',
      [['以法治思想引领专题学习。', NOTE.slogan]],
    ]);
  });
});

describe('rules with the same concepts', () => {
  // A bug fixed here: the reading was one fact per list of concepts, so the last rule compiled
  // decided for every rule with that list, whatever its none, scope or substance.
  it('are judged each on its own none, scope and substance', async () => {
    const text = report({ measures: '组织法治思想专题学习联欢。以法治思想引领专题学习。' });
    const all = await Promise.all(
      ['t/none', 't/plain', 't/nosub'].map(async (id) => (await findingOf(rules(), text, id)).status),
    );
    expect(all).toEqual(['fail', 'pass', 'pass']);
    const inPlan = report({ plan: '组织法治思想专题学习。' });
    const parts = await Promise.all(
      ['t/plain', 't/all-parts'].map(async (id) => (await findingOf(rules(), inPlan, id)).status),
    );
    expect(parts).toEqual(['fail', 'pass']);
  });
});

describe('concepts: more edges', () => {
  it('of two sentences with one of all and none of any, the first is the closest', async () => {
    expect((await seen('t/any', '开展法治思想学习一次。组织法治思想学习两次。'))[2]).toEqual([
      ['开展法治思想学习一次。', NOTE.partial],
    ]);
  });

  it('the very first sentence of a text without a title can be the evidence', async () => {
    const f = await findingOf(rules(), '组织法治思想专题学习3次。', 't/plain');
    expect([f.status, f.evidence.map((e) => [e.line, e.column, e.quote])]).toEqual([
      'pass',
      [[1, 1, '组织法治思想专题学习3次。']],
    ]);
  });

  it('an unknown concept in any or none is an error where it is written', () => {
    for (const [check, at] of [
      ['{ type: concepts, all: [topic], any: [talk, nope] }', 'any[1]'],
      ['{ type: concepts, all: [topic], none: [nope] }', 'none[0]'],
    ] as const) {
      const text = `id: engine-test\nversion: 1.0.0\ntitle: Engine test\n${HEAD}areas:\n  t: { title: 测试, weight: 100 }\nrules:\n${rule('t/x', check)}`;
      expect(() => compileRuleSet(loadPackSet([writePack(text)]))).toThrow(
        `rules.t/x.check.${at}: unknown concept "nope"（未定义的概念）`,
      );
    }
  });
});
