import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('README sample outputs', () => {
  it('are what fazhi prints today (node scripts/readme-samples.mjs regenerates them)', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/readme-samples.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('has a generated sample for the terminal and for JSON', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/<!-- sample: check reports\/\S+ .*-->\n```text\n\S+/);
    expect(readme).toMatch(/<!-- sample-json: check reports\/\S+ -f json -->\n```json\n\{\n {2}"schemaVersion": 1/);
  });
});
