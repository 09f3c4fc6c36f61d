import { RegExpParser } from '@eslint-community/regexpp';
import { beforeAll, describe, expect, it } from 'vitest';
import { withinParagraph, PatternRegistry, takeWrittenRegexes, type PatternOrigin } from '../src/packs/patterns.js';
import { assertSafeRegexes, hasUnboundedRepetition, isBuiltinFile } from '../src/packs/redos.js';
import { isMobile, isResidentId, VALIDATORS } from '../src/packs/validators.js';
import { PackErrors } from '../src/packs/pack-errors.js';
import { compileNeeds, useNeedsHost } from '../src/packs/prefilter.js';
import { PackError } from '../src/shared/errors.js';

/** An origin whose locator answers with the path's depth, so a message shows which node it located. */
const origin = (file: string, ...path: Array<string | number>): PatternOrigin => ({
  file,
  path,
  locate: (segments) => ({ line: segments.length, column: String(segments[segments.length - 1]).length }),
});

async function rejection(promise: Promise<void>): Promise<PackError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(PackError);
    return e as PackError;
  }
  throw new Error('expected a PackError');
}

describe('hasUnboundedRepetition', () => {
  it.each([
    ['a*', true],
    ['a+', true],
    ['a{2,}', true],
    ['(ab)+c', true],
    ['a{2,5}', false],
    ['a{2}', false],
    ['a?b', false],
    ['\\*\\+', false],
    ['[*+]', false],
    ['[\\]*]', false],
    ['[a]*', true],
    ['\\d{3,}', true],
    ['法治', false],
  ])('%s → %s', (source, expected) => {
    expect(hasUnboundedRepetition(source)).toBe(expected);
  });
});

describe('assertSafeRegexes: ReDoS refused with file:line:col', () => {
  it('an exponential regex is refused at the node it was written in', async () => {
    const error = await rejection(
      assertSafeRegexes([{ source: '(a|a)*b', flags: 'gm', origin: origin('p.yaml', 'rules', 'x/y', 'regex') }]),
    );
    expect(error).not.toBeInstanceOf(PackErrors);
    expect(error.toLine()).toMatch(
      /^p\.yaml:3:5 rules\.x\/y\.regex: regex can backtrack catastrophically \(ReDoS, exponential\)（正则表达式存在灾难性回溯风险，例如长度 \d+ 的输入，请改写）$/,
    );
  });

  it('a polynomial one with unbounded repetition is refused too; several are reported together', async () => {
    const error = await rejection(
      assertSafeRegexes([
        { source: '(法治|法治建设)*完成$', flags: 'gm', origin: origin('a.yaml', 'rules', 'a/b', 'regex') },
        { source: '法治', flags: 'gm', origin: origin('a.yaml', 'rules', 'a/c', 'regex') },
        { source: 'x{3,}y', flags: '', origin: origin('b.yaml', 'metrics', 'm.n', 'context') },
      ]),
    );
    expect(error).toBeInstanceOf(PackErrors);
    const lines = error.toLine().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^a\.yaml:3:5 rules\.a\/b\.regex: .*\(ReDoS, polynomial\)/);
    expect(lines[1]).toMatch(/^b\.yaml:3:7 metrics\.m\.n\.context: .*\(ReDoS, polynomial\)/);
  });

  it('safe regexes, bounded repetition and trusted files pass', async () => {
    await expect(
      assertSafeRegexes([
        { source: '规范性文件[^\\n。;]{0,40}备案', flags: 'gm', origin: origin('a.yaml', 'r') },
        { source: 'a{0,40}b', flags: 'y', origin: origin('a.yaml', 'r') },
      ]),
    ).resolves.toBeUndefined();
    const evil = { source: '(a|a)*b', flags: 'gm', origin: origin('trusted.yaml', 'r') };
    await expect(assertSafeRegexes([evil], (file) => file === 'trusted.yaml')).resolves.toBeUndefined();
    await expect(assertSafeRegexes([])).resolves.toBeUndefined();
  });

  it('the same regex written twice is analysed and reported once', async () => {
    const twice = [
      { source: '(a|a)*b', flags: 'gm', origin: origin('a.yaml', 'one') },
      { source: '(a|a)*b', flags: 'gm', origin: origin('a.yaml', 'two') },
    ];
    const error = await rejection(assertSafeRegexes(twice));
    expect(error.toLine().split('\n')).toHaveLength(1);
    expect(error.toLine()).toMatch(/^a\.yaml:1:3 one: /);
  });

  it('isBuiltinFile: directly inside the folder only', () => {
    expect(isBuiltinFile('/x/rules/a.yaml', '/x/rules')).toBe(true);
    expect(isBuiltinFile('/x/rules/sub/a.yaml', '/x/rules')).toBe(false);
    expect(isBuiltinFile('/x/other/a.yaml', '/x/rules')).toBe(false);
  });
});

describe('withinParagraph: negated classes stop at a paragraph break', () => {
  it.each([
    ['[^。]{0,40}', '[^\\n。]{0,40}'],
    ['a[^,;]b[^x]', 'a[^\\n,;]b[^\\nx]'],
    ['[abc]', '[abc]'],
    ['\\[^x]', '\\[^x]'],
    ['[\\]^]x[^y]', '[\\]^]x[^\\ny]'],
    ['[a^]', '[a^]'],
    ['^a', '^a'],
    ['a\\', 'a\\'],
  ])('%s → %s', (source, expected) => {
    expect(withinParagraph(source)).toBe(expected);
  });
});

describe('PatternRegistry', () => {
  // As the Node loader does: no build-time table, the parser on demand.
  beforeAll(() => useNeedsHost({ knownNeeds: () => null, parser: () => RegExpParser }));

  it('one compiled pattern per distinct source and options, keyed in order', () => {
    const reg = new PatternRegistry();
    const o = origin('p.yaml', 'rules', 'a/b', 'check', 'match', 'regex');
    const a = reg.regex('法治', {}, o);
    expect(a).toBe('p0');
    expect(reg.regex('法治', {}, o)).toBe('p0');
    expect(reg.regex('法治', { raw: true }, o)).toBe('p1');
    expect(reg.regex('法治', { not: '未' }, o)).toBe('p2');
    expect(reg.regex('法治', { validator: 'mobile' }, o)).toBe('p3');
    expect(reg.all().map((p) => p.key)).toEqual(['p0', 'p1', 'p2', 'p3']);
    const p0 = reg.get('p0');
    expect(p0).toMatchObject({
      source: '法治',
      raw: false,
      not: null,
      validate: null,
    });
    // One literal of one pair (法治): its count, then its slot.
    expect([...(p0.needs ?? [])]).toEqual([...compileNeeds(['法治'])]);
    expect(p0.needs?.[0]).toBe(1);
    expect(p0.re.flags).toBe('gm');
    expect(reg.get('p1').needs).toBeNull(); // original text is always scanned
    expect(reg.get('p2').not?.source).toBe('未');
    expect(reg.get('p2').not?.flags).toBe('');
    expect(reg.get('p3').validate).toBe(isMobile);
    expect(() => reg.get('p9')).toThrow('unknown pattern p9');
  });

  it('negated classes in a pattern do not cross paragraphs', () => {
    const reg = new PatternRegistry();
    const { re } = reg.get(reg.regex('法治[^。]{0,5}建设', {}, origin('p.yaml', 'r')));
    expect('法治政府建设').toMatch(re);
    expect('法治\n建设').not.toMatch(re);
  });

  it('phrases are escaped and normalised like the text (unless raw)', () => {
    const reg = new PatternRegistry();
    const o = origin('p.yaml', 'rules', 'a/b', 'check', 'match', 'phrases');
    const p = reg.get(reg.phrases(['（一）', 'a.b', '法治'], {}, o));
    expect(p.source).toBe('\\(一\\)|a\\.b|法治');
    const raw = reg.get(reg.phrases(['（一）'], { raw: true }, o));
    expect(raw.source).toBe('（一）');
    expect(raw.raw).toBe(true);
  });

  it('a regex that does not compile is a pack error at its node; a bad not at the not beside it', () => {
    const reg = new PatternRegistry();
    const o = origin('p.yaml', 'rules', 'a/b', 'check', 'match', 'regex');
    let error: unknown;
    try {
      reg.regex('(法治', {}, o);
    } catch (e) {
      error = e;
    }
    expect((error as PackError).toLine()).toBe(
      'p.yaml:5:5 rules.a/b.check.match.regex: invalid regex（正则表达式无效）: /(法治/gm: Unterminated group',
    );
    try {
      reg.regex('法治', { not: '[未' }, o);
    } catch (e) {
      error = e;
    }
    expect((error as PackError).toLine()).toMatch(/^p\.yaml:5:3 rules\.a\/b\.check\.match\.not: invalid regex/);
  });

  it('compiled regexes are collected for the ReDoS check, and taken once', () => {
    takeWrittenRegexes();
    const o = origin('p.yaml', 'metrics', 'm.x', 'context');
    const re = PatternRegistry.compileOne('会议', o);
    expect(re.flags).toBe('');
    expect(PatternRegistry.compileOne('会议', o, 'u').flags).toBe('u');
    expect(takeWrittenRegexes()).toEqual([
      { source: '会议', flags: '', origin: o },
      { source: '会议', flags: 'u', origin: o },
    ]);
    expect(takeWrittenRegexes()).toEqual([]);
  });
});

describe('validators', () => {
  // A made-up number with a correct check digit (GB 11643): 11010519491231002X.
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['110105194912310021', false], // wrong check digit
    ['11010518991231002X', false], // born before 1900
    ['1101052101123100', false], // too short
    ['110105194913310028', false], // month 13
    ['110105194900310028', false], // month 0
    ['110105194912000028', false], // day 0
    ['110105194912320028', false], // day 32
    ['1101051949123100X2', false], // X only as the check digit
  ])('isResidentId(%s) → %s', (text, expected) => {
    expect(isResidentId(text)).toBe(expected);
  });

  it('isResidentId at the year limits', () => {
    // Check digits computed by the same rule, for 1900-01-01 and 2100-12-31.
    const withCheck = (first17: string): string => {
      const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      let sum = 0;
      for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (w[i] as number);
      return first17 + '10X98765432'[sum % 11];
    };
    expect(isResidentId(withCheck('11010519000101001'))).toBe(true);
    expect(isResidentId(withCheck('11010521001231001'))).toBe(true);
    expect(isResidentId(withCheck('11010521010101001'))).toBe(false);
    expect(isResidentId(withCheck('11010519491231001'))).toBe(true);
    expect(isResidentId(withCheck('11010519490131001'))).toBe(true);
  });

  it.each([
    ['13800000000', true],
    ['19912345678', true],
    ['12800000000', false],
    ['1380000000', false],
    ['138000000001', false],
    ['x13800000000', false],
  ])('isMobile(%s) → %s', (text, expected) => {
    expect(isMobile(text)).toBe(expected);
  });

  it('the validators a pack may name', () => {
    expect(VALIDATORS).toEqual({ 'resident-id': isResidentId, mobile: isMobile });
  });
});
