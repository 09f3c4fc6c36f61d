import { describe, expect, it } from 'vitest';
import { compilePack, findingOf, report, rule } from './engine-pack.js';

/**
 * duplicates at its edges: a sentence exactly minLength long and one shorter, the sentence marks,
 * a copy exactly at the similarity asked and just under it, the defaults, and a report with more
 * distinct character pairs than the first buffers hold. Each test compiles the pack itself.
 */

/** n distinct CJK characters from an offset: sentences that share no character pair. */
const chars = (from: number, n: number): string =>
  Array.from({ length: n }, (_, k) => String.fromCharCode(0x4e00 + 100 + from + k)).join('');

describe('minLength', () => {
  const rules = () => compilePack([rule('t/x', '{ type: duplicates, minLength: 12 }', { message: '{count}' })]);

  it.each([
    ['a sentence of exactly minLength characters, its mark not counted, is checked', chars(0, 12), 'fail'],
    ['one character shorter is not', chars(0, 11), 'pass'],
  ])('%s', async (_why, sentence, status) => {
    const f = await findingOf(rules(), report({ measures: `${sentence}。\n${sentence}。` }), 't/x');
    expect(f.status).toBe(status);
  });

  it('a sentence without an end mark counts all its characters', async () => {
    const s = chars(0, 12);
    expect((await findingOf(rules(), report({ measures: `${s}\n${s}` }), 't/x')).status).toBe('fail');
    const short = chars(0, 11);
    expect((await findingOf(rules(), report({ measures: `${short}\n${short}` }), 't/x')).status).toBe('pass');
  });

  it('sentences end at 。！？ and ；', async () => {
    const [a, b] = [chars(0, 12), chars(20, 12)];
    for (const mark of ['；', '！', '？', '。']) {
      const f = await findingOf(rules(), report({ measures: `${a}${mark}${b}。\n${b}。` }), 't/x');
      expect([mark, f.status, f.evidence.map((e) => e.quote)]).toEqual([mark, 'fail', [`${b}。`]]);
    }
  });
});

describe('defaults', () => {
  it('scope is all and similarity 1 unless written', async () => {
    const rules = compilePack([rule('t/x', '{ type: duplicates, minLength: 10 }', { message: '{count}' })]);
    const s = chars(0, 14);
    const inPlan = await findingOf(rules, report({ measures: `${s}。`, plan: `${s}。` }), 't/x');
    expect([inPlan.status, inPlan.message]).toEqual(['fail', '1']);
    const reworded = `${s.slice(0, 13)}${chars(50, 1)}`;
    expect((await findingOf(rules, report({ measures: `${s}。\n${reworded}。` }), 't/x')).status).toBe('pass');
  });

  it('a reworded copy names the share it shares, rounded', async () => {
    const rules = compilePack([rule('t/x', '{ type: duplicates, minLength: 10, similarity: 0.9 }')]);
    const s = chars(0, 20);
    const reworded = `${s.slice(0, 19)}${chars(60, 1)}`;
    // 20 characters: 19 pairs, 18 shared (0.947 ≥ 0.9)
    const f = await findingOf(rules, report({ measures: `${s}。\n${reworded}。` }), 't/x');
    expect([f.status, f.evidence.map((e) => e.note)]).toEqual(['fail', ['与第3行内容相近（95%）']]);
  });
});

describe('similarity exactly at the share and just under it', () => {
  // 11 characters: 10 pairs; the copy changes the last character, so 9 of 10 pairs are shared.
  const s = chars(0, 11);
  const copy = `${s.slice(0, 10)}${chars(70, 1)}`;
  const text = report({ measures: `${s}。\n${copy}。` });

  it.each([
    ['0.9 of the pairs shared, similarity 0.9: a copy', '0.9', 'fail'],
    ['similarity 0.91: not a copy', '0.91', 'pass'],
  ])('%s', async (_why, similarity, status) => {
    const rules = compilePack([rule('t/x', `{ type: duplicates, minLength: 10, similarity: ${similarity} }`)]);
    expect((await findingOf(rules, text, 't/x')).status).toBe(status);
  });
});

describe('a report larger than the first buffers', () => {
  it('every sentence is indexed: a copy of the last and a repeat of the first are found', async () => {
    const rules = compilePack([
      rule('t/x', '{ type: duplicates, minLength: 10, similarity: 0.8 }', { message: '{count}' }),
    ]);
    // 120 sentences of 20 characters that share no pair: 2,280 distinct pairs, 2,400 characters.
    const sentences = Array.from({ length: 120 }, (_, i) => chars(i * 20, 20));
    const last = sentences[119] as string;
    const copy = `${last.slice(0, 19)}${chars(5000, 1)}`;
    const first = sentences[0] as string;
    const lines = [...sentences, copy, first].map((x) => `${x}。`).join('\n');
    const f = await findingOf(rules, report({ measures: lines }), 't/x');
    expect(f.message).toBe('2');
    expect(f.evidence.map((e) => [e.line, e.note])).toEqual([
      [123, '与第122行内容相近（95%）'],
      [124, '与第3行重复'],
    ]);
  });
});
