import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/report/text.js';
import { CHECK_TYPES, type CheckConfig } from '../src/engine/checks/index.js';
import { compileRuleSet } from '../src/engine/compile.js';
import { loadPackSet } from '../src/packs/load.js';
import { ROOT } from './helpers.js';

const rules = compileRuleSet(loadPackSet([path.join(ROOT, 'test/fixtures/check-types.yaml')]));

async function run(text: string, ruleId: string) {
  const r = await checkText(text, rules);
  const f = r.findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(ruleId);
  return f;
}

const REPORT_2025 = '白沙乡2025年法治政府建设工作报告\n';

// [rule, expected status, text]
const TABLE: Array<[string, string, string]> = [
  ['t/absent-residue', 'pass', '白沙乡开展普法。'],
  ['t/absent-residue', 'fail', 'XX镇开展普法【填写】次。'],
  ['t/absent-residue', 'fail', '××乡开展普法。'],
  ['t/absent-id', 'pass', '当事人身份证号110101199003076000已隐去。'], // wrong check digit: not an ID
  ['t/absent-id', 'fail', '当事人身份证号11010119900307002X。'],
  ['t/absent-artefact', 'fail', '[bookmark: _GoBack]（二）健全机制'],
  ['t/absent-artefact', 'pass', '（二）健全机制'],
  ['t/next-year-named', 'pass', `${REPORT_2025}一、主要举措和成效\n做了。\n二、2026年工作安排\n2026年继续。`],
  ['t/next-year-named', 'fail', `${REPORT_2025}一、主要举措和成效\n做了。\n二、下一步工作计划\n继续努力。`],
  // No report year: not judged, so it fails (it used to drop out as not-applicable).
  ['t/next-year-named', 'fail', '一、主要举措和成效\n做了。'],
  ['t/no-later-year', 'fail', `${REPORT_2025}2026年开展执法检查30次。`],
  ['t/no-later-year', 'pass', `${REPORT_2025}到2035年基本建成法治政府。2024年开展执法检查30次。`],
  ['t/no-later-year', 'pass', `${REPORT_2025}一、主要举措和成效\n做了。\n二、下一年度安排\n2026年开展检查。`],
  ['t/title-year', 'pass', `${REPORT_2025}正文。`],
  ['t/title-year', 'fail', '白沙乡工作报告\n2025年正文。'],
  ['t/rates', 'pass', '满意率100%，覆盖率98.5%。'],
  ['t/rates', 'fail', '满意率105%。'],
  ['t/counts', 'pass', '受理矛盾纠纷80件，成功调解78件。'],
  ['t/counts', 'fail', '受理矛盾纠纷80件，成功调解85件。'],
  ['t/counts', 'not-applicable', '成功调解85件。'],
  ['t/rate-agrees', 'pass', '受理矛盾纠纷165件，成功调解162件，成功率98%。'],
  ['t/rate-agrees', 'fail', '受理矛盾纠纷165件，成功调解150件，成功率98%。'],
  ['t/rate-agrees', 'not-applicable', '受理矛盾纠纷165件，成功调解162件。'],
  ['t/no-repeats', 'pass', '全年开展法治宣传活动十二场覆盖群众三千人次。\n另一段不同的内容，字数也足够多的一段话。'],
  [
    't/no-repeats',
    'fail',
    '全年开展法治宣传活动十二场覆盖群众三千人次。\n其他。\n全年开展法治宣传活动十二场覆盖群众三千人次。',
  ],
  ['t/concepts', 'pass', '开展法治思想专题学习。'],
  ['t/concepts', 'fail', '下一步，开展法治思想专题学习。'],
  ['t/concepts', 'fail', '开展专题学习。法治思想。'],
  ['t/either', 'pass', '坚持枫桥经验。'],
  ['t/either', 'pass', '成功率95%。'],
  ['t/either', 'fail', '成功率80%。'],
  ['t/has-measures', 'pass', `${REPORT_2025}一、主要举措和成效\n做了。`],
  ['t/has-measures', 'fail', `${REPORT_2025}一、存在的问题\n不足。`],
  ['t/year-known', 'pass', `${REPORT_2025}一、主要举措和成效\n做了。`],
  ['t/year-known', 'fail', '白沙乡工作报告\n一、主要举措和成效\n做了。'],
  ['t/on-time', 'not-applicable', `${REPORT_2025}一、主要举措和成效\n做了。`], // a text file has no 发布日期
];

describe('check types', () => {
  it('every registered check type has a rule in the fixture pack', () => {
    const used = new Set<string>();
    const walk = (c: CheckConfig): void => {
      used.add(c.type);
      if ('checks' in c) c.checks.forEach(walk);
    };
    for (const { rule } of rules.rules) walk(rule.check);
    expect([...CHECK_TYPES.keys()].filter((t) => !used.has(t))).toEqual([]);
  });

  it('a failing part check names the part', async () => {
    expect((await run(`${REPORT_2025}一、存在的问题\n不足。`, 't/has-measures')).message).toBe(
      '缺少“主要举措和成效”部分',
    );
  });

  it.each(TABLE)('%s → %s: %s', async (ruleId, expected, text) => {
    expect((await run(text, ruleId)).status).toBe(expected);
  });

  it('absent quotes every hit and names what it found', async () => {
    const f = await run('XX镇开展普法【填写】次。', 't/absent-residue');
    expect(f.message).toBe('发现模板残留：XX镇、【填写】');
    expect(f.evidence.map((e) => e.quote)).toEqual(['XX镇开展普法【填写】次。']);
  });

  it('raw patterns locate artefacts in original columns', async () => {
    const f = await run('正文[bookmark: _GoBack]（二）', 't/absent-artefact');
    expect(f.evidence[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('ratio explains with the computed rate', async () => {
    const f = await run('受理矛盾纠纷165件，成功调解150件，成功率98%。', 't/rate-agrees');
    expect(f.message).toBe('成功率98%与件数计算的90.9%不符');
    expect(f.evidence).toHaveLength(3);
  });

  it('duplicates point at the repeat and the first line', async () => {
    const f = await run(
      '全年开展法治宣传活动十二场覆盖群众三千人次。\n其他。\n全年开展法治宣传活动十二场覆盖群众三千人次。',
      't/no-repeats',
    );
    expect(f.evidence[0]).toMatchObject({ line: 3, note: '与第1行重复' });
  });

  it('year lists the offending years', async () => {
    const f = await run(`${REPORT_2025}2026年开展执法检查30次。`, 't/no-later-year');
    expect(f.message).toBe('出现晚于报告年度的年份：2026年');
  });
});
