import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's own folder, found upward from this module: the same from src/ (tests),
 * dist/ (tsc output) and dist/bundle/ (the bundled CLI), so data files resolve alike.
 */
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'fazhi-check'
    )
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('fazhi: package.json of fazhi-check not found');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
export const fromRoot = (...parts: string[]): string => path.join(PACKAGE_ROOT, ...parts);
