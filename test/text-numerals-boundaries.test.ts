import { describe, expect, it } from 'vitest';
import {
  formatChineseCounting,
  formatChineseGrouped,
  headingOrdinal,
  parseChineseNumeral,
  scaleDecimal,
} from '../src/text/numerals.js';

/** Counts as reports write them, at the edges of each rule the reader follows. */
describe('parseChineseNumeral at its boundaries', () => {
  const table: Array<[string, number | null, string]> = [
    // Positional digits: one digit is a number, two are a range or a typo, three or more a year-like number.
    ['五', 5, 'a single digit'],
    ['两', 2, 'a single 两'],
    ['三四', null, 'two digits: a range'],
    ['一二三', 123, 'three digits read positionally'],
    ['二〇二五', 2025, 'a year written digit by digit'],
    ['二两三', null, '两 never stands in positional digits'],
    // Units in order, 零 for a gap, and the colloquial tail.
    ['一百二十', 120, 'hundreds and tens'],
    ['两千零五', 2005, '零 marks the gap: the digit after it is units'],
    ['一百零五', 105, '零 after 百'],
    ['一百五', 150, 'a bare digit after 百 is tens'],
    ['三千五', 3500, 'after 千 it is hundreds'],
    ['一万五', 15000, 'after 万 it is thousands'],
    ['一亿五', 150_000_000, 'after 亿 it is ten-millions'],
    ['二十五', 25, 'after 十 it is units'],
    ['一万零五百三', 10530, 'a later unit ends the 零 gap: 三 is tens again'],
    ['一百零五万三', 1_053_000, '万 ends the 零 gap: 三 is thousands'],
    ['百百', null, 'the same unit twice'],
    ['十百', null, 'a smaller unit before a larger one'],
    ['五五百', null, 'two digits before a unit'],
    ['五零', null, '零 right after a digit'],
    ['一百个', null, 'a character that is no numeral'],
    // 万 and 亿 sections.
    ['万', 10_000, 'bare 万'],
    ['亿', 100_000_000, 'bare 亿'],
    ['零万', null, '万 after nothing but 零'],
    ['零亿', null, '亿 after nothing but 零'],
    ['百万', 1_000_000, '万 multiplies what precedes it'],
    ['一千万一千', 10_001_000, 'units start again after 万'],
    ['一万亿', 1_000_000_000_000, '亿 takes the 万 section into it'],
    ['五百亿', 50_000_000_000, '亿 takes the units below 万 into it'],
    ['五亿', 500_000_000, '亿 takes a lone digit into it'],
    ['一万五千亿', 1_500_000_000_000, '亿 takes both sections below it'],
    ['一亿五千万', 150_000_000, '万 may follow 亿 again'],
    ['三亿零五', 300_000_005, '零 after 亿'],
    ['亿亿', null, '亿 twice'],
    ['万万', null, '万 twice'],
    // Decimals with 点.
    ['三点一四', 3.14, 'two decimal digits'],
    ['十二点五万', 125_000, 'a decimal count of 万'],
    ['一点五亿', 150_000_000, 'a decimal count of 亿'],
    ['二点零五万', 20_500, 'a zero decimal digit'],
    ['一点二五万', 12_500, 'two decimal digits before the multiplier'],
    ['一点', null, 'nothing after 点'],
    ['一点万', null, 'only a multiplier after 点'],
    ['一点五个', null, 'a stray character after 点'],
    ['百分点五', null, 'an unreadable integer part'],
  ];
  it.each(table)('%s → %s (%s)', (input, expected) => {
    expect(parseChineseNumeral(input)).toBe(expected);
  });
});

describe('scaleDecimal: exact decimal shifting', () => {
  it('moves the point right by the exponent, padding with zeros', () => {
    expect(scaleDecimal('2', '95', 4)).toBe(29_500);
    expect(scaleDecimal('12', '5', 4)).toBe(125_000);
    expect(scaleDecimal('1', '25', 1)).toBe(12.5);
    expect(scaleDecimal('0', '5', 0)).toBe(0.5);
    expect(scaleDecimal('1', '5', 1)).toBe(15);
    expect(scaleDecimal('3', '', 0)).toBe(3);
  });
});

describe('headingOrdinal at its boundaries', () => {
  const table: Array<[string, number]> = [
    ['一百', 100],
    ['二百', 200],
    ['一百一十', 110],
    ['一百十二', 112],
    ['十二', 12],
    ['三十', 30],
    ['零五', 5],
    ['〇七', 7],
    ['九', 9],
    ['五〇', 0], // only a leading 零 is dropped
    ['', 0],
    ['甲', 0],
  ];
  it.each(table)('%s → %s', (input, expected) => {
    expect(headingOrdinal(input)).toBe(expected);
  });
});

describe('writing counts at their boundaries', () => {
  it('formatChineseCounting: 0, the tens and the first digit-by-digit number', () => {
    expect([0, 9, 10, 19, 20, 90, 99, 100].map(formatChineseCounting)).toEqual([
      '〇',
      '九',
      '十',
      '十九',
      '二十',
      '九十',
      '九十九',
      '一〇〇',
    ]);
  });

  it('formatChineseGrouped: zeros inside and between the 万 groups', () => {
    const table: Array<[number, string]> = [
      [1, '一'],
      [19, '十九'],
      [101, '一百零一'],
      [110, '一百一十'],
      [1001, '一千零一'],
      [1010, '一千零一十'],
      [1100, '一千一百'],
      [10_001, '一万零一'],
      [10_100, '一万零一百'],
      [11_000, '一万一千'],
      [100_000, '一十万'],
      [1_000_100, '一百万零一百'],
      [99_999_999, '九千九百九十九万九千九百九十九'],
    ];
    for (const [n, expected] of table) expect(formatChineseGrouped(n, 'lower'), String(n)).toBe(expected);
    expect(formatChineseGrouped(15, 'legal')).toBe('壹拾伍');
    expect(formatChineseGrouped(1001, 'legal')).toBe('壹仟零壹');
    expect(formatChineseGrouped(20_000, 'legal-traditional')).toBe('貳萬');
    expect(formatChineseGrouped(99_999_999, 'lower')).not.toBeNull();
    expect(formatChineseGrouped(-1, 'lower')).toBeNull();
    expect(formatChineseGrouped(Number.MAX_SAFE_INTEGER + 2, 'lower')).toBeNull();
  });
});
