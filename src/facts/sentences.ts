import { isTextLine, type DocLine, type Document, type PartId } from '../document/model.js';

/**
 * The sentences of a document's text, the unit in which a concepts check looks for its concepts
 * together. Segmented with Intl.Segmenter (sentence granularity), then at semicolons, which in
 * reports separate items as full stops do ("一是……；二是……").
 */
export interface Sentence {
  line: DocLine;
  /** [start, end) in the line's normalised text. */
  start: number;
  end: number;
  text: string;
  parts: readonly PartId[];
  inTitle: boolean;
}

let segmenter: Intl.Segmenter | null = null;
const bySentence = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('zh', { granularity: 'sentence' }));

/**
 * Characters whose sentence-break property (Unicode UAX #29) is more than "part of a sentence": full stops and other
 * terminators of every script, paragraph separators, and every astral character (surrogates: not looked up here).
 * Found by asking Intl.Segmenter about every BMP character (test/facts-sentences.test.ts asks again).
 */
const SPECIAL =
  /[\n\r.\x85\u0589\u061d-\u061f\u06d4\u0700-\u0702\u07f9\u0837\u0839\u083d\u083e\u0964\u0965\u104a\u104b\u1362\u1367\u1368\u166e\u1735\u1736\u17d4\u17d5\u1803\u1809\u1944\u1945\u1aa8-\u1aab\u1b4e\u1b4f\u1b5a\u1b5b\u1b5e\u1b5f\u1b7d-\u1b7f\u1c3b\u1c3c\u1c7e\u1c7f\u2024\u2028\u2029\u203c\u203d\u2047-\u2049\u2cf9-\u2cfb\u2e2e\u2e3c\u2e53\u2e54\ua4ff\ua60e\ua60f\ua6f3\ua6f7\ua876\ua877\ua8ce\ua8cf\ua92f\ua9c8\ua9c9\uaa5d-\uaa5f\uaaf0\uaaf1\uabeb\ufe12\ufe15\ufe16\ufe52\ufe56\ufe57\uff01\uff0e\uff1f\uff61\ud800-\udfff]/;

const isIdeograph = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;
const isAsciiAlphanumeric = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isPlainAfterStop = (code: number): boolean => isIdeograph(code) || isAsciiAlphanumeric(code);

/**
 * Where the sentences of `text` end, as Intl.Segmenter would say, without asking it (it costs a third of a
 * millisecond a report) when the answer is plain: no special character, and every 。 ! ? followed by an ideograph,
 * a digit or a letter, or ending the text. Null otherwise: ask the segmenter.
 */
export function plainSentenceEnds(text: string): number[] | null {
  if (SPECIAL.test(text)) return null;
  const ends: number[] = [];
  if (text.length === 0) return ends;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x3002 && code !== 33 && code !== 63) continue;
    if (i + 1 === text.length) break;
    if (!isPlainAfterStop(text.charCodeAt(i + 1))) return null;
    ends.push(i + 1);
  }
  ends.push(text.length);
  return ends;
}

/** Where the sentences of `text` end (UAX #29, as Intl.Segmenter finds them). */
export function sentenceEnds(text: string): number[] {
  const plain = plainSentenceEnds(text);
  if (plain) return plain;
  const ends: number[] = [];
  for (const segment of bySentence().segment(text)) ends.push(segment.index + segment.segment.length);
  return ends;
}

const cache = new WeakMap<Document, Sentence[]>();

/** The sentences that can be evidence: body text, run-in text after a heading, the title. */
export function sentencesOf(document: Document): Sentence[] {
  let found = cache.get(document);
  if (found) return found;
  found = [];
  const headingAt = new Map(document.headings.map((h) => [h.line, h]));
  for (const line of document.lines) {
    if (!isTextLine(line)) continue;
    const text = line.norm.text;
    let from = 0;
    const heading = line.kind === 'heading' ? headingAt.get(line.number) : undefined;
    if (heading) {
      // A heading alone is a topic, not a deed; after a top-level heading's first stop the text is a paragraph.
      if (heading.level <= 2 || !heading.runIn) {
        const at = text.indexOf(heading.normTitle);
        from = at < 0 ? text.length : at + heading.normTitle.length;
        while (from < text.length && '。:;!?'.includes(text[from] as string)) from++;
      }
    }
    if (from >= text.length) continue;
    let segmentStart = from;
    for (const end of sentenceEnds(from > 0 ? text.slice(from) : text)) {
      const stop = from + end;
      let start = segmentStart;
      for (let i = start; i <= stop; i++) {
        if (i === stop || text[i] === ';') {
          if (i > start) pushSentence(found, line, start, i);
          start = i + 1;
        }
      }
      segmentStart = stop;
    }
  }
  cache.set(document, found);
  return found;
}

function pushSentence(into: Sentence[], line: DocLine, start: number, end: number): void {
  const text = line.norm.text.slice(start, end);
  if (text.trim().length === 0) return;
  into.push({ line, start, end, text, parts: line.parts, inTitle: line.kind === 'title' });
}
