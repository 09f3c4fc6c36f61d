// @ts-check
/** Mutation testing of the core (npm run mutate); see vitest.mutate.config.ts for the tests it runs. */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  checkers: [],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  mutate: [
    'src/text/**/*.ts',
    'src/document/**/*.ts',
    'src/facts/**/*.ts',
    'src/engine/**/*.ts',
    'src/score/**/*.ts',
    'src/packs/**/*.ts',
  ],
  incremental: true,
  incrementalFile: 'test/mutation/all.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports-mutation/mutation.html' },
  jsonReporter: { fileName: 'reports-mutation/mutation.json' },
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  // The default pattern also stamps // @ts-nocheck into test/fixtures/**/*.html, which byte-compare tests read.
  disableTypeChecks: 'src/**/*.ts',
};
