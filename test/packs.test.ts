import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../src/report/text.js';
import { compileRuleSet, type ParamOverrides } from '../src/engine/compile.js';
import { PackError, UsageError } from '../src/shared/errors.js';
import {
  DEFAULT_PACKS,
  displayFile,
  isTrustedPackFile,
  loadPackFile,
  loadPackSet,
  PackErrors,
} from '../src/packs/load.js';
import { MINIMAL_PACK } from './helpers.js';

/**
 * MINIMAL_PACK (test/helpers.ts). Line numbers matter: the error tests below assert them.
 *
 *  9  demo/hello:         (rule key, col 3; its map starts at 10:5)
 * 13    basis: official   (value at col 12)
 * 14    severity: error   (key at col 5, value at col 15)
 * 15    weight: 1         (value at col 13)
 * 16    check: { … }      (value at col 12)
 * 18    fix: 写上法治
 */
const BASE = MINIMAL_PACK;
const BASE_CHECK = 'check: { type: mention, match: { phrases: [法治] } }';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a pack into the temp dir; returns its absolute path. */
function writePack(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** BASE with each [from, to] replaced once (the replacement must apply). */
function variant(...edits: Array<[string, string]>): string {
  let text = BASE;
  for (const [from, to] of edits) {
    expect(text, `edit target ${JSON.stringify(from)}`).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

function caught(fn: () => unknown): PackError {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected a PackError').toBeInstanceOf(PackError);
  return error as PackError;
}

/** Load (and compile) a pack; return the error's lines as the user sees them. */
function errorLines(file: string): string[] {
  return caught(() => compileRuleSet(loadPackSet([file])))
    .toLine()
    .split('\n');
}

describe('valid packs', () => {
  it('loads the minimal pack and its rule', () => {
    const file = writePack('minimal.yaml', BASE);
    const pack = loadPackFile(file);
    expect(pack.id).toBe('mini');
    expect(pack.file).toBe(displayFile(file));
    expect(pack.rules.map((r) => r.id)).toEqual(['demo/hello']);
    expect(pack.rules[0]).toMatchObject({
      area: 'demo',
      severity: 'error',
      weight: 1,
      basis: 'official',
      pack: 'mini',
      params: {},
    });

    const set = loadPackSet([file]);
    expect(set.rules.map((r) => r.id)).toEqual(['demo/hello']);
    expect([...set.areas.keys()]).toEqual(['demo']);
    const compiled = compileRuleSet(set);
    expect(compiled.rules.map((r) => r.rule.id)).toEqual(['demo/hello']);
  });

  it('loads the built-in packs by default and compiles them', () => {
    const set = loadPackSet();
    // The shared vocabularies come in through the outline pack, which extends them.
    expect(set.packs.map((p) => p.id)).toEqual([
      'annual-report',
      'concepts',
      'outline-2021-2025',
      'numbers',
      'hygiene',
    ]);
    const ids = set.rules.map((r) => r.id);
    for (const id of [
      'structure/first-responsible',
      'enforcement/three-systems',
      'counsel/legal-adviser',
      'mediation/success-rate',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const compiled = compileRuleSet(set);
    expect(compiled.rules).toHaveLength(set.rules.length);
    expect(compiled.rules.find((r) => r.rule.id === 'mediation/success-rate')?.params).toEqual({ min: 95 });
  });

  it('loads built-in packs by id and by path alike', () => {
    const byId = loadPackSet(['annual-report']);
    const byPath = loadPackSet(['rules/annual-report.yaml']);
    expect(byPath.rules.map((r) => r.id)).toEqual(byId.rules.map((r) => r.id));
  });

  // Without the caches (mutation testing) nothing is trusted: the loader validates every pack.
  it.skipIf(process.env.FAZHI_NO_BUILTIN_CACHE)(
    'trusts the built-in packs the build cached, and not the same bytes elsewhere',
    () => {
      for (const id of DEFAULT_PACKS) expect(isTrustedPackFile(`rules/${id}.yaml`), id).toBe(true);
      // The same bytes elsewhere are a user's pack: validated and analysed when loaded.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-trust-'));
      const text = fs.readFileSync('rules/numbers.yaml', 'utf8');
      fs.writeFileSync(path.join(dir, 'numbers.yaml'), text);
      expect(isTrustedPackFile(path.join(dir, 'numbers.yaml'))).toBe(false);
      fs.rmSync(dir, { recursive: true });
    },
  );
});

describe('pack errors: file:line:col message', () => {
  it('YAML syntax error: unclosed [', () => {
    const file = writePack('unclosed.yaml', variant(['phrases: [法治]', 'phrases: [法治']));
    const lines = errorLines(file);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${escape(displayFile(file))}:16:51 YAML syntax error（YAML 语法错误）: \\S`));
    // loadPackFile alone reports the same thing
    expect(caught(() => loadPackFile(file)).toLine()).toBe(lines[0]);
  });

  it('YAML syntax error: bad indentation', () => {
    const file = writePack('indent.yaml', variant(['    weight: 1\n', '   weight: 1\n']));
    expect(errorLines(file)).toEqual([
      `${displayFile(file)}:15:1 YAML syntax error（YAML 语法错误）: All mapping items must start at the same column`,
    ]);
  });

  it('YAML duplicate key is a syntax error', () => {
    const file = writePack('dupkey.yaml', variant(['    weight: 1\n', '    weight: 1\n    weight: 2\n']));
    const lines = errorLines(file);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${escape(displayFile(file))}:16:5 YAML syntax error`));
  });

  it('unknown key inside a rule (a misspelt required key also reports the missing one)', () => {
    const file = writePack('sevrity.yaml', variant(['    severity: error', '    sevrity: error']));
    const shown = displayFile(file);
    const lines = errorLines(file);
    expect(lines).toContain(`${shown}:14:5 rules.demo/hello.sevrity: unknown key（未知字段 "sevrity"）`);
    expect(lines).toContain(`${shown}:10:5 rules.demo/hello: missing required key "severity"（缺少必填字段）`);
    expect(lines).toHaveLength(2);
  });

  it('unknown key alone gives exactly one error', () => {
    const file = writePack('colour.yaml', variant(['    fix: 写上法治\n', '    fix: 写上法治\n    colour: red\n']));
    expect(errorLines(file)).toEqual([
      `${displayFile(file)}:19:5 rules.demo/hello.colour: unknown key（未知字段 "colour"）`,
    ]);
  });

  it('unknown key points at the key itself (column of "sevrity")', () => {
    const file = writePack('sevrity-col.yaml', variant(['    severity: error', '    sevrity: error']));
    expect(errorLines(file)).toContain(
      `${displayFile(file)}:14:5 rules.demo/hello.sevrity: unknown key（未知字段 "sevrity"）`,
    );
  });

  it('wrong type', () => {
    const file = writePack('weight.yaml', variant(['    weight: 1\n', '    weight: heavy\n']));
    expect(errorLines(file)).toEqual([
      `${displayFile(file)}:15:13 rules.demo/hello.weight: must be number（类型错误）`,
    ]);
  });

  it('missing required key', () => {
    const file = writePack('nofix.yaml', variant(['    fix: 写上法治\n', '']));
    expect(errorLines(file)).toEqual([
      `${displayFile(file)}:10:5 rules.demo/hello: missing required key "fix"（缺少必填字段）`,
    ]);
  });

  it('missing top-level key', () => {
    const file = writePack('noversion.yaml', variant(['version: 1.0.0\n', '']));
    expect(errorLines(file)).toEqual([
      `${displayFile(file)}:1:1 (top level): missing required key "version"（缺少必填字段）`,
    ]);
  });

  it('enum violations: severity and basis', () => {
    const sev = writePack('fatal.yaml', variant(['severity: error', 'severity: fatal']));
    expect(errorLines(sev)).toEqual([
      `${displayFile(sev)}:14:15 rules.demo/hello.severity: must be one of: error, warning, info（取值无效）`,
    ]);
    const basis = writePack('law.yaml', variant(['basis: official', 'basis: law']));
    expect(errorLines(basis)).toEqual([
      `${displayFile(basis)}:13:12 rules.demo/hello.basis: must be one of: official, practice（取值无效）`,
    ]);
  });

  it('unknown check type', () => {
    const file = writePack('magic.yaml', variant([BASE_CHECK, 'check: { type: magic }']));
    expect(errorLines(file)).toEqual([
      `${displayFile(file)}:16:12 rules.demo/hello.check: unknown check type "magic" (known: part, mention, concepts, metric, absent, year, percent, ratio, duplicates, deadline, known, all, any)（未知检查类型）`,
    ]);
  });

  it('a regex that does not compile, at the regex node', () => {
    const file = writePack(
      'regex.yaml',
      variant([BASE_CHECK, 'check:\n      type: mention\n      match:\n        regex: "([未闭合"']),
    );
    const lines = errorLines(file);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${escape(displayFile(file))}:19:16 rules\\.demo/hello\\.check\\.match\\.regex: invalid regex（正则表达式无效）: `,
      ),
    );
    // loading alone does not compile regexes; compiling does
    expect(() => loadPackSet([file])).not.toThrow();
  });

  it('a bad "not" regex points at the not node', () => {
    const file = writePack(
      'not.yaml',
      variant([BASE_CHECK, 'check:\n      type: mention\n      match:\n        regex: "法治"\n        not: "(未"']),
    );
    const lines = errorLines(file);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^${escape(displayFile(file))}:20:14 rules\\.demo/hello\\.check\\.match\\.not: invalid regex`),
    );
  });

  it('a metric check naming an unknown metric', () => {
    const file = writePack('metric.yaml', variant([BASE_CHECK, 'check: { type: metric, metric: no.such }']));
    expect(errorLines(file)).toEqual([
      `${displayFile(file)}:16:36 rules.demo/hello.check.metric: unknown metric "no.such"（未定义的指标）`,
    ]);
  });

  it('a {param} reference to an undeclared param', () => {
    const file = writePack(
      'param.yaml',
      variant(
        [BASE_CHECK, 'check: { type: metric, metric: demo.rate, min: { param: nope } }'],
        ['rules:\n', 'metrics:\n  demo.rate:\n    title: 比率\n    units: ["%"]\n    context: "比率"\nrules:\n'],
      ),
    );
    // BASE line 16 moves down by 5 metric lines to 21; `nope` starts at column 61.
    expect(errorLines(file)).toEqual([
      `${displayFile(file)}:21:61 rules.demo/hello.check.min.param: unknown param "nope"（未声明的参数）`,
    ]);
  });

  it('a rule id whose prefix differs from its area', () => {
    const file = writePack(
      'prefix.yaml',
      variant(
        ['    area: demo', '    area: other'],
        ['areas:\n', 'areas:\n  other:\n    title: 其他\n    weight: 5\n'],
      ),
    );
    expect(errorLines(file)).toEqual([
      `${displayFile(file)}:14:11 rules.demo/hello.area: rule id must start with its area "other/"（规则编号应以所属领域开头）`,
    ]);
  });

  it('a rule in an area no pack defines', () => {
    const file = writePack('noarea.yaml', variant(['areas:\n  demo:\n    title: 演示\n    weight: 10\n', '']));
    expect(errorLines(file)).toEqual([
      `${displayFile(file)}:7:11 rules.demo/hello.area: unknown area "demo"（未定义的领域）`,
    ]);
  });

  it('several errors in one pack: all reported, one per line', () => {
    const file = writePack(
      'several.yaml',
      variant(
        ['    severity: error', '    sevrity: error'],
        ['    weight: 1\n', '    weight: heavy\n'],
        ['    fix: 写上法治\n', ''],
        ['basis: official', 'basis: law'],
      ),
    );
    const shown = displayFile(file);
    const err = caught(() => loadPackSet([file]));
    expect(err).toBeInstanceOf(PackErrors);
    const lines = err.toLine().split('\n');
    expect(new Set(lines)).toEqual(
      new Set([
        `${shown}:10:5 rules.demo/hello: missing required key "severity"（缺少必填字段）`,
        `${shown}:10:5 rules.demo/hello: missing required key "fix"（缺少必填字段）`,
        `${shown}:14:5 rules.demo/hello.sevrity: unknown key（未知字段 "sevrity"）`,
        `${shown}:15:13 rules.demo/hello.weight: must be number（类型错误）`,
        `${shown}:13:12 rules.demo/hello.basis: must be one of: official, practice（取值无效）`,
      ]),
    );
    expect((err as PackErrors).errors).toHaveLength(lines.length);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${escape(shown)}:\\d+:\\d+ rules\\.`));
  });

  it('a pack file that does not exist / is a directory', () => {
    const missing = path.join(dir, 'absent.yaml');
    expect(caught(() => loadPackSet([missing])).toLine()).toBe(`${displayFile(missing)}: 规则包文件不存在`);
    expect(caught(() => loadPackSet([dir])).toLine()).toBe(`${displayFile(dir)}: 是目录，不是规则包文件`);
    expect(caught(() => loadPackSet(['no-such-builtin'])).toLine()).toBe('no-such-builtin: 规则包文件不存在');
  });
});

describe('pack sets: extends and merging', () => {
  const OTHER_RULE = (id: string, area: string) => `  ${id}:
    title: 另一条规则
    area: ${area}
    clause: 测试
    basis: practice
    severity: info
    weight: 1
    check: { type: part, part: other }
    message: 无
    fix: 加上
`;

  it('duplicate rule id across two packs', () => {
    const base = writePack('dup-base.yaml', BASE);
    const dup = writePack(
      'dup.yaml',
      `id: dup\nversion: 1.0.0\ntitle: Dup\nrules:\n${OTHER_RULE('demo/hello', 'demo')}`,
    );
    // The second pack's rule map starts at 6:5.
    expect(caught(() => loadPackSet([base, dup])).toLine()).toBe(
      `${displayFile(dup)}:6:5 rules.demo/hello: rule already defined in ${displayFile(base)}（规则编号重复）`,
    );
  });

  it('extends of a missing file names the referencing line and the missing file', () => {
    const file = writePack('extends-missing.yaml', 'id: m\nversion: 1.0.0\ntitle: M\nextends: [./nowhere.yaml]\n');
    expect(caught(() => loadPackSet([file])).toLine()).toBe(
      `${displayFile(file)}:4:11 extends[0]: 规则包文件不存在：${displayFile(path.join(dir, 'nowhere.yaml'))}`,
    );
  });

  it('an extends cycle a → b → a', () => {
    const a = writePack('cycle-a.yaml', 'id: a\nversion: 1.0.0\ntitle: A\nextends: [./cycle-b.yaml]\n');
    const b = writePack('cycle-b.yaml', 'id: b\nversion: 1.0.0\ntitle: B\nextends: [cycle-a.yaml]\n');
    const [sa, sb] = [displayFile(a), displayFile(b)];
    expect(caught(() => loadPackSet([a])).toLine()).toBe(
      `${sa}: extends cycle（规则包循环继承）: ${sa} → ${sb} → ${sa}`,
    );
  });

  it('a pack extending itself is a cycle', () => {
    const self = writePack('self.yaml', 'id: s\nversion: 1.0.0\ntitle: S\nextends: [./self.yaml]\n');
    expect(caught(() => loadPackSet([self])).toLine()).toMatch(/extends cycle/);
  });

  it('extends by relative path: the child merges areas and rules with the parent', () => {
    fs.mkdirSync(path.join(dir, 'parent'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'child'), { recursive: true });
    writePack('parent/base.yaml', BASE);
    const child = writePack(
      'child/child.yaml',
      `id: child
version: 1.0.0
title: Child
extends: [../parent/base.yaml]
areas:
  extra:
    title: 额外
    weight: 5
rules:
${OTHER_RULE('extra/rule', 'extra')}${OTHER_RULE('demo/more', 'demo')}`,
    );
    const set = loadPackSet([child]);
    expect(set.packs.map((p) => p.id)).toEqual(['mini', 'child']); // parents first
    expect([...set.areas.keys()]).toEqual(['demo', 'extra']);
    expect(set.rules.map((r) => r.id)).toEqual(['demo/hello', 'extra/rule', 'demo/more']);
    expect(set.rules.find((r) => r.id === 'demo/more')?.file).toBe(displayFile(child));
    expect(compileRuleSet(set).rules).toHaveLength(3);
    // naming the parent too loads it once, not twice (no duplicate-id error)
    expect(loadPackSet([path.join(dir, 'parent/base.yaml'), child]).rules).toHaveLength(3);
  });

  it('a pack may extend a built-in pack by id', () => {
    const file = writePack(
      'ext-builtin.yaml',
      `id: ext\nversion: 1.0.0\ntitle: Ext\nextends: [annual-report]\nrules:\n${OTHER_RULE('structure/extra', 'structure')}`,
    );
    const ids = loadPackSet([file]).rules.map((r) => r.id);
    expect(ids).toContain('structure/first-responsible');
    expect(ids).toContain('structure/extra');
  });
});

describe('compileRuleSet param overrides', () => {
  const TEXT = '调解成功率96%';
  const set = loadPackSet();
  const status = async (overrides: ParamOverrides): Promise<string | undefined> => {
    const report = await checkText(TEXT, compileRuleSet(set, overrides));
    return report.findings.find((f) => f.ruleId === 'mediation/success-rate')?.status;
  };

  it('the threshold follows the override', async () => {
    expect(await status({})).toBe('pass'); // default 95
    expect(await status({ 'mediation/success-rate': { min: '98' } })).toBe('fail');
    expect(await status({ 'mediation/success-rate': { min: 98 } })).toBe('fail');
    expect(await status({ 'mediation/success-rate': { min: '96' } })).toBe('pass'); // at the bound passes
    // an override does not leak into later compilations
    expect(await status({})).toBe('pass');
  });

  it('the failure message names value and threshold', async () => {
    const report = await checkText(TEXT, compileRuleSet(set, { 'mediation/success-rate': { min: '98' } }));
    expect(report.findings.find((f) => f.ruleId === 'mediation/success-rate')?.message).toBe(
      '矛盾纠纷调解成功率为96%，低于98%',
    );
  });

  const bad: Array<[string, ParamOverrides, string]> = [
    ['unknown rule', { 'nope/rule': { min: '1' } }, '--param nope/rule: 没有这条规则'],
    [
      'unknown param',
      { 'mediation/success-rate': { max: '1' } },
      '--param mediation/success-rate.max: 规则没有该参数（可用：min）',
    ],
    [
      'param on a rule without params',
      { 'structure/other': { x: '1' } },
      '--param structure/other.x: 规则没有该参数（该规则无参数）',
    ],
    ['non-numeric', { 'mediation/success-rate': { min: 'abc' } }, '--param mediation/success-rate.min=abc: 应为数字'],
    [
      'above maximum',
      { 'mediation/success-rate': { min: '101' } },
      '--param mediation/success-rate.min=101: 超出允许范围 0–100',
    ],
    [
      'below minimum',
      { 'mediation/success-rate': { min: '-1' } },
      '--param mediation/success-rate.min=-1: 超出允许范围 0–100',
    ],
  ];
  it.each(bad)('%s → UsageError', (_name, overrides, message) => {
    let error: unknown;
    try {
      compileRuleSet(set, overrides);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).toLine()).toContain(message);
    expect((error as UsageError).toLine()).not.toContain('\n');
  });

  // Number('') is 0: an empty value must not silently set a threshold to 0.
  it('an empty value is not a number', () => {
    expect(() => compileRuleSet(set, { 'mediation/success-rate': { min: '' } })).toThrow(UsageError);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
