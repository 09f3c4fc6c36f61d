// @ts-check
/**
 * Mutation testing of src/facts/ (npm run mutate -- facts) with the tests of vitest.mutate.facts.config.ts only: a
 * lower bound on the score the whole in-process suite would give, in a fraction of its time. One file at a time:
 * npx stryker run stryker.facts.config.mjs --mutate src/facts/concepts.ts --ignoreStatic --concurrency 2
 */
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutate.facts.config.ts' },
  mutate: ['src/facts/**/*.ts'],
  incrementalFile: 'test/mutation/facts.json',
};
