import { describe, expect, it } from 'vitest';
import { checkText } from '../src/report/text.js';
import type { ReportResult } from '../src/report/result.js';
import { builtinRules, finding } from './helpers.js';

/**
 * A rate the report gives only as its parts and its whole (执法队伍10人，其中持证2人 states 20%) is
 * derived, judged by the rate rules, and quoted with both numbers. Fixtures in our own words.
 */

const TITLE = '青山镇2025年法治政府建设工作报告';
const done = (...lines: string[]) => [TITLE, '一、主要举措和成效', ...lines].join('\n');
const inPlan = (line: string) => [TITLE, '一、主要举措和成效', '开展普法。', '二、2026年工作安排', line].join('\n');

const check = (text: string): Promise<ReportResult> => checkText(text, builtinRules(), 'reports/derived.txt');
const rateOf = (r: ReportResult, id: string) => r.metrics.find((m) => m.id === id && !m.target);

describe('certified staff: 持证 over 执法人员 / 执法队伍', () => {
  it.each([
    ['执法队伍10人，其中持证2人。', 20, 'fail'],
    ['现有综合执法人员12名，其中8人持证上岗。', 66.7, 'fail'],
    ['镇综合执法队现有执法队员7名，持有行政执法证件7名。', 100, 'pass'],
    ['全镇执法力量共9人，取得行政执法资格9人。', 100, 'pass'],
    ['共有执法人员16名，已领取执法证14人。', 87.5, 'fail'],
  ])('%s → %s%', async (line, rate, status) => {
    const r = await check(done(line));
    expect(rateOf(r, 'enforcement.certified-rate')).toMatchObject({ value: rate, derived: true });
    expect(finding(r, 'numbers/certified-rate').status).toBe(status);
  });

  it('the finding quotes both numbers, in its message and its evidence', async () => {
    const f = finding(await check(done('执法队伍10人，其中持证2人。')), 'numbers/certified-rate');
    expect(f.message).toBe(
      '执法人员持证率为20%（按“执法队伍10人”“其中持证2人”计算）：未取得执法资格的人员不得从事行政执法',
    );
    expect(f.evidence.map((e) => [e.quote, e.note])).toEqual([
      ['执法队伍10人', undefined],
      ['其中持证2人。', '据此计算：20%'],
    ]);
  });

  it('a stated rate wins over the counts, and the counts check it', async () => {
    const r = await check(done('执法人员10人，持证8人，持证率100%。'));
    expect(rateOf(r, 'enforcement.certified-rate')).toMatchObject({ value: 100, derived: false });
    expect(finding(r, 'numbers/certified-rate').message).toBe('执法人员持证率100%');
    const matches = finding(r, 'numbers/certified-rate-matches-counts');
    expect(matches.status).toBe('fail');
    expect(matches.message).toContain('按持证8人、执法人员10人计算为80%');
  });

  it.each([
    ['people trained are not the staff', done('对15名执法人员开展培训，持证2人参加复训。')],
    ['enforcement officers sent out are not the staff', done('出动执法人员30人，其中持证12人。')],
    ['the part larger than the whole', done('执法人员5人，持证8人。')],
    ['the counts in different paragraphs', done('执法队伍10人。', '开展普法宣传活动6场。', '其中持证2人。')],
    ['the counts only in the plan', inPlan('执法队伍扩充到10人，其中持证8人。')],
    ['an exam is not a certificate', done('执法人员10人，参加执法资格考试4人。')],
  ])('no rate is derived: %s', async (_why, text) => {
    const r = await check(text);
    expect(rateOf(r, 'enforcement.certified-rate')).toBeUndefined();
    expect(finding(r, 'numbers/certified-rate').status).toBe('not-applicable');
  });
});

describe('legality review: 审核 / 审查 over 件', () => {
  it.each([
    ['全年研究重大行政决策事项8项，经合法性审查6项。', 75, 'fail'],
    ['本年度制定行政规范性文件4件，合法性审核4件。', 100, 'pass'],
    ['出台3件规范性文件，合法性审查3件。', 100, 'pass'],
  ])('%s → %s%', async (line, rate, status) => {
    const r = await check(done(line));
    expect(rateOf(r, 'counsel.review-rate')).toMatchObject({ value: rate, derived: true });
    const f = finding(r, 'numbers/legality-review-rate');
    expect(f.status).toBe(status);
    expect(f.message).toMatch(/（按“[^”]+”“[^”]+”计算）/);
    expect(f.evidence).toHaveLength(2);
  });

  it.each([
    ['more contracts reviewed than decisions made: different things', done('作出重大决策3项，开展合同审查25件。')],
    ['documents cleared out are not documents made', done('清理规范性文件10件，合法性审查6件。')],
    ['a review count alone', done('全年开展合法性审查52件。')],
  ])('no rate is derived: %s', async (_why, text) => {
    const r = await check(text);
    expect(rateOf(r, 'counsel.review-rate')).toBeUndefined();
    expect(finding(r, 'numbers/legality-review-rate').status).toBe('not-applicable');
  });

  it('the review count still counts for counsel/reviews, in 项 too', async () => {
    const r = await check(done('全年研究重大行政决策事项8项，经合法性审查6项。'));
    expect(finding(r, 'counsel/reviews')).toMatchObject({
      status: 'pass',
      message: '本年度开展合法性审查（合同审查）6件',
    });
  });
});

describe('mediation success: 调解成功 over 受理 / 调解', () => {
  it.each([
    ['受理矛盾纠纷50件，调解成功46件。', 92, 'fail'],
    ['调解矛盾纠纷40起，成功39起。', 97.5, 'pass'],
    ['排查各类纠纷120件，其中成功化解117件。', 97.5, 'pass'],
  ])('%s → %s%', async (line, rate, status) => {
    const r = await check(done(line));
    expect(rateOf(r, 'mediation.rate')).toMatchObject({ value: rate, derived: true });
    const f = finding(r, 'mediation/success-rate');
    expect(f.status).toBe(status);
    expect(f.evidence.map((e) => e.note ?? '')).toEqual(['', `据此计算：${rate}%`]);
  });

  it.each([
    ['more resolved than received', done('受理矛盾纠纷40件，成功调解45件。')],
    ['the counts in different paragraphs', done('受理矛盾纠纷40件。', '开展普法6场。', '成功调解38件。')],
  ])('no rate is derived: %s', async (_why, text) => {
    expect(rateOf(await check(text), 'mediation.rate')).toBeUndefined();
  });

  it('numbers/rate-matches-counts still compares a stated rate with the counts', async () => {
    const r = await check(done('受理矛盾纠纷50件，调解成功46件，调解成功率98%。'));
    expect(rateOf(r, 'mediation.rate')).toMatchObject({ value: 98, derived: false });
    expect(finding(r, 'numbers/rate-matches-counts').message).toContain('计算为92%');
  });
});
