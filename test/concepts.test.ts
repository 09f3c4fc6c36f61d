import { describe, expect, it } from 'vitest';
import { clausesAround } from '../src/facts/clauses.js';
import { compileConcept, compileRuleSet } from '../src/engine/compile.js';
import { firstMatch } from '../src/facts/concepts.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPackSet } from '../src/packs/load.js';
import { checkText } from '../src/report/text.js';
import { normalize } from '../src/text/normalize.js';

// Every vocabulary's own examples: a concept is found in each `match` sentence and in no `noMatch` one.
describe('built-in concepts: their examples', () => {
  const packs = loadPackSet();
  const cases = [...packs.concepts.values()].flatMap((def) => {
    const concept = compileConcept(def, () => null);
    return [
      ...(def.examples?.match ?? []).map((text) => ({ id: def.id, text, expected: true, concept })),
      ...(def.examples?.noMatch ?? []).map((text) => ({ id: def.id, text, expected: false, concept })),
    ];
  });
  it('every concept has examples of both kinds', () => {
    for (const def of packs.concepts.values()) {
      expect(def.examples?.match?.length ?? 0, def.id).toBeGreaterThan(0);
      expect(def.examples?.noMatch?.length ?? 0, def.id).toBeGreaterThan(0);
    }
  });
  it.each(cases)('$id in "$text": $expected', ({ text, expected, concept }) => {
    expect(firstMatch(normalize(text).text, concept) !== null).toBe(expected);
  });
});

/** A pack from YAML text, through the loader (validation, references) as a user's file goes. */
function packSetFromText(text: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-concepts-')), 'toy.yaml');
  fs.writeFileSync(file, text);
  return loadPackSet([file]);
}

const PACK = `id: toy
version: 1.0.0
title: 概念测试
contexts:
  plan: [plan]
  substance: [action, count]
concepts:
  plan: { title: 计划, words: [下一步, 明年] }
  action: { title: 做法, words: [开展, 成立, 组织] }
  count: { title: 数量, patterns: ["(?<!\\\\d)\\\\d+次"] }
  study: { title: 学习形式, words: [专题学习, 培训] }
  topic: { title: 法治思想, words: [法治思想] }
  plan-doc: { title: 规划文件, words: [宣传], exceptWithin: [宣传规划], inDocumentTitles: false }
areas:
  demo: { title: 演示, weight: 10 }
rules:
  demo/study:
    title: 学习法治思想
    area: demo
    clause: 测试条款
    basis: official
    severity: warning
    weight: 1
    check: { type: concepts, all: [study, topic] }
    message: 缺少：{missing}
    fix: 写明学习形式
  demo/promotion:
    title: 开展宣传
    area: demo
    clause: 测试条款
    basis: official
    severity: warning
    weight: 1
    check: { type: concepts, all: [plan-doc], substance: false }
    message: 缺少：{missing}
    fix: 写明宣传活动
`;

describe('concepts check type', () => {
  const rules = compileRuleSet(packSetFromText(PACK));
  const verdict = async (text: string, rule = 'demo/study') => {
    const result = await checkText(text, rules, 'toy.txt');
    return result.findings.find((f) => f.ruleId === rule);
  };
  it.each([
    ['either word order passes', '今年组织法治思想专题学习3次。', 'pass'],
    ['the topic before the form passes too', '把法治思想作为专题学习内容，开展学习2次。', 'pass'],
    ['concepts in two sentences fail', '开展专题学习3次。法治思想深入人心。', 'fail'],
    ['a plan is not evidence', '下一步，组织法治思想专题学习。', 'fail'],
    ['a slogan without action or count is not evidence', '以法治思想引领专题学习。', 'fail'],
    ['a heading alone is not evidence', '一、法治思想专题学习\n无其他内容。', 'fail'],
    [
      'the next-year part is not evidence',
      '一、主要举措和成效\n无。\n二、下一年度工作安排\n组织法治思想专题学习3次。',
      'fail',
    ],
    ['a semicolon separates items', '开展专题学习3次；法治思想宣传进村。', 'fail'],
    [
      'a deed far from the match, in a long preamble, is no substance',
      '今年开展各项工作，坚持依法办事，始终以法治思想引领专题学习，营造良好氛围，推动发展。',
      'fail',
    ],
    ['a deed in the clause after the match is substance', '以法治思想引领专题学习，全年组织学习4次。', 'pass'],
    ['a deed in the clause before the match is substance', '组织机关干部，围绕法治思想专题学习。', 'pass'],
    [
      'a later match of the concept with a deed beside it counts',
      '以法治思想引领专题学习，营造氛围，提升水平，坚定信心，全年开展法治思想专题学习2次。',
      'pass',
    ],
  ])('%s', async (_, text, expected) => {
    expect((await verdict(text))?.status).toBe(expected);
  });
  it('quotes the sentence at its exact place, and names what is missing', async () => {
    const pass = await verdict('第一段。\n全年开展法治思想专题学习3次。其他。');
    expect(pass?.evidence?.[0]).toMatchObject({ line: 2, column: 1, quote: '全年开展法治思想专题学习3次。' });
    const fail = await verdict('全年开展专题学习3次。');
    expect(fail?.message).toBe('缺少：法治思想');
    expect(fail?.evidence?.[0]?.note).toBe('已找到，但不足以满足本规则');
    const plan = await verdict('明年开展法治思想专题学习3次。');
    expect(plan?.evidence?.[0]?.note).toContain('计划');
  });
  it('ignores a match inside a longer word or inside 《》 when the concept says so', async () => {
    expect((await verdict('开展宣传活动。', 'demo/promotion'))?.status).toBe('pass');
    expect((await verdict('制定宣传规划。', 'demo/promotion'))?.status).toBe('fail');
    expect((await verdict('印发《宣传工作要点》。', 'demo/promotion'))?.status).toBe('fail');
  });
  it('an unknown concept is a pack error naming the rule path', () => {
    const broken = PACK.replace('all: [study, topic]', 'all: [study, nothing]');
    expect(() => compileRuleSet(packSetFromText(broken))).toThrow(
      /rules\.demo\/study\.check\.all\[1\]: unknown concept "nothing"（未定义的概念）/,
    );
  });
  it('contexts must name known concepts', () => {
    const broken = PACK.replace('plan: [plan]', 'plan: [nowhere]');
    expect(() => packSetFromText(broken)).toThrow(/contexts\.plan\[0\]: unknown concept "nowhere"/);
  });
});

/** The text of the clause around [from, to) and one clause either side. */
const clauseWindow = (text: string, [from, to]: readonly [number, number]) =>
  text.slice(...clausesAround(text, from, to));

describe('the clauses around a match', () => {
  const text = '甲,乙,丙学习丁,戊,己';
  const at = text.indexOf('学习');
  it.each([
    ['one clause either side', [at, at + 2], '乙,丙学习丁,戊'],
    ['at the start, from the start', [0, 1], '甲,乙'],
    ['at the end, to the end', [text.length - 1, text.length], '戊,己'],
    [
      'a match across a stop keeps both clauses and one either side',
      [text.indexOf('丙'), text.indexOf('戊') + 1],
      '乙,丙学习丁,戊,己',
    ],
  ] as const)('%s', (_why, span, window) => {
    expect(clauseWindow(text, span)).toBe(window);
  });
  it('full-width commas and colons are stops too', () => {
    expect(clauseWindow('一，二：三学习四，五，六', [5, 7])).toBe('二：三学习四，五');
  });
  it('a text without stops is its own window', () => {
    expect(clauseWindow('全年开展学习', [4, 6])).toBe('全年开展学习');
  });
});
