import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_DIR, loadPackFile, loadPackSet } from '../src/packs/load.js';
import { displayFile, lazyLocator, readValidatedYaml, schemaErrors } from '../src/packs/yaml-file.js';
import { PackError } from '../src/shared/errors.js';
import { MINIMAL_PACK } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-load-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
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

const noErrors = () => [];

describe('readValidatedYaml: the messages and codes of a file that cannot be read', () => {
  it('a pack and a config name themselves and carry their own codes', () => {
    const missing = path.join(dir, 'absent.yaml');
    const pack = caught(() => readValidatedYaml(missing, '规则包', noErrors));
    expect([pack.message, pack.code, pack.file, pack.position]).toEqual([
      '规则包文件不存在',
      'pack-not-found',
      displayFile(missing),
      null,
    ]);
    const config = caught(() => readValidatedYaml(missing, '配置文件', noErrors));
    expect([config.message, config.code]).toEqual(['配置文件文件不存在', 'config-not-found']);
    const folder = caught(() => readValidatedYaml(dir, '配置文件', noErrors));
    expect([folder.message, folder.code]).toEqual(['是目录，不是配置文件文件', 'config-not-found']);
    const bad = write('bad-config.yaml', 'a: [1\n');
    expect(caught(() => readValidatedYaml(bad, '配置文件', noErrors)).code).toBe('config-invalid');
    expect(caught(() => readValidatedYaml(bad, '规则包', noErrors)).code).toBe('pack-invalid');
  });

  it('a path through a file is unreadable, not missing', () => {
    const file = write('plain.yaml', 'a: 1\n');
    const error = caught(() => readValidatedYaml(path.join(file, 'inner.yaml'), '规则包', noErrors));
    expect(error.message).toBe('无法读取规则包：ENOTDIR');
    expect(error.code).toBe('pack-invalid');
  });

  it('an alias to an anchor that does not exist: a YAML error at 1:1', () => {
    const file = write('alias.yaml', 'a: 1\nb: *nowhere\n');
    const error = caught(() => readValidatedYaml(file, '规则包', noErrors));
    expect(error.toLine()).toBe(
      `${displayFile(file)}:1:1 YAML error（YAML 错误）: Unresolved alias (the anchor must be set before the alias): nowhere`,
    );
  });

  it('a syntax error reports the first line of the parser message, at its position', () => {
    const file = write('syntax.yaml', 'a: 1\nb: [1, 2\n');
    const error = caught(() => readValidatedYaml(file, '规则包', noErrors));
    expect(error.position?.line).toBeGreaterThanOrEqual(2);
    expect(error.message).toMatch(/^YAML syntax error（YAML 语法错误）: [^\n]+$/);
  });

  it('valid data comes back with a locator and the shown name', () => {
    const file = write('ok.yaml', 'a:\n  b: [x, "y 法治 z"]\n');
    const seen: unknown[] = [];
    const result = readValidatedYaml(file, '规则包', (data) => {
      seen.push(data);
      return [];
    });
    expect(seen).toEqual([{ a: { b: ['x', 'y 法治 z'] } }]);
    expect(result.data).toEqual({ a: { b: ['x', 'y 法治 z'] } });
    expect(result.shown).toBe(displayFile(file));
    expect(result.locate(['a', 'b', 1])).toEqual({ line: 2, column: 10 });
    expect(result.locate(['a', 'b', 1], 'value', '法治')).toEqual({ line: 2, column: 13 });
    expect(result.locate(['a', 'b'], 'key')).toEqual({ line: 2, column: 3 });
    expect(result.locate(['a', 'nothing'])).toBeNull();
    expect(result.locate(['a', 'b', 'x'])).toBeNull();
  });
});

describe('schema errors in a pack: every keyword its own message', () => {
  const variant = (from: string, to: string): string => {
    expect(MINIMAL_PACK).toContain(from);
    return MINIMAL_PACK.replace(from, to);
  };
  const lines = (file: string) =>
    caught(() => loadPackFile(file))
      .toLine()
      .split('\n');

  it('a check without a type', () => {
    const file = write(
      'notype.yaml',
      variant('{ type: mention, match: { phrases: [法治] } }', '{ match: { phrases: [法治] } }'),
    );
    expect(lines(file)).toEqual([
      `${displayFile(file)}:16:12 rules.demo/hello.check: missing required key "type"（缺少必填字段）`,
      `${displayFile(file)}:16:12 rules.demo/hello.check: check needs a "type"（缺少检查类型）`,
    ]);
  });

  it('an ill-formed rule id points at the key', () => {
    const file = write('badid.yaml', variant('  demo/hello:', '  demo/Hello:'));
    expect(lines(file)).toContain(`${displayFile(file)}:9:3 rules.demo/Hello: invalid key name`);
  });

  it('a pattern the value must match', () => {
    const file = write('badversion.yaml', variant('version: 1.0.0', 'version: one'));
    const shown = lines(file);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(
      new RegExp(`^${escape(displayFile(file))}:2:10 version: does not match \\S+（格式无效）$`),
    );
  });

  it('the same message twice is reported once', () => {
    const errors = schemaErrors(
      'x.yaml',
      [
        { keyword: 'type', instancePath: '/a', schemaPath: '#', params: { type: 'number' } },
        { keyword: 'type', instancePath: '/a', schemaPath: '#', params: { type: 'number' } },
        { keyword: 'anyOf', instancePath: '/a', schemaPath: '#', params: {} },
        { keyword: 'const', instancePath: '/b~1c/0', schemaPath: '#', params: { allowedValue: 'x' } },
        { keyword: 'minimum', instancePath: '/d~0e', schemaPath: '#', params: {}, message: 'must be >= 0' },
        { keyword: 'maximum', instancePath: '/f', schemaPath: '#', params: {} },
      ],
      (segments) => ({ line: segments.length, column: 1 }),
    );
    expect(errors.map((e) => e.toLine())).toEqual([
      'x.yaml:1:1 a: must be number（类型错误）',
      'x.yaml:2:1 b/c[0]: must be "x"',
      'x.yaml:1:1 d~e: must be >= 0',
      'x.yaml:1:1 f: maximum',
    ]);
    expect(errors.every((e) => e.code === 'pack-invalid')).toBe(true);
  });

  it('only anyOf/oneOf/if errors: those are reported rather than nothing', () => {
    const errors = schemaErrors(
      'x.yaml',
      [{ keyword: 'oneOf', instancePath: '', schemaPath: '#', params: {}, message: 'must match exactly one schema' }],
      () => null,
      [],
      'config-invalid',
    );
    expect(errors.map((e) => [e.toLine(), e.code])).toEqual([
      ['x.yaml: (top level): must match exactly one schema', 'config-invalid'],
    ]);
  });
});

describe('lazyLocator: positions in a file parsed only when asked', () => {
  it('reads the file on the first question and answers like the loader', () => {
    const file = write('lazy.yaml', MINIMAL_PACK);
    const locate = lazyLocator(file);
    fs.writeFileSync(file, MINIMAL_PACK); // unchanged: still parsed on demand
    expect(locate(['rules', 'demo/hello', 'weight'])).toEqual({ line: 15, column: 13 });
    expect(locate(['rules', 'demo/hello', 'severity'], 'key')).toEqual({ line: 14, column: 5 });
    expect(locate(['rules', 'demo/hello', 'message'], 'value', '法治')).toEqual({ line: 17, column: 17 });
    expect(locate(['rules', 'nope'])).toBeNull();
  });
});

describe('displayFile', () => {
  it('relative inside the working directory, absolute outside it', () => {
    expect(displayFile(path.join(process.cwd(), 'rules', 'numbers.yaml'))).toBe('rules/numbers.yaml');
    expect(displayFile(path.join(dir, 'x.yaml'))).toBe(path.join(dir, 'x.yaml').split(path.sep).join('/'));
    expect(displayFile(process.cwd())).toBe(process.cwd().split(path.sep).join('/'));
  });
});

describe('pack references', () => {
  it('a built-in id, a path and a .yml name; the extended packs come first, each once', () => {
    const child = write(
      'refs/child.yml',
      'id: child\nversion: 1.0.0\ntitle: C\nextends: [annual-report, ./mid.yaml]\n',
    );
    write('refs/mid.yaml', 'id: mid\nversion: 1.0.0\ntitle: M\nextends: [annual-report]\n');
    const set = loadPackSet([child]);
    expect(set.packs.map((p) => p.id)).toEqual(['annual-report', 'mid', 'child']);
    expect(set.packs[0]!.file).toBe(displayFile(path.join(BUILTIN_DIR, 'annual-report.yaml')));
    // Loading the same pack by id and by path is loading it once.
    const twice = loadPackSet(['annual-report', path.join(BUILTIN_DIR, 'annual-report.yaml')]);
    expect(twice.packs).toHaveLength(1);
  });

  it('an id that is no built-in pack is read as a file name in the working directory', () => {
    const error = caught(() => loadPackSet(['no-such-pack']));
    expect(error.toLine()).toBe('no-such-pack: 规则包文件不存在');
    expect(error.code).toBe('pack-not-found');
  });

  it('a missing extended file is pack-not-found, at the extends entry', () => {
    const file = write(
      'refs/lost.yaml',
      'id: lost\nversion: 1.0.0\ntitle: L\nextends:\n  - annual-report\n  - ./gone.yml\n',
    );
    const error = caught(() => loadPackSet([file]));
    expect(error.toLine()).toBe(
      `${displayFile(file)}:6:5 extends[1]: 规则包文件不存在：${displayFile(path.join(dir, 'refs', 'gone.yml'))}`,
    );
    expect(error.code).toBe('pack-not-found');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
