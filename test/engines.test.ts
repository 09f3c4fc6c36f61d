import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// semver ships no types of its own; the two functions used here are typed by hand.
const semver = createRequire(import.meta.url)('semver') as {
  subset(range: string, superset: string): boolean;
  validRange(range: string): string | null;
};

const ROOT = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; optional?: boolean; engines?: { node?: string } | string[] }>;
};

/** Every package a production install brings, with the Node versions it declares (from the lock file). */
const production = Object.entries(lock.packages)
  .filter(([where, info]) => where.startsWith('node_modules/') && !info.dev)
  .map(([where, info]) => ({
    name: where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length),
    node: Array.isArray(info.engines) ? undefined : info.engines?.node,
  }));

describe('engines', () => {
  it('the lock file lists the production dependencies', () => {
    expect(production.map((p) => p.name)).toEqual(expect.arrayContaining(['json-rules-engine', 'pdfjs-dist', 'yaml']));
  });

  it('states only Node versions that every production dependency supports', () => {
    const ours = pkg.engines.node;
    expect(semver.validRange(ours)).not.toBeNull();
    const narrower = production.filter((p) => p.node && !semver.subset(ours, p.node));
    expect(narrower.map((p) => `${p.name} needs node ${p.node}`)).toEqual([]);
  });
});
