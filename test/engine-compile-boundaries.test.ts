import { describe, expect, it } from 'vitest';
import { compileConcept, compileRuleSet } from '../src/engine/compile.js';
import { loadPackSet } from '../src/packs/load.js';
import type { ConceptDef } from '../src/packs/model.js';
import { PackError } from '../src/shared/errors.js';
import { normalize } from '../src/text/normalize.js';
import { findingOf, packError, report, rule, writePack } from './engine-pack.js';

/**
 * Compiling at its edges: placeholders in every template field (and the names each one may use),
 * a concept's words longest first and escaped, its optional parts, the plan context of a pack
 * that has no concepts check.
 */

const MENTION = '{ type: mention, match: { phrases: [听证] } }';
const PARAM = 'params:\n  n: { default: 3 }';

describe('placeholders in each template field', () => {
  it.each([
    ['fix', { fix: '改{nope}' }, 'rules.t/x.fix'],
    ['messages.missing', { extra: 'messages: { missing: "缺{nope}" }' }, 'rules.t/x.messages.missing'],
    ['messages.pass', { extra: 'messages: { pass: "过{nope}" }' }, 'rules.t/x.messages.pass'],
  ])('an unknown one in %s is an error there', (_field, fields, at) => {
    expect(packError([rule('t/x', MENTION, fields)]).message).toBe(
      `${at}: unknown placeholder {nope}（消息占位符未定义：mention 检查与参数提供 {missing}）`,
    );
  });

  it('the names offered are the params, then the check’s values', () => {
    const e = packError([rule('t/x', MENTION, { message: '{nope}', extra: PARAM })]);
    expect(e.message).toBe(
      'rules.t/x.message: unknown placeholder {nope}（消息占位符未定义：mention 检查与参数提供 {n}、{missing}）',
    );
    expect(e).toBeInstanceOf(PackError);
  });

  it('a param may be named anywhere, a not-applicable message included', async () => {
    const text = writePackText([
      rule('t/x', MENTION, {
        message: '缺{missing}{n}',
        fix: '改{n}',
        extra: `${PARAM}\nmessages: { notApplicable: "不适用{n}", pass: "过{n}" }`,
      }),
    ]);
    const f = await findingOf(text, report({}), 't/x');
    expect([f.message, f.fix]).toEqual(['缺相关表述3', '改3']);
  });

  it('all / any offer the values of their sub-checks, however deep', async () => {
    const nested = '{ type: all, checks: [{ type: any, checks: [{ type: percent, max: 100 }] }] }';
    const rules = writePackText([rule('t/x', nested, { message: '超出{max}：{value}' })]);
    const f = await findingOf(rules, report({ measures: '满意率120%。' }), 't/x');
    expect(f.message).toBe('超出100：120%');
    expect(packError([rule('t/y', `{ type: all, checks: [${MENTION}] }`, { message: '{value}' })]).message).toBe(
      'rules.t/y.message: unknown placeholder {value}（消息占位符未定义：all 检查与参数提供 {missing}）',
    );
  });
});

function writePackText(rules: string[], head = '') {
  const text = `id: engine-test\nversion: 1.0.0\ntitle: Engine test\n${head}areas:\n  t: { title: 测试, weight: 100 }\nrules:\n${rules.join('')}`;
  return compileRuleSet(loadPackSet([writePack(text)]));
}

function concept(fields: Partial<ConceptDef>): ReturnType<typeof compileConcept> {
  return compileConcept({ id: 'c', title: '概念', file: 'c.yaml', ...fields }, () => null);
}

const matches = (re: RegExp, text: string): string[] => [...normalize(text).text.matchAll(re)].map((m) => m[0]);

describe('compileConcept', () => {
  it('at one position the longest word matches, whatever the order written', () => {
    expect(matches(concept({ words: ['学法', '学法用法'] }).re, '开展学法用法考试')).toEqual(['学法用法']);
    expect(matches(concept({ words: ['学法用法', '学法'] }).re, '开展学法用法考试，学法')).toEqual([
      '学法用法',
      '学法',
    ]);
    expect(matches(concept({ words: ['法', '学法用法', '学法'] }).re, '学法用法')).toEqual(['学法用法']);
  });

  it('words are literal: regex characters in them match themselves only', () => {
    const re = concept({ words: ['a.b', '1+1'] }).re;
    expect(matches(re, 'a.b axb 1+1 11')).toEqual(['a.b', '1+1']);
  });

  it('patterns are regexes, each alternative on its own, beside the words', () => {
    const c = concept({ words: ['甲'], patterns: ['\\d+次', '乙|丙'] });
    expect(matches(c.re, '甲3次乙丙丁')).toEqual(['甲', '3次', '乙', '丙']);
    expect(c.re.flags).toContain('g');
  });

  it('without exceptWithin, not or inDocumentTitles: none, none, and titles count', () => {
    const c = concept({ words: ['甲'] });
    expect([c.exceptWithin, c.not, c.inDocumentTitles]).toEqual([null, null, true]);
    expect(concept({ words: ['甲'], exceptWithin: [] }).exceptWithin).toBeNull();
  });

  it('with them: exceptWithin words literal and global, not as a regex, titles as written', () => {
    const c = concept({
      words: ['宣传'],
      exceptWithin: ['宣传规划', '(宣传)'],
      not: '未|没有',
      inDocumentTitles: false,
    });
    expect(matches(c.exceptWithin as RegExp, '宣传规划和(宣传)及宣传')).toEqual(['宣传规划', '(宣传)']);
    expect(c.not?.test('没有开展')).toBe(true);
    expect(c.inDocumentTitles).toBe(false);
    expect([c.id, c.title]).toEqual(['c', '概念']);
  });

  it('a bad pattern or not is a pack error at its own field', () => {
    const error = (fields: Partial<ConceptDef>): string => {
      try {
        concept(fields);
      } catch (e) {
        return (e as Error).message;
      }
      return 'compiled';
    };
    expect(error({ patterns: ['('] })).toMatch(/^concepts\.c\.patterns: invalid regex/);
    expect(error({ words: ['甲'], not: '(' })).toMatch(/^concepts\.c\.not: invalid regex/);
    expect(error({ words: ['甲'], exceptWithin: ['(甲'] })).toBe('compiled');
  });
});

describe('the plan context of a pack without a concepts check', () => {
  const rules = writePackText(
    [rule('t/x', MENTION)],
    'contexts:\n  plan: [plan]\n  substance: []\nconcepts:\n  plan: { title: 计划, words: [下一步] }\n',
  );

  it('a plan among the measures is no evidence for a mention check', async () => {
    expect((await findingOf(rules, report({ measures: '下一步推行听证。' }), 't/x')).status).toBe('fail');
    expect((await findingOf(rules, report({ measures: '推行听证。' }), 't/x')).status).toBe('pass');
  });
});
