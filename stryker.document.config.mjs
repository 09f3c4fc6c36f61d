// @ts-check
/**
 * Mutation testing of src/document/ (npm run mutate -- document) with the tests of vitest.mutate.document.config.ts
 * only: a lower bound on the score the whole in-process suite would give, in a fraction of its time. One file at a
 * time: npx stryker run stryker.document.config.mjs --mutate src/document/meta.ts --ignoreStatic --concurrency 2
 */
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutate.document.config.ts' },
  mutate: ['src/document/**/*.ts'],
  incrementalFile: 'test/mutation/document.json',
};
