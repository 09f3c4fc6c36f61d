import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * The published package, installed the way a user installs it: `npm pack`, then
 * `npm install --offline` of the tarball in an empty folder, then the installed `fazhi` run.
 * Offline throughout: the dependencies come from the npm cache (which `npm ci` fills in CI), pinned
 * to this checkout's lockfile so that the cached versions are the ones asked for.
 * Where the cache lacks them, the install tests skip with the reason, except in CI, where they fail.
 */

const WIN = process.platform === 'win32';
const NPM = WIN ? 'npm.cmd' : 'npm';
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};
const TARBALL = `${PKG.name}-${PKG.version}.tgz`;
const TXT = path.join(ROOT, 'reports', 'taojia-2025.txt');
const PDF = path.join(ROOT, 'test', 'fixtures', 'pdf', 'taojia-2025.pdf');

let scratch = '';

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(NPM, args, {
    cwd,
    encoding: 'utf8',
    shell: WIN,
    // npm test's own settings (npm_config_local_prefix would install into this checkout) stay
    // out; the cache and the user's config stay: they are where `npm ci` put the packages.
    env: Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || /^npm_config_(?:cache|userconfig)$/i.test(k)),
    ),
    timeout: 180_000,
  });
}

/** Skips with the reason, loudly; in CI a missing prerequisite is a failure. */
function skipOrFail(ctx: TestContext, reason: string): void {
  if (process.env.CI === 'true') throw new Error(`pack-install (CI): ${reason}`);
  console.warn(`pack-install: skipped: ${reason}`);
  ctx.skip(reason);
}

/** A folder holding the tarball, a package.json that depends on it and a lockfile from this checkout's. */
function project(name: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, TARBALL), readFileSync(path.join(scratch, TARBALL)));
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean }>;
  };
  const root = { name: 'scratch', version: '1.0.0', dependencies: { [PKG.name]: `file:${TARBALL}` } };
  const packages: Record<string, unknown> = {
    '': root,
    [`node_modules/${PKG.name}`]: {
      version: PKG.version,
      resolved: `file:${TARBALL}`,
      license: PKG.license,
      dependencies: PKG.dependencies,
      optionalDependencies: PKG.optionalDependencies,
      bin: PKG.bin,
      engines: PKG.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || entry.dev) continue;
    const { devOptional, ...rest } = entry;
    packages[key] = devOptional ? { ...rest, optional: true } : rest;
  }
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...root, private: true }, null, 2));
  writeFileSync(
    path.join(dir, 'package-lock.json'),
    JSON.stringify({ name: 'scratch', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
  return dir;
}

/** Runs the installed command, as a user would after `npm install`. */
function fazhi(dir: string, args: string[]) {
  const bin = path.join(dir, 'node_modules', PKG.name, 'bin', 'fazhi.js');
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

function cacheMiss(run: SpawnSyncReturns<string>): boolean {
  return /ENOTCACHED|offline mode|cache mode is 'only-if-cached'/i.test(`${run.stdout}${run.stderr}`);
}

/** Install the project offline from the npm cache; a cache without the packages skips (fails in CI). */
function installOffline(ctx: TestContext, dir: string, omit: string[]): boolean {
  const install = npm(['install', '--offline', '--no-audit', '--no-fund', ...omit], dir);
  if (install.status !== 0 && cacheMiss(install)) {
    skipOrFail(
      ctx,
      `the npm cache lacks the dependencies (run npm ci once online): ${install.stderr.trim().split('\n')[0]}`,
    );
    return false;
  }
  expect(install.status, install.stderr).toBe(0);
  return true;
}

/** The installed command checks `file` as this checkout does: same exit code, same JSON. */
function expectChecked(dir: string, file: string): void {
  const args = ['check', file, '--format', 'json'];
  const installed = fazhi(dir, args);
  const here = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'fazhi.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect(installed.stderr).toBe('');
  expect([0, 1]).toContain(installed.status); // 1: the sample's gate verdict; 2 would be a failed run
  expect(installed.status).toBe(here.status);
  const json = JSON.parse(installed.stdout) as { reports: Array<{ score: { total: number } }> };
  expect(json.reports).toHaveLength(1);
  expect(json.reports[0]!.score.total).toBeGreaterThan(0);
  expect(json).toEqual(JSON.parse(here.stdout));
}

describe('the packed tarball', () => {
  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'fazhi-pack-'));
    expect(existsSync(path.join(ROOT, 'dist', 'bundle', 'cli.js')), 'run npm run build first').toBe(true);
    // The build already ran (pretest): pack what is there instead of building again.
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const info = JSON.parse(packed.stdout) as Array<{ filename: string; size: number; files: Array<{ path: string }> }>;
    expect(info[0]!.filename).toBe(TARBALL);
    const files = info[0]!.files.map((f) => f.path);
    // What the installed command needs to start: the bundle, its loader, the built-in packs.
    expect(files).toEqual(expect.arrayContaining(['bin/fazhi.js', 'bin/load-cli.js', 'dist/bundle/cli.js']));
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
  }, 120_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('installs offline without dev dependencies and checks a text report and a PDF', (ctx) => {
    const dir = project('prod');
    if (!installOffline(ctx, dir, ['--omit=dev'])) return;
    expect(existsSync(path.join(dir, 'node_modules', 'vitest'))).toBe(false);
    expectChecked(dir, TXT);
    expectChecked(dir, PDF);
  }, 240_000);

  it('installs offline without optional dependencies and still reads a PDF', (ctx) => {
    const dir = project('no-optional');
    if (!installOffline(ctx, dir, ['--omit=dev', '--omit=optional'])) return;
    expect(existsSync(path.join(dir, 'node_modules', '@napi-rs', 'canvas'))).toBe(false);
    expect(existsSync(path.join(dir, 'node_modules', 'recheck'))).toBe(false);
    expectChecked(dir, PDF);
  }, 240_000);
});

describe('the offline bundle (npm run pack:offline)', () => {
  it('installs with an empty cache and no network, and reads a PDF', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-offline-'));
    try {
      const out = path.join(dir, 'out');
      const made = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'pack-offline.mjs'), '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(made.status, made.stderr).toBe(0);
      const bundle = path.join(out, `${PKG.name}-${PKG.version}-offline.tgz`);
      expect(existsSync(bundle)).toBe(true);

      const site = path.join(dir, 'site');
      mkdirSync(site);
      writeFileSync(path.join(site, 'package.json'), '{"name":"site","version":"1.0.0","private":true}\n');
      const cache = path.join(dir, 'empty-cache');
      mkdirSync(cache);
      const install = npm(['install', '--offline', '--no-audit', '--no-fund', '--cache', cache, bundle], site);
      expect(install.status, install.stderr).toBe(0);
      // The dependencies came from inside the bundle; portable: no native optional packages.
      const inside = path.join(site, 'node_modules', PKG.name, 'node_modules');
      expect(existsSync(path.join(inside, 'pdfjs-dist', 'package.json'))).toBe(true);
      expect(existsSync(path.join(inside, '@napi-rs', 'canvas'))).toBe(false);
      expect(existsSync(path.join(site, 'node_modules', '@napi-rs', 'canvas'))).toBe(false);
      expectChecked(site, PDF);
      expectChecked(site, TXT);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
