import { describe, expect, it } from 'vitest';
import {
  formatChineseCounting,
  formatChineseDigits,
  formatChineseGrouped,
  headingOrdinal,
  parseChineseNumeral,
} from '../src/text/numerals.js';

describe('parseChineseNumeral: counts in prose (strict)', () => {
  const table: Array<[string, number | null]> = [
    ['零', 0],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['一百零五', 105],
    ['两千', 2000],
    ['万', 10000],
    ['一万零五', 10005],
    ['两', 2],
    ['一一', null],
    ['十十', null],
    ['二〇二四', 2024],
    ['两〇二四', null],
  ];
  it.each(table)('%s → %s', (input, expected) => {
    expect(parseChineseNumeral(input)).toBe(expected);
  });
});

describe('headingOrdinal: ordinals of heading markers (lenient, never null)', () => {
  const table: Array<[string, number]> = [
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十五', 25],
    ['百', 100],
    ['一百零五', 105],
    ['三百二十', 320],
    // Where it differs from parseChineseNumeral: unreadable parts count as 0.
    ['一一', 0],
    ['十十', 10],
    ['二〇二四', 0],
  ];
  it.each(table)('%s → %s', (input, expected) => {
    expect(headingOrdinal(input)).toBe(expected);
  });
});

describe('writing Chinese numerals', () => {
  it("formatChineseCounting: 十-style below 100, digit by digit from 100 (Word's chineseCounting)", () => {
    expect([1, 9, 10, 11, 20, 21, 99, 100, 105].map(formatChineseCounting)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '一〇〇',
      '一〇五',
    ]);
  });

  it('formatChineseDigits: 2024 → 二〇二四', () => {
    expect(formatChineseDigits(2024)).toBe('二〇二四');
    expect(formatChineseDigits(10)).toBe('一〇');
  });

  it('formatChineseGrouped: the three styles, and null outside 1–99,999,999', () => {
    const table: Array<[number, Parameters<typeof formatChineseGrouped>[1], string | null]> = [
      [10, 'lower', '十'],
      [11, 'lower', '十一'],
      [20, 'lower', '二十'],
      [105, 'lower', '一百零五'],
      [2000, 'lower', '二千'],
      [10000, 'lower', '一万'],
      [10005, 'lower', '一万零五'],
      [10, 'legal', '壹拾'],
      [11, 'legal', '壹拾壹'],
      [10020, 'legal-traditional', '壹萬零貳拾'],
      [0, 'lower', null],
      [1e8, 'lower', null],
      [1.5, 'lower', null],
    ];
    for (const [n, style, expected] of table) expect(formatChineseGrouped(n, style), `${n} ${style}`).toBe(expected);
  });

  it('reading what we write gives the number back (1–99,999)', () => {
    const wrong: number[] = [];
    for (let n = 1; n < 100_000; n++) {
      if (parseChineseNumeral(formatChineseGrouped(n, 'lower') as string) !== n) wrong.push(n);
      if (n < 100 && headingOrdinal(formatChineseCounting(n)) !== n) wrong.push(-n);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
