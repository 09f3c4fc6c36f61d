import { describe, expect, it } from 'vitest';
import { compilePack, findings, report, rule } from './engine-pack.js';

/**
 * known: the report's year, title and issuing body, read or not; where each is quoted, and the
 * missing message when one is not there. Each test compiles the pack itself.
 */

const rules = () =>
  compilePack(
    (['year', 'title', 'body'] as const).map((basic) =>
      rule(`t/${basic}`, `{ type: known, basic: ${basic} }`, {
        message: `无${basic}`,
        extra: `messages: { missing: "未读出${basic}{value}", pass: "${basic}={value}" }`,
      }),
    ),
  );

describe('known', () => {
  it('all three read from the title: each quoted where it is written there', async () => {
    const all = await findings(rules(), report({}));
    const quoted = (id: string) => {
      const f = all.get(id);
      return [f?.status, f?.message, f?.evidence.map((e) => [e.line, e.column, e.quote])];
    };
    expect(quoted('t/year')).toEqual(['pass', 'year=2025', [[1, 4, '2025']]]);
    expect(quoted('t/title')).toEqual([
      'pass',
      'title=白沙乡2025年法治政府建设工作报告',
      [[1, 1, '白沙乡2025年法治政府建设工作报告']],
    ]);
    expect(quoted('t/body')).toEqual(['pass', 'body=白沙乡', [[1, 1, '白沙乡']]]);
  });

  it('a year that is not in the title is quoted from the first line that has it', async () => {
    const text = ['白沙乡法治政府建设工作报告', '一、主要举措和成效', '2025年，白沙乡开展普法。'].join('\n');
    const f = (await findings(rules(), text)).get('t/year');
    expect([f?.status, f?.evidence.map((e) => [e.line, e.column, e.quote])]).toEqual(['pass', [[3, 1, '2025']]]);
  });

  it('unread: the missing message, nothing quoted', async () => {
    const text = ['一、主要举措和成效', '开展普法宣传。'].join('\n');
    const all = await findings(rules(), text);
    for (const id of ['t/year', 't/title', 't/body']) {
      const f = all.get(id);
      expect([id, f?.status, f?.message, f?.evidence]).toEqual([id, 'fail', `未读出${id.slice(2)}`, []]);
    }
  });
});
