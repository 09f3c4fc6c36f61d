import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/document/parse.js';
import {
  conceptMatches,
  firstMatch,
  scanCandidates,
  withoutLookarounds,
  type CompiledConcept,
} from '../src/facts/concepts.js';
import { sentencesOf } from '../src/facts/sentences.js';

/**
 * conceptMatches finds candidate sentences with one scan over the joined sentences, then reads each alone. Whatever
 * the concept's regex, it must find exactly the sentences a scan of every sentence alone finds.
 */
const concept = (source: string, extra: Partial<CompiledConcept> = {}): CompiledConcept => ({
  id: 'c',
  title: 'c',
  re: new RegExp(source, 'g'),
  not: null,
  exceptWithin: null,
  inDocumentTitles: true,
  ...extra,
});

function oneByOne(text: string, c: CompiledConcept): Map<number, readonly [number, number]> {
  const out = new Map<number, readonly [number, number]>();
  sentencesOf(doc(text)).forEach((s, i) => {
    const m = firstMatch(s.text, c);
    if (m) out.set(i, m);
  });
  return out;
}

/** The sentences the joined scan hands on to be read alone. */
function candidateSentences(document: ReturnType<typeof parseDocument>, c: CompiledConcept): number[] {
  const found: number[] = [];
  scanCandidates(document, c, (i) => found.push(i));
  return found;
}

const documents = new Map<string, ReturnType<typeof parseDocument>>();
function doc(text: string) {
  let d = documents.get(text);
  if (!d) documents.set(text, (d = parseDocument({ file: 'x.txt', format: 'text', encoding: null, text })));
  return d;
}

const SAMPLE = [
  '青石镇2025年法治政府建设年度报告',
  '一、主要举措和成效',
  '聘请法律顾问1名。审查合同12份；法律顾问列席会议3次。',
  '建设法治文化广场。开展宪法宣传周活动，发放资料500份！',
  '法律顾问',
  '二、存在的不足和原因',
  '法治宣传形式单一。',
  '学习《法律顾问工作规定》，法律顾问审查文件8件。',
].join('\n');

const SOURCES = [
  '法律顾问',
  '^法律顾问',
  '法律顾问$',
  '^法律顾问$',
  '顾问[^。;]{0,30}会议',
  '合同.{0,20}法律',
  '(?<!聘请)法律顾问',
  '(?<=聘请)法律顾问',
  '法律顾问(?=列席)',
  '宣传(?!周)',
  // Lookarounds that would see the joining \n (a sentence alone has nothing there).
  '(?<!\\s)法律顾问',
  '法律顾问(?!\\s)',
  '法律(?=顾问)?宣传',
  '\\d+份',
  '[^。]*',
  '广场。开展',
  '^.{0,4}宣传',
  // Greedy runs that the joined text lets past a sentence's end.
  '顾问[^。]{0,40}宣传',
  '法律顾问[^。;]*',
  '法律顾问.*',
  '(法律|顾问)+',
  // Where the scan's own match is taken: alternatives in order of priority, lazy runs, word boundaries where the
  // joining \n stands, a backreference, runs that end at the sentence's end or just before the next.
  '法律|法律顾问',
  '顾问.{0,20}?会议',
  '(法律)顾问\\1?',
  '\\b\\d+份',
  '\\d+份\\b',
  '顾问[^。;]{0,8}',
  '[^。;]{0,3}会议[^。;]{0,3}',
];

describe('concept candidates from one scan', () => {
  it.each(SOURCES)('%s finds what a sentence-by-sentence scan finds', (source) => {
    const c = concept(source);
    expect([...conceptMatches(doc(SAMPLE), c)]).toEqual([...oneByOne(SAMPLE, c)]);
  });

  it.each(['^法律顾问', '法律顾问$', '^法律顾问$', '顾问[^。]*$'])('%s with the m flag', (source) => {
    const c = concept(source, { re: new RegExp(source, 'gm') });
    expect([...conceptMatches(doc(SAMPLE), c)]).toEqual([...oneByOne(SAMPLE, c)]);
  });

  it('a match inside a document’s name does not count where names are refused: the next one does', () => {
    const c = concept('法律顾问', { inDocumentTitles: false });
    const found = [...conceptMatches(doc(SAMPLE), c)];
    expect(found).toEqual([...oneByOne(SAMPLE, c)]);
    const last = sentencesOf(doc(SAMPLE)).length - 1;
    expect(found.find(([i]) => i === last)?.[1]).toEqual([13, 17]);
  });

  it.each([
    ['a negation', { not: /列席/ }],
    ['an exclusion', { exceptWithin: /宣传周/g }],
  ])('keeps %s alone (the scan’s own match is then read again)', (_, extra) => {
    const c = concept('法律顾问|宣传', extra);
    const found = conceptMatches(doc(SAMPLE), c);
    expect([...found]).toEqual([...oneByOne(SAMPLE, c)]);
    expect([...found]).not.toEqual([...conceptMatches(doc(SAMPLE), concept('法律顾问|宣传'))]);
  });

  it('keeps a concept’s exclusions and negations', () => {
    const c = concept('法律顾问|宣传', { not: /列席/, exceptWithin: /宣传周/g });
    const found = conceptMatches(doc(SAMPLE), c);
    expect([...found]).toEqual([...oneByOne(SAMPLE, c)]);
    expect(found.size).toBeGreaterThan(0);
  });

  it('agrees on random texts and random patterns', () => {
    const piece = fc.constantFrom(
      '法律',
      '顾问',
      '宣传',
      '。',
      '；',
      '会议',
      '12份',
      '周',
      '聘请',
      '开展',
      '\n',
      '一、',
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => `标题报告\n${p.join('')}`);
    fc.assert(
      fc.property(text, fc.constantFrom(...SOURCES), (t, source) => {
        const c = concept(source);
        expect([...conceptMatches(doc(t), c)]).toEqual([...oneByOne(t, c)]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('withoutLookarounds', () => {
  it.each([
    ['(?<!依)法', '法'],
    ['法(?=规)|律(?!师)', '法|律'],
    ['(?<name>a)(?<=b(c))d', '(?<name>a)d'],
    ['[(?=]x\\(?=y', '[(?=]x\\(?=y'],
    ['a(?=(b|c)d)e', 'ae'],
    ['a(?=b)?', null],
    ['a(?!b){2}', null],
    ['a(?<=b)*', null],
    ['a(?<!b)+', null],
    ['(?=a)', ''],
    ['x[\\]]y(?=z)', 'x[\\]]y'],
    ['[^)](?!\\))', '[^)]'],
    ['((?=a)b)', '(b)'],
  ])('%s → %s', (source, expected) => {
    expect(withoutLookarounds(source)).toBe(expected);
  });
});

describe('the candidate scan reads no more sentences than it must', () => {
  // The scan only saves work: these pin down that it does (a looser scan would pass every test above).
  it.each(['法律顾问', '^法律顾问', '法律顾问$', '\\d+份', '顾问[^。;]{0,30}会议'])(
    '%s: exactly the sentences it matches',
    (source) => {
      const c = concept(source);
      expect(candidateSentences(doc(SAMPLE), c)).toEqual([...oneByOne(SAMPLE, c).keys()]);
    },
  );

  it('a lookaround is cut out, not a reason to read every sentence', () => {
    const c = concept('(?<!聘请)法律顾问');
    const all = sentencesOf(doc(SAMPLE)).length;
    const candidates = candidateSentences(doc(SAMPLE), c);
    expect(candidates).toEqual([...oneByOne(SAMPLE, concept('法律顾问')).keys()]);
    expect(candidates.length).toBeLessThan(all);
  });

  it('a quantified lookaround makes every sentence a candidate', () => {
    expect(candidateSentences(doc(SAMPLE), concept('法律(?=顾问)?宣传')).length).toBe(sentencesOf(doc(SAMPLE)).length);
  });
});
