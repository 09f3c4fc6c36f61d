import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/check.js';
import { compileRuleSet } from '../src/engine/compile.js';
import { loadPackSet } from '../src/packs/load.js';
import { ROOT } from './helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('its example pack loads, extends a built-in pack and its examples hold', async () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
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

  it('keeps exactly the two set-up commands', () => {
    expect(readme).toContain('npm ci && node bin/fazhi.js check reports/taojia-2025.txt');
    expect(readme).toContain('npm ci && npm test');
  });
});
