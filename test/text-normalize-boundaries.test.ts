import { describe, expect, it } from 'vitest';
import { normalize } from '../src/text/normalize.js';

describe('normalize: lines longer than the scratch buffers', () => {
  it('a long line keeps a map entry for every character and one for its end', () => {
    const line = '法治'.repeat(3000) + '，';
    const { text, map } = normalize(line);
    expect(text).toBe('法治'.repeat(3000) + ',');
    expect(map).toHaveLength(line.length + 1);
    expect(map[line.length - 1]).toBe(line.length - 1);
    expect(map[line.length]).toBe(line.length);
  });
});
