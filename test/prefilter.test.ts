import fs from 'node:fs';
import path from 'node:path';
import { RegExpParser } from '@eslint-community/regexpp';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/document/parse.js';
import { compileConcept, compileRuleSet } from '../src/engine/compile.js';
import { evaluate } from '../src/engine/evaluate.js';
import { scanCandidates } from '../src/facts/concepts.js';
import { computeFacts } from '../src/facts/compute.js';
import { documentPresence, presenceIn } from '../src/facts/presence.js';
import { loadPackSet, NEEDS_CACHE_FILE } from '../src/packs/load.js';
import { compileNeeds, regexNeeds, useNeedsHost, type Needs } from '../src/packs/prefilter.js';
import { builtinRules, ROOT } from './helpers.js';

describe('the literals a regex needs', () => {
  it.each([
    ['法制审核|法治审核', ['法制审核', '法治审核']],
    ['研究(解决|部署|审议)', ['研究审议', '研究解决', '研究部署']],
    ['(?<![0-9])1[3-9][0-9]{9}(?![0-9])', ['13', '14', '15', '16', '17', '18', '19']],
    ['规范性文件[^\\n。;]{0,40}备案|备案审查', ['备案审查', '规范性文件']],
    ['a*b', ['b']],
    ['(a|)b', ['ab', 'b']],
    ['[^x]y', ['y']],
    ['(a)\\1', ['a']],
    ['(?:ab){2}', ['abab']],
    ['a+', ['a']],
  ])('%s needs %j', (source, needs) => {
    expect(regexNeeds(source, 'gm', false)).toEqual(needs);
  });

  it.each([['a?'], ['.+'], ['\\d{3}'], ['a|.'], ['(?=a)'], ['a|b*'], ['[a-z]']])(
    '%s needs nothing nameable',
    (source) => {
      expect(regexNeeds(source, 'gm', false)).toBeNull();
    },
  );

  it('says nothing when case is ignored or the source does not parse', () => {
    expect(regexNeeds('abc', 'gi', false)).toBeNull();
    expect(regexNeeds('(abc', 'g', false)).toBeNull();
  });

  // Random regexes over a small alphabet, so that texts often do and often do not match.
  const ALPHABET = ['a', 'b', '法', '治'];
  const regexSource = fc.letrec((tie) => ({
    atom: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: fc.constantFrom(...ALPHABET), weight: 6 },
      { arbitrary: fc.constantFrom('[ab]', '[法治]', '[^a]', '[a-c]', '.', '\\n', '^', '$', '\\b'), weight: 2 },
      { arbitrary: tie('alt').map((s) => `(${s as string})`), weight: 1 },
      { arbitrary: tie('alt').map((s) => `(?:${s as string})`), weight: 1 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom('(?=', '(?!', '(?<=', '(?<!'), tie('alt'))
          .map(([open, s]) => `${open}${s as string})`),
        weight: 1,
      },
    ),
    piece: fc
      .tuple(tie('atom'), fc.constantFrom('', '', '', '', '?', '*', '+', '{2}', '{1,3}', '{0,2}'))
      .map(([a, q]) => `${a as string}${q}`),
    seq: fc.array(tie('piece'), { minLength: 1, maxLength: 4 }).map((parts) => (parts as string[]).join('')),
    alt: fc.array(tie('seq'), { minLength: 1, maxLength: 3 }).map((alts) => (alts as string[]).join('|')),
  })).alt as fc.Arbitrary<string>;
  const text = fc.array(fc.constantFrom(...ALPHABET, '\n', 'c', 'd'), { maxLength: 10 }).map((cs) => cs.join(''));

  it('never rules out a text the regex matches (random regexes and texts)', () => {
    let ruledOut = 0;
    fc.assert(
      fc.property(regexSource, text, (source, sample) => {
        let re: RegExp;
        try {
          re = new RegExp(source, 'gm');
        } catch {
          return; // quantified assertions and the like: not a regex
        }
        const needs = regexNeeds(source, 'gm', false);
        if (!needs) return;
        const absent = !needs.some((n) => sample.includes(n));
        const bitsAbsent = !presenceIn(sample).mayContainAny(compileNeeds(needs));
        if (absent || bitsAbsent) {
          ruledOut++;
          expect(re.test(sample), `${source} on ${JSON.stringify(sample)} needs ${JSON.stringify(needs)}`).toBe(false);
        }
        // The bitsets may say "maybe" wrongly, never "absent" wrongly.
        if (!absent) expect(bitsAbsent).toBe(false);
      }),
      { numRuns: 3000 },
    );
    expect(ruledOut).toBeGreaterThan(300);
  });

  it('the build cache holds every built-in pattern, as analysed now', () => {
    const cached = JSON.parse(fs.readFileSync(NEEDS_CACHE_FILE, 'utf8')) as Record<string, unknown>;
    const patterns = builtinRules().plan.patterns;
    for (const { re } of patterns)
      expect(cached[`${re.flags}/${re.source}`], re.source).toEqual(regexNeeds(re.source, re.flags, false));
    expect(patterns.filter((p) => p.needs).length / patterns.length).toBeGreaterThan(0.9);
  });

  it('the build cache holds every built-in concept, named by a rule or not, as analysed now', () => {
    const cached = JSON.parse(fs.readFileSync(NEEDS_CACHE_FILE, 'utf8')) as Record<string, unknown>;
    const concepts = [...loadPackSet().concepts.values()].map((def) => compileConcept(def, () => null));
    for (const { id, re } of concepts) {
      expect(Object.hasOwn(cached, `${re.flags}/${re.source}`), id).toBe(true);
      expect(cached[`${re.flags}/${re.source}`], id).toEqual(regexNeeds(re.source, re.flags, false));
    }
    expect(concepts.filter((c) => c.needs).length / concepts.length).toBeGreaterThan(0.9);
  });
});

describe('skipping scans changes no fact', () => {
  const rules = builtinRules();
  const unfiltered = { ...rules.plan, patterns: rules.plan.patterns.map((p) => ({ ...p, needs: null })) };
  const factsOf = (text: string, plan: typeof rules.plan) => {
    const facts = computeFacts(parseDocument({ file: 'x.txt', format: 'text', encoding: null, text }), plan);
    return { values: facts.values, hits: [...facts.hits] };
  };

  it('on the sample reports', () => {
    for (const name of fs.readdirSync(path.join(ROOT, 'reports')).filter((f) => f.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(ROOT, 'reports', name), 'utf8');
      expect(factsOf(text, rules.plan), name).toEqual(factsOf(text, unfiltered));
    }
  });

  it('on report-like text stitched from the sample reports', () => {
    const lines = fs.readFileSync(path.join(ROOT, 'reports', 'xuantan-2024.txt'), 'utf8').split('\n');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lines), { maxLength: 25 }), (picked) => {
        const text = picked.join('\n');
        expect(factsOf(text, rules.plan)).toEqual(factsOf(text, unfiltered));
      }),
      { numRuns: 200 },
    );
  });
});

describe('skipping the concepts a report cannot hold changes no verdict', () => {
  const rules = builtinRules();
  // With no parser and no table nothing is known, so every concept and pattern is scanned in full.
  useNeedsHost({ knownNeeds: () => null });
  const unfiltered = compileRuleSet(loadPackSet());
  useNeedsHost({
    knownNeeds: () => JSON.parse(fs.readFileSync(NEEDS_CACHE_FILE, 'utf8')) as Record<string, Needs>,
    parser: () => RegExpParser,
  });
  const verdictsOf = async (text: string, ruleSet: typeof rules) => {
    const facts = computeFacts(parseDocument({ file: 'x.txt', format: 'text', encoding: null, text }), ruleSet.plan);
    return { values: facts.values, findings: await evaluate(ruleSet, facts) };
  };
  const samples = fs
    .readdirSync(path.join(ROOT, 'reports'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(ROOT, 'reports', f), 'utf8'));

  it('the unfiltered set really scans everything', () => {
    expect(unfiltered.plan.planContext?.every((c) => !c.needs)).toBe(true);
    expect(rules.plan.planContext?.every((c) => c.needs)).toBe(true);
  });

  it('on the sample reports, where some concepts are skipped', async () => {
    const concepts = [...loadPackSet().concepts.values()].map((def) => compileConcept(def, () => null));
    let skipped = 0;
    for (const text of samples) {
      expect(await verdictsOf(text, rules)).toEqual(await verdictsOf(text, unfiltered));
      const doc = parseDocument({ file: 'x.txt', format: 'text', encoding: null, text });
      for (const c of concepts) {
        if (c.needs && !documentPresence(doc).mayContainAny(c.needs)) {
          skipped++;
          const candidates: number[] = [];
          scanCandidates(doc, c, (i) => candidates.push(i));
          expect(candidates).toEqual([]);
        }
      }
    }
    expect(skipped).toBeGreaterThan(0);
  });

  it('on report-like text stitched from the sample reports', async () => {
    const lines = samples.flatMap((t) => t.split('\n'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...lines), { maxLength: 20 }), async (picked) => {
        const text = picked.join('\n');
        expect(await verdictsOf(text, rules)).toEqual(await verdictsOf(text, unfiltered));
      }),
      { numRuns: 150 },
    );
  });
});
