import { describe, expect, it } from 'vitest';
import { unknownFix, unknownMessage } from '../src/engine/evaluate.js';
import { compilePack, findingOf, findings, report, rule } from './engine-pack.js';

/**
 * A verdict turned into a finding: which template each status uses when the pack writes one and
 * when it does not, a check's values over a param of the same name, every field of the rule.
 * Each test compiles the pack itself, so how a rule compiles is part of what it pins.
 */

const MENTION = '{ type: mention, match: { label: 听证, phrases: [听证] } }';
const GATE = 'when: { type: mention, match: { phrases: [重大决策] } }';
const NO_YEAR = '白沙乡法治政府建设工作报告';

const rules = () =>
  compilePack([
    rule('t/plain', MENTION, { title: '推行听证', message: '缺少{missing}', fix: '补充{missing}' }),
    rule('t/own', MENTION, {
      title: '推行听证',
      message: '缺少{missing}',
      extra: `${GATE}\nmessages: { pass: "已有{n}", notApplicable: "无决策{n}" }\nparams:\n  n: { default: 听证 }`,
    }),
    rule('t/gated', MENTION, { title: '决策听证', extra: GATE }),
    rule('t/shadow', MENTION, {
      message: '缺少{missing}',
      extra: 'params:\n  missing: { default: 参数值 }',
    }),
    rule('t/year', '{ type: year, relative: [0] }', { title: '年度', fix: '写明年度' }),
  ]);

describe('the message of each status', () => {
  it('pass: the title unless the pack writes a pass message', async () => {
    const all = await findings(rules(), report({ measures: '重大决策推行听证。' }));
    expect(all.get('t/plain')?.message).toBe('推行听证');
    expect(all.get('t/own')?.message).toBe('已有听证');
  });

  it('not applicable: 不适用 and the title unless the pack writes one; no evidence either way', async () => {
    const all = await findings(rules(), report({ measures: '推行听证。' }));
    expect([all.get('t/gated')?.status, all.get('t/gated')?.message]).toEqual(['not-applicable', '不适用：决策听证']);
    expect([all.get('t/own')?.status, all.get('t/own')?.message]).toEqual(['not-applicable', '无决策听证']);
    expect(all.get('t/gated')?.evidence).toEqual([]);
    expect(all.get('t/own')?.evidence).toEqual([]);
  });

  it('fail: the message, with the fix filled from the same values', async () => {
    const f = await findingOf(rules(), report({}), 't/plain');
    expect([f.status, f.message, f.fix]).toEqual(['fail', '缺少听证', '补充听证']);
  });

  it('a check’s value wins over a param of the same name', async () => {
    expect((await findingOf(rules(), report({}), 't/shadow')).message).toBe('缺少听证');
  });
});

describe('every field of a finding', () => {
  it('comes from the rule as written', async () => {
    const f = await findingOf(rules(), report({}), 't/plain');
    expect(f).toStrictEqual({
      ruleId: 't/plain',
      title: '推行听证',
      status: 'fail',
      severity: 'error',
      area: 't',
      weight: 1,
      basis: 'practice',
      message: '缺少听证',
      clause: 'c',
      fix: '补充听证',
      evidence: [],
    });
  });

  it('a rule not judged for want of the year says so in its message and fix, and lists the basic', async () => {
    const f = await findingOf(rules(), report({ title: NO_YEAR }), 't/year');
    expect(f.status).toBe('fail');
    expect(f.message).toBe('无法判断：未能读出报告年度，无法核对“年度”（按未通过计分）');
    expect(f.fix).toBe('在标题和开头写明报告年度（如“××镇2025年法治政府建设年度报告”），使本条可以核对。写明年度');
    expect(f.unknownBasics).toEqual(['year']);
    const judged = await findingOf(rules(), report({}), 't/year');
    expect([judged.status, judged.fix, 'unknownBasics' in judged]).toEqual(['pass', '写明年度', false]);
  });
});

describe('not judged for want of several basics', () => {
  it('names each, in the order given, in the message and in the fix', () => {
    expect(unknownMessage('规则', ['year', 'title'])).toBe(
      '无法判断：未能读出报告年度、报告标题，无法核对“规则”（按未通过计分）',
    );
    expect(unknownFix(['body', 'year'], '改')).toBe(
      '在标题和开头写明报告单位、报告年度（如“××镇2025年法治政府建设年度报告”），使本条可以核对。改',
    );
  });
});
