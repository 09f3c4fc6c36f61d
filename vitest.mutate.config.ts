import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The in-process suite for mutation testing (npm run mutate): tests that spawn the CLI bundle (bin/fazhi.js →
 * dist/) never see a mutant, so they only cost time here; the built-in pack caches in dist/ are bypassed too.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/ci-config.test.ts',
      'test/cli.test.ts',
      'test/code-cache.test.ts',
      'test/formatters-ci.test.ts',
      'test/streaming.test.ts',
      'test/error-codes.test.ts',
      'test/readme.test.ts',
      'test/readme-samples.test.ts',
      'test/cli-usage.test.ts',
      'test/sarif-links.test.ts',
      'test/walk.test.ts',
      'test/action.test.ts',
      'test/console-encoding.test.ts',
      'test/pdf-no-canvas.test.ts',
      'test/redos-optional.test.ts',
      // The terminal's layout and progress (formatters/, cli/, not mutated); main() with untrusted packs in workers.
      'test/terminal-width.test.ts',
      'test/progress-summary.test.ts',
      // Limits of the readers (ingest/, not mutated), some timed: flaky under instrumentation and load.
      'test/hostile-limits.test.ts',
      // Installs the packed tarball: minutes, and FAZHI_NO_BUILTIN_CACHE reaches the installed CLI.
      'test/pack-install.test.ts',
      // Library runs with workers: without the built-in caches the packs are not trusted, so they would be
      // isolated in worker threads, which load the built worker (dist/), never a mutant.
      'test/settings.test.ts',
      // process.chdir() is not allowed in the worker threads the Stryker runner uses.
      'test/json-output.test.ts',
      // Random inputs (fast-check) and a 10 MB line: slow under instrumentation, and no stable kill.
      'test/robustness.test.ts',
      // Readers of Word, PDF and web pages (ingest/, not mutated) and the formatters: they reach the core only
      // through the same pipeline the tests below cover, at several times the cost per mutant.
      'test/ingest-docx.test.ts',
      'test/ingest-pdf.test.ts',
      'test/ingest-html.test.ts',
      'test/parity.test.ts',
      'test/formatters-inspector.test.ts',
      ...configDefaults.exclude,
      '.stryker-tmp/**',
    ],
    env: { FAZHI_NO_BUILTIN_CACHE: '1' },
  },
});
