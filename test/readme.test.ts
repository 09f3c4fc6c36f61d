import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/report/text.js';
import { compileRuleSet } from '../src/engine/compile.js';
import { parse } from 'yaml';
import { Checker } from '../src/report/checker.js';
import { loadConfig } from '../src/config/load.js';
import { DEFAULT_PACKS, loadPackSet } from '../src/packs/load.js';
import { ROOT } from './helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const yamlBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);

describe('README', () => {
  it('its example pack loads, extends a built-in pack and its examples hold', async () => {
    const block = yamlBlocks.find((b) => b.startsWith('id: my-province'));
    expect(block).toBeDefined();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-readme-'));
    const file = path.join(dir, 'my-province.yaml');
    writeFileSync(file, block as string);
    const set = compileRuleSet(loadPackSet([file]));
    const rule = set.rules.find((r) => r.rule.id === 'publicity/who-enforces-teaches');
    expect(rule).toBeDefined();
    expect(set.rules.some((r) => r.rule.id === 'mediation/success-rate')).toBe(true);
    for (const expected of ['pass', 'fail'] as const) {
      for (const text of rule?.rule.examples?.[expected] ?? []) {
        const result = await checkText(text, set);
        expect(result.findings.find((f) => f.ruleId === rule?.rule.id)?.status, text).toBe(expected);
      }
    }
  });

  it('its example config loads and names only real rules', () => {
    const block = yamlBlocks.find((b) => b.startsWith('extends: [./rules/examples/province.yaml]'));
    expect(block).toBeDefined();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-readme-config-'));
    mkdirSync(path.join(dir, 'rules/examples'), { recursive: true });
    copyFileSync(path.join(ROOT, 'rules/examples/province.yaml'), path.join(dir, 'rules/examples/province.yaml'));
    writeFileSync(path.join(dir, 'fazhi.config.yaml'), block as string);
    const config = loadConfig(path.join(dir, 'fazhi.config.yaml'));
    expect(() => new Checker(loadPackSet([...DEFAULT_PACKS, ...config.extends]), config)).not.toThrow();
    expect(config).toMatchObject({ failOn: 'error', minScore: 60, maxWarnings: 20 });
  });

  it('its CI examples are valid YAML that run fazhi check or the action (test/action.test.ts runs them)', () => {
    const ci = yamlBlocks.filter((b) => b.includes('fazhi check') || b.includes('uses: fazhi-check/fazhi@v1'));
    expect(ci).toHaveLength(2);
    for (const b of ci) expect(() => parse(b)).not.toThrow();
  });

  it('keeps exactly the two set-up commands', () => {
    expect(readme).toContain('npm ci && node bin/fazhi.js check reports/taojia-2025.txt');
    expect(readme).toContain('npm ci && npm test');
  });
});

describe("the README's first screen: one command for each user, run as written", () => {
  const start = readme.slice(readme.indexOf('### Start here'), readme.indexOf('## Set up'));
  const commands = [...start.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] as string).trim());
  const scratch = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-first-'));
    for (const folder of ['报送材料', 'reports']) {
      mkdirSync(path.join(dir, folder));
      copyFileSync(path.join(ROOT, 'reports', 'taojia-2025.txt'), path.join(dir, folder, '陶家镇.txt'));
      copyFileSync(path.join(ROOT, 'test/fixtures/docx/xuantan-2024.docx'), path.join(dir, folder, '宣滩镇.docx'));
    }
    copyFileSync(path.join(ROOT, 'test/fixtures/docx/taojia-2025.docx'), path.join(dir, '报告.docx'));
    return dir;
  };
  /** The line with `fazhi` as the built CLI, split as a shell splits these (no quotes in them). */
  const run = (line: string, cwd: string) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin/fazhi.js'), ...line.replace(/^fazhi /, '').split(/\s+/)], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('names the install, then a town office, an inspector and a CI owner, in that order', () => {
    expect(start).toContain('npm install -g git+https://github.com/fazhi-check/fazhi.git');
    expect(commands).toHaveLength(4);
    expect(start.indexOf('Town office')).toBeLessThan(start.indexOf('County inspector'));
    expect(start.indexOf('County inspector')).toBeLessThan(start.indexOf('CI owner'));
  });

  it('town office: the draft is checked, in the terminal', () => {
    const r = run(commands[0]!, scratch());
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^报告\.docx\n陶家镇/);
    expect(r.stdout).toMatch(/通过：|未通过：/);
  });

  it('town office: the draft handed back as Word with comments, beside it', () => {
    const dir = scratch();
    const r = run(commands[1]!, dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^已写入批注版：报告\.批注\.docx/);
    expect(readFileSync(path.join(dir, '报告.批注.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('inspector: one folder with the dashboard, the workbook and a feedback per town', () => {
    const dir = scratch();
    const r = run(commands[2]!, dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^已写入审核结果：审核结果（2 份报告）/);
    expect(readFileSync(path.join(dir, '审核结果', 'index.html'), 'utf8')).toMatch(
      /^<!DOCTYPE html>[\s\S]*(陶家镇[\s\S]*玄滩镇|玄滩镇[\s\S]*陶家镇)/,
    );
    expect(
      readFileSync(path.join(dir, '审核结果', '审核汇总.xlsx'))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(readdirSync(path.join(dir, '审核结果', '反馈意见'))).toHaveLength(2);
  });

  it('CI owner: exit 1 under the score gate, SARIF in its file, the gate said on the last line', () => {
    const dir = scratch();
    const r = run(commands[3]!, dir);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'fazhi.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    expect([0, 1]).toContain(r.status);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(r.status === 1 ? /^✗ 未通过：/ : /^✓ 通过：/);
  });
});
