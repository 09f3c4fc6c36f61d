import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Many tests run the CLI several times over; a busy two-core CI machine needs more than 5 s.
    testTimeout: 30_000,
    // A mutation run (npm run mutate) that was stopped leaves its sandbox copies of the tests behind.
    exclude: [...configDefaults.exclude, '.stryker-tmp/**'],
    // One temporary folder for the whole run, removed at its end (test/temporary-folder.ts).
    globalSetup: ['test/temporary-folder.ts'],
  },
});
