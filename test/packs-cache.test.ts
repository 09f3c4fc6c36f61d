import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_DIR, CACHE_FILE, isTrustedPackFile, loadPackFile } from '../src/packs/load.js';

// The loader reads this on first use: this file checks the built-in packs as the CLI uses them, from the build
// (npm run build writes dist/builtin-packs.json); the mutation suite sets it for every other file.
delete process.env.FAZHI_NO_BUILTIN_CACHE;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cache-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!fs.existsSync(CACHE_FILE))('built-in packs from the build cache', () => {
  const builtin = path.join(BUILTIN_DIR, 'outline-2021-2025.yaml');

  it('an unchanged built-in pack is trusted; a copy elsewhere or a file the build never saw is not', () => {
    const copy = path.join(dir, 'outline-2021-2025.yaml');
    fs.copyFileSync(builtin, copy);
    expect(isTrustedPackFile(builtin)).toBe(true);
    expect(isTrustedPackFile(path.relative(process.cwd(), builtin))).toBe(true);
    expect(isTrustedPackFile(copy)).toBe(false);
    expect(isTrustedPackFile(path.join(BUILTIN_DIR, 'no-such-pack.yaml'))).toBe(false);
    expect(isTrustedPackFile(path.join(BUILTIN_DIR, 'pack.schema.json'))).toBe(false);
  });

  it('the cached pack is the pack the file gives, with positions read from the file when asked', () => {
    const copy = path.join(dir, 'outline-2021-2025.yaml');
    fs.copyFileSync(builtin, copy);
    const cached = loadPackFile(builtin);
    const parsed = loadPackFile(copy);
    expect(cached.rules.map((r) => [r.id, r.check])).toEqual(parsed.rules.map((r) => [r.id, r.check]));
    const first = cached.rules[0]!.id;
    expect(cached.locate(['rules', first, 'message'])).toEqual(parsed.locate(['rules', first, 'message']));
    expect(cached.locate(['rules', first, 'message'])).not.toBeNull();
  });
});
