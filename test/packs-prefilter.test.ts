import { RegExpParser } from '@eslint-community/regexpp';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  compileNeeds,
  needsKey,
  ONE_CHARACTER,
  pairKey,
  pairSlot,
  PRESENCE_PAIR_BITS,
  regexNeeds,
  useNeedsHost,
} from '../src/packs/prefilter.js';
import { presenceIn } from '../src/facts/presence.js';

beforeEach(() => useNeedsHost({ knownNeeds: () => null, parser: () => RegExpParser }));

const needs = (source: string, flags = 'gm') => regexNeeds(source, flags, false);

describe('prefilter needs at their limits', () => {
  it.each([
    // Character classes: up to 16 characters, ranges narrower than 16.
    ['[a-p]x', 'apx bpx cpx dpx epx fpx gpx hpx ipx jpx kpx lpx mpx npx opx ppx'.split(' ').map((s) => s[0] + 'x')],
    ['[a-q]x', ['x']],
    ['[a-hj-q]x', 'ax bx cx dx ex fx gx hx jx kx lx mx nx ox px qx'.split(' ')],
    ['[a-ij-q]x', ['x']],
    ['[^a]x', ['x']],
    ['[\\d]x', ['x']],
    // Exact strings multiply until 64, then only a need is kept.
    ['[ab][cd][ef]', ['ace', 'acf', 'ade', 'adf', 'bce', 'bcf', 'bde', 'bdf']],
    ['[a-h][a-h][ab]法治', ['a法治', 'b法治']],
    [
      '[a-h][a-h]',
      [
        'aa',
        'ab',
        'ac',
        'ad',
        'ae',
        'af',
        'ag',
        'ah',
        'ba',
        'bb',
        'bc',
        'bd',
        'be',
        'bf',
        'bg',
        'bh',
        'ca',
        'cb',
        'cc',
        'cd',
        'ce',
        'cf',
        'cg',
        'ch',
        'da',
        'db',
        'dc',
        'dd',
        'de',
        'df',
        'dg',
        'dh',
        'ea',
        'eb',
        'ec',
        'ed',
        'ee',
        'ef',
        'eg',
        'eh',
        'fa',
        'fb',
        'fc',
        'fd',
        'fe',
        'ff',
        'fg',
        'fh',
        'ga',
        'gb',
        'gc',
        'gd',
        'ge',
        'gf',
        'gg',
        'gh',
        'ha',
        'hb',
        'hc',
        'hd',
        'he',
        'hf',
        'hg',
        'hh',
      ],
    ],
    // The more selective need wins: longer shortest literal, then fewer literals.
    ['a.法治建设', ['法治建设']],
    ['法治建设.a', ['法治建设']],
    ['(甲|乙).(丙丁|戊己)', ['丙丁', '戊己']],
    ['(甲|乙|丙).(丁|戊)', ['丁', '戊']],
    ['(甲|乙).(丁|戊|己)', ['乙', '甲']],
    // Quantifiers: {n} repeats exactly up to 4 times; beyond, or open, the inner need stays.
    ['(?:ab){4}', ['abababab']],
    ['(?:ab){5}', ['ab']],
    ['(?:ab){2,3}', ['ab']],
    ['x?法治', ['法治']],
    // Lookarounds and anchors consume nothing.
    ['^法治$', ['法治']],
    ['(?<=甲)法治', ['法治']],
    ['\\b法治\\b', ['法治']],
    // An alternative with no need spoils the whole alternation.
    ['法治|.', null],
    ['(法治|.)建设', ['建设']],
    ['(?i:a)法治', ['法治']],
  ])('%s needs %j', (source, expected) => {
    expect(needs(source)).toEqual(expected && [...expected].sort());
  });

  it('astral characters count as one with u, and as surrogates without', () => {
    expect(needs('𠀀法', 'gmu')).toEqual(['𠀀法']);
    expect(needs('[𠀀]法', 'gmu')).toEqual(['𠀀法']);
    expect(needs('a[\\q{x}]', 'gv')).toEqual(['a']);
  });

  it('a host without a parser, or no usable host, scans everything', () => {
    useNeedsHost({ knownNeeds: () => null });
    expect(needs('法治')).toBeNull();
  });

  it('the build-time table answers first, asked once, unless told not to use it', () => {
    let asked = 0;
    useNeedsHost({
      knownNeeds: () => {
        asked++;
        return { [needsKey('法治', 'gm')]: ['治'], [needsKey('x', 'gm')]: null };
      },
      parser: () => RegExpParser,
    });
    expect(regexNeeds('法治', 'gm')).toEqual(['治']);
    expect(regexNeeds('x', 'gm')).toBeNull();
    expect(regexNeeds('建设', 'gm')).toEqual(['建设']);
    expect(regexNeeds('法治', 'g')).toEqual(['法治']);
    expect(regexNeeds('法治', 'gm', false)).toEqual(['法治']);
    expect(asked).toBe(1);
    expect(needsKey('a|b', 'gm')).toBe('gm/a|b');
  });
});

describe('compileNeeds and pairKey', () => {
  it('a lone character is tested as itself; a longer literal as the slots of its distinct pairs', () => {
    const slot = (s: string) => pairSlot(pairKey(s, 0), PRESENCE_PAIR_BITS);
    const needs = [...compileNeeds(['法', '法治法治'])];
    // The one-character mark and the character; then the count of distinct pairs (法治, 治法: the second 法治
    // adds none) and their slots.
    expect(needs.slice(0, 2)).toEqual([ONE_CHARACTER, '法'.charCodeAt(0)]);
    expect(needs[2]).toBe(2);
    expect(needs.slice(3).sort()).toEqual([slot('法治'), slot('治法')].sort());
    expect(needs).toHaveLength(5);
    expect(pairKey('ab', 0)).toBe((0x61 << 16) | 0x62);
    expect(pairKey('xab', 1)).toBe(pairKey('ab', 0));
  });

  it('presence answers each literal of a list, lone characters and pairs alike', () => {
    const needs = compileNeeds(['律师', '法', '合法性审查']);
    expect(presenceIn('聘请律师一名').mayContainAny(needs)).toBe(true);
    expect(presenceIn('依法办事').mayContainAny(needs)).toBe(true);
    expect(presenceIn('开展合法性审查').mayContainAny(needs)).toBe(true);
    // Every pair of the literal must be there: 合法 and 审查 alone are not 合法性审查.
    expect(presenceIn('合规审查').mayContainAny(compileNeeds(['合法性审查']))).toBe(false);
    expect(presenceIn('审查合同').mayContainAny(compileNeeds(['律师', '合法性审查']))).toBe(false);
    expect(presenceIn('').mayContainAny(needs)).toBe(false);
    // An empty literal is in every text; a list without literals in none.
    expect(presenceIn('任意文字').mayContainAny(compileNeeds(['律师', '']))).toBe(true);
    expect(presenceIn('任意文字').mayContainAny(compileNeeds([]))).toBe(false);
  });
});
