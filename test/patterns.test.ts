import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkText, compileRuleSet, loadPackSet } from '../src/index.js';

/** How pack patterns match report text: paragraphs, phrases, raw text, negation, scopes. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-patterns-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rule = (id: string, check: string) => `  p/${id}:
    title: ${id}
    area: p
    clause: c
    basis: practice
    severity: error
    weight: 1
    check: ${check}
    message: m
    fix: f
`;

const PACK = `id: patterns
version: 1.0.0
title: Pattern fixtures
areas:
  p: { title: 测试, weight: 10 }
rules:
${rule('within-paragraph', '{ type: mention, scope: all, match: { regex: "普法[^。]{0,10}宣传" } }')}
${rule('line-start', '{ type: mention, scope: all, match: { regex: "^一是" } }')}
${rule('line-end', '{ type: mention, scope: all, match: { regex: "落实$" } }')}
${rule('literal-phrase', '{ type: mention, scope: all, match: { phrases: ["1+1", "(试点)"] } }')}
${rule('full-width-phrase', '{ type: mention, scope: all, match: { phrases: ["法律顾问，"] } }')}
${rule('raw-phrase', '{ type: mention, scope: all, match: { phrases: ["（一）"], raw: true } }')}
${rule('negated', '{ type: mention, scope: all, match: { phrases: [聘请法律顾问], not: "未|没有" } }')}
${rule('escaped-class', String.raw`{ type: mention, scope: all, match: { regex: "\\[[^\\]]{0,3}\\]号" } }`)}
${rule('done-only', '{ type: mention, match: { phrases: [法律顾问] } }')}
${rule('all-of', '{ type: mention, scope: all, match: { allOf: [{ phrases: [公示] }, { phrases: [审核] }] } }')}
${rule('any-of', '{ type: mention, scope: all, match: { anyOf: [{ phrases: [公示] }, { phrases: [审核] }] } }')}
${rule('absent', '{ type: absent, match: { phrases: [XX镇] } }')}
${rule('in-plan', '{ type: mention, scope: [next-year], match: { phrases: [法律顾问] } }')}
${rule('in-problems-or-plan', '{ type: mention, scope: [shortcomings, next-year], match: { phrases: [法律顾问] } }')}
${rule('in-title', '{ type: mention, scope: title, match: { phrases: [法治政府] } }')}
`;
const file = path.join(dir, 'patterns.yaml');
fs.writeFileSync(file, PACK);
const rules = compileRuleSet(loadPackSet([file]));

const HEAD = '白沙乡2025年法治政府建设工作报告\n一、主要举措和成效\n';

async function statusOf(text: string, id: string) {
  return (await checkText(text, rules)).findings.find((f) => f.ruleId === `p/${id}`)?.status;
}

describe('pack patterns on report text', () => {
  it.each([
    ['within-paragraph', '普法进村宣传', 'pass'],
    ['within-paragraph', '普法\n宣传', 'fail'],
    ['line-start', '开展工作。\n一是加强学习', 'pass'],
    ['line-start', '开展工作一是加强学习', 'fail'],
    ['line-end', '三项制度全面落实\n其他', 'pass'],
    ['line-end', '三项制度全面落实到位', 'fail'],
    ['literal-phrase', '做到1+1', 'pass'],
    ['literal-phrase', '做到11', 'fail'],
    ['literal-phrase', '开展（试点）', 'pass'],
    ['literal-phrase', '开展试点', 'fail'],
    ['full-width-phrase', '聘请法律顾问,审查合同', 'pass'],
    ['full-width-phrase', '聘请法律顾问，审查合同', 'pass'],
    ['full-width-phrase', '聘请法律顾问审查合同', 'fail'],
    ['raw-phrase', '（一）开展普法', 'pass'],
    ['raw-phrase', '(一)开展普法', 'fail'],
    ['negated', '全镇聘请法律顾问2名', 'pass'],
    ['negated', '部分村未聘请法律顾问', 'fail'],
    ['negated', '部分村没有聘请法律顾问，', 'fail'],
    ['negated', '部分村没有落实，另聘请法律顾问2名', 'pass'],
    ['escaped-class', '依据[12]号文件', 'pass'],
    ['escaped-class', '依据[1\n2]号文件', 'fail'],
    ['escaped-class', '依据[1234]号文件', 'fail'],
    ['escaped-class', '依据12号文件', 'fail'],
    ['all-of', '执法公示和法制审核', 'pass'],
    ['all-of', '执法公示', 'fail'],
    ['any-of', '执法公示', 'pass'],
    ['any-of', '法制审核', 'pass'],
    ['any-of', '开展普法', 'fail'],
    ['absent', '白沙乡开展普法', 'pass'],
    ['absent', 'XX镇开展普法', 'fail'],
    ['absent', 'ＸＸ镇开展普法', 'fail'],
  ])('%s: %j → %s', async (id, body, verdict) => {
    expect(await statusOf(HEAD + body, id)).toBe(verdict);
  });

  it('the default scope leaves out the shortcomings and the plan', async () => {
    const done = `${HEAD}聘请法律顾问2名。\n二、存在的问题\n意识不强。`;
    const problem = `${HEAD}开展普法。\n二、存在的问题\n尚需聘请法律顾问。`;
    const plan = `${HEAD}开展普法。\n二、下一步工作打算\n聘请法律顾问。`;
    expect(await statusOf(done, 'done-only')).toBe('pass');
    expect(await statusOf(problem, 'done-only')).toBe('fail');
    expect(await statusOf(plan, 'done-only')).toBe('fail');
  });

  it.each([
    ['in-plan', 'the plan', 'pass'],
    ['in-plan', 'the problems', 'fail'],
    ['in-plan', 'the measures', 'fail'],
    ['in-problems-or-plan', 'the plan', 'pass'],
    ['in-problems-or-plan', 'the problems', 'pass'],
    ['in-problems-or-plan', 'the measures', 'fail'],
  ])('named scopes: %s, the phrase in %s → %s', async (id, where, verdict) => {
    const sections: Record<string, string> = {
      'the measures': `${HEAD}聘请法律顾问。\n二、存在的问题\n意识不强。\n三、下一步工作打算\n继续普法。`,
      'the problems': `${HEAD}开展普法。\n二、存在的问题\n未聘请法律顾问。\n三、下一步工作打算\n继续普法。`,
      'the plan': `${HEAD}开展普法。\n二、存在的问题\n意识不强。\n三、下一步工作打算\n聘请法律顾问。`,
    };
    expect(await statusOf(sections[where] as string, id)).toBe(verdict);
  });

  it('the title scope reads the title only', async () => {
    expect(await statusOf(`${HEAD}开展普法。`, 'in-title')).toBe('pass');
    expect(await statusOf('白沙乡2025年工作报告\n一、主要举措和成效\n推进法治政府建设。', 'in-title')).toBe('fail');
  });

  it('a failing mention shows what was found where it does not count', async () => {
    const plan = `${HEAD}开展普法。\n二、下一步工作打算\n聘请法律顾问。`;
    const f = (await checkText(plan, rules)).findings.find((x) => x.ruleId === 'p/done-only');
    expect(f?.evidence.map((e) => [e.line, e.quote])).toEqual([[5, '聘请法律顾问。']]);
    expect(f?.evidence[0]?.note).toBeTruthy();
  });

  it('a passing mention quotes its first supporting hit', async () => {
    const text = `${HEAD}全镇聘请法律顾问2名，法律顾问参与审查合同。`;
    const f = (await checkText(text, rules)).findings.find((x) => x.ruleId === 'p/done-only');
    expect(f?.evidence.map((e) => [e.line, e.column, e.quote])).toEqual([[3, 1, '全镇聘请法律顾问2名']]);
  });

  it('one pattern used by two rules is compiled once', () => {
    const sources = rules.plan.patterns.map((p) => p.source);
    expect(sources.filter((s) => s === '公示')).toHaveLength(1);
    expect(new Set(sources).size).toBe(sources.length);
  });
});
