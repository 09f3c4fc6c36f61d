import { describe, expect, it } from 'vitest';
import { anchorFor, docPathFor, renderRule, renderRuleDocs } from '../src/packs/docs.js';
import { DEFAULT_GRADES, type PackRule, type PackSet } from '../src/packs/model.js';

const RULE = {
  id: 'demo/a-rule',
  title: '标题|含竖线',
  area: 'demo',
  clause: '第一条\n第二款',
  basis: 'practice',
  severity: 'info',
  weight: 2,
  check: { type: 'mention', match: { phrases: ['法治'] } },
  message: '未提到法治',
  fix: '写上法治',
  params: {},
  pack: 'p',
  file: 'p.yaml',
} as unknown as PackRule;

describe('rule documentation', () => {
  it('anchors as GitHub makes them, and the page of a rule', () => {
    expect(anchorFor('Demo/A Rule_x')).toBe('demoa-rulex');
    expect(anchorFor('counsel/review-rate')).toBe('counselreview-rate');
    expect(docPathFor(RULE)).toBe('docs/rules/demo.md#demoa-rule');
  });

  it('a rule without area, rationale, params or examples: only what it has', () => {
    const text = renderRule(RULE, undefined);
    expect(text).toContain('| severity 严重程度 | info（提示） |');
    expect(text).toContain('| basis 依据类型 | practice（地方通行做法，非官方指标） |');
    expect(text).toContain('| weight 权重 | 2 |');
    expect(text).toContain('| clause 依据条款 | 第一条 第二款 |');
    expect(text).not.toContain('Why 为什么');
    expect(text).not.toContain('When not reported');
    expect(text).not.toContain('Params 参数');
    expect(text).not.toContain('Passes 通过');
    expect(text).toContain('```yaml\ncheck:\n  type: mention\n  match:\n    phrases:\n      - 法治\n```');
  });

  it('params with and without a range, a when, a missing message, and examples of each kind', () => {
    const rule = {
      ...RULE,
      severity: 'error',
      basis: 'official',
      rationale: '  Why it matters.\n',
      messages: { missing: '未报告' },
      when: { type: 'part', part: 'measures' },
      params: {
        min: { default: 2, unit: '期', minimum: 1, description: '最少|期数' },
        max: { default: 9, maximum: 10 },
        flag: { default: true },
      },
      examples: { pass: ['好的\n\n'], fail: ['不好'], notApplicable: ['无关'] },
    } as unknown as PackRule;
    const text = renderRule(rule, { id: 'demo', title: '演示', weight: 10 } as never);
    expect(text).toContain('| severity 严重程度 | error（错误） |');
    expect(text).toContain('| basis 依据类型 | official（法规或纲要明确要求） |');
    expect(text).toContain('| weight 权重 | 2（领域“演示”，满分 10） |');
    expect(text).toContain('**Why 为什么.** Why it matters.\n');
    expect(text).toContain('**When not reported 未报告时.** 未报告\n');
    expect(text).toContain('(override with `--param demo/a-rule.<name>=<value>`)');
    expect(text).toContain('| `min` | 2期 | 1– | 最少\\|期数 |');
    expect(text).toContain('| `max` | 9 | –10 |  |');
    expect(text).toContain('| `flag` | true |  |  |');
    expect(text).toContain('when:\n  type: part\n  part: measures');
    expect(text).toContain('Passes 通过:\n\n```text\n好的\n```');
    expect(text).toContain('Fails 不通过:\n\n```text\n不好\n```');
    expect(text).toContain('Not applicable 不适用:\n\n```text\n无关\n```');
  });

  it('pages per area with rules, and an index that skips empty areas', () => {
    const set = {
      packs: [],
      rules: [RULE],
      areas: new Map([
        ['demo', { id: 'demo', title: '演示', weight: 10, clause: '纲要|一' }],
        ['empty', { id: 'empty', title: '空', weight: 5 }],
      ]),
      metrics: new Map(),
      grades: DEFAULT_GRADES,
      locators: new Map(),
    } as unknown as PackSet;
    const pages = renderRuleDocs(set);
    expect([...pages.keys()]).toEqual(['demo.md', 'README.md']);
    const index = pages.get('README.md')!;
    expect(index).toContain('| [演示](demo.md) `demo` | 10 | 1 | 纲要\\|一 |');
    expect(index.endsWith('\n1 rules in all · 共 1 条规则。\n')).toBe(true);
    const page = pages.get('demo.md')!;
    expect(page.startsWith('# 演示 `demo`\n\nClause 依据: 纲要|一\n\nWeight 分值: 10 / 100\n')).toBe(true);
    expect(page).toContain('| [demo/a-rule](#demoa-rule) | info | practice | 2 | 标题\\|含竖线 |');
    expect(page.endsWith('```\n')).toBe(true);
  });
});
