/**
 * CLI scenarios against the real binary (bin/fazhi.js → dist/: run `npm run build` first;
 * `npm test` does it through pretest).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPackSet } from '../src/packs/load.js';
import { MINIMAL_PACK, runCli, type CliResult as Result } from './helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ANSI = /\u001b\[/;
const TAOJIA = 'reports/taojia-2025.txt';
const XUANTAN = 'reports/xuantan-2024.txt';
const DRAFT_NO_FR = 'reports/draft-no-first-responsible.txt';
const PKG_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

const fazhi = runCli;

/** Env without NO_COLOR and with FORCE_COLOR, so colour would be on unless --no-color. */
function colourEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '1' };
  delete env.NO_COLOR;
  return env;
}

interface JsonFinding {
  ruleId: string;
  status: string;
  message: string;
}
interface JsonRun {
  reports: Array<{ file: string; findings: JsonFinding[]; score: { total: number } }>;
  failures: Array<{ file: string; message: string }>;
  summary: { files: number; checked: number; unreadable: number };
}

function json(r: Result): JsonRun {
  return JSON.parse(r.stdout) as JsonRun;
}

function finding(run: JsonRun, ruleId: string, report = 0): JsonFinding | undefined {
  return run.reports[report]?.findings.find((f) => f.ruleId === ruleId);
}

/** stderr is exactly one `fazhi: …` line, with no stack trace. */
function expectOneErrorLine(stderr: string): string {
  expect(stderr.endsWith('\n')).toBe(true);
  const lines = stderr.slice(0, -1).split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^fazhi: /);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0] as string;
}

let tmp: string;
const RULE_COUNT = loadPackSet().rules.length;

const PACK = MINIMAL_PACK;

function tmpFile(name: string, content: string | Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('check: stylish output and exit codes', () => {
  it('taojia passes the default gate (only a warning) and shows the warning', () => {
    const r = fazhi(['check', TAOJIA]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const text of ['陶家镇', 'mediation/success-rate', '未报告', '得分']) expect(r.stdout).toContain(text);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).not.toMatch(/^ +✓ 通过/m); // passes hidden without --verbose
    // The last line is the gate's verdict, and it says what held.
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✓ 通过：0 个错误（--fail-on error），最低得分 \d+\.\d$/);
  });

  it('the last line says why the gate failed: score, errors, warnings', () => {
    const low = fazhi(['check', TAOJIA, '--min-score', '90']);
    expect(low.code).toBe(1);
    expect(low.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✗ 未通过：得分 \d+\.\d 低于 --min-score 90$/);
    const warned = fazhi(['check', TAOJIA, '--max-warnings', '0', '--fail-on', 'never']);
    expect(warned.code).toBe(1);
    expect(warned.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✗ 未通过：\d+ 个警告，多于 --max-warnings 0$/);
    const strict = fazhi(['check', TAOJIA, '--fail-on', 'warning', '--min-score', '90']);
    expect(strict.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^✗ 未通过：\d+ 个警告及以上问题（--fail-on warning）；得分 \d+\.\d 低于 --min-score 90$/,
    );
  });

  it('--no-color wins over FORCE_COLOR; FORCE_COLOR alone colours', () => {
    const coloured = fazhi(['check', TAOJIA], { env: colourEnv() });
    expect(coloured.stdout).toMatch(ANSI); // sanity: the env would colour
    const plain = fazhi(['check', TAOJIA, '--no-color'], { env: colourEnv() });
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(ANSI);
    expect(plain.stdout).toContain('陶家镇');
    const noColor = fazhi(['check', TAOJIA], { env: { ...colourEnv(), NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(ANSI);
  });

  const gates: Array<[string, string[], number]> = [
    ['--fail-on warning on taojia', ['check', TAOJIA, '--fail-on', 'warning'], 1],
    ['--fail-on info on taojia', ['check', TAOJIA, '--fail-on', 'info'], 1],
    ['--fail-on never on a failing draft', ['check', DRAFT_NO_FR, '--fail-on', 'never'], 0],
    ['--min-score 95 on taojia', ['check', TAOJIA, '--min-score', '95'], 1],
    ['--min-score 50 on taojia', ['check', TAOJIA, '--min-score', '50'], 0],
    ['--min-score abc', ['check', TAOJIA, '--min-score', 'abc'], 2],
    ['--min-score 101', ['check', TAOJIA, '--min-score', '101'], 2],
    ['--fail-on bogus', ['check', TAOJIA, '--fail-on', 'bogus'], 2],
  ];
  it.each(gates)('%s → exit %i', (_name, args, code) => {
    const r = fazhi(args);
    expect(r.code).toBe(code);
    if (code === 2) {
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toBe('');
    } else expect(r.stderr).toBe('');
  });

  it('--min-score at the exact score passes; just above it fails', () => {
    const total = json(fazhi(['check', TAOJIA, '--format', 'json'])).reports[0]!.score.total;
    expect(fazhi(['check', TAOJIA, '--min-score', String(total)]).code).toBe(0);
    expect(fazhi(['check', TAOJIA, '--min-score', String(total + 0.1)]).code).toBe(1);
  });

  it('--min-score abc is a one-line usage error', () => {
    const r = fazhi(['check', TAOJIA, '--min-score', 'abc']);
    expect(expectOneErrorLine(r.stderr)).toBe('fazhi: --min-score abc: 应为 0–100 之间的数 [usage]');
  });

  it('draft without first-responsible part fails with exit 1', () => {
    const r = fazhi(['check', DRAFT_NO_FR]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('structure/first-responsible');
    expect(r.stderr).toBe('');
  });

  it('--verbose shows passes', () => {
    const r = fazhi(['check', TAOJIA, '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ 通过');
    expect(r.stdout).toContain('structure/first-responsible');
  });
});

describe('check --format json', () => {
  it('lists every rule once per report, passes included', () => {
    const r = fazhi(['check', TAOJIA, '--format', 'json']);
    expect(r.code).toBe(0);
    const run = json(r);
    expect(run.summary.files).toBe(1);
    expect(run.failures).toEqual([]);
    expect(run.reports).toHaveLength(1);
    const ids = run.reports[0]!.findings.map((f) => f.ruleId);
    expect(ids).toHaveLength(RULE_COUNT);
    expect(new Set(ids).size).toBe(RULE_COUNT);
    expect(run.reports[0]!.findings.some((f) => f.status === 'pass')).toBe(true);
    expect(finding(run, 'mediation/success-rate')?.status).toBe('fail');
    expect(run.reports[0]!.score.total).toBeGreaterThan(0);
    expect(run.reports[0]!.score.total).toBeLessThan(100);
  });

  it('--param changes a threshold for the run', () => {
    const base = json(fazhi(['check', XUANTAN, '--format', 'json']));
    expect(finding(base, 'mediation/success-rate')?.status).toBe('pass');
    const r = fazhi(['check', XUANTAN, '--format', 'json', '--param', 'mediation/success-rate.min=99']);
    expect(r.code).toBe(0); // a warning does not fail the default gate
    const f = finding(json(r), 'mediation/success-rate');
    expect(f?.status).toBe('fail');
    expect(f?.message).toContain('99%');
  });

  const badParams: Array<[string, RegExp]> = [
    ['bad', /^fazhi: --param bad: 格式应为/],
    ['mediation/success-rate.min=abc', /^fazhi: --param mediation\/success-rate\.min=abc: 应为数字 \[usage\]$/],
    ['mediation/success-rate.min=101', /^fazhi: --param mediation\/success-rate\.min=101: 超出允许范围/],
    ['nope/rule.min=1', /^fazhi: --param nope\/rule: 没有这条规则/],
    ['mediation/success-rate.max=1', /^fazhi: --param mediation\/success-rate\.max: 规则没有该参数/],
  ];
  it.each(badParams)('--param %s → exit 2, one line', (param, line) => {
    const r = fazhi(['check', TAOJIA, '--param', param]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(expectOneErrorLine(r.stderr)).toMatch(line);
  });

  it('stdin (-) gives the same findings as the file', () => {
    const text = fs.readFileSync(path.join(ROOT, TAOJIA), 'utf8');
    const fromStdin = fazhi(['check', '-', '--format', 'json'], { input: text });
    const fromFile = fazhi(['check', TAOJIA, '--format', 'json']);
    expect(fromStdin.code).toBe(fromFile.code);
    const a = json(fromStdin);
    const b = json(fromFile);
    expect(a.reports[0]!.file).toBe('<stdin>');
    const statuses = (run: JsonRun) => run.reports[0]!.findings.map((f) => [f.ruleId, f.status]);
    expect(statuses(a)).toEqual(statuses(b));
    expect(a.reports[0]!.score).toEqual(b.reports[0]!.score);
  });

  it('several files, one missing: the others are still checked', () => {
    const r = fazhi(['check', TAOJIA, 'nope.txt', 'reports/gurtu-2024.txt', '--format', 'json']);
    expect(r.code).toBe(2);
    const run = json(r);
    expect(run.reports.map((x) => x.file)).toEqual([TAOJIA, 'reports/gurtu-2024.txt']);
    expect(run.failures).toEqual([{ file: 'nope.txt', code: 'input-not-found', message: '文件不存在' }]);
    expect(run.summary).toMatchObject({ files: 3, checked: 2, unreadable: 1 });
    expect(expectOneErrorLine(r.stderr)).toBe('fazhi: nope.txt: 文件不存在');
  });

  it('is deterministic: two runs over all sample reports are byte-identical', () => {
    const files = fs
      .readdirSync(path.join(ROOT, 'reports'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => `reports/${f}`);
    expect(files.length).toBeGreaterThanOrEqual(5);
    const first = fazhi(['check', ...files, '--format', 'json']);
    const second = fazhi(['check', ...files, '--format', 'json']);
    expect(first.code).toBe(1); // the drafts fail
    expect(json(first).reports).toHaveLength(files.length);
    expect(second.stdout).toBe(first.stdout);
  });
});

describe('bad input: exit 2, one `fazhi:` line naming the file and the cause', () => {
  // Deterministic "random" bytes with NULs (a binary blob).
  const blob = new Uint8Array(2048);
  let x = 42;
  for (let i = 0; i < blob.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    blob[i] = i % 97 === 0 ? 0 : x >>> 24;
  }
  const png = new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0x10, 0, 0, 0, 0x10,
    8, 6, 0, 0, 0,
  ]);
  // Not UTF-8 (lone continuation bytes, 0xFF) and not plausible GBK either.
  const notText = new Uint8Array([
    ...Buffer.from('abc '),
    0xc3,
    0x28,
    0x20,
    0x80,
    0x80,
    0xff,
    0xfe,
    0xff,
    0x80,
    0x20,
    0x67,
    0x68,
    0x0a,
  ]);

  const cases: Array<[string, () => string, string]> = [
    ['missing file', () => 'reports/no-such-report.txt', '文件不存在'],
    [
      'a folder with no report in it',
      () => (fs.mkdirSync(path.join(tmp, 'nothing'), { recursive: true }), path.join(tmp, 'nothing')),
      '没有找到可检查的报告文件',
    ],
    ['a glob that matches nothing', () => `${tmp}/*.nomatch-docx`, '没有找到可检查的报告文件'],
    [
      'a file over --max-size',
      () => tmpFile('big.txt', Buffer.alloc(21 * 1024 * 1024, 0x41)),
      '文件过大（21 MB，上限 20 MB',
    ],
    ['an empty file', () => tmpFile('empty.txt', ''), '文件为空'],
    ['a whitespace-only file', () => tmpFile('blank.txt', '  \n\t\r\n　\n'), '文件为空'],
    ['random bytes with NULs', () => tmpFile('blob.txt', blob), '不是文本文件'],
    ['a PNG', () => tmpFile('image.png', png), '不是文本文件'],
    ['invalid UTF-8 that is not GBK', () => tmpFile('mangled.txt', notText), '无法识别文本编码'],
  ];
  it.each(cases)('%s', (_name, make, cause) => {
    const file = make();
    const r = fazhi(['check', file]);
    expect(r.code).toBe(2);
    const line = expectOneErrorLine(r.stderr);
    expect(line.startsWith(`fazhi: ${file}: `)).toBe(true);
    expect(line).toContain(cause);
    expect(r.stdout).toContain('无法检查'); // the stylish report still lists the failure
  });

  it('an unreadable input with --debug still prints one line (it is not a crash)', () => {
    const r = fazhi(['check', 'reports/no-such-report.txt', '--debug']);
    expect(r.code).toBe(2);
    expectOneErrorLine(r.stderr);
  });

  it('--format xml is a usage error (exit 2)', () => {
    const r = fazhi(['check', TAOJIA, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('xml');
    // NOTE: commander's own message, not one `fazhi:` line (see report).
  });
});

describe('bad packs: checked before any report, nothing on stdout', () => {
  const packCases: Array<[string, string, (file: string) => RegExp]> = [
    [
      'YAML syntax error',
      PACK.replace('phrases: [法治]', 'phrases: [法治'),
      (f) => new RegExp(`^fazhi: ${esc(f)}:16:51 YAML syntax error`),
    ],
    [
      'unknown key',
      PACK.replace('    fix: 写上法治\n', '    fix: 写上法治\n    sevrity: error\n'),
      (f) => new RegExp(`^fazhi: ${esc(f)}:19:5 rules\\.demo/hello\\.sevrity: unknown key`),
    ],
    [
      'bad regex',
      PACK.replace(
        'check: { type: mention, match: { phrases: [法治] } }',
        'check:\n      type: mention\n      match:\n        regex: "([未闭合"',
      ),
      (f) => new RegExp(`^fazhi: ${esc(f)}:19:16 rules\\.demo/hello\\.check\\.match\\.regex: invalid regex`),
    ],
  ];
  it.each(packCases)('--pack with a %s', (name, text, expected) => {
    const file = tmpFile(`${name.replace(/\W+/g, '-')}.yaml`, text);
    // A missing report too: the pack error must come first and stop the run.
    const r = fazhi(['check', TAOJIA, 'reports/no-such-report.txt', '--pack', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(expectOneErrorLine(r.stderr)).toMatch(expected(file));
  });

  it('a pack error with --debug adds the stack', () => {
    const file = tmpFile('debug.yaml', PACK.replace('phrases: [法治]', 'phrases: [法治'));
    const r = fazhi(['check', TAOJIA, '--pack', file, '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^fazhi: .*YAML syntax error/);
    expect(r.stderr).toMatch(/^\s+at /m);
  });

  it('a valid custom pack replaces the built-in ones', () => {
    const file = tmpFile('valid.yaml', PACK);
    const r = fazhi(['check', TAOJIA, '--pack', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(json(r).reports[0]!.findings.map((f) => [f.ruleId, f.status])).toEqual([['demo/hello', 'pass']]);
  });
});

describe('rules validate', () => {
  it('accepts a built-in pack', () => {
    const r = fazhi(['rules', 'validate', 'rules/annual-report.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓');
    expect(r.stdout).toContain('rules/annual-report.yaml');
    expect(r.stderr).toBe('');
  });

  it('accepts the built-in packs by id', () => {
    const r = fazhi(['rules', 'validate', 'annual-report', 'outline-2021-2025', 'numbers', 'hygiene']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${RULE_COUNT} 条规则`);
  });

  it('rejects a pack whose examples disagree, naming the example', () => {
    const file = tmpFile('bad-example.yaml', `${PACK}    examples:\n      pass: ["没有相关内容"]\n`);
    const r = fazhi(['rules', 'validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(expectOneErrorLine(r.stderr)).toBe(
      `fazhi: ${file}: rules.demo/hello.examples.pass[0]: 期望 pass，实际 fail`,
    );
  });

  it('rejects an invalid pack with file:line:col', () => {
    const file = tmpFile('invalid.yaml', PACK.replace('weight: 1\n', 'weight: heavy\n'));
    const r = fazhi(['rules', 'validate', file]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toBe(
      `fazhi: ${file}:15:13 rules.demo/hello.weight: must be number（类型错误） [pack-invalid]`,
    );
  });
});

describe('program: version, help, commands', () => {
  it('--version prints the package version', () => {
    for (const flag of ['--version', '-v']) {
      const r = fazhi([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(PKG_VERSION);
    }
  });

  it('--help lists check', () => {
    const r = fazhi(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+check\b/m);
    expect(r.stdout).toMatch(/^\s+rules\b/m);
  });

  it('check --help lists --fail-on', () => {
    const r = fazhi(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--fail-on');
    expect(r.stdout).toContain('--min-score');
  });

  it('a word that is no command is a report to check (here one that does not exist: exit 2)', () => {
    const r = fazhi(['bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fazhi: bogus: 文件不存在\n');
    const typo = fazhi(['chekc', TAOJIA]);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/^fazhi: 用法错误：未知命令 chekc，您是否想用 check？/);
  });

  it('check without files exits 2', () => {
    const r = fazhi(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('files');
  });

  it('no command prints help on stderr and exits 2 (a usage error)', () => {
    const r = fazhi([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('用法： fazhi');
  });
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('folders and globs', () => {
  it('checks every supported file of a folder in path order and lists the rest as skipped', () => {
    const dir = path.join(tmp, 'batch');
    fs.mkdirSync(path.join(dir, 'b'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, TAOJIA), path.join(dir, 'b', 'taojia.txt'));
    fs.copyFileSync(path.join(ROOT, XUANTAN), path.join(dir, 'a-xuantan.md'));
    fs.writeFileSync(path.join(dir, 'photo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    fs.writeFileSync(path.join(dir, '.hidden.txt'), '隐藏文件');
    const r = fazhi(['check', dir, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const run = JSON.parse(r.stdout) as JsonRun & { skipped: string[] };
    const shown = dir.split(path.sep).join('/');
    expect(run.reports.map((x) => x.file)).toEqual([`${shown}/a-xuantan.md`, `${shown}/b/taojia.txt`]);
    expect(run.skipped).toEqual([`${shown}/photo.png`]);
  });

  it('expands a quoted glob', () => {
    const r = fazhi(['check', 'reports/draft-*.txt', '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(json(r).reports.map((x) => x.file)).toEqual([
      'reports/draft-low-mediation.txt',
      'reports/draft-no-first-responsible.txt',
    ]);
  });

  it('--max-size takes megabytes and refuses a bad value', () => {
    expect(fazhi(['check', TAOJIA, '--max-size', '0.001']).code).toBe(2);
    expect(fazhi(['check', TAOJIA, '--max-size', 'abc']).code).toBe(2);
    expect(fazhi(['check', TAOJIA, '--max-size', '1']).code).toBe(0);
  });
});

describe('rules list, explain, docs, eval', () => {
  it('rules list prints every rule with severity, basis and weight', () => {
    const r = fazhi(['rules', 'list']);
    expect(r.code).toBe(0);
    for (const rule of loadPackSet().rules) expect(r.stdout).toContain(rule.id);
    expect(r.stdout).toContain(`${RULE_COUNT} 条规则`);
  });

  it('rules list filters by area and by pack', () => {
    const byArea = fazhi(['rules', 'list', '--area', 'mediation']);
    expect(byArea.code).toBe(0);
    expect(byArea.stdout).toContain('mediation/success-rate');
    expect(byArea.stdout).not.toContain('structure/measures');
    const byPack = fazhi(['rules', 'list', '--pack-id', 'annual-report']);
    expect(byPack.stdout).toContain('structure/measures');
    expect(byPack.stdout).not.toContain('mediation/success-rate');
    expect(fazhi(['rules', 'list', '--area', 'nope']).code).toBe(2);
  });

  it('explain prints what, why, clause, basis, params and examples', () => {
    const r = fazhi(['explain', 'mediation/success-rate']);
    expect(r.code).toBe(0);
    for (const part of [
      '## mediation/success-rate',
      'practice',
      '纲要 七',
      '`min`',
      '95',
      'Passes 通过',
      'Fails 不通过',
      'Why 为什么',
    ]) {
      expect(r.stdout).toContain(part);
    }
  });

  it('explain of a concepts rule lists each concept with the words it accepts, and what never counts', () => {
    const r = fazhi(['explain', 'study/xi-thought']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('**Concepts 概念**');
    expect(r.stdout).toMatch(/- `xi-thought` \*\*习近平法治思想\*\*\n {2}- words 词语：习近平法治思想/);
    expect(r.stdout).toMatch(/- `study-form` \*\*[^*]+\*\*\n {2}- words 词语：专题学习、/);
    expect(r.stdout).toContain('not within 不计：尊法学法');
    expect(r.stdout).toContain('Not evidence 不作为依据：含计划或打算、不足或未做到的句子。');
    expect(r.stdout).toMatch(/`action` \*\*具体做法\*\*\n {2}- words 词语：开展、组织/);
    // A rule without concepts has no such section.
    expect(fazhi(['explain', 'mediation/success-rate']).stdout).not.toContain('Concepts 概念');
  });

  it('explain of an unknown rule is a usage error with suggestions', () => {
    const r = fazhi(['explain', 'mediation/rate']);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toContain('没有规则 mediation/rate');
  });

  it('rules docs writes one page per area and an index', () => {
    const out = path.join(tmp, 'docs-out');
    const r = fazhi(['rules', 'docs', out]);
    expect(r.code).toBe(0);
    const files = fs.readdirSync(out).sort();
    expect(files).toContain('README.md');
    expect(files).toContain('mediation.md');
    expect(fs.readFileSync(path.join(out, 'mediation.md'), 'utf8')).toContain('## mediation/success-rate');
  });

  it('eval compares with expectations, prints agreement, exits 1 on disagreement', () => {
    const file = path.join(tmp, 'expect.yaml');
    const report = path.relative(tmp, path.join(ROOT, TAOJIA)).split(path.sep).join('/');
    fs.writeFileSync(file, `reports:\n  ${report}:\n    mediation/success-rate: pass\n    structure/measures: pass\n`);
    const r = fazhi(['eval', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ fail≠pass');
    expect(r.stdout).toMatch(/一致率 agreement: 1\/2 = 50\.0%/);
  });
});

describe('bad inputs in every format: one line each, exit 2, the others still checked', () => {
  const fixture = (p: string) => `test/fixtures/${p}`;
  const cases: Array<[string, () => string, string]> = [
    ['a truncated .docx', () => fixture('docx/truncated.docx'), 'Word 文档已损坏或不是 .docx 格式'],
    ['a zip that is not Word', () => fixture('docx/not-word.docx'), 'Word 文档已损坏或不是 .docx 格式'],
    ['an encrypted PDF', () => fixture('pdf/encrypted.pdf'), 'PDF 已加密，请提供未加密的版本'],
    ['a scanned PDF', () => fixture('pdf/scanned.pdf'), '无文字层（可能是扫描件），请提供 Word 或文本版本'],
    ['a corrupt PDF', () => fixture('pdf/corrupt.pdf'), 'PDF 文件已损坏，无法读取'],
    ['a portal page with no article', () => fixture('html/no-article.html'), '网页中未找到正文'],
    [
      'a legacy .doc',
      () => tmpFile('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
      // With LibreOffice, the conversion fails first; without it, the reader says the same.
      '另存为 .docx',
    ],
    ['a zero-byte .docx', () => tmpFile('zero.docx', ''), '文件为空'],
    ['a zero-byte .pdf', () => tmpFile('zero.pdf', ''), '文件为空'],
    [
      'a 50 MB text file',
      () => tmpFile('huge.txt', Buffer.alloc(50 * 1024 * 1024, 0x41)),
      '文件过大（50 MB，上限 20 MB',
    ],
  ];
  it.each(cases)('%s', (_name, make, cause) => {
    const file = make();
    const r = fazhi(['check', file, TAOJIA, '--format', 'json']);
    expect(r.code).toBe(2);
    const line = expectOneErrorLine(r.stderr);
    expect(line.startsWith(`fazhi: ${file}: `)).toBe(true);
    expect(line).toContain(cause);
    const run = json(r);
    expect(run.reports.map((x) => x.file)).toEqual([TAOJIA]);
    expect(run.failures.map((f) => f.file)).toEqual([file]);
  });

  it('each format is named in the JSON output', () => {
    const r = fazhi([
      'check',
      'test/fixtures/docx/taojia-2025.docx',
      'test/fixtures/pdf/taojia-2025.pdf',
      'test/fixtures/html/taojia-2025.html',
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { reports: Array<{ format: string }> }).reports.map((x) => x.format)).toEqual([
      'docx',
      'pdf',
      'html',
    ]);
  });

  it('stylish output locates Word evidence by paragraph and PDF evidence by page and line', () => {
    const docx = fazhi(['check', 'test/fixtures/docx/taojia-2025.docx', '--verbose']);
    expect(docx.stdout).toMatch(/第\d+段 “落实行政执法“三项制度””/);
    const pdf = fazhi(['check', 'test/fixtures/pdf/taojia-2025.pdf', '--verbose']);
    expect(pdf.stdout).toMatch(/第\d+页 第\d+行 “落实行政执法“三项制度””/);
  });
});
