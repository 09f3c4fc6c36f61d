import { describe, expect, it } from 'vitest';
import { compilePack, findings, rule } from './engine-pack.js';

/** part, compiled in each test: a sub-section alone, for the default and for headings: any. */

const TITLE = '白沙乡2025年法治政府建设工作报告';
const DUTY = '党政主要负责人履行推进法治建设第一责任人职责情况';

describe('part: which headings count', () => {
  it.each([
    ['a sub-section alone: headings any passes, the default fails', [`（一）${DUTY}`], ['pass', 'fail']],
    ['a top-level section: both pass', [`二、${DUTY}`], ['pass', 'pass']],
    ['neither: both fail, naming the part', ['（一）依法决策'], ['fail', 'fail']],
  ])('%s', async (_why, headings, expected) => {
    const rules = compilePack([
      rule('t/any', '{ type: part, part: first-responsible, headings: any }', { message: '缺少{part}' }),
      rule('t/top', '{ type: part, part: first-responsible, headings: top }', { message: '缺少{part}' }),
    ]);
    const all = await findings(rules, [TITLE, '一、主要举措和成效', ...headings, '做了。'].join('\n'));
    expect([all.get('t/any')?.status, all.get('t/top')?.status]).toEqual(expected);
    if (expected[1] === 'fail') expect(all.get('t/top')?.message).toBe(`缺少${DUTY}`);
  });
});
