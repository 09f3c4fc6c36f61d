import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/report/pipeline.js';
import { agreement, compare, loadExpectations } from '../src/cli/eval.js';
import { readInput } from '../src/ingest/index.js';
import { builtinRules, ROOT } from './helpers.js';

const expectations = loadExpectations(path.join(ROOT, 'test/corpus-expectations.yaml'));

describe('test/corpus-expectations.yaml', () => {
  it('covers every sample report', () => {
    expect([...expectations.reports.keys()].map((f) => path.basename(f)).sort()).toEqual([
      'draft-low-mediation.txt',
      'draft-no-first-responsible.txt',
      'gurtu-2024.txt',
      'taojia-2025.txt',
      'xuantan-2024.txt',
    ]);
  });

  it.each([...expectations.reports.keys()].map((f) => [path.basename(f), f]))(
    '%s: every rule judged and agreeing',
    async (_name, file) => {
      const result = await checkSource(await readInput(file), builtinRules());
      const rows = compare([result], expectations);
      const disagreements = rows
        .filter((r) => r.expected !== r.actual)
        .map((r) => `${r.ruleId}: expected ${r.expected ?? 'unjudged'}, got ${r.actual ?? 'missing'}`);
      expect(disagreements).toEqual([]);
      expect(agreement(rows).unjudged).toBe(0);
    },
  );
});
