import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/document/parse.js';
import { plainSentenceEnds, sentenceEnds, sentencesOf } from '../src/facts/sentences.js';

/** Sentence ends as Intl.Segmenter finds them: what the plain path must agree with whenever it answers. */
const segmenter = new Intl.Segmenter('zh', { granularity: 'sentence' });
const icuEnds = (text: string): number[] => [...segmenter.segment(text)].map((s) => s.index + s.segment.length);

describe('sentence ends without the segmenter', () => {
  it.each([
    ['开展普法。聘请顾问!共3次?好', [5, 10, 14, 15]],
    ['开展。2024年', [3, 8]],
    ['开展。a好', [3, 5]],
    ['没有句号', [4]],
    ['句号在末尾。', [6]],
    // A run of stops ends at its last; quotes and brackets after a stop stay with its sentence.
    ['开展。。好', [4, 5]],
    ['开展!?好', [4, 5]],
    ['开展。”好', [4, 5]],
    ['开展。”2024年', [4, 9]],
    ['好。(见附件)好', [3, 8]],
    // A full stop: in a number, in an address and between letters it ends nothing; after a list number it does.
    ['1.5万元。好', [6, 7]],
    ['第1.5条.好', [6, 7]],
    ['www.gov.cn发布', [12]],
    ['网址www.Gov好', [10]],
    ['U.S.A好', [6]],
    ['等.好', [2, 3]],
    ['3.“法治”建设', [3, 8]],
    ['5.A类', [2, 4]],
    ['法.A类', [2, 4]],
  ])('%s', (text, ends) => {
    expect(plainSentenceEnds(text)).toEqual(ends);
    expect(icuEnds(text)).toEqual(ends);
  });

  it.each(['开展。 好', '开展。,好', '开展。”。好', 'a.“b', '1.“2', '(.A', '第一\u2029第二', '𠀋好。好'])(
    'leaves %s to the segmenter',
    (text) => {
      expect(plainSentenceEnds(text)).toBeNull();
      expect(sentenceEnds(text)).toEqual(icuEnds(text));
    },
  );

  // Skipped only in the mutation run of src/facts (vitest.mutate.facts.config.ts): minutes a mutant there.
  it.skipIf(process.env.FAZHI_MUTATION_RUN === '1')(
    'agrees with the segmenter next to every character of the BMP',
    { timeout: 120_000 },
    () => {
      const disagree: string[] = [];
      for (let code = 0; code < 0x10000; code++) {
        const ch = String.fromCharCode(code);
        for (const text of [
          `开展${ch}好好`,
          `开展。${ch}好`,
          `开展${ch}。好`,
          `开展${ch}`,
          `${ch}开展。好`,
          `好。好${ch}好`,
          `第1.${ch}好`,
          `ab.${ch}好`,
          `${ch}.A好`,
          `开展.“${ch}好`,
          `开展。”${ch}好`,
        ]) {
          const plain = plainSentenceEnds(text);
          if (plain && plain.join() !== icuEnds(text).join()) {
            disagree.push(code.toString(16));
            break;
          }
        }
      }
      expect(disagree).toEqual([]);
    },
  );

  // The characters that may follow a stop on the plain path, and their neighbours just outside.
  it.each(['一', '鿿', '0', '9', 'A', 'Z', 'a', 'z'])('a stop followed by %s is plain', (ch) => {
    const text = `开展。${ch}好`;
    expect(plainSentenceEnds(text)).toEqual([3, 5]);
    expect(icuEnds(text)).toEqual([3, 5]);
  });
  it.each([...'"\'()[]{}“”‘’《》〈〉「」『』【】'])('a stop keeps the %s after it', (ch) => {
    const text = `开展。${ch}好`;
    expect(plainSentenceEnds(text)).toEqual([4, 5]);
    expect(icuEnds(text)).toEqual([4, 5]);
  });
  it.each(['/', ':', '@', '`', '\u4dff', '\ua000', '，', '、'])('a stop followed by %s goes to the segmenter', (ch) => {
    const text = `开展。${ch}好`;
    expect(plainSentenceEnds(text)).toBeNull();
    expect(sentenceEnds(text)).toEqual(icuEnds(text));
  });
  it.each(['!', '?'])('%s is a stop like 。', (stop) => {
    expect(plainSentenceEnds(`开展${stop}好`)).toEqual([3, 4]);
    expect(plainSentenceEnds(`开展${stop}`)).toEqual([3]);
  });
  it('a stop at the very start or end of the text', () => {
    expect(plainSentenceEnds('。好')).toEqual([1, 2]);
    expect(plainSentenceEnds('好。')).toEqual([2]);
    expect(icuEnds('。好')).toEqual([1, 2]);
  });

  it('agrees with the segmenter on random texts', () => {
    const piece = fc.constantFrom(
      ...[
        '开展',
        '普法',
        '2024',
        'ab',
        'A',
        '。',
        '!',
        '?',
        ';',
        ',',
        '.',
        '“',
        '”',
        '）',
        '(',
        ' ',
        '、',
        '年',
        '1.5',
        '3.',
        'www.gov',
        'U.S',
        '《',
        '》',
        '[',
        '…',
      ],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(sentenceEnds(text)).toEqual(icuEnds(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the plain path answers for most of a report', () => {
  // It only saves work (the segmenter would give the same ends): this pins down that it does.
  it('answers for nine lines in ten of the sample reports, and as the segmenter does', () => {
    const lines = ['xuantan-2024', 'taojia-2025', 'gurtu-2024'].flatMap((name) =>
      parseDocument({
        file: `${name}.txt`,
        format: 'text',
        encoding: null,
        text: readFileSync(`reports/${name}.txt`, 'utf8'),
      })
        .lines.filter((l) => l.kind === 'body')
        .map((l) => l.norm.text),
    );
    const answered = lines.filter((text) => plainSentenceEnds(text) !== null);
    expect(answered.length / lines.length).toBeGreaterThan(0.9);
    for (const text of answered) expect(plainSentenceEnds(text)).toEqual(icuEnds(text));
  });
});

describe('sentencesOf', () => {
  const sentences = (text: string) =>
    sentencesOf(parseDocument({ file: 'x.txt', format: 'text', encoding: null, text })).map((s) => s.text);

  it('cuts at full stops and semicolons, keeping closing quotes with their sentence', () => {
    expect(
      sentences(
        '白沙乡2025年法治政府建设年度报告\n一、主要举措和成效\n一是聘请法律顾问；二是开展普法。群众说“好。”共3次！',
      ),
    ).toEqual(['白沙乡2025年法治政府建设年度报告', '一是聘请法律顾问', '二是开展普法。', '群众说“好。”', '共3次!']);
  });
});
