import { describe, expect, it } from 'vitest';
import { checkText } from '../src/report/text.js';
import type { ReportResult } from '../src/report/result.js';
import { builtinRules, finding, readReport } from './helpers.js';

/**
 * When the year, title or body of a report cannot be read, fazhi says so (structure/year-known,
 * structure/title, structure/body-known) and the rules that need the year fail, as not judged,
 * instead of dropping out as not-applicable: a report never scores higher for being less legible.
 */

const YEAR_RULES = [
  'structure/next-year-named',
  'structure/title',
  'structure/no-later-year-done',
  'structure/this-year-consistent',
];

const GOOD = readReport('taojia-2025.txt');
// Every calendar year out (2025年, 2024年度): nothing left to read the report year from.
const withoutYears = (text: string): string => text.replace(/20\d\d\s*年度?/g, '本年度');
const withoutTitle = (text: string): string => text.split('\n').slice(1).join('\n');

const check = (text: string, file = 'reports/variant.txt'): Promise<ReportResult> =>
  checkText(text, builtinRules(), file);

const notApplicable = (r: ReportResult): string[] =>
  r.findings.filter((f) => f.status === 'not-applicable').map((f) => f.ruleId);

describe('a report whose basics cannot be read', () => {
  it.each([
    ['no title line', withoutTitle(GOOD)],
    ['no year anywhere', withoutYears(GOOD)],
    ['neither title nor year', withoutYears(withoutTitle(GOOD))],
    ['no body named', GOOD.replaceAll('陶家镇', '本镇')],
  ])('never scores higher than the good report it came from: %s', async (_what, text) => {
    const good = await check(GOOD, 'reports/taojia-2025.txt');
    const worse = await check(text);
    expect(worse.score.total).toBeLessThan(good.score.total);
    // Nothing the good report was judged on drops out of the score.
    for (const id of notApplicable(worse)) expect(notApplicable(good), id).toContain(id);
  });

  it('an unknown year is its own finding, and every rule that needs it fails saying why', async () => {
    const r = await check(withoutYears(GOOD));
    expect(r.meta.year).toBeNull();
    const known = finding(r, 'structure/year-known');
    expect(known).toMatchObject({ status: 'fail', severity: 'warning' });
    expect(known.message).toContain('未能读出报告年度');
    expect(known.fix).toContain('写明报告年度');
    for (const id of YEAR_RULES) {
      const f = finding(r, id);
      expect(f.status, id).toBe('fail');
      expect(f.unknownBasics, id).toEqual(['year']);
      expect(f.message, id).toBe(`无法判断：未能读出报告年度，无法核对“${f.title}”（按未通过计分）`);
      // The rule's own fix follows, with no empty year left in it ("××镇年…").
      expect(f.fix, id).toMatch(/^在标题和开头写明报告年度/);
      expect(f.fix, id).not.toMatch(/镇年|写年|[^0-9×次]年推进/);
    }
    expect(r.score.deductions.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(['structure/year-known', ...YEAR_RULES]),
    );
  });

  it('the same rules with the year read say nothing of the basics', async () => {
    const r = await check(GOOD);
    for (const id of ['structure/year-known', 'structure/body-known', ...YEAR_RULES]) {
      expect(finding(r, id).status, id).toBe('pass');
      expect(finding(r, id).unknownBasics, id).toBeUndefined();
    }
    expect(finding(r, 'structure/year-known').message).toBe('报告年度：2025年');
    expect(finding(r, 'structure/year-known').evidence[0]?.quote).toBe('2025');
    expect(finding(r, 'structure/body-known').message).toBe('报告单位：陶家镇');
  });

  it('no title line is said as such, not as a title that lacks words', async () => {
    const r = await check(withoutTitle(GOOD));
    expect(r.meta.title).toBeNull();
    expect(r.meta.year).toBe(2025); // still read from the opening
    const f = finding(r, 'structure/title');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/^未能读出报告标题/);
    expect(f.unknownBasics).toBeUndefined();
  });

  it('a title read without any year fails as not judged', async () => {
    const r = await check(withoutYears(GOOD));
    expect(r.meta.title).not.toBeNull();
    expect(finding(r, 'structure/title').message).toMatch(/^无法判断：未能读出报告年度/);
  });

  it('a body that cannot be read is its own finding', async () => {
    const r = await check('2025年法治政府建设工作报告\n一、主要举措和成效\n全年开展普法活动8场，覆盖群众2000人次。');
    expect(r.meta.body).toBeNull();
    expect(finding(r, 'structure/body-known')).toMatchObject({ status: 'fail', severity: 'warning' });
    expect(finding(r, 'structure/body-known').message).toContain('未能读出报告单位');
  });

  it('an "any" rule still passes on its other branch, and fails as not judged when none carries it', async () => {
    const plan = (words: string) =>
      `青山镇法治政府建设工作报告\n一、主要举措和成效\n开展普法。\n二、下一步工作计划\n${words}加强执法培训。`;
    const named = await check(plan('明年将'));
    expect(finding(named, 'structure/next-year-named').status).toBe('pass');
    const open = finding(await check(plan('继续')), 'structure/next-year-named');
    expect(open.status).toBe('fail');
    expect(open.unknownBasics).toEqual(['year']);
  });

  it('a rule that truly does not apply stays not-applicable: no next-year part, no publication date', async () => {
    const r = await check('青山镇法治政府建设工作报告\n一、主要举措和成效\n开展普法。');
    expect(finding(r, 'structure/published-on-time').status).toBe('not-applicable');
    expect(finding(r, 'structure/next-year-named').status).toBe('not-applicable');
  });

  it('a portal page with a publication date but no year cannot be judged on time: it fails', async () => {
    const page = (title: string) =>
      '<!DOCTYPE html><html><head><meta name="PubDate" content="2026-03-20"></head><body><div id="zoom">' +
      `<p>${title}</p><p>现将青山镇法治政府建设情况报告如下。全镇组织干部职工集中学习宪法、民法典和行政复议法等法律` +
      '法规10次，覆盖干部900余人次，组织12名执法人员参加行政执法资格培训并通过考试。完善防汛、地质灾害应急预案，开展' +
      '应急演练9场，覆盖群众4000余人次。建成镇村两级矛盾纠纷调处中心，全年调解矛盾纠纷96件，调解成功94件。</p>' +
      '<p>严格执行规范性文件合法性审核制度，法律顾问参与审查合同85件次，重大行政决策合法性审查覆盖率达100%。落实行政' +
      '执法公示、执法全过程记录和重大执法决定法制审核制度，开展执法检查210家次，开展行政处罚案卷评查15次。</p>' +
      '</div></body></html>';
    const dated = await checkText(page('青山镇2025年法治政府建设情况的报告'), builtinRules(), 'page.html');
    expect(finding(dated, 'structure/published-on-time').status).toBe('pass');
    const undated = await checkText(page('青山镇法治政府建设情况的报告'), builtinRules(), 'page.html');
    expect(undated.meta.year).toBeNull();
    const f = finding(undated, 'structure/published-on-time');
    expect(f.status).toBe('fail');
    expect(f.unknownBasics).toEqual(['year']);
    expect(f.message).toContain('无法判断：未能读出报告年度');
  });
});
