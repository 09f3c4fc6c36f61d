/**
 * Formatters are pure (results in, text out): they import nothing from cli/, nothing from
 * node: but the one module that names paths, and one format never borrows from another
 * (what two formats share has its own module under formatters/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../src/formatters/index.js';
import { ROOT } from './helpers.js';

const DIR = path.join(ROOT, 'src/formatters');
const modules = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts'));

function importsOf(file: string): string[] {
  const source = fs.readFileSync(path.join(DIR, file), 'utf8');
  return [...source.matchAll(/^(?:import|export)[^'"]*?from '([^']+)'|import\('([^']+)'\)/gm)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

describe('formatter modules', () => {
  it('finds the modules and their imports', () => {
    expect(modules).toContain('json.ts');
    expect(importsOf('json.ts')).toContain('./gate.js');
  });

  it.each(modules)('%s imports nothing from cli/', (file) => {
    expect(importsOf(file).filter((i) => i.includes('/cli/'))).toEqual([]);
  });

  it.each(modules.filter((f) => f !== 'paths.ts'))('%s imports nothing from node:', (file) => {
    expect(importsOf(file).filter((i) => i.startsWith('node:'))).toEqual([]);
  });

  it.each(FORMAT_NAMES)('the %s format borrows from no other format', (format) => {
    const others = FORMAT_NAMES.filter((f) => f !== format).map((f) => `./${f}.js`);
    expect(importsOf(`${format}.ts`).filter((i) => others.includes(i))).toEqual([]);
  });
});
