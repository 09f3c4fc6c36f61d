import { isTextLine, type DocLine, type Document, type PartId } from '../document/model.js';
import { unitSet } from '../text/unit-set.js';
import { charSet } from './clauses.js';

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
 * Found by asking Intl.Segmenter about every BMP character (test/facts-sentences.test.ts asks again). The ASCII full
 * stop is not among them: the plain path below decides it where its neighbours make the answer plain.
 */
// prettier-ignore
const SPECIAL_CODES: ReadonlyArray<number | readonly [number, number]> = [
  0xa, 0xd, 0x85, 0x589, [0x61d, 0x61f], 0x6d4, [0x700, 0x702], 0x7f9, 0x837, 0x839, [0x83d, 0x83e], [0x964, 0x965],
  [0x104a, 0x104b], 0x1362, [0x1367, 0x1368], 0x166e, [0x1735, 0x1736], [0x17d4, 0x17d5], 0x1803, 0x1809,
  [0x1944, 0x1945], [0x1aa8, 0x1aab], [0x1b4e, 0x1b4f], [0x1b5a, 0x1b5b], [0x1b5e, 0x1b5f], [0x1b7d, 0x1b7f],
  [0x1c3b, 0x1c3c], [0x1c7e, 0x1c7f], 0x2024, [0x2028, 0x2029], [0x203c, 0x203d], [0x2047, 0x2049], [0x2cf9, 0x2cfb],
  0x2e2e, 0x2e3c, [0x2e53, 0x2e54], 0xa4ff, [0xa60e, 0xa60f], 0xa6f3, 0xa6f7, [0xa876, 0xa877], [0xa8ce, 0xa8cf],
  0xa92f, [0xa9c8, 0xa9c9], [0xaa5d, 0xaa5f], [0xaaf0, 0xaaf1], 0xabeb, [0xd800, 0xdfff], 0xfe12, [0xfe15, 0xfe16],
  0xfe52, [0xfe56, 0xfe57], 0xff01, 0xff0e, 0xff1f, 0xff61,
];
/** SPECIAL_CODES as a table: one lookup per character (a regex over the class took 20 ns a character). */
const SPECIAL = unitSet(...SPECIAL_CODES);

const FULL_STOP = 46;
const isIdeograph = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isUpper = (code: number): boolean => code >= 65 && code <= 90;
const isLower = (code: number): boolean => code >= 97 && code <= 122;
const isAsciiAlphanumeric = (code: number): boolean => isDigit(code) || isUpper(code) || isLower(code);
/** The terminators the plain path knows: 。 ! ? (STerm) and the full stop (ATerm). Compared: run per character. */
const isStop = (code: number): boolean => code === 0x3002 || code === 33 || code === 63 || code === FULL_STOP;
/**
 * Quotation marks and brackets (sentence-break property Close): a sentence's end takes those that follow its stop
 * (“……。”), and so does a list number's full stop (3.“……”).
 */
const isClose = charSet('"\'()[]{}“”‘’《》〈〉「」『』【】');

/**
 * Where the sentences of `text` end, as Intl.Segmenter would say (UAX #29), without asking it (it costs a third of a
 * millisecond a report, and 20 ms to create) when the answer is plain: no special character, and every stop followed
 * by what the rules below decide. Null otherwise: ask the segmenter.
 * - A run of stops ends at its last (SB8a).
 * - A full stop ends nothing before a digit (1.5, SB6) or a lowercase letter (www.gov, SB8), nor between letters
 *   (U.S, SB7).
 * - Otherwise a stop, with the quotes and brackets after it, ends a sentence before an ideograph, and 。 ! ? also
 *   before a digit or a letter (SB11).
 */
export function plainSentenceEnds(text: string): number[] | null {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Most of a report: one comparison. The characters skipped below (closing marks) are never special.
    if (isIdeograph(code)) continue;
    if (SPECIAL[code] === 1) return null;
    if (!isStop(code)) continue;
    if (i + 1 === text.length) break;
    const after = text.charCodeAt(i + 1);
    if (isStop(after)) continue;
    if (code === FULL_STOP) {
      if (isDigit(after) || isLower(after)) continue;
      if (isUpper(after)) {
        const before = i > 0 ? text.charCodeAt(i - 1) : -1;
        if (isUpper(before) || isLower(before)) continue;
        if (before !== -1 && !isIdeograph(before) && !isDigit(before)) return null;
        ends.push(i + 1);
        continue;
      }
    }
    let next = i + 1;
    while (next < text.length && isClose(text.charCodeAt(next))) next++;
    if (next === text.length) break;
    const following = text.charCodeAt(next);
    const plain = isIdeograph(following) || (code !== FULL_STOP && isAsciiAlphanumeric(following));
    if (!plain) return null;
    ends.push(next);
    i = next - 1;
  }
  if (text.length > 0) ends.push(text.length);
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

const SENTENCES = Symbol('sentences');

/** The sentences that can be evidence: body text, run-in text after a heading, the title. */
export function sentencesOf(document: Document): Sentence[] {
  let found = document.derived.get(SENTENCES) as Sentence[] | undefined;
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
  document.derived.set(SENTENCES, found);
  return found;
}

function pushSentence(into: Sentence[], line: DocLine, start: number, end: number): void {
  const text = line.norm.text.slice(start, end);
  if (text.trim().length === 0) return;
  into.push({ line, start, end, text, parts: line.parts, inTitle: line.kind === 'title' });
}
