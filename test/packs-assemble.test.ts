import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_PACKS, mergePacks, packFromData, prebuiltPackSet, type PackCache } from '../src/packs/assemble.js';
import { BUILTIN_DIR, displayFile, loadPackFile, loadPackSet } from '../src/packs/load.js';
import { DEFAULT_GRADES, displayPath, type Locator } from '../src/packs/model.js';
import { PackError } from '../src/shared/errors.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-assemble-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function caught(fn: () => unknown): PackError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PackError);
    return e as PackError;
  }
  throw new Error('expected a PackError');
}

const lines = (fn: () => unknown): string[] => caught(fn).toLine().split('\n');

/** A parent pack with one rule that has a numeric param (line numbers are asserted below). */
const PARENT = `id: parent
version: 1.0.0
title: 上级规则包
areas:
  demo:
    title: 演示
    weight: 10
rules:
  demo/count:
    title: 会议次数
    area: demo
    clause: 测试条款
    basis: practice
    severity: warning
    weight: 3
    params:
      min: { default: 2, minimum: 0, maximum: 10 }
    check: { type: mention, match: { phrases: [会议] } }
    message: 未提到会议
    fix: 写上会议
  demo/other:
    title: 另一条
    area: demo
    clause: 测试条款
    basis: practice
    severity: info
    weight: 1
    check: { type: mention, match: { phrases: [法治] } }
    message: 未提到法治
    fix: 写上法治
`;

const child = (overrides: string): string =>
  `id: child\nversion: 1.0.0\ntitle: 下级规则包\nextends: [./parent.yaml]\noverrides:\n${overrides}`;

describe('overrides of rules a pack extends', () => {
  beforeAll(() => void write('parent.yaml', PARENT));

  it('change severity, weight and a param default, and switch a rule off', () => {
    const file = write(
      'child-ok.yaml',
      child(
        '  demo/count:\n    severity: error\n    weight: 0\n    params: { min: 5 }\n  demo/other:\n    off: true\n',
      ),
    );
    const set = loadPackSet([file]);
    expect(set.rules.map((r) => r.id)).toEqual(['demo/count']);
    const rule = set.rules[0]!;
    expect(rule.severity).toBe('error');
    expect(rule.weight).toBe(0);
    expect(rule.params.min).toEqual({ default: 5, minimum: 0, maximum: 10 });
    // The parent's rule object is not changed.
    expect(set.packs[0]!.rules[0]!.params.min!.default).toBe(2);
  });

  it('an override that changes nothing keeps severity and weight', () => {
    const file = write('child-same.yaml', child('  demo/count:\n    params: { min: 4 }\n'));
    const rule = loadPackSet([file]).rules.find((r) => r.id === 'demo/count')!;
    expect([rule.severity, rule.weight, rule.params.min!.default]).toEqual(['warning', 3, 4]);
  });

  it('off: false keeps the rule', () => {
    const file = write('child-on.yaml', child('  demo/other:\n    off: false\n'));
    expect(loadPackSet([file]).rules.map((r) => r.id)).toEqual(['demo/count', 'demo/other']);
  });

  it('errors: no such rule, no such param, a value of the wrong type; each at its key', () => {
    const file = write(
      'child-bad.yaml',
      child('  demo/nothing:\n    weight: 1\n  demo/count:\n    params:\n      max: 3\n      min: "五"\n'),
    );
    const shown = displayFile(file);
    expect(lines(() => loadPackSet([file]))).toEqual([
      `${shown}:6:3 overrides.demo/nothing: no such rule in this pack or the packs it extends（没有这条规则）`,
      `${shown}:10:7 overrides.demo/count.params.max: the rule has no such param（规则没有该参数）`,
      `${shown}:11:7 overrides.demo/count.params.min: must be number（类型错误）`,
    ]);
  });
});

describe('checks the schema cannot express', () => {
  const rule = (id: string, area: string, check = '{ type: mention, match: { phrases: [法治] } }') => `  ${id}:
    title: 规则
    area: ${area}
    clause: 测试条款
    basis: official
    severity: error
    weight: 1
    check: ${check}
    message: 未提到
    fix: 写上
`;
  const pack = (body: string) =>
    `id: p\nversion: 1.0.0\ntitle: P\nareas:\n  demo: { title: 演示, weight: 10 }\n${body}`;

  it('a rule id must start with its area and a slash', () => {
    const file = write('prefix.yaml', pack(`rules:\n${rule('demo-x/a', 'demo')}`));
    expect(lines(() => loadPackFile(file))).toEqual([
      `${displayFile(file)}:9:11 rules.demo-x/a.area: rule id must start with its area "demo/"（规则编号应以所属领域开头）`,
    ]);
    expect(loadPackFile(write('prefix-ok.yaml', pack(`rules:\n${rule('demo/a', 'demo')}`))).rules).toHaveLength(1);
  });

  it('a metric min or max naming a param must name a declared one, in check and in when', () => {
    const metricCheck = (field: string) => `{ type: metric, metric: demo.count, ${field}: { param: limit } }`;
    const metrics = 'metrics:\n  demo.count: { title: 次数, units: [次], context: 会议 }\n';
    const file = write(
      'params.yaml',
      pack(
        `${metrics}rules:\n${rule('demo/a', 'demo', metricCheck('min'))}${rule('demo/b', 'demo', metricCheck('max'))}` +
          `${rule('demo/c', 'demo').replace('    message', `    when: ${metricCheck('min')}\n    message`)}`,
      ),
    );
    const shown = displayFile(file);
    expect(lines(() => loadPackFile(file))).toEqual([
      `${shown}:16:62 rules.demo/a.check.min.param: unknown param "limit"（未声明的参数）`,
      `${shown}:26:62 rules.demo/b.check.max.param: unknown param "limit"（未声明的参数）`,
      `${shown}:37:61 rules.demo/c.when.min.param: unknown param "limit"（未声明的参数）`,
    ]);
    const declared = rule('demo/a', 'demo', metricCheck('min')).replace(
      '    check',
      '    params: { limit: { default: 3 } }\n    check',
    );
    expect(loadPackFile(write('params-ok.yaml', pack(`${metrics}rules:\n${declared}`))).rules[0]!.params).toEqual({
      limit: { default: 3 },
    });
  });

  it('a metric needs context or after; either alone is enough', () => {
    const file = write(
      'metric.yaml',
      pack(
        'metrics:\n  demo.none: { title: 无, units: [次] }\n  demo.after: { title: 后, units: [次], after: 会议 }\n  demo.before: { title: 前, units: [次], context: 会议 }\n',
      ),
    );
    expect(lines(() => loadPackFile(file))).toEqual([
      `${displayFile(file)}:7:14 metrics.demo.none: a metric needs context or after（指标需写明 context 或 after）`,
    ]);
  });

  it('grades from the highest min down, strictly', () => {
    const grades = (mins: number[]) =>
      pack(`grades:\n${mins.map((m, i) => `  - { name: 档${i}, min: ${m} }\n`).join('')}`);
    expect(loadPackFile(write('grades-ok.yaml', grades([80, 60, 0]))).grades?.map((g) => g.min)).toEqual([80, 60, 0]);
    for (const [name, mins] of [
      ['grades-equal.yaml', [80, 80, 0]],
      ['grades-up.yaml', [60, 80]],
      ['grades-late.yaml', [90, 50, 70]],
    ] as const) {
      const file = write(name, grades([...mins]));
      expect(
        lines(() => loadPackFile(file)),
        name,
      ).toEqual([
        `${displayFile(file)}:7:3 grades: grades must be listed from the highest min down（分档应从高到低排列）`,
      ]);
    }
  });
});

describe('packFromData and mergePacks (pure)', () => {
  const calls: Array<[Array<string | number>, string | undefined]> = [];
  const locate: Locator = (segments, at) => {
    calls.push([[...segments], at]);
    return { line: segments.length, column: at === 'key' ? 1 : 2 };
  };
  const RULE = {
    title: '规则',
    area: 'demo',
    clause: '条款',
    basis: 'official',
    severity: 'error',
    weight: 1,
    check: { type: 'mention', match: { phrases: ['法治'] } },
    message: '未提到',
    fix: '写上',
  };

  it('fills the defaults and names each rule’s pack and file', () => {
    const pack = packFromData(
      { id: 'p', version: '1', title: 'P', areas: { demo: { title: '演示', weight: 5 } }, rules: { 'demo/a': RULE } },
      'p.yaml',
      locate,
    );
    expect(pack.extends).toEqual([]);
    expect(pack.overrides).toEqual({});
    expect(pack.metrics).toEqual([]);
    expect('description' in pack).toBe(false);
    expect('grades' in pack).toBe(false);
    expect(pack.areas).toEqual([{ id: 'demo', title: '演示', weight: 5 }]);
    expect(pack.rules[0]).toMatchObject({ id: 'demo/a', pack: 'p', file: 'p.yaml', params: {} });
    const described = packFromData(
      {
        id: 'q',
        version: '1',
        title: 'Q',
        description: '说明',
        metrics: { 'a.b': { title: 'x', units: ['次'], after: '次' } },
      },
      'q.yaml',
      locate,
    );
    expect(described.description).toBe('说明');
    expect(described.metrics).toEqual([{ id: 'a.b', title: 'x', units: ['次'], after: '次', file: 'q.yaml' }]);
  });

  it('a later pack re-weights an area, replaces a metric and sets the grades; default grades otherwise', () => {
    const first = packFromData(
      {
        id: 'a',
        version: '1',
        title: 'A',
        areas: { demo: { title: '演示', weight: 5 } },
        metrics: { 'm.x': { title: '一', units: ['次'], context: '甲' } },
        rules: { 'demo/a': RULE },
      },
      'a.yaml',
      locate,
    );
    expect(mergePacks([first]).grades).toBe(DEFAULT_GRADES);
    const second = packFromData(
      {
        id: 'b',
        version: '1',
        title: 'B',
        grades: [{ name: '好', min: 50 }],
        areas: { demo: { title: '演示', weight: 20 } },
        metrics: { 'm.x': { title: '二', units: ['次'], context: '乙' } },
      },
      'b.yaml',
      locate,
    );
    const set = mergePacks([first, second]);
    expect(set.areas.get('demo')?.weight).toBe(20);
    expect(set.metrics.get('m.x')?.title).toBe('二');
    expect(set.grades).toEqual([{ name: '好', min: 50 }]);
    expect([...set.locators.keys()]).toEqual(['a.yaml', 'b.yaml']);
    expect(set.packs).toEqual([first, second]);
  });

  it('a rule in an area no pack defines: located through its own file’s locator', () => {
    calls.length = 0;
    const pack = packFromData({ id: 'a', version: '1', title: 'A', rules: { 'demo/a': RULE } }, 'a.yaml', locate);
    const error = caught(() => mergePacks([pack]));
    expect(error.toLine()).toBe('a.yaml:3:2 rules.demo/a.area: unknown area "demo"（未定义的领域）');
    expect(calls).toEqual([[['rules', 'demo/a', 'area'], undefined]]);
  });

  it('a duplicate rule id keeps the first and reports the second at its rule', () => {
    const a = packFromData(
      { id: 'a', version: '1', title: 'A', areas: { demo: { title: '演示', weight: 5 } }, rules: { 'demo/a': RULE } },
      'a.yaml',
      locate,
    );
    const b = packFromData(
      { id: 'b', version: '1', title: 'B', rules: { 'demo/a': { ...RULE, title: '第二条' } } },
      'b.yaml',
      locate,
    );
    expect(caught(() => mergePacks([a, b])).toLine()).toBe(
      'b.yaml:2:2 rules.demo/a: rule already defined in a.yaml（规则编号重复）',
    );
  });
});

describe('prebuiltPackSet: built-in packs from pre-built data', () => {
  const data = (id: string, extra: Record<string, unknown> = {}) => ({
    data: { id, version: '1', title: id, ...extra },
  });

  it('parents before children, each once, by id', () => {
    const cache: PackCache = {
      'base.yaml': data('base', { areas: { demo: { title: '演示', weight: 5 } } }),
      'left.yaml': data('left', { extends: ['base'] }),
      'right.yaml': data('right', { extends: ['base'] }),
      'top.yaml': data('top', { extends: ['left', 'right'] }),
    };
    expect(prebuiltPackSet(cache, ['top']).packs.map((p) => p.id)).toEqual(['base', 'left', 'right', 'top']);
    expect(prebuiltPackSet(cache, ['right', 'left']).packs.map((p) => p.file)).toEqual([
      'base.yaml',
      'right.yaml',
      'left.yaml',
    ]);
  });

  it('a cycle and an unknown id are pack errors naming the file', () => {
    const cache: PackCache = { 'a.yaml': data('a', { extends: ['b'] }), 'b.yaml': data('b', { extends: ['a'] }) };
    expect(caught(() => prebuiltPackSet(cache, ['a'])).toLine()).toBe(
      'a.yaml: extends cycle（规则包循环继承）: a → b → a',
    );
    expect(caught(() => prebuiltPackSet({}, ['nope'])).toLine()).toBe('nope.yaml: 没有这个内置规则包：nope');
  });

  it('the default refs are the four built-in packs, as the loader reads them from rules/', () => {
    expect(DEFAULT_PACKS).toEqual(['annual-report', 'outline-2021-2025', 'numbers', 'hygiene']);
    const cache: PackCache = {};
    // The outline pack extends the shared vocabularies (concepts.yaml), which the cache holds too.
    for (const id of [...DEFAULT_PACKS, 'concepts']) {
      cache[`${id}.yaml`] = { data: parseYaml(fs.readFileSync(path.join(BUILTIN_DIR, `${id}.yaml`), 'utf8')) };
    }
    const fromCache = prebuiltPackSet(cache);
    const fromFiles = loadPackSet();
    expect(fromCache.rules.map((r) => r.id)).toEqual(fromFiles.rules.map((r) => r.id));
    // No positions from pre-built data.
    expect(fromCache.packs[0]!.locate(['rules'])).toBeNull();
  });
});

describe('displayPath', () => {
  it('dots between keys, brackets for indices', () => {
    expect(displayPath(['rules', 'demo/a', 'check', 'match', 'allOf', 0, 'regex'])).toBe(
      'rules.demo/a.check.match.allOf[0].regex',
    );
    expect(displayPath([0, 'a'])).toBe('[0].a');
    expect(displayPath([])).toBe('');
  });
});
