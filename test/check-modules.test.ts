import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILTIN_CHECK_TYPES, CHECK_TYPES, type CheckConfig } from '../src/engine/checks/index.js';
import { checkTypeTable, schemaText, withGeneratedDefinitions } from '../src/engine/checks/pack-schema.js';
import { defineCheckType, type CheckType } from '../src/engine/checks/types.js';
import { termSchema, type Term } from '../src/engine/checks/schema.js';
import { compileRuleSet } from '../src/engine/compile.js';
import { loadPackSet, newAjv } from '../src/packs/load.js';
import type { PackRule } from '../src/packs/model.js';
import { checkText } from '../src/report/text.js';
import { PackError } from '../src/shared/errors.js';
import { toyCheck } from './fixtures/toy-check.js';
import { ROOT, runCli } from './helpers.js';

const SCHEMA_FILE = path.join(ROOT, 'rules/pack.schema.json');
const committed = readFileSync(SCHEMA_FILE, 'utf8');
const strictAjv = () => newAjv({ allErrors: true, strict: true, allowUnionTypes: true, discriminator: true });

describe('generated from the check type modules', () => {
  it('rules/pack.schema.json is what npm run schema writes (run it after changing a check type)', () => {
    expect(schemaText(withGeneratedDefinitions(JSON.parse(committed)))).toBe(committed);
  });

  it("the README's check-type table is what npm run schema writes", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = /<!-- check-types:start[^>]*-->\n([\s\S]*?)\n<!-- check-types:end -->/.exec(readme)?.[1];
    expect(table).toBe(checkTypeTable());
  });

  it('the schema lists every registered check type, in order, and each branch is strict', () => {
    const check = (JSON.parse(committed) as { definitions: { check: { oneOf: Array<Record<string, unknown>> } } })
      .definitions.check;
    expect(check.oneOf.map((b) => (b.properties as { type: { const: string } }).type.const)).toEqual(
      BUILTIN_CHECK_TYPES.map((t) => t.type),
    );
    for (const b of check.oneOf) expect(b.additionalProperties).toBe(false);
    expect([...CHECK_TYPES.keys()]).toEqual(BUILTIN_CHECK_TYPES.map((t) => t.type));
  });

  it('the config types come from the options schemas', () => {
    const ok: CheckConfig[] = [
      { type: 'part', part: 'measures' },
      { type: 'metric', metric: 'm.x', min: { param: 'min' }, missing: 'pass' },
      { type: 'all', checks: [{ type: 'deadline', month: 4, day: 1 }] },
    ];
    // @ts-expect-error not a part id
    ok.push({ type: 'part', part: 'preface' });
    // @ts-expect-error ratio needs its denominator
    ok.push({ type: 'ratio', numerator: 'a' });
    // @ts-expect-error an option no check type has
    ok.push({ type: 'percent', maximum: 100 });
    expect(ok).toHaveLength(6);
    // Term is written out (it is recursive): it names exactly the keys of termSchema.
    type SchemaKeys = keyof (typeof termSchema)['properties'];
    const agree: [keyof Term] extends [SchemaKeys] ? ([SchemaKeys] extends [keyof Term] ? true : false) : false = true;
    expect(agree).toBe(true);
  });

  it('the values a check type declares are the values its explain() gives, over the sample reports', async () => {
    const ruleSet = compileRuleSet(loadPackSet());
    const given = new Map<string, Set<string>>();
    for (const compiled of ruleSet.rules) {
      const explain = compiled.check.explain.bind(compiled.check);
      const keys = given.get(compiled.rule.id) ?? new Set<string>();
      given.set(compiled.rule.id, keys);
      compiled.check.explain = (facts, passed, verdicts) => {
        const outcome = explain(facts, passed, verdicts);
        for (const k of Object.keys(outcome.vars)) keys.add(k);
        return outcome;
      };
    }
    for (const name of readdirSync(path.join(ROOT, 'reports'))
      .filter((f) => f.endsWith('.txt'))
      .sort())
      await checkText(readFileSync(path.join(ROOT, 'reports', name), 'utf8'), ruleSet, name);
    const declared = (c: CheckConfig): string[] => [
      ...(CHECK_TYPES.get(c.type) as CheckType).vars,
      ...('checks' in c ? c.checks.flatMap(declared) : []),
    ];
    const undeclared = ruleSet.rules.flatMap(({ rule }) =>
      [...(given.get(rule.id) as Set<string>)]
        .filter((k) => !declared(rule.check).includes(k))
        .map((k) => `${rule.id}: ${k}`),
    );
    expect(undeclared).toEqual([]);
    expect([...given.values()].some((keys) => keys.size > 0)).toBe(true);
  });
});

describe('a {placeholder} the check does not provide is a pack error where it is written', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-placeholders-'));
  const pack = (rule: string): string => {
    const file = path.join(dir, `p${Math.random().toString(36).slice(2)}.yaml`);
    const head = 'id: p\nversion: 1.0.0\ntitle: t\nareas:\n  t: { title: 测试, weight: 100 }\nmetrics:\n';
    const metric = '  t.rate: { title: 成功率, units: ["%"], context: "成功率" }\nrules:\n';
    writeFileSync(file, head + metric + rule);
    return file;
  };
  const RULE = (check: string, texts: string) =>
    `  t/r:\n    title: r\n    area: t\n    clause: c\n    basis: practice\n    severity: error\n    weight: 1\n` +
    `    check: ${check}\n${texts}`;
  const compileError = (file: string): string => {
    try {
      compileRuleSet(loadPackSet([file]));
    } catch (e) {
      expect(e).toBeInstanceOf(PackError);
      return (e as PackError).toLine().replace(file, 'FILE');
    }
    return 'compiled';
  };
  const METRIC = '{ type: metric, metric: t.rate, min: 95 }';

  // [what, check, message lines, the error (or "compiled")]
  const TABLE: Array<[string, string, string, string]> = [
    ['values the check provides', METRIC, '    message: "为{value}{unit}，低于{min}"\n    fix: f\n', 'compiled'],
    [
      'plain scalar',
      METRIC,
      '    message: 成功率为{valu}%\n    fix: f\n',
      'FILE:17:18 rules.t/r.message: unknown placeholder {valu}（消息占位符未定义：metric 检查与参数提供 {min}、{max}、{value}、{unit}、{derivation}）',
    ],
    [
      'double-quoted, second placeholder',
      METRIC,
      '    message: "为{value}，低于{limit}"\n    fix: f\n',
      'FILE:17:26 rules.t/r.message: unknown placeholder {limit}（消息占位符未定义：metric 检查与参数提供 {min}、{max}、{value}、{unit}、{derivation}）',
    ],
    [
      'block scalar in messages.missing',
      METRIC,
      '    message: m\n    messages:\n      missing: |\n        未报告\n        {rate}\n    fix: f\n',
      'FILE:21:9 rules.t/r.messages.missing: unknown placeholder {rate}（消息占位符未定义：metric 检查与参数提供 ' +
        '{min}、{max}、{value}、{unit}、{derivation}）',
    ],
    [
      'in fix',
      '{ type: percent, max: 100 }',
      '    message: "{value}"\n    fix: 改为{max}以内，不要写{val}\n',
      'FILE:18:23 rules.t/r.fix: unknown placeholder {val}（消息占位符未定义：percent 检查与参数提供 {min}、{max}、{value}）',
    ],
    [
      'not applicable: the check never ran, params alone',
      '{ type: metric, metric: t.rate, min: { param: floor } }',
      '    params:\n      floor: { default: 95 }\n    message: m\n    messages: { notApplicable: ' +
        '"{floor}{value}" }\n    fix: f\n',
      'FILE:20:40 rules.t/r.messages.notApplicable: unknown placeholder {value}（消息占位符未定义：不适用时仅参数提供 {floor}）',
    ],
    [
      'a param is a value too',
      '{ type: metric, metric: t.rate, min: { param: floor } }',
      '    params:\n      floor: { default: 95 }\n    message: "低于{floor}"\n    fix: f\n',
      'compiled',
    ],
    [
      'all / any: the values of their checks',
      '{ type: any, checks: [{ type: part, part: measures }, { type: percent, max: 100 }] }',
      '    message: "{part}{value}"\n    fix: f\n',
      'compiled',
    ],
    [
      'all / any provide nothing else',
      '{ type: all, checks: [{ type: part, part: measures }] }',
      '    message: "{part}{found}"\n    fix: f\n',
      'FILE:17:21 rules.t/r.message: unknown placeholder {found}（消息占位符未定义：all 检查与参数提供 {part}）',
    ],
  ];
  it.each(TABLE)('%s', (_what, check, texts, expected) => {
    expect(compileError(pack(RULE(check, texts)))).toBe(expected);
  });

  it('a built-in rule with a misspelt placeholder, through the CLI: exit 2, file:line:col', () => {
    const builtin = readFileSync(path.join(ROOT, 'rules/outline-2021-2025.yaml'), 'utf8');
    const misspelt = builtin.replace('message: 矛盾纠纷调解成功率为{value}%', 'message: 矛盾纠纷调解成功率为{vlaue}%');
    expect(misspelt).not.toBe(builtin);
    const file = path.join(dir, 'outline-2021-2025.yaml');
    writeFileSync(file, misspelt);
    const line = misspelt.split('\n').findIndex((l) => l.includes('{vlaue}')) + 1;
    const column = (misspelt.split('\n')[line - 1] as string).indexOf('{vlaue}') + 1;
    const r = runCli(['check', '--pack', file, 'reports/taojia-2025.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`outline-2021-2025.yaml:${line}:${column} rules.mediation/success-rate.message:`);
    expect(r.stderr).toContain('unknown placeholder {vlaue}');
  });
});

describe('a toy check type: its module and one fixture rule', () => {
  afterEach(() => void CHECK_TYPES.delete('toy'));
  const fixture = readFileSync(path.join(ROOT, 'test/fixtures/toy-check.yaml'), 'utf8');
  const types = [...BUILTIN_CHECK_TYPES, toyCheck] as readonly CheckType[];

  it('the generated schema takes its rule, strictly; the committed one does not know it', () => {
    const data = parse(fixture) as { rules: Record<string, { check: Record<string, unknown> }> };
    const withToy = strictAjv().compile(withGeneratedDefinitions(JSON.parse(committed), types));
    expect(withToy(data)).toBe(true);
    (data.rules['t/toy'] as { check: Record<string, unknown> }).check.line = 3;
    expect(withToy(data)).toBe(false);
    expect(withToy.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true);
    expect(strictAjv().compile(JSON.parse(committed))(parse(fixture))).toBe(false);
    expect(checkTypeTable(types)).toContain('| `toy` | the report has at least `lines` lines | `{lineCount}` |');
  });

  it('registered, its rule compiles and decides, with its values in the message', async () => {
    CHECK_TYPES.set('toy', toyCheck as CheckType);
    const base = loadPackSet([path.join(ROOT, 'test/fixtures/check-types.yaml')]);
    const raw = (parse(fixture) as { rules: Record<string, Omit<PackRule, 'id' | 'pack' | 'file'>> }).rules['t/toy'];
    const rule = { ...raw, id: 't/toy', pack: 'toy', file: 'test/fixtures/toy-check.yaml' } as PackRule;
    const rules = compileRuleSet({ ...base, rules: [rule] });
    const short = await checkText('一行。\n两行。', rules);
    expect(short.findings.map((f) => [f.status, f.message])).toEqual([['fail', '只有 2 行（至少 3 行）']]);
    const long = await checkText('一\n二\n三\n四', rules, 'x.txt');
    expect(long.findings[0]?.status).toBe('pass');
    const bad = { ...rule, message: '{lines}{count}' };
    expect(() => compileRuleSet({ ...base, rules: [bad] })).toThrow(
      /unknown placeholder \{count\}.*toy 检查与参数提供 \{lines\}、\{lineCount\}/,
    );
  });

  it('explain() reads the value its fact computed: one search per report, pass or fail', async () => {
    let searches = 0;
    const counting = defineCheckType({
      type: 'toy',
      description: 'd',
      summary: 's',
      options: { properties: {} },
      vars: ['found'],
      compile(_config, ctx) {
        const fact = ctx.addFact(
          `counting:${ctx.rule.id}`,
          (facts) => (searches++, facts.document.lines.filter((l) => l.original.includes('模板'))),
          (found) => found.length,
        );
        return {
          conditions: { fact: fact.id, operator: 'atMost', value: 0 },
          explain: (facts) => ({ evidence: [], vars: { found: fact.read(facts).length } }),
        };
      },
    });
    CHECK_TYPES.set('toy', counting as CheckType);
    const base = loadPackSet([path.join(ROOT, 'test/fixtures/check-types.yaml')]);
    const rule = {
      ...base.rules[0],
      id: 't/counting',
      check: { type: 'toy' },
      message: '{found}处',
    } as unknown as PackRule;
    const rules = compileRuleSet({ ...base, rules: [rule] });
    const failed = await checkText('模板一\n模板二', rules);
    expect(failed.findings[0]?.message).toBe('2处');
    expect(searches).toBe(1);
  });
});
