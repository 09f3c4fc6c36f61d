/**
 * The bundled CLI starts from the V8 code cache written by `npm run build` (bin/load-cli.js,
 * scripts/bundle.mjs). A cache V8 rejects still works, only slower: these tests make sure
 * the build's cache is one V8 accepts, and that the bundle stays ASCII (one other character
 * and V8 decodes the whole bundle into a two-byte string at every start). Every CLI test
 * runs through the cached bundle too (PDF input: an import() from cached code).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the CLI bundle and its code cache', () => {
  it('a fresh node process accepts the cache the build wrote', () => {
    // Outside vitest: its workers run with V8 flags of their own, which a cache is keyed by.
    const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('./bin/load-cli.js').loadCli().cache)"], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('accepted');
  });

  it('the bundle is plain ASCII', () => {
    const code = fs.readFileSync('dist/bundle/cli.js', 'utf8');
    expect(code.match(/[^\x00-\x7f]/)).toBeNull();
  });
});
