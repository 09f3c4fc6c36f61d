import { defineConfig } from 'vitest/config';
import base from './vitest.mutate.config.js';

/**
 * The tests of src/facts/ for its mutation run (stryker.facts.config.mjs, npm run mutate -- facts): numbers,
 * concepts and sentences, the engine's checks that read those facts, derived rates and the prefilter. The
 * whole-corpus suites also reach the facts but cover every line, so each mutant would run them; left out, they can
 * only kill more mutants: the score measured with this subset is a lower bound.
 */
export default defineConfig({
  test: {
    ...base.test,
    // The exhaustive check of sentence ends against Intl.Segmenter (every BMP character) takes minutes under
    // instrumentation; the random texts and the tables of the same file still run.
    env: { ...base.test?.env, FAZHI_MUTATION_RUN: '1' },
    include: [
      'test/facts-*.test.ts',
      'test/numbers.test.ts',
      'test/concepts.test.ts',
      'test/engine-numbers*.test.ts',
      'test/engine-concepts-boundaries.test.ts',
      'test/engine-terms*.test.ts',
      'test/engine-duplicates*.test.ts',
      'test/derived-rates.test.ts',
      'test/prefilter.test.ts',
      'test/packs-prefilter.test.ts',
      'test/paraphrases.test.ts',
    ],
  },
});
