import { defineConfig } from 'vitest/config';
import base from './vitest.mutate.config.js';

/**
 * The tests of src/document/ for its mutation run (stryker.document.config.mjs, npm run mutate -- document): the
 * parser, chrome, heading, meta and part tests, and the openings of real reports, which judge the title, body and
 * year. The whole-corpus and engine suites also reach the parser but cover every line of it, so each mutant would
 * run them; left out, they can only kill more mutants: the score measured with this subset is a lower bound.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: [
      'test/document*.test.ts',
      'test/meta.test.ts',
      'test/headings.test.ts',
      'test/openings.test.ts',
      'test/boundaries.test.ts',
    ],
  },
});
