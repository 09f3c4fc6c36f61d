import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
