import { describe, expect, it } from 'vitest';
import { checkText } from '../src/report/text.js';
import { EXAMPLE_KINDS } from '../src/cli/rules.js';
import { builtinRules, statusOf } from './helpers.js';

const rules = builtinRules();

async function verdict(ruleId: string, text: string, set = rules): Promise<string | undefined> {
  return statusOf(await checkText(text, set), ruleId);
}

describe('every rule’s own examples behave as the pack says', () => {
  const cases = rules.rules.flatMap(({ rule }) =>
    EXAMPLE_KINDS.flatMap(([key, expected]) =>
      (rule.examples?.[key] ?? []).map((text, i) => ({ id: rule.id, key, expected, i, text })),
    ),
  );
  it('every rule has at least one passing and one failing example', () => {
    for (const { rule } of rules.rules) {
      expect(rule.examples?.pass?.length ?? 0, rule.id).toBeGreaterThan(0);
      expect(rule.examples?.fail?.length ?? 0, rule.id).toBeGreaterThan(0);
    }
  });
  it.each(cases)('$id examples.$key[$i]', async ({ id, expected, text }) => {
    expect(await verdict(id, text)).toBe(expected);
  });
});

const FR = 'structure/first-responsible';
const TS = 'enforcement/three-systems';
const LA = 'counsel/legal-adviser';
const MR = 'mediation/success-rate';

// [rule, expected, text, why]
const TABLE: Array<[string, 'pass' | 'fail' | 'not-applicable', string, string]> = [
  // structure/first-responsible
  [FR, 'pass', '一、法治建设第一责任人履职情况\n镇长主持专题会议。', 'a top-level part'],
  [
    FR,
    'pass',
    '一、主要举措和成效\n(一)党政主要负责人履行推进法治建设第一责任人职责\n书记带头学法。',
    'a sub-section with its own heading, half-width brackets',
  ],
  [
    FR,
    'pass',
    '二、加强法治政府建设，推动党政主要负责人履行推进法治建设第一责任人职责，镇党委书记主持会议。',
    'a run-in heading',
  ],
  [
    FR,
    'fail',
    '一、主要举措和成效\n镇党政主要负责人切实履行推进法治建设第一责任人职责。',
    'a passing mention in the body',
  ],
  [
    FR,
    'fail',
    '一、主要举措和成效\n（一）依法行政\n一是党政主要负责人履行第一责任人职责不到位问题得到整改。',
    'a run-in point (一是…) is a paragraph, not a sub-section',
  ],
  // enforcement/three-systems
  [TS, 'pass', '全面落实行政执法“三项制度”。', 'stated as carried out'],
  [TS, 'pass', '落实行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。', 'all three named'],
  [TS, 'pass', '严格执行行政执法"三项制度"。', 'ASCII quotes'],
  [TS, 'pass', '推行执法全过程记录，执法信息及时公示。', 'two of the three named'],
  [TS, 'pass', '执法人员佩戴执法记录仪，重大执法决定均经法制审核。', 'recording and review, in other words'],
  [TS, 'fail', '推行执法全过程记录，执法人员持证上岗。', 'one of the three'],
  [TS, 'fail', '行政执法“三项制度”落实不到位。', 'negated'],
  [
    TS,
    'fail',
    '一、主要举措和成效\n开展执法检查。\n二、存在的不足和原因\n未严格落实行政执法“三项制度”，法制审核不规范。',
    'only in shortcomings',
  ],
  [
    TS,
    'fail',
    '一、主要举措和成效\n开展执法检查。\n二、2026年工作安排\n全面落实行政执法“三项制度”。',
    'only in the plan',
  ],
  // counsel/legal-adviser
  [LA, 'pass', '聘请律师担任法律顾问，全年审查合同20件。', 'in place and used'],
  [LA, 'pass', '公职律师参与重大决策论证3次。', 'public lawyer'],
  [LA, 'pass', '法律顾问出具法律意见15份。', 'opinions'],
  [LA, 'fail', '法律顾问作用发挥不充分。', 'negated use'],
  [LA, 'fail', '未聘请法律顾问。', 'negated appointment'],
  [LA, 'fail', '一、主要举措和成效\n开展普法。\n二、下一步工作计划\n聘请法律顾问，参与合同审查。', 'plan only'],
  // mediation/success-rate
  [MR, 'pass', '调解成功率达98%。', 'stated rate'],
  [MR, 'pass', '调解成功率为百分之九十六。', 'Chinese percent'],
  [MR, 'pass', '化解率１００％。', 'full-width digits'],
  [MR, 'pass', '排查矛盾纠纷1,200件，成功调解1,150件。', 'derived 95.8% with thousands separators'],
  [MR, 'fail', '排查矛盾纠纷200件，成功调解180件。', 'derived 90%'],
  [MR, 'fail', '调解率94.5%。', 'just under 95'],
  [MR, 'pass', '调解率95%。', 'at the threshold'],
  [MR, 'fail', '全年调解矛盾纠纷125件。', 'count without outcome'],
  [MR, 'fail', '一、主要举措和成效\n开展调解。\n二、下一年度主要安排\n调解成功率达到99%。', 'target only'],
];

describe('per-rule pass/fail table', () => {
  it.each(TABLE)('%s → %s: %s (%s)', async (ruleId, expected, text) => {
    expect(await verdict(ruleId, text)).toBe(expected);
  });
});

describe('params change thresholds for one run', () => {
  it('mediation/success-rate min=98 fails a 96% rate that passes by default', async () => {
    const text = '调解成功率96%。';
    expect(await verdict(MR, text)).toBe('pass');
    expect(await verdict(MR, text, builtinRules({ [MR]: { min: 98 } }))).toBe('fail');
  });

  it('the message names the value and the threshold in effect', async () => {
    const r = await checkText('调解成功率96%。', builtinRules({ [MR]: { min: '98' } }));
    expect(r.findings.find((f) => f.ruleId === MR)?.message).toBe('矛盾纠纷调解成功率为96%，低于98%');
  });
});

describe('the default packs as a whole', () => {
  const set = rules.packs;

  it('hold at least 50 rules', () => {
    expect(set.rules.length).toBeGreaterThanOrEqual(50);
  });

  it('give areas weights that sum to 100', () => {
    const sum = [...set.areas.values()].reduce((s, a) => s + a.weight, 0);
    expect(sum).toBe(100);
  });

  it('give every area at least one rule', () => {
    for (const area of set.areas.values())
      expect(
        set.rules.some((r) => r.area === area.id),
        area.id,
      ).toBe(true);
  });

  it('give every rule a rationale, a clause and a fix', () => {
    for (const r of set.rules) {
      expect(r.rationale?.trim().length ?? 0, r.id).toBeGreaterThan(20);
      expect(r.clause.length, r.id).toBeGreaterThan(3);
      expect(r.fix.length, r.id).toBeGreaterThan(5);
    }
  });

  it('make every outline rule cite its outline part', () => {
    for (const r of set.rules.filter((x) => x.pack === 'outline-2021-2025')) {
      expect(r.clause, r.id).toMatch(/纲要\s*[一二三四五六七八九十]+、/);
    }
  });

  it('declare a param for every threshold a check reads', () => {
    const refs = (value: unknown): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => (k === 'param' && typeof v === 'string' ? [v] : refs(v)))
        : [];
    for (const r of set.rules)
      for (const name of refs([r.check, r.when])) expect(r.params, `${r.id} ${name}`).toHaveProperty(name);
  });
});
