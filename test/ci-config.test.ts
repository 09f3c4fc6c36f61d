import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_CONFIG } from '../src/cli/config.js';
import { outputTargets } from '../src/cli/check.js';
import { loadConfig } from '../src/config/load.js';
import { ROOT, runCli, type CliResult } from './helpers.js';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-ci-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Run the CLI in a folder of its own with the sample reports copied in. */
function workspace(name: string, files: Record<string, string> = {}): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'reports'), { recursive: true });
  for (const r of ['taojia-2025.txt', 'xuantan-2024.txt', 'draft-low-mediation.txt'])
    fs.copyFileSync(path.join(ROOT, 'reports', r), path.join(dir, 'reports', r));
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

function cliIn(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  return runCli([...args], { env: { ...process.env, NO_COLOR: '1', ...env }, cwd: dir });
}

type Json = {
  reports: Array<{
    file: string;
    findings: Array<{ ruleId: string; status: string; severity: string; suppressed?: boolean }>;
    score: { total: number };
  }>;
  summary: { warnings: number; suppressed: number };
  baseline?: { suppressed: number; disappeared: Array<{ ruleId: string }> };
  skipped: string[];
};
const json = (r: CliResult) => JSON.parse(r.stdout) as Json;
const finding = (j: Json, id: string, report = 0) => j.reports[report]?.findings.find((f) => f.ruleId === id);

describe('fazhi.config.yaml', () => {
  it('is found upward from the working directory and changes severities, params and rules', () => {
    const dir = workspace('upward', {
      'fazhi.config.yaml':
        'rules:\n  counsel/legal-adviser: error\n  structure/other: off\nparams:\n  mediation/success-rate:\n    min: 99\n',
    });
    const sub = path.join(dir, 'reports');
    const j = json(cliIn(sub, ['check', 'xuantan-2024.txt', '-f', 'json']));
    expect(finding(j, 'counsel/legal-adviser')?.severity).toBe('error');
    expect(finding(j, 'structure/other')).toBeUndefined();
    expect(finding(j, 'mediation/success-rate')?.status).toBe('fail'); // 98% < 99
  });

  it('--no-config ignores it; --config names another', () => {
    const dir = workspace('explicit', {
      'fazhi.config.yaml': 'rules:\n  structure/other: off\n',
      'other.yaml': 'params:\n  mediation/success-rate:\n    min: 99\n',
    });
    expect(
      finding(json(cliIn(dir, ['check', 'reports/xuantan-2024.txt', '-f', 'json', '--no-config'])), 'structure/other'),
    ).toBeDefined();
    const j = json(cliIn(dir, ['check', 'reports/xuantan-2024.txt', '-f', 'json', '--config', 'other.yaml']));
    expect(finding(j, 'structure/other')).toBeDefined();
    expect(finding(j, 'mediation/success-rate')?.status).toBe('fail');
  });

  it('overrides apply to matching files only; ignore drops files', () => {
    const dir = workspace('overrides', {
      'fazhi.config.yaml':
        'overrides:\n  - files: ["reports/taojia-*"]\n    rules:\n      mediation/success-rate: off\nignore: ["reports/draft-*"]\n',
    });
    const j = json(cliIn(dir, ['check', 'reports/', '-f', 'json', '--fail-on', 'never']));
    expect(j.reports.map((r) => path.basename(r.file))).toEqual(['taojia-2025.txt', 'xuantan-2024.txt']);
    expect(finding(j, 'mediation/success-rate', 0)).toBeUndefined();
    expect(finding(j, 'mediation/success-rate', 1)).toBeDefined();
    expect(j.skipped).toEqual(['reports/draft-low-mediation.txt']);
  });

  it('sets the gate; the command line wins', () => {
    const dir = workspace('gate', { 'fazhi.config.yaml': 'failOn: warning\n' });
    expect(cliIn(dir, ['check', 'reports/taojia-2025.txt']).code).toBe(1);
    expect(cliIn(dir, ['check', 'reports/taojia-2025.txt', '--fail-on', 'error']).code).toBe(0);
    const strict = workspace('gate2', { 'fazhi.config.yaml': 'minScore: 90\n' });
    expect(cliIn(strict, ['check', 'reports/taojia-2025.txt']).code).toBe(1);
    expect(cliIn(strict, ['check', 'reports/taojia-2025.txt', '--min-score', '10']).code).toBe(0);
    const warnings = workspace('gate3', { 'fazhi.config.yaml': 'maxWarnings: 3\n' });
    expect(cliIn(warnings, ['check', 'reports/taojia-2025.txt']).code).toBe(1);
    expect(cliIn(warnings, ['check', 'reports/taojia-2025.txt', '--max-warnings', '500']).code).toBe(0);
  });

  it('extends a provincial pack by path and by installed npm package', () => {
    const province = fs.readFileSync(path.join(ROOT, 'rules/examples/province.yaml'), 'utf8');
    const byPath = workspace('extends-path', {
      'packs/province.yaml': province,
      'fazhi.config.yaml': 'extends: [./packs/province.yaml]\n',
    });
    const j1 = json(cliIn(byPath, ['check', 'reports/xuantan-2024.txt', '-f', 'json']));
    expect(finding(j1, 'province/village-advisers-all')?.status).toBe('pass');
    const byPackage = workspace('extends-npm', {
      'node_modules/fazhi-pack-example/package.json': JSON.stringify({
        name: 'fazhi-pack-example',
        version: '1.0.0',
        fazhi: { pack: 'province.yaml' },
      }),
      'node_modules/fazhi-pack-example/province.yaml': province,
      'fazhi.config.yaml': 'extends: [fazhi-pack-example]\n',
    });
    const j2 = json(cliIn(byPackage, ['check', 'reports/xuantan-2024.txt', '-f', 'json']));
    expect(finding(j2, 'province/village-advisers-all')?.status).toBe('pass');
    expect(finding(j2, 'structure/other')).toBeUndefined(); // the province turns it off
  });

  it.each([
    ['an unknown key', 'failon: error\n', /fazhi\.config\.yaml:1:1 failon: unknown key/],
    [
      'a bad severity',
      'rules:\n  counsel/legal-adviser: fatal\n',
      /fazhi\.config\.yaml:2:26 rules\.counsel\/legal-adviser: must be one of: error, warning, info, off/,
    ],
    ['an unknown rule', 'rules:\n  counsel/nope: off\n', /fazhi\.config\.yaml:2:3 rules\.counsel\/nope: 没有这条规则/],
    ['a missing extended pack', 'extends: [./nowhere.yaml]\n', /nowhere\.yaml: 规则包文件不存在/],
    ['a YAML syntax error', 'rules: [\n', /fazhi\.config\.yaml:\d+:\d+ YAML syntax error/],
  ])('rejects %s with file:line:col and exit 2, before checking anything', (_name, text, message) => {
    const dir = workspace(`bad-${_name.replace(/\W+/g, '-')}`, { 'fazhi.config.yaml': text });
    const r = cliIn(dir, ['check', 'reports/taojia-2025.txt']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('init and print-config', () => {
  it('init writes a commented starter that loads, and refuses to overwrite', () => {
    const dir = workspace('init');
    const r = cliIn(dir, ['init']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'fazhi.config.yaml'), 'utf8')).toBe(STARTER_CONFIG);
    expect(loadConfig(path.join(dir, 'fazhi.config.yaml')).failOn).toBe('error');
    expect(cliIn(dir, ['init']).code).toBe(2);
    expect(cliIn(dir, ['init', '--force']).code).toBe(0);
  });

  it('print-config shows the effective settings for a file', () => {
    const dir = workspace('print', {
      'fazhi.config.yaml':
        'params:\n  mediation/success-rate:\n    min: 97\noverrides:\n  - files: ["reports/taojia-*"]\n    rules:\n      hygiene/misspellings: off\n',
    });
    const r = cliIn(dir, ['print-config', 'reports/taojia-2025.txt', '--param', 'mediation/success-rate.min=98']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('configFile: fazhi.config.yaml');
    expect(r.stdout).toMatch(/mediation\/success-rate:\n\s+min: "98"/);
    expect(r.stdout).toContain('hygiene/misspellings: off');
    expect(r.stdout).toContain('id: outline-2021-2025');
  });
});

describe('baselines', () => {
  it('--update-baseline writes the known findings; a later run suppresses them and reports what disappeared', () => {
    const dir = workspace('baseline');
    const first = cliIn(dir, [
      'check',
      'reports/taojia-2025.txt',
      '--baseline',
      'fazhi-baseline.json',
      '--update-baseline',
      '--fail-on',
      'warning',
    ]);
    expect(first.stderr).toContain('已更新基线 fazhi-baseline.json');
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'fazhi-baseline.json'), 'utf8')) as {
      findings: unknown[];
    };
    expect(stored.findings.length).toBeGreaterThan(0);

    // A blank line at the top shifts every line: fingerprints do not depend on lines.
    const file = path.join(dir, 'reports/taojia-2025.txt');
    fs.writeFileSync(file, `\n${fs.readFileSync(file, 'utf8')}`);
    const again = cliIn(dir, [
      'check',
      'reports/taojia-2025.txt',
      '--baseline',
      'fazhi-baseline.json',
      '--fail-on',
      'warning',
      '-f',
      'json',
    ]);
    expect(again.code).toBe(0);
    const j = json(again);
    expect(j.summary.warnings).toBe(0);
    expect(j.summary.suppressed).toBe(stored.findings.length);

    // Fix one problem: its baseline entry is reported as gone.
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace('全年调解矛盾纠纷125件', '全年调解矛盾纠纷125件,成功调解122件,调解成功率97.6%'),
    );
    const fixed = json(
      cliIn(dir, ['check', 'reports/taojia-2025.txt', '--baseline', 'fazhi-baseline.json', '-f', 'json']),
    );
    expect(fixed.baseline?.disappeared.map((d) => d.ruleId)).toContain('mediation/success-rate');
    const stylish = cliIn(dir, ['check', 'reports/taojia-2025.txt', '--baseline', 'fazhi-baseline.json']);
    expect(stylish.stdout).toContain('基线已屏蔽');
    expect(stylish.stdout).toContain('已不再出现，可用 --update-baseline 清理');
  });

  it('--update-baseline without --baseline, and a missing or broken baseline, are usage errors', () => {
    const dir = workspace('baseline-bad', { 'broken.json': '{"version": 9}' });
    expect(cliIn(dir, ['check', 'reports/taojia-2025.txt', '--update-baseline']).code).toBe(2);
    const missing = cliIn(dir, ['check', 'reports/taojia-2025.txt', '--baseline', 'none.json']);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'fazhi: none.json: 基线文件不存在（先用 --update-baseline 生成） [baseline-not-found]\n',
    ]);
    expect(cliIn(dir, ['check', 'reports/taojia-2025.txt', '--baseline', 'broken.json']).stderr).toContain(
      '不是有效的 fazhi 基线',
    );
  });
});

describe('outputs', () => {
  // outputTargets now takes the flags in command-line order (an -o binds to the -f just before
  // it, issue 15); test/hostile-output-cli.test.ts covers the pairing end to end.
  it('pairs -f with -o in order and sends the unpaired one to stdout', () => {
    expect(
      outputTargets([
        ['format', 'json'],
        ['output', 'out/r.json'],
        ['format', 'stylish'],
      ]),
    ).toEqual([
      { format: 'json', file: 'out/r.json' },
      { format: 'stylish', file: null },
    ]);
    expect(
      outputTargets([
        ['output', 'a.sarif'],
        ['output', 'b.csv'],
      ]),
    ).toEqual([
      { format: 'sarif', file: 'a.sarif' },
      { format: 'csv', file: 'b.csv' },
    ]);
    expect(() =>
      outputTargets([
        ['format', 'json'],
        ['format', 'stylish'],
      ]),
    ).toThrow('只有一种格式可以写到标准输出');
    expect(() => outputTargets([['output', 'report.weird']])).toThrow('无法从扩展名判断输出格式');
  });

  it('writes several formats at once, creating folders, with nothing half-written on failure', () => {
    const dir = workspace('outputs');
    const r = cliIn(dir, [
      'check',
      'reports/taojia-2025.txt',
      '-f',
      'json',
      '-o',
      'out/result.json',
      '-f',
      'stylish',
      '-o',
      'out/result.txt',
    ]);
    expect(r.code).toBe(0);
    // Every format went to a file: the log gets the gate's sentence only.
    expect(r.stdout).toMatch(/^✓ 通过：0 个错误（--fail-on error），最低得分 \d+\.\d\n$/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out/result.json'), 'utf8'))).toHaveProperty('schemaVersion', 1);
    expect(fs.readFileSync(path.join(dir, 'out/result.txt'), 'utf8')).toContain('陶家镇');
    // A file where a folder should be: the write fails, exit 2, no temporary file left.
    fs.writeFileSync(path.join(dir, 'blocker'), 'x');
    const bad = cliIn(dir, ['check', 'reports/taojia-2025.txt', '-f', 'json', '-o', 'blocker/result.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^fazhi: blocker\/result\.json: 无法写入输出文件/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('many reports', () => {
  it('gives byte-identical JSON with 1 and with 2 worker threads, in input order', () => {
    const dir = workspace('batch');
    for (let i = 0; i < 12; i++)
      fs.copyFileSync(
        path.join(ROOT, 'reports', i % 2 ? 'gurtu-2024.txt' : 'taojia-2025.txt'),
        path.join(dir, 'reports', `town-${String(i).padStart(2, '0')}.txt`),
      );
    const one = cliIn(dir, ['check', 'reports/', '-f', 'json', '--jobs', '1', '--fail-on', 'never']);
    const two = cliIn(dir, ['check', 'reports/', '-f', 'json', '--jobs', '2', '--fail-on', 'never']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(json(two).reports).toHaveLength(15);
  });

  it('prints a ranking table after the reports, and no progress bar in CI or a pipe', () => {
    const dir = workspace('ranking');
    const r = cliIn(dir, ['check', 'reports/', '--fail-on', 'never'], { CI: 'true' });
    expect(r.stdout).toMatch(/排名\n#\s+乡镇\s+年度\s+得分\s+等级\s+错误\s+警告\s+最弱领域/);
    expect(r.stdout.indexOf('排名')).toBeGreaterThan(r.stdout.indexOf('reports/xuantan-2024.txt'));
    expect(r.stderr).toBe('');
  });
});
