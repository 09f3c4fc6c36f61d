import { describe, expect, it } from 'vitest';
import type { TopLevelCondition } from 'json-rules-engine';
import type { Document } from '../src/document/model.js';
import { withGeneratedDefinitions } from '../src/engine/checks/pack-schema.js';
import { fillTemplate, splitTemplate } from '../src/engine/evaluate.js';
import { evidenceAt, evidenceForHeading } from '../src/engine/evidence.js';
import { fingerprint } from '../src/engine/fingerprint.js';
import { OPERATORS } from '../src/engine/operators.js';
import { RuleDecider } from '../src/engine/verdicts.js';
import { sha256Hex } from '../src/shared/sha256.js';

/** The engine's small functions, called directly: exact outputs at their edges. */

function documentOf(lines: string[], place?: Document['place']): Document {
  const doc = {
    file: 'x.txt',
    format: 'text',
    lines: lines.map((original, i) => ({ number: i + 1, original, parts: [], kind: 'body' })),
    meta: {},
    sections: [],
    headings: [],
    parts: [],
    derived: new Map(),
  } as unknown as Document;
  if (place) doc.place = place;
  return doc;
}

describe('fingerprint', () => {
  const quoted = { ruleId: 'a/b', message: '消息', evidence: [{ quote: '第 一 句' }, { quote: '第二句' }] } as never;

  it('hashes the rule, the file name without its folder and the quotes without whitespace', () => {
    const expected = sha256Hex('a/b\u0000r.txt\u0000第一句\u0000第二句').slice(0, 32);
    expect(fingerprint('reports/2025/r.txt', quoted)).toBe(expected);
    expect(fingerprint('reports\\2025\\r.txt', quoted)).toBe(expected);
    expect(fingerprint('r.txt', quoted)).toBe(expected);
    expect(expected).toHaveLength(32);
  });

  it('with nothing quoted, hashes the message', () => {
    const bare = { ruleId: 'a/b', message: '缺少 某项\n内容', evidence: [] } as never;
    expect(fingerprint('r.txt', bare)).toBe(sha256Hex('a/b\u0000r.txt\u0000缺少某项内容').slice(0, 32));
  });
});

describe('evidence', () => {
  it('quotes the span trimmed, with 1-based columns and no note unless given', () => {
    const doc = documentOf(['  甲乙丙  丁']);
    const e = evidenceAt(doc, { line: 1, start: 0, end: 7 });
    expect(e).toStrictEqual({ line: 1, column: 1, endLine: 1, endColumn: 8, quote: '甲乙丙' });
    expect(evidenceAt(doc, { line: 1, start: 2, end: 4 }, '注')).toStrictEqual({
      line: 1,
      column: 3,
      endLine: 1,
      endColumn: 5,
      quote: '甲乙',
      note: '注',
    });
  });

  it('a line past the end quotes nothing', () => {
    expect(evidenceAt(documentOf([]), { line: 3, start: 0, end: 2 }).quote).toBe('');
    expect(evidenceForHeading(documentOf([]), 2)).toMatchObject({ line: 2, column: 1, endColumn: 1, quote: '' });
  });

  it('adds where the span is in the original file, from its first column', () => {
    const calls: Array<[number, number]> = [];
    const doc = documentOf(['一二三四'], (line, column) => {
      calls.push([line, column]);
      return { page: 7, pageLine: column };
    });
    expect(evidenceAt(doc, { line: 1, start: 2, end: 4 })).toMatchObject({ page: 7, pageLine: 3, quote: '三四' });
    expect(calls).toEqual([[1, 3]]);
  });

  it('a heading is quoted from its first character to its last, capped', () => {
    const doc = documentOf(['   一、主要举措和成效   ']);
    expect(evidenceForHeading(doc, 1)).toStrictEqual({
      line: 1,
      column: 4,
      endLine: 1,
      endColumn: 13,
      quote: '一、主要举措和成效',
    });
    expect(evidenceForHeading(doc, 1, 4)).toMatchObject({ column: 4, endColumn: 8, quote: '一、主要' });
  });

  it('leading and trailing blanks of a heading are told apart', () => {
    expect(evidenceForHeading(documentOf(['  一、主要举措和成效']), 1)).toMatchObject({ column: 3, endColumn: 12 });
    expect(evidenceForHeading(documentOf(['一、主要举措和成效    ']), 1)).toMatchObject({ column: 1, endColumn: 10 });
  });
});

describe('fillTemplate', () => {
  it('fills known names, keeps unknown ones visible, leaves a plain text as it is', () => {
    expect(fillTemplate(splitTemplate('有{count}处，缺{missing}'), { count: 3 })).toBe('有3处，缺{missing}');
    expect(fillTemplate(splitTemplate('有{count}处，缺{missing}'), { count: 0, missing: false })).toBe(
      '有0处，缺false',
    );
    expect(fillTemplate(splitTemplate('没有占位符'), { count: 3 })).toBe('没有占位符');
    expect(fillTemplate(splitTemplate('{a}{b}'), { a: 'x', b: 'y' })).toBe('xy');
  });
});

describe('operators', () => {
  it('take finite numbers only', () => {
    const { atLeast, atMost, reported } = OPERATORS as Required<typeof OPERATORS>;
    expect(atLeast?.(Number.NaN, 0)).toBe(false);
    expect(atMost?.(Number.NaN, 10)).toBe(false);
    expect(atLeast?.(Number.POSITIVE_INFINITY, 0)).toBe(false);
    expect(atMost?.(Number.NEGATIVE_INFINITY, 0)).toBe(false);
    expect(atLeast?.('5', 1)).toBe(false);
    expect(atLeast?.(5, 5)).toBe(true);
    expect(atMost?.(5, 5)).toBe(true);
    expect(reported?.(undefined, false)).toBe(true);
    expect(reported?.(null, false)).toBe(true);
    expect(reported?.(0, true)).toBe(true);
  });
});

describe('RuleDecider', () => {
  const leaf = (fact: string, value = 1) => ({ fact, operator: 'atLeast', value });

  it('reads each fact once, sorted', () => {
    const d = new RuleDecider('r', { all: [leaf('b'), leaf('a'), { not: leaf('b', 2) }] });
    expect(d.reads).toEqual(['a', 'b']);
  });

  it('keeps a not node in the evaluated tree, with its result', async () => {
    const d = new RuleDecider('r', { all: [{ not: leaf('a') }] });
    const v = await d.decide({ a: 0 });
    expect(v.passed).toBe(true);
    expect(v.conditions.all).toEqual([{ result: true, not: { result: false } }]);
  });

  it('refuses conditions the engine would resolve further', () => {
    const bad: unknown[] = [
      { fact: 'a', operator: 'atLeast', value: 1, path: '$.x' },
      { fact: 'a', operator: 'atLeast', value: 1, params: { x: 1 } },
      { fact: 'a', operator: 'atLeast', value: { fact: 'b' } },
      { fact: 'a', operator: 'greaterThan', value: 1 },
      { fact: 'a', operator: ['atLeast'], value: 1 },
      { fact: ['a'], operator: 'atLeast', value: 1 },
    ];
    for (const node of bad)
      expect(() => new RuleDecider('r/x', { all: [node] } as TopLevelCondition), JSON.stringify(node)).toThrow(
        /^r\/x: a condition json-rules-engine would resolve further/,
      );
    expect(() => new RuleDecider('r/x', { all: [{ fact: 'a', operator: 'atLeast', value: null }] })).not.toThrow();
  });

  it('a missing fact is an error, even when the same outcomes were remembered', async () => {
    const d = new RuleDecider('r', { all: [leaf('a')] });
    await d.decide({ a: 0 });
    expect(d.decide({ a: 0 })).not.toBeInstanceOf(Promise);
    await expect(Promise.resolve().then(() => d.decide({}))).rejects.toThrow();
    await expect(d.ask({})).rejects.toThrow();
  });

  it('remembers each combination of outcomes, up to its limit', async () => {
    const d = new RuleDecider('r', { all: [leaf('a')] });
    await d.decide({ a: 0 });
    await d.decide({ a: 5 });
    expect(d.decide({ a: 0 })).not.toBeInstanceOf(Promise);
    expect(d.decide({ a: 3 })).not.toBeInstanceOf(Promise);
  });

  it('forgets everything once 1024 combinations are remembered', async () => {
    const facts = Array.from({ length: 11 }, (_, i) => `f${i}`);
    const d = new RuleDecider('r', { any: facts.map((f) => leaf(f)) });
    const valuesOf = (n: number) => Object.fromEntries(facts.map((f, i) => [f, (n >> i) & 1]));
    for (let n = 0; n < 1024; n++) await d.decide(valuesOf(n));
    expect(d.decide(valuesOf(0))).not.toBeInstanceOf(Promise);
    expect(d.decide(valuesOf(1023))).not.toBeInstanceOf(Promise);
    await d.decide(valuesOf(1024));
    expect(d.decide(valuesOf(1024))).not.toBeInstanceOf(Promise);
    expect(d.decide(valuesOf(0))).toBeInstanceOf(Promise);
  });

  it('remembers rules of up to 30 leaves, asks the engine every time past that', async () => {
    const wide = (n: number) => new RuleDecider('r', { any: Array.from({ length: n }, (_, i) => leaf(`f${i}`)) });
    const zeros = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, 0]));
    const at30 = wide(30);
    await at30.decide(zeros(30));
    expect(at30.decide(zeros(30))).not.toBeInstanceOf(Promise);
    const at31 = wide(31);
    await at31.decide(zeros(31));
    expect(at31.decide(zeros(31))).toBeInstanceOf(Promise);
  });
});

describe('withGeneratedDefinitions', () => {
  it('replaces generated definitions where they are and adds the missing ones after', () => {
    const generated = withGeneratedDefinitions({ definitions: {} }).definitions;
    const names = Object.keys(generated);
    expect(names).toContain('check');
    const replaced = withGeneratedDefinitions({ definitions: { check: 'old', own: { type: 'string' } } }).definitions;
    expect(Object.keys(replaced)).toEqual(['check', 'own', ...names.filter((n) => n !== 'check')]);
    expect(replaced.check).toEqual(generated.check);
    expect(replaced.own).toEqual({ type: 'string' });
  });
});
