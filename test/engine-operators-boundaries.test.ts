import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../src/engine/operators.js';

/** Our operators one step past their bounds, and the strict equality of is. */

const { atLeast, atMost, reported, is } = OPERATORS as Required<typeof OPERATORS>;

describe('operators one step past the bound', () => {
  it.each([
    ['atLeast: one under the minimum fails', atLeast, 4, 5, false],
    ['atLeast: one over passes', atLeast, 6, 5, true],
    ['atLeast: a fraction under fails', atLeast, 4.9, 5, false],
    ['atMost: one over the maximum fails', atMost, 6, 5, false],
    ['atMost: one under passes', atMost, 4, 5, true],
    ['atMost: null is no number', atMost, null, 5, false],
    ['reported: a value is not “not reported”', reported, 0, false, false],
    ['reported: null is not reported', reported, null, true, false],
    ['reported: an empty string is a value', reported, '', true, true],
    ['is: the same value', is, true, true, true],
    ['is: 1 is not "1"', is, 1, '1', false],
    ['is: false is not true', is, false, true, false],
  ] as const)('%s', (_why, operator, fact, value, expected) => {
    expect(operator?.(fact, value)).toBe(expected);
  });

  it('are the four the check types use, and only those', () => {
    expect(Object.keys(OPERATORS).sort()).toEqual(['atLeast', 'atMost', 'is', 'reported']);
  });
});
