import { describe, expect, it } from 'vitest';
import type { Document } from '../src/document/model.js';
import {
  byPosition,
  hitsInScope,
  leaves,
  MAX_EVIDENCE,
  missingLabels,
  outsideNote,
  pushFirst,
  pushHit,
  satisfied,
  supporting,
  termCondition,
  type CompiledTerm,
} from '../src/engine/checks/terms.js';
import type { Evidence } from '../src/engine/model.js';
import type { Facts, Hit } from '../src/facts/model.js';
import { compilePack, findingOf, packError, report, rule } from './engine-pack.js';

/**
 * The term helpers of mention and absent, called directly on hand-made facts: hit counts at
 * exactly min and one short of it, the closest alternative of a choice, the evidence cap.
 */

const leaf = (key: string, min = 1, label?: string): CompiledTerm =>
  label
    ? { kind: 'leaf', key, min, label, fact: `hits.${key}@done` }
    : { kind: 'leaf', key, min, fact: `hits.${key}@done` };
const allOf = (children: CompiledTerm[], label?: string): CompiledTerm =>
  label ? { kind: 'all', children, label } : { kind: 'all', children };
const anyOf = (children: CompiledTerm[], label?: string): CompiledTerm =>
  label ? { kind: 'any', children, label } : { kind: 'any', children };

const LINES = ['第一行甲乙丙丁戊己庚辛', '第二行甲乙丙丁戊己庚辛', '第三行甲乙丙丁戊己庚辛'];

function factsWith(counts: Record<string, number>, hits: Hit[] = []): Facts {
  const values: Record<string, number> = {};
  for (const [key, n] of Object.entries(counts)) values[`hits.${key}@done`] = n;
  const byKey = new Map<string, Hit[]>();
  for (const h of hits) byKey.set(h.key, [...(byKey.get(h.key) ?? []), h]);
  const document = {
    file: 'x.txt',
    format: 'text',
    lines: LINES.map((original, i) => ({ number: i + 1, original, parts: [], kind: 'body' })),
    meta: {},
    sections: [],
    headings: [],
    parts: [],
    derived: new Map(),
  } as unknown as Document;
  return { values, hits: byKey, document } as unknown as Facts;
}

function hit(key: string, line: number, start: number, end: number, parts: Hit['parts'] = ['measures']): Hit {
  return { key, line, start, end, clause: { line, start, end }, parts, inTitle: false };
}

describe('satisfied: hits counted against min', () => {
  it.each([
    ['exactly min hits is enough', 2, true],
    ['one short of min is not', 1, false],
    ['more than min is enough', 3, true],
  ])('%s', (_why, n, expected) => {
    expect(satisfied(leaf('a', 2), factsWith({ a: n }))).toBe(expected);
  });

  it('a pattern with no count at all has no hits', () => {
    expect(satisfied(leaf('a'), factsWith({}))).toBe(false);
  });

  it('allOf needs every child, anyOf one', () => {
    const facts = factsWith({ a: 1, b: 0 });
    expect(satisfied(allOf([leaf('a'), leaf('b')]), facts)).toBe(false);
    expect(satisfied(anyOf([leaf('a'), leaf('b')]), facts)).toBe(true);
    expect(satisfied(anyOf([leaf('b'), leaf('a')]), facts)).toBe(true);
    expect(satisfied(anyOf([leaf('b'), leaf('b')]), facts)).toBe(false);
    expect(satisfied(allOf([leaf('a'), leaf('a')]), facts)).toBe(true);
  });
});

describe('missingLabels', () => {
  it('a met term misses nothing, even with a label', () => {
    expect(missingLabels(leaf('a', 1, '甲'), factsWith({ a: 1 }))).toEqual([]);
    expect(missingLabels(anyOf([leaf('a', 1, '甲')], '组'), factsWith({ a: 1 }))).toEqual([]);
  });

  it('an unmet leaf names its label, or nothing without one', () => {
    expect(missingLabels(leaf('a', 1, '甲'), factsWith({}))).toEqual(['甲']);
    expect(missingLabels(leaf('a'), factsWith({}))).toEqual([]);
  });

  it('allOf names each unmet child in order, not the met ones', () => {
    const term = allOf([leaf('a', 1, '甲'), leaf('b', 1, '乙'), leaf('c', 1, '丙')], '组');
    expect(missingLabels(term, factsWith({ b: 1 }))).toEqual(['甲', '丙']);
  });

  it('anyOf names the alternative with the fewest missing, the first of equals', () => {
    const two = allOf([leaf('a', 1, '甲'), leaf('b', 1, '乙')]);
    const three = allOf([leaf('c', 1, '丙'), leaf('d', 1, '丁'), leaf('e', 1, '戊')]);
    const one = leaf('f', 1, '己');
    const facts = factsWith({});
    expect(missingLabels(anyOf([three, two, one]), facts)).toEqual(['己']);
    expect(missingLabels(anyOf([one, three, two]), facts)).toEqual(['己']);
    expect(missingLabels(anyOf([three, two]), facts)).toEqual(['甲', '乙']);
    expect(missingLabels(anyOf([two, three]), facts)).toEqual(['甲', '乙']);
    expect(missingLabels(anyOf([leaf('x', 1, '子'), leaf('y', 1, '丑')]), facts)).toEqual(['子']);
  });

  it('anyOf skips alternatives that name nothing; with none named, its own label or nothing', () => {
    const facts = factsWith({});
    expect(missingLabels(anyOf([leaf('a'), leaf('b', 1, '乙')], '组'), facts)).toEqual(['乙']);
    expect(missingLabels(anyOf([leaf('a'), leaf('b')], '组'), facts)).toEqual(['组']);
    expect(missingLabels(anyOf([leaf('a'), leaf('b')]), facts)).toEqual([]);
  });
});

describe('leaves and supporting', () => {
  const a = leaf('a');
  const b = leaf('b');
  const c = leaf('c');

  it('leaves: every leaf in order, however deep', () => {
    expect(leaves(a)).toEqual([a]);
    expect(leaves(allOf([a, anyOf([b, c])]))).toEqual([a, b, c]);
  });

  it('supporting: every child of allOf, only the met children of anyOf', () => {
    const facts = factsWith({ a: 0, b: 1, c: 1 });
    expect(supporting(a, facts)).toEqual([a]);
    expect(supporting(allOf([a, b]), facts)).toEqual([a, b]);
    expect(supporting(anyOf([a, b, c]), facts)).toEqual([b, c]);
    expect(supporting(anyOf([a, allOf([b, c])]), facts)).toEqual([b, c]);
  });
});

describe('termCondition', () => {
  it('a leaf is its hit count at least min, in its scope', () => {
    expect(termCondition({ kind: 'leaf', key: 'k', min: 3, fact: 'hits.k@all' })).toEqual({
      fact: 'hits.k@all',
      operator: 'atLeast',
      value: 3,
    });
  });

  it('allOf and anyOf keep their kind; an anyOf with a summed fact is that one condition', () => {
    expect(termCondition(allOf([leaf('a'), leaf('b')]))).toEqual({
      all: [
        { fact: 'hits.a@done', operator: 'atLeast', value: 1 },
        { fact: 'hits.b@done', operator: 'atLeast', value: 1 },
      ],
    });
    expect(termCondition(anyOf([leaf('a'), leaf('b', 2)]))).toEqual({
      any: [
        { fact: 'hits.a@done', operator: 'atLeast', value: 1 },
        { fact: 'hits.b@done', operator: 'atLeast', value: 2 },
      ],
    });
    const summed: CompiledTerm = { kind: 'any', children: [leaf('a'), leaf('b')], anyHits: 'computed.x' };
    expect(termCondition(summed)).toEqual({ fact: 'computed.x', operator: 'atLeast', value: 1 });
  });
});

describe('anyOf compiled: one summed condition only for two or more alternatives needed once', () => {
  const conditionsOf = (match: string) =>
    compilePack([rule('t/x', `{ type: mention, match: ${match} }`)]).rules[0]?.check.conditions;

  it('two or three phrases needed once: one fact adding up their hits', () => {
    for (const match of [
      '{ anyOf: [{ phrases: [甲] }, { phrases: [乙] }] }',
      '{ anyOf: [{ phrases: [甲] }, { phrases: [乙] }, { regex: 丙 }] }',
    ]) {
      const c = conditionsOf(match) as { fact?: string; operator?: string; value?: number };
      expect(c.fact).toMatch(/^computed\.any-hits:/);
      expect([c.operator, c.value]).toEqual(['atLeast', 1]);
    }
  });

  it('a single alternative, one needed twice, or a group among them: one condition each', () => {
    for (const [match, n] of [
      ['{ anyOf: [{ phrases: [甲] }] }', 1],
      ['{ anyOf: [{ phrases: [甲] }, { phrases: [乙], min: 2 }] }', 2],
      ['{ anyOf: [{ phrases: [甲], min: 2 }, { phrases: [乙] }] }', 2],
      ['{ anyOf: [{ phrases: [甲] }, { allOf: [{ phrases: [乙] }] }] }', 2],
    ] as const) {
      const c = conditionsOf(match) as { any?: unknown[] };
      expect(c.any).toHaveLength(n);
    }
  });

  it('the summed fact counts the hits of every alternative', async () => {
    const rules = compilePack([
      rule('t/x', '{ type: mention, match: { anyOf: [{ phrases: [甲甲] }, { phrases: [乙乙] }] } }'),
    ]);
    for (const [measures, status] of [
      ['开展甲甲。', 'pass'],
      ['开展乙乙。', 'pass'],
      ['开展丙丙。', 'fail'],
    ] as const) {
      expect([measures, (await findingOf(rules, report({ measures }), 't/x')).status]).toEqual([measures, status]);
    }
  });
});

describe('outsideNote: why a hit outside the rule’s parts does not count', () => {
  it.each([
    [['next-year'], '位于“下一年度推进法治政府建设的主要安排”部分，计划不等于已完成'],
    [['shortcomings'], '位于“存在的不足和原因”部分，所述为问题，不是已完成的证据'],
    [['shortcomings', 'next-year'], '位于“下一年度推进法治政府建设的主要安排”部分，计划不等于已完成'],
    [['measures'], '不在本规则要求的部分内'],
    [[], '不在本规则要求的部分内'],
  ] as const)('%j', (parts, note) => {
    expect(outsideNote([...parts])).toBe(note);
  });
});

describe('hitsInScope', () => {
  it('a pattern never matched has no hits; others are filtered by scope', () => {
    const facts = factsWith({}, [hit('a', 1, 0, 2), hit('a', 2, 0, 2, ['next-year'])]);
    expect(hitsInScope(facts, 'nope', 'all')).toEqual([]);
    expect(hitsInScope(facts, 'a', 'all').map((h) => h.line)).toEqual([1, 2]);
    expect(hitsInScope(facts, 'a', 'done').map((h) => h.line)).toEqual([1]);
  });
});

describe('pushHit: each clause once, at most five', () => {
  const facts = factsWith({});

  it('a clause touching the one quoted is quoted too; one overlapping it by a character is not', () => {
    const out: Evidence[] = [];
    pushHit(out, facts, hit('a', 1, 2, 5));
    pushHit(out, facts, hit('a', 1, 5, 8)); // starts where the first ends
    pushHit(out, facts, hit('a', 1, 0, 2)); // ends where the first starts
    expect(out.map((e) => e.quote)).toEqual(['行甲乙', '丙丁戊', '第一']);
    pushHit(out, facts, hit('a', 1, 4, 6)); // one character into the first and the second
    pushHit(out, facts, hit('a', 1, 7, 9)); // one character into the second
    pushHit(out, facts, hit('a', 1, 1, 3)); // one character into the third and the first
    pushHit(out, facts, hit('a', 1, 3, 4)); // inside the first
    expect(out).toHaveLength(3);
    pushHit(out, facts, hit('a', 2, 2, 5)); // the same columns on another line
    expect(out.map((e) => [e.line, e.column])).toEqual([
      [1, 3],
      [1, 6],
      [1, 1],
      [2, 3],
    ]);
  });

  it('stops at five quotes, with or without a note', () => {
    const out: Evidence[] = [];
    for (let i = 0; i < 4; i++) pushHit(out, facts, hit('a', 1, 2 * i, 2 * i + 2));
    pushHit(out, facts, hit('a', 2, 0, 2), '注');
    expect(out).toHaveLength(MAX_EVIDENCE);
    expect(out[4]?.note).toBe('注');
    pushHit(out, facts, hit('a', 3, 0, 2));
    expect(out).toHaveLength(5);
    expect(MAX_EVIDENCE).toBe(5);
  });
});

describe('byPosition', () => {
  const at = (line: number, column: number) => ({ line, column }) as Evidence;

  it('orders by line, then by column', () => {
    expect(byPosition(at(1, 9), at(2, 1))).toBeLessThan(0);
    expect(byPosition(at(2, 1), at(1, 9))).toBeGreaterThan(0);
    expect(byPosition(at(3, 2), at(3, 5))).toBeLessThan(0);
    expect(byPosition(at(3, 5), at(3, 2))).toBeGreaterThan(0);
    expect(byPosition(at(3, 5), at(3, 5))).toBe(0);
  });
});

describe('pushFirst', () => {
  it('a pattern with no hits quotes nothing; otherwise the first hit that qualifies', () => {
    const facts = factsWith({}, [hit('a', 1, 0, 2, ['next-year']), hit('a', 2, 0, 2)]);
    const out: Evidence[] = [];
    pushFirst(out, facts, 'nope', () => true);
    expect(out).toEqual([]);
    pushFirst(out, facts, 'a', (h) => h.parts.includes('measures'), '注');
    expect(out.map((e) => [e.line, e.note])).toEqual([[2, '注']]);
  });
});

// Each pack below is compiled inside its test: what it pins is how a term compiles.
describe('terms as compiled', () => {
  const text = (measures: string) => report({ measures });

  it('allOf is never summed: each phrase is needed', async () => {
    const rules = compilePack([
      rule('t/x', '{ type: mention, match: { allOf: [{ phrases: [甲甲] }, { phrases: [乙乙] }] } }'),
    ]);
    expect((rules.rules[0]?.check.conditions as { all?: unknown[] }).all).toHaveLength(2);
    expect((await findingOf(rules, text('开展甲甲。'), 't/x')).status).toBe('fail');
    expect((await findingOf(rules, text('开展甲甲和乙乙。'), 't/x')).status).toBe('pass');
  });

  it('two summed anyOf in one check each count their own phrases', async () => {
    const rules = compilePack([
      rule(
        't/x',
        '{ type: mention, match: { allOf: [{ anyOf: [{ phrases: [甲甲] }, { phrases: [乙乙] }] }, { anyOf: [{ phrases: [丙丙] }, { phrases: [丁丁] }] }] } }',
      ),
    ]);
    for (const [measures, status] of [
      ['开展丙丙。', 'fail'],
      ['开展甲甲。', 'fail'],
      ['开展乙乙和丁丁。', 'pass'],
    ] as const) {
      expect([measures, (await findingOf(rules, text(measures), 't/x')).status]).toEqual([measures, status]);
    }
  });

  it('raw: a phrase matches the text as written, not its normalised form', async () => {
    const rules = compilePack([
      rule('t/raw', '{ type: mention, match: { phrases: [法律顾问], raw: true } }'),
      rule('t/plain', '{ type: mention, match: { phrases: [法律顾问], raw: false } }'),
    ]);
    const spaced = await findings2(rules, text('聘请法律 顾问。'));
    expect(spaced).toEqual(['fail', 'pass']);
    expect(await findings2(rules, text('聘请法律顾问。'))).toEqual(['pass', 'pass']);
  });

  it('a leaf’s label names it when missing', async () => {
    const rules = compilePack([
      rule('t/x', '{ type: mention, match: { label: 听证会, phrases: [听证] } }', { message: '缺少{missing}' }),
    ]);
    expect((await findingOf(rules, text('无。'), 't/x')).message).toBe('缺少听证会');
  });

  it('absent: scope all unless written; an unlabelled hit is 相关内容', async () => {
    const rules = compilePack([
      rule('t/a', '{ type: absent, match: { phrases: [某某] } }', { message: '发现{found}{count}处' }),
    ]);
    const f = await findingOf(rules, report({ plan: '某某负责。' }), 't/a');
    expect([f.status, f.message]).toEqual(['fail', '发现相关内容1处']);
  });

  it('absent: two labels found are both named, in the order of the term', async () => {
    const rules = compilePack([
      rule(
        't/a',
        '{ type: absent, match: { anyOf: [{ label: 残留, phrases: [XX镇] }, { label: 私人信息, phrases: [某某] }] } }',
        {
          message: '发现{found}',
        },
      ),
    ]);
    expect((await findingOf(rules, report({ measures: '某某在XX镇。' }), 't/a')).message).toBe('发现残留、私人信息');
  });

  it('a bad not on phrases is an error at the term’s not', () => {
    expect(packError([rule('t/x', '{ type: mention, match: { phrases: [甲], not: "(" } }')]).message).toMatch(
      /^rules\.t\/x\.check\.match\.not: invalid regex/,
    );
  });
});

async function findings2(rules: ReturnType<typeof compilePack>, text: string): Promise<string[]> {
  return Promise.all(['t/raw', 't/plain'].map(async (id) => (await findingOf(rules, text, id)).status));
}
