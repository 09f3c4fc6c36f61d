import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, loadPackSet } from '../src/index.js';
import { withoutCaptures } from '../src/shared/regex-source.js';

/**
 * Pack regexes run without their capturing groups (nothing reads a group, and a match then keeps
 * no registers). The regex must match exactly what the pack wrote: same places, same text.
 */
describe('withoutCaptures', () => {
  it.each([
    ['(法律|法治)顾问', '(?:法律|法治)顾问'],
    ['(?:法律|法治)顾问', null],
    ['(?<kind>法律|法治)顾问', '(?:法律|法治)顾问'],
    ['(?<!未)(聘请)', '(?<!未)(?:聘请)'],
    ['(?<=聘请)(律师)(?=担任)', '(?<=聘请)(?:律师)(?=担任)'],
    ['[(]法[)]\\(律\\)', null],
    ['[\\](]x(y)', '[\\](]x(?:y)'],
    ['(a)\\1', null],
    ['(?<n>a)\\k<n>', null],
    ['a|b', null],
  ])('%s → %s', (source, expected) => {
    expect(withoutCaptures(source)).toBe(expected);
  });

  it('leaves a v-flag regex alone', () => {
    expect(withoutCaptures('(a)', 'v')).toBeNull();
    expect(withoutCaptures('(a)', 'gu')).toBe('(?:a)');
  });

  const matches = (re: RegExp, text: string): Array<[number, string]> => {
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    const out: Array<[number, string]> = [];
    for (let m = global.exec(text); m !== null; m = global.exec(text)) {
      out.push([m.index, m[0]]);
      if (m[0].length === 0) global.lastIndex++;
    }
    return out;
  };

  it('matches what every built-in regex matches, on texts made of its own characters', () => {
    const written = compileRuleSet(loadPackSet()).regexes;
    const converted = written.filter((w) => withoutCaptures(w.source, w.flags) !== null);
    expect(converted.length).toBeGreaterThan(50);
    for (const { source, flags } of converted) {
      const original = new RegExp(source, flags);
      const matchOnly = new RegExp(withoutCaptures(source, flags) as string, flags);
      // Characters of the regex itself, and the punctuation its classes and the sentences turn on.
      const alphabet = [...new Set([...source.replace(/[\\[\]()?:*+{}|^$.]/g, ''), ...'。；;，,\n 1２?:'])];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
          const text = chars.join('');
          expect(matches(matchOnly, text)).toEqual(matches(original, text));
        }),
        { numRuns: 60 },
      );
    }
  });
});
