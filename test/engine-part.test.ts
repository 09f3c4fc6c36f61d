import { describe, expect, it } from 'vitest';
import { compilePack, findings, rule } from './engine-pack.js';

/** part: which heading a passing part check quotes, and when the part was only inferred. */

const rules = compilePack([
  rule('t/top', '{ type: part, part: first-responsible }', { message: '缺少{part}' }),
  rule('t/any', '{ type: part, part: first-responsible, headings: any }', { message: '缺少{part}' }),
  rule('t/measures', '{ type: part, part: measures }', { message: '缺少{part}' }),
]);

const TITLE = '白沙乡2025年法治政府建设工作报告';
const DUTY = '党政主要负责人履行推进法治建设第一责任人职责情况';

describe('part', () => {
  it('headings: any takes a sub-section; the default takes only a top-level section, and quotes that one', async () => {
    const text = [TITLE, '一、主要举措和成效', `（一）${DUTY}`, '做了。', `二、${DUTY}`, '做了。'].join('\n');
    const all = await findings(rules, text);
    expect(all.get('t/any')?.evidence.map((e) => [e.line, e.quote])).toEqual([[3, `（一）${DUTY}`]]);
    expect(all.get('t/top')?.evidence.map((e) => [e.line, e.quote])).toEqual([[5, `二、${DUTY}`]]);
  });

  it('a sub-section alone passes with headings: any only', async () => {
    const all = await findings(rules, [TITLE, '一、主要举措和成效', `（一）${DUTY}`, '做了。'].join('\n'));
    expect(all.get('t/any')?.status).toBe('pass');
    expect([all.get('t/top')?.status, all.get('t/top')?.message, all.get('t/top')?.evidence]).toEqual([
      'fail',
      `缺少${DUTY}`,
      [],
    ]);
  });

  it('a part known only by its position is quoted with a note; a named one without', async () => {
    const inferred = await findings(
      rules,
      [TITLE, '一、强化组织领导', '做了很多工作。', '二、存在的问题', '不足。'].join('\n'),
    );
    expect(inferred.get('t/measures')?.evidence).toStrictEqual([
      {
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 9,
        quote: '一、强化组织领导',
        note: '按位置推定：该部分标题未直接写明，但内容为本年度工作情况',
      },
    ]);
    const named = await findings(rules, [TITLE, '一、主要举措和成效', '做了。'].join('\n'));
    expect(named.get('t/measures')?.evidence).toStrictEqual([
      { line: 2, column: 1, endLine: 2, endColumn: 10, quote: '一、主要举措和成效' },
    ]);
  });
});
