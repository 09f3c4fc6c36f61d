import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/report/text.js';
import { compileRuleSet } from '../src/engine/compile.js';
import { RuleDecider } from '../src/engine/verdicts.js';
import type { FactValue } from '../src/facts/model.js';
import { loadPackSet } from '../src/packs/load.js';
import { ROOT } from './helpers.js';

// Values the built-in facts take (counts, rates, years, flags, "not reported"), few enough
// that generated tuples repeat and remembered verdicts are actually served.
const factValue = fc.constantFrom<FactValue>(
  null,
  true,
  false,
  0,
  1,
  2,
  3,
  7,
  50,
  85,
  98.5,
  100,
  120,
  2024,
  2025,
  2026,
);

describe('remembered verdicts are json-rules-engine verdicts', () => {
  it('for every built-in rule, any fact values: the same verdict and evaluated conditions as a fresh engine run', async () => {
    const { rules } = compileRuleSet(loadPackSet());
    const facts = [...new Set(rules.flatMap((r) => r.decider.reads))].sort();
    let served = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(factValue, { minLength: facts.length, maxLength: facts.length }), async (tuple) => {
        const values = Object.fromEntries(facts.map((id, i) => [id, tuple[i] as FactValue]));
        for (const { decider } of rules) {
          const before = await decider.ask(values);
          const remembered = await decider.decide(values);
          const again = await decider.decide(values);
          if (again === remembered) served++;
          expect(remembered).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
    expect(served).toBe(150 * rules.length);
  });

  it('tells apart values that print alike: 1, "1" and true; strings that would run together', async () => {
    const one = new RuleDecider('t/one', { all: [{ fact: 'x', operator: 'is', value: 1 }] });
    expect((await one.decide({ x: 1 })).passed).toBe(true);
    expect((await one.decide({ x: '1' })).passed).toBe(false);
    expect((await one.decide({ x: true })).passed).toBe(false);
    expect((await one.decide({ x: 1 })).passed).toBe(true);
    const pair = new RuleDecider('t/pair', {
      all: [
        { fact: 'a', operator: 'is', value: 'x|' },
        { fact: 'b', operator: 'is', value: 'y' },
      ],
    });
    expect((await pair.decide({ a: 'x|', b: 'y' })).passed).toBe(true);
    expect((await pair.decide({ a: 'x', b: '|y' })).passed).toBe(false);
    expect((await pair.decide({ a: 'x|', b: 'y' })).passed).toBe(true);
  });

  it('remembers by leaf outcomes: different numbers, the same outcomes, one verdict', async () => {
    const decider = new RuleDecider('t/rate', {
      all: [
        { fact: 'rate', operator: 'atLeast', value: 95 },
        { fact: 'year', operator: 'is', value: 2025 },
      ],
    });
    const first = await decider.decide({ rate: 96.5, year: 2025 });
    expect(first.passed).toBe(true);
    // Served at once (no promise), the same object: the engine was not asked again.
    expect(decider.decide({ rate: 100, year: 2025 })).toBe(first);
    const low = await decider.decide({ rate: 90, year: 2025 });
    expect(low.passed).toBe(false);
    expect(low.conditions.all?.map((c) => c.result)).toEqual([false, true]);
    expect(decider.decide({ rate: 12, year: 2025 })).toBe(low);
    expect((await decider.decide({ rate: 96.5, year: 2024 })).passed).toBe(false);
  });

  it('stays right past the number of outcome combinations it remembers', async () => {
    // 11 flags: 2,048 combinations, twice the memory.
    const flags = Array.from({ length: 11 }, (_, i) => `f${i}`);
    const decider = new RuleDecider('t/many', { all: flags.map((fact) => ({ fact, operator: 'is', value: true })) });
    for (let round = 0; round < 2; round++) {
      for (let combination = 0; combination < 2 ** flags.length; combination++) {
        const values = Object.fromEntries(flags.map((f, i) => [f, (combination & (1 << i)) !== 0]));
        const { passed } = await decider.decide(values);
        if (passed !== (combination === 2 ** flags.length - 1)) expect.fail(`combination ${combination}: ${passed}`);
      }
    }
  });

  it('a condition the engine would resolve further, or an operator not ours, is refused when the rule is built', () => {
    expect(() => new RuleDecider('t/ref', { all: [{ fact: 'a', operator: 'is', value: { fact: 'b' } }] })).toThrow(
      /t\/ref: a condition json-rules-engine would resolve further/,
    );
    expect(() => new RuleDecider('t/builtin', { all: [{ fact: 'a', operator: 'equal', value: 1 }] })).toThrow(
      /t\/builtin/,
    );
  });

  it('past 30 leaves the engine is asked every time, and still decides', async () => {
    const flags = Array.from({ length: 31 }, (_, i) => `f${i}`);
    const decider = new RuleDecider('t/wide', { all: flags.map((fact) => ({ fact, operator: 'is', value: true })) });
    const all = Object.fromEntries(flags.map((f) => [f, true]));
    const first = decider.decide(all);
    expect(first).toBeInstanceOf(Promise);
    expect((await first).passed).toBe(true);
    expect(decider.decide(all)).toBeInstanceOf(Promise);
    expect((await decider.decide({ ...all, f30: false })).passed).toBe(false);
  });

  it('operators are ours and strict: "1,234", null and a missing value never pass a threshold', async () => {
    const decider = new RuleDecider('t/strict', { all: [{ fact: 'n', operator: 'atLeast', value: 1 }] });
    expect((await decider.decide({ n: '1,234' })).passed).toBe(false);
    expect((await decider.decide({ n: null })).passed).toBe(false);
    expect((await decider.decide({ n: 1 })).passed).toBe(true);
  });

  it('remembered verdicts are read-only: a check cannot change what the next report is told', async () => {
    const decider = new RuleDecider('t/frozen', { any: [{ fact: 'n', operator: 'atLeast', value: 1 }] });
    const verdict = await decider.decide({ n: 2 });
    expect(Object.isFrozen(verdict.conditions)).toBe(true);
    expect(Object.isFrozen(verdict.conditions.any?.[0])).toBe(true);
  });

  it('the real reports: a rule set that has seen them all gives each one the result a fresh rule set gives', async () => {
    const inputs = fs
      .readdirSync(path.join(ROOT, 'reports'))
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const texts = inputs.map((f) => [f, fs.readFileSync(path.join(ROOT, 'reports', f), 'utf8')] as const);
    expect(texts.length).toBeGreaterThanOrEqual(5);
    const warm = compileRuleSet(loadPackSet());
    for (const [file, text] of texts) await checkText(text, warm, file);
    for (const [file, text] of texts) {
      const fresh = await checkText(text, compileRuleSet(loadPackSet()), file);
      expect(await checkText(text, warm, file)).toEqual(fresh);
    }
  });
});
