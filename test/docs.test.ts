import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleDocs } from '../src/packs/docs.js';
import { loadPackSet } from '../src/packs/load.js';
import { ROOT } from './helpers.js';

const DIR = path.join(ROOT, 'docs/rules');

describe('docs/rules', () => {
  const pages = renderRuleDocs(loadPackSet());

  it('has exactly one committed page per area plus the index (run `npm run docs` after changing a pack)', () => {
    const committed = readdirSync(DIR)
      .filter((f) => f.endsWith('.md'))
      .sort();
    expect(committed).toEqual([...pages.keys()].sort());
  });

  it.each([...pages.keys()])('%s matches what the packs generate (run `npm run docs`)', (name) => {
    expect(readFileSync(path.join(DIR, name), 'utf8')).toBe(pages.get(name));
  });

  it('documents every rule once', () => {
    const all = [...pages.values()].join('\n');
    for (const rule of loadPackSet().rules) expect(all.split(`\n## ${rule.id}\n`).length - 1, rule.id).toBe(1);
  });
});
