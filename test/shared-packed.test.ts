import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mapPacked } from '../src/shared/packed.js';

describe('mapPacked', () => {
  it('gives what Array.prototype.map gives: each item mapped with its index, in order', () => {
    const items = ['甲', '乙', '丙'];
    expect(mapPacked(items, (s, i) => `${i}${s}`)).toEqual(items.map((s, i) => `${i}${s}`));
    expect(mapPacked([], () => 1)).toEqual([]);
  });

  // Why it exists, on the Node that runs the tests: an optimised caller of Array.prototype.map
  // returns a holey array (so its readers meet a new map and are deoptimised), of mapPacked a packed one.
  it('keeps its arrays packed once its caller is optimised, where map does not', () => {
    const packed = pathToFileURL(path.resolve('dist/shared/packed.js')).href;
    const script = `
      const { mapPacked } = await import(${JSON.stringify(packed)});
      const box = (x) => ({ x });
      const kinds = {};
      for (const [name, make] of [
        ['map', (xs) => xs.map(box)],
        ['mapPacked', mapPacked],
      ]) {
        const xs = [1, 2, 3];
        const before = %HasHoleyElements(make(xs, box));
        %PrepareFunctionForOptimization(make);
        make(xs, box);
        make(xs, box);
        %OptimizeFunctionOnNextCall(make);
        const after = %HasHoleyElements(make(xs, box));
        kinds[name] = { before, after };
      }
      console.log(JSON.stringify(kinds));
    `;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const kinds = JSON.parse(r.stdout) as Record<string, { before: boolean; after: boolean }>;
    expect(kinds.map).toEqual({ before: false, after: true });
    expect(kinds.mapPacked).toEqual({ before: false, after: false });
  });
});
