// Configuration is settled before evaluation: each file's params, severities and `off` are
// resolved first, one rule set is compiled per distinct setting, and each report is scored once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { canonicalJson } from '../src/config/settings.js';
import { compileRuleSet } from '../src/engine/compile.js';
import { loadPackSet } from '../src/packs/load.js';
import { ReportChecker } from '../src/report/checker.js';
import type { ReportResult } from '../src/report/result.js';
import { runCheck } from '../src/run/batch.js';
import { FazhiError } from '../src/shared/errors.js';
import * as score from '../src/score/score.js';
import { MINIMAL_PACK, ROOT, runCli } from './helpers.js';

// Counts scorings (the real function does the work).
vi.mock('../src/score/score.js', async (original) => {
  const real = await original<typeof import('../src/score/score.js')>();
  return { ...real, computeScore: vi.fn(real.computeScore) };
});

const REPORT = '某镇2025年法治政府建设年度报告\n一、主要举措和成效\n全年调解矛盾纠纷50件，调解成功率96%。\n';
const RATE = 'mediation/success-rate';
const FIRST = 'structure/first-responsible';

let tmp = '';
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-settings-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A folder with a config and the same report as a/r.txt and b/r.txt. */
function project(config: string): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'p-'));
  for (const sub of ['a', 'b']) {
    fs.mkdirSync(path.join(dir, sub));
    fs.writeFileSync(path.join(dir, sub, 'r.txt'), REPORT);
  }
  fs.writeFileSync(path.join(dir, 'fazhi.config.yaml'), config);
  return dir;
}

const THRESHOLDS = `overrides:
  - files: ["a/**"]
    params:
      ${RATE}: { min: 90 }
  - files: ["b/**"]
    params:
      ${RATE}: { min: 99 }
`;

type JsonRun = { reports: ReportResult[] };
const json = (stdout: string) => JSON.parse(stdout) as JsonRun;
const findingOf = (r: Pick<ReportResult, 'findings'>, id: string) => r.findings.find((f) => f.ruleId === id);
const verdicts = (run: JsonRun) => Object.fromEntries(run.reports.map((r) => [r.file, findingOf(r, RATE)?.message]));

describe('a verdict never depends on which other files are in the run', () => {
  const expected = {
    'a/r.txt': '矛盾纠纷调解成功率96%，达到90%',
    'b/r.txt': '矛盾纠纷调解成功率为96%，低于99%',
  };

  it.each([
    ['a then b', ['a/r.txt', 'b/r.txt']],
    ['b then a', ['b/r.txt', 'a/r.txt']],
  ])('CLI, %s: each file is judged by its own override', (_name, files) => {
    const dir = project(THRESHOLDS);
    const r = runCli(['check', ...files, '-f', 'json', '--fail-on', 'warning'], { cwd: dir });
    expect(r.stderr).toBe('fazhi: 使用配置 fazhi.config.yaml\n'); // the gate names the config it obeys
    expect(r.code).toBe(1);
    expect(verdicts(json(r.stdout))).toEqual(expected);
    const alone = runCli(['check', 'b/r.txt', '-f', 'json', '--fail-on', 'warning'], { cwd: dir });
    expect(verdicts(json(alone.stdout))).toEqual({ 'b/r.txt': expected['b/r.txt'] });
    expect(runCli(['check', 'a/r.txt', '--fail-on', 'warning', '-f', 'json'], { cwd: dir }).stdout).toContain(
      '达到90%',
    );
  });

  it.each([
    ['a then b', ['a', 'b']],
    ['b then a', ['b', 'a']],
  ])('library, %s: runCheck with a checker under the config', async (_name, order) => {
    const dir = project(THRESHOLDS);
    const checker = new ReportChecker(loadPackSet(), loadConfig(path.join(dir, 'fazhi.config.yaml')));
    const run = await runCheck(
      order.map((sub) => path.join(dir, sub as string, 'r.txt')),
      checker,
      { jobs: 1 },
    );
    const byFolder = Object.fromEntries(
      run.reports.map((r) => [path.basename(path.dirname(r.file)), findingOf(r, RATE)?.status]),
    );
    expect(byFolder).toEqual({ a: 'pass', b: 'fail' });
  });

  it('settings are keyed by their whole content, at every level, in any key order', () => {
    expect(canonicalJson({ [RATE]: { min: 90 } })).not.toBe(canonicalJson({ [RATE]: { min: 99 } }));
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson({ rules: { x: 'off' }, params: {} })).not.toBe(canonicalJson({ rules: {}, params: {} }));
  });
});

describe('off and severity are applied before anything is scored', () => {
  const OFF_FOR_B = `overrides:\n  - files: ["b/**"]\n    rules:\n      ${FIRST}: off\n`;

  it('a rule off for one file is absent from its findings, score, JUnit suite; SARIF lists it only if on somewhere', () => {
    const dir = project(OFF_FOR_B);
    const out = (name: string) => path.join(dir, name);
    const both = runCli(
      ['check', 'a/r.txt', 'b/r.txt', '--fail-on', 'never', '-f', 'json', '-o', out('r.json')].concat([
        '-f',
        'sarif',
        '-o',
        out('r.sarif'),
        '-f',
        'junit',
        '-o',
        out('r.xml'),
      ]),
      { cwd: dir },
    );
    expect(both.code).toBe(0);
    const [a, b] = json(fs.readFileSync(out('r.json'), 'utf8')).reports as [ReportResult, ReportResult];
    expect(findingOf(a, FIRST)?.status).toBe('fail');
    expect(findingOf(b, FIRST)).toBeUndefined();
    expect(a.score.deductions.map((d) => d.ruleId)).toContain(FIRST);
    expect(b.score.deductions.map((d) => d.ruleId)).not.toContain(FIRST);
    expect(b.findings).toHaveLength(a.findings.length - 1);
    // Its weight no longer counts: b loses fewer points for the same text.
    expect(b.score.total).toBeGreaterThan(a.score.total);

    type Sarif = { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: SarifResult[] }> };
    type SarifResult = {
      ruleId: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
    };
    const sarif = JSON.parse(fs.readFileSync(out('r.sarif'), 'utf8')) as Sarif;
    const run = sarif.runs[0] as Sarif['runs'][number];
    expect(run.tool.driver.rules.map((r) => r.id)).toContain(FIRST); // on for a/r.txt
    const firstIn = (file: string) =>
      run.results.filter((x) => x.ruleId === FIRST && x.locations[0]?.physicalLocation.artifactLocation.uri === file);
    expect(firstIn('a/r.txt')).toHaveLength(1);
    expect(firstIn('b/r.txt')).toHaveLength(0);

    const junit = fs.readFileSync(out('r.xml'), 'utf8');
    const suite = (file: string) => junit.slice(junit.indexOf(`<testsuite name="${file}"`)).split('</testsuite>')[0];
    expect(suite('a/r.txt')).toContain(`name="${FIRST} `);
    expect(suite('b/r.txt')).not.toContain(`name="${FIRST} `);
    expect(suite('b/r.txt')).toContain(`tests="${a.findings.length - 1}"`);

    const onlyB = runCli(['check', 'b/r.txt', '--fail-on', 'never', '-f', 'sarif'], { cwd: dir });
    const rules = (JSON.parse(onlyB.stdout) as Sarif).runs[0]?.tool.driver.rules.map((r) => r.id);
    expect(rules).not.toContain(FIRST);
    expect(rules).toContain(RATE);
  });

  it('a severity override changes the finding, its SARIF level and the score in one pass', () => {
    const dir = project(`overrides:\n  - files: ["a/**"]\n    rules:\n      ${FIRST}: info\n`);
    const r = runCli(['check', 'a/r.txt', 'b/r.txt', '--fail-on', 'never', '-f', 'json'], { cwd: dir });
    const [a, b] = json(r.stdout).reports as [ReportResult, ReportResult];
    expect(findingOf(a, FIRST)?.severity).toBe('info');
    expect(findingOf(b, FIRST)?.severity).toBe('error');
    // Info findings are never scored: scored before the severity was applied, a would equal b.
    expect(a.score.deductions.map((d) => d.ruleId)).not.toContain(FIRST);
    expect(a.score.total).toBeGreaterThan(b.score.total);
    type Sarif = { runs: Array<{ results: Array<{ ruleId: string; level: string }> }> };
    const sarif = runCli(['check', 'a/r.txt', 'b/r.txt', '--fail-on', 'never', '-f', 'sarif'], { cwd: dir });
    const levels = (JSON.parse(sarif.stdout) as Sarif).runs[0]?.results
      .filter((x) => x.ruleId === FIRST)
      .map((x) => x.level);
    expect(levels).toEqual(['note', 'error']);
  });

  it('each report is scored once, and a rule turned off is never compiled', async () => {
    const dir = project(`rules:\n  ${FIRST}: off\n  ${RATE}: error\n`);
    const checker = new ReportChecker(loadPackSet(), loadConfig(path.join(dir, 'fazhi.config.yaml')));
    const ruleSet = checker.ruleSetFor(path.join(dir, 'a', 'r.txt'));
    expect(ruleSet.rules.map((c) => c.rule.id)).not.toContain(FIRST);
    expect(ruleSet.rules.find((c) => c.rule.id === RATE)?.rule.severity).toBe('error');
    const counted = vi.mocked(score.computeScore);
    counted.mockClear();
    const run = await runCheck([path.join(dir, 'a'), path.join(dir, 'b')], checker, { jobs: 1 });
    expect(run.reports).toHaveLength(2);
    expect(counted).toHaveBeenCalledTimes(2);
    expect(run.rules.map((r) => r.id)).not.toContain(FIRST);
    expect(run.rules.find((r) => r.id === RATE)?.severity).toBe('error');
    // One compiled rule set serves both files (equal settings).
    expect(checker.ruleSetFor(path.join(dir, 'b', 'r.txt'))).toBe(ruleSet);
  });

  it('a rule set given compiled keeps its own params in every file', async () => {
    const ruleSet = compileRuleSet(loadPackSet(), { [RATE]: { min: 99 } });
    const dir = project('');
    const run = await runCheck([path.join(dir, 'a', 'r.txt')], ruleSet, { jobs: 1 });
    expect(findingOf(run.reports[0] as ReportResult, RATE)?.message).toContain('低于99%');
  });
});

describe('the library gets the same safety policy as the CLI', () => {
  const EVIL = MINIMAL_PACK.replace(/phrases: \[[^\]]*\]/, 'regex: "(法治|法治建设)*完成$"');

  it('a pack with a catastrophic regex is refused by runCheck with the message the CLI prints', async () => {
    expect(EVIL).not.toBe(MINIMAL_PACK);
    const pack = path.join(tmp, 'evil.yaml');
    fs.writeFileSync(pack, EVIL);
    const dir = project('');
    const cli = runCli(['check', path.join(dir, 'a', 'r.txt'), '--no-config', '--pack', pack]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('ReDoS');
    const error = await runCheck([path.join(dir, 'a', 'r.txt')], compileRuleSet(loadPackSet([pack]))).catch(
      (e: FazhiError) => e,
    );
    expect(error).toBeInstanceOf(FazhiError);
    const refused = error as FazhiError;
    expect(refused.code).toBe('pack-invalid');
    // The attack string recheck finds varies in length from run to run.
    const shown = (line: string) => line.replace(/长度 \d+/, '长度 N');
    // The CLI ends a run-stopping error with its code.
    expect(shown(`fazhi: ${refused.toLine()} [${refused.code}]\n`)).toBe(shown(cli.stderr));
  });

  // Worker threads run dist/run/worker.js: the built library.
  const built = async () => (await import(path.join(ROOT, 'dist/index.js'))) as typeof import('../src/index.js');
  const bigReport = () => {
    const big = path.join(tmp, 'big.txt');
    if (!fs.existsSync(big))
      fs.writeFileSync(big, fs.readFileSync(path.join(ROOT, 'reports/xuantan-2024.txt'), 'utf8').repeat(1000));
    return big;
  };

  it('a pack from elsewhere runs in worker threads under the time budget, with jobs: 1 too', async () => {
    const lib = await built();
    const pack = path.join(tmp, 'custom.yaml');
    fs.writeFileSync(pack, MINIMAL_PACK);
    const small = path.join(ROOT, 'reports/taojia-2025.txt');
    const run = await lib.runCheck([bigReport(), small], lib.compileRuleSet(lib.loadPackSet([pack])), {
      jobs: 1,
      timeoutMs: 300,
    });
    // Stopped: only a worker can be ended in the middle of a check.
    expect(run.failures.map((f) => f.message)).toEqual([expect.stringContaining('检查超时（超过 0.3 秒）')]);
    expect(run.reports.map((r) => r.file)).toEqual([small]);
  });

  it('runCheck(inputs, ruleSet, { jobs: 2 }) checks on worker threads too', async () => {
    const lib = await built();
    const big = path.join(tmp, 'big-300.txt');
    fs.writeFileSync(big, fs.readFileSync(path.join(ROOT, 'reports/xuantan-2024.txt'), 'utf8').repeat(300));
    const copies = ['1', '2', '3'].map((n) => {
      const copy = path.join(tmp, `big-300-${n}.txt`);
      fs.copyFileSync(big, copy);
      return copy;
    });
    // Built-in packs: this thread checks too; workers join at once here (no head start). The
    // time budget holds on worker threads only: a report stopped by it was checked on one.
    const run = await lib.runCheck(copies, lib.compileRuleSet(lib.loadPackSet()), {
      jobs: 2,
      workerDelayMs: 0,
      timeoutMs: 300,
    });
    expect(run.failures.length).toBeGreaterThanOrEqual(1);
    expect(run.failures.length + run.reports.length).toBe(3);
  }, 30_000);
});
