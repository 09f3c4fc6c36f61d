import { describe, expect, it } from 'vitest';
import { unitSet } from '../src/text/unit-set.js';

describe('unitSet', () => {
  it('holds the units of its strings, its single units and its ranges, ends included, and nothing else', () => {
    const set = unitSet('鎮報', 0x0a, [0xff01, 0xff03], '😀');
    const members = [...set.keys()].filter((code) => set[code] === 1);
    expect(members).toEqual([0x0a, 0xd83d, 0xde00, 0x5831, 0x93ae, 0xff01, 0xff02, 0xff03].sort((a, b) => a - b));
    expect(set).toHaveLength(0x10000);
  });
});
