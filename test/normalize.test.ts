import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allRemoved, normalize, normalizeLines, normalizePhrase, toOriginalSpan } from '../src/text/normalize.js';

/** Normalisation for matching: each code unit at the edges of the ranges that change. */
describe('normalize: what each character becomes', () => {
  it.each([
    ['first full-width unit U+FF01 ！', '\uff01', '!'],
    ['last full-width unit U+FF5E ～', '\uff5e', '~'],
    ['full-width digits and letters', '１２３ＡＢｚ', '123ABz'],
    ['full-width comma, colon, semicolon, percent', '，：；％', ',:;%'],
    ['full-width brackets', '（一）', '(一)'],
    ['U+FF5F just after the range is kept', '\uff5f', '\uff5f'],
    ['U+FF00 just before the range is kept', '\uff00', '\uff00'],
    ['〔 and 〕 fold to [ and ]', '〔2024〕', '[2024]'],
    ['small percent ﹪', '98﹪', '98%'],
    ['full-width full stop ．', '3．5', '3.5'],
    ['small comma ﹐ (U+FE50, the first unit past the fast path)', '1﹐2', '1,2'],
    ['small semicolon ﹔ and colon ﹕', '﹔﹕', ';:'],
    ['ideographs are kept', '法治政府建设', '法治政府建设'],
    ['CJK punctuation 、。 is kept', '一、二。', '一、二。'],
    ['U+3016 〖 just past 〕 is kept', '〖', '〖'],
    ['ZWNJ U+200C just past the removed range is kept', 'a\u200cb', 'a\u200cb'],
  ])('%s', (_why, original, text) => {
    expect(normalize(original).text).toBe(text);
  });

  it.each([
    ['space', 0x20],
    ['tab', 0x09],
    ['vertical tab', 0x0b],
    ['form feed', 0x0c],
    ['carriage return', 0x0d],
    ['no-break space', 0xa0],
    ['ideographic space', 0x3000],
    ['BOM / zero-width no-break space', 0xfeff],
    ['narrow no-break space', 0x202f],
    ['medium mathematical space', 0x205f],
    ['en quad U+2000 (first of the range)', 0x2000],
    ['hair space U+200A', 0x200a],
    ['zero-width space U+200B (last of the range)', 0x200b],
  ])('%s is removed', (_why, code) => {
    const n = normalize(`法${String.fromCharCode(code)}律`);
    expect(n.text).toBe('法律');
    expect([...n.map]).toEqual([0, 2, 3]);
  });

  it('a newline is kept', () => {
    expect(normalize('法\n律').text).toBe('法\n律');
  });
});

describe('normalize: the map back to the original', () => {
  it('maps each normalised unit to its original offset, and the end to the original length', () => {
    const n = normalize('　法律 顾问（２）');
    expect(n.text).toBe('法律顾问(2)');
    expect([...n.map]).toEqual([1, 2, 4, 5, 6, 7, 8, 9]);
  });

  it('leaves out the skipped spans (editor artefacts), several of them, and maps around them', () => {
    const original = 'AB[x]CD[yy]E';
    const n = normalize(original, [
      { start: 2, end: 5 },
      { start: 7, end: 11 },
    ]);
    expect(n.text).toBe('ABCDE');
    expect([...n.map]).toEqual([0, 1, 5, 6, 11, 12]);
  });

  it('a skip span at the very start and one at the very end', () => {
    const n = normalize('[a]法治[b]', [
      { start: 0, end: 3 },
      { start: 5, end: 8 },
    ]);
    expect(n.text).toBe('法治');
    expect([...n.map]).toEqual([3, 4, 8]);
  });

  it('adjacent skip spans', () => {
    const n = normalize('xxyy法', [
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(n.text).toBe('法');
  });

  it('a line longer than the scratch buffers, and a short one after it, are both right', () => {
    const long = '法　'.repeat(3000);
    const n = normalize(long);
    expect(n.text).toBe('法'.repeat(3000));
    expect(n.map[2999]).toBe(5998);
    expect(n.map[3000]).toBe(6000);
    const short = normalize('１法');
    expect(short.text).toBe('1法');
    expect([...short.map]).toEqual([0, 1, 2]);
  });

  it.each([
    ['a one-unit span', 1, 2, [1, 2]],
    ['a span across a removed space', 1, 3, [1, 4]],
    ['an empty span maps to its start', 2, 2, [3, 3]],
    ['a start past the end is clamped to the original length', 9, 9, [6, 6]],
    ['the whole text', 0, 5, [0, 6]],
  ])('toOriginalSpan: %s', (_why, start, end, expected) => {
    // 法律顾问x with map [0, 1, 3, 4, 5, 6]
    const n = normalize('法律 顾问x');
    expect(n.text).toBe('法律顾问x');
    expect(toOriginalSpan(n, start, end)).toEqual(expected);
  });

  it('normalizePhrase folds a pack phrase the same way as report text', () => {
    expect(normalizePhrase('法律 顾问（ＡＢ）')).toBe('法律顾问(AB)');
  });
});

describe('normalizeLines: a document at once, each line as normalize would fold it', () => {
  // Full-width forms, spaces of every kind, look-alikes, traditional characters (one astral), lone surrogates.
  const piece = fc.constantFrom(
    ...[
      '开展',
      '普法',
      '，',
      '（１）',
      'ＡＢ',
      ' ',
      '\u3000',
      '\u200b',
      '〔2025〕',
      '﹪',
      '．',
      '國務院',
      '發展',
      '𠀋',
      '\ud840',
      '\udc0b',
      'ab',
      '9',
    ],
  );
  const line = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
  const withSkips = line.chain((text) =>
    fc.uniqueArray(fc.nat({ max: Math.max(0, text.length) }), { maxLength: 4 }).map((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const skip: Array<{ start: number; end: number }> = [];
      for (let i = 0; i + 1 < sorted.length; i += 2)
        skip.push({ start: sorted[i] as number, end: sorted[i + 1] as number });
      return { text, skip };
    }),
  );

  it('gives every line the text and the map normalize gives it, on 1,000 random documents', () => {
    fc.assert(
      fc.property(fc.array(withSkips, { maxLength: 8 }), (lines) => {
        const together = normalizeLines(
          lines.map((l) => l.text),
          lines.map((l) => l.skip),
        );
        expect(together.length).toBe(lines.length);
        lines.forEach((l, i) => {
          const alone = normalize(l.text, l.skip);
          expect(together[i]?.text).toBe(alone.text);
          expect([...(together[i]?.map ?? [])]).toEqual([...alone.map]);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps each line to its own units: a traditional character on one line converts only that line', () => {
    const [plain, traditional, after] = normalizeLines(['开展普法', '國務院發展', '好']);
    expect(plain).toEqual(normalize('开展普法'));
    expect(traditional?.text).toBe(normalize('國務院發展').text);
    expect(traditional?.text).not.toBe('國務院發展');
    expect(after?.text).toBe('好');
    expect([...(after?.map ?? [])]).toEqual([0, 1]);
  });

  it('no lines, and empty lines', () => {
    expect(normalizeLines([])).toEqual([]);
    expect(normalizeLines(['', ' ', '']).map((n) => [n.text, [...n.map]])).toEqual([
      ['', [0]],
      ['', [1]],
      ['', [0]],
    ]);
  });
});

describe('allRemoved: text that normalising drops whole', () => {
  it('agrees with normalize on every unit and on random mixes', () => {
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      expect(allRemoved(ch), code.toString(16)).toBe(normalize(ch).text === '');
    }
    const units = [' ', '\t', '\u3000', '\u00a0', '\u200b', '\ufeff', '\u2028', '\n', '法', 'a', '#'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(allRemoved(text)).toBe(normalize(text).text === '');
      }),
    );
  });
});
