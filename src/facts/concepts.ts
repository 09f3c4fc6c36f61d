import type { Document } from '../document/model.js';
import type { CompiledNeeds } from '../packs/prefilter.js';
import { classEnd } from '../shared/regex-source.js';
import { documentPresence } from './presence.js';
import { sentencesOf, type Sentence } from './sentences.js';
import { mapPacked } from '../shared/packed.js';

/** A concept compiled once per rule set, shared by every rule that names it. */
export interface CompiledConcept {
  id: string;
  title: string;
  /** Its words and patterns as one global regex over a sentence's normalised text. */
  re: RegExp;
  /** A match whose sentence matches this does not count (a negation). */
  not: RegExp | null;
  /** Longer words that contain a match but mean something else. */
  exceptWithin: RegExp | null;
  inDocumentTitles: boolean;
  /**
   * Literals of which every match of `re` holds one (packs/prefilter.ts), or null: a document
   * with none of them is not scanned for the concept.
   */
  needs?: CompiledNeeds | null;
}

/** Where a concept was found in one sentence: [start, end) in the sentence text. */
export type ConceptMatch = readonly [number, number];

const MATCHES = Symbol('concept matches');

/** For each sentence (by index in sentencesOf) that holds the concept, its first match. */
export function conceptMatches(document: Document, concept: CompiledConcept): Map<number, ConceptMatch> {
  let perDocument = document.derived.get(MATCHES) as Map<CompiledConcept, Map<number, ConceptMatch>> | undefined;
  if (!perDocument) {
    perDocument = new Map<CompiledConcept, Map<number, ConceptMatch>>();
    document.derived.set(MATCHES, perDocument);
  }
  const known = perDocument.get(concept);
  if (known) return known;
  const matches = new Map<number, ConceptMatch>();
  const sentences = sentencesOf(document);
  const { exact } = scanner(concept);
  scanCandidates(document, concept, (index, from, to) => {
    const text = (sentences[index] as Sentence).text;
    // Where the scan's match is the sentence's own (Scanner.exact), it is not looked for again.
    if (exact && to > from && to <= text.length && (concept.inDocumentTitles || !insideDocumentTitle(text, from))) {
      matches.set(index, [from, to]);
      return;
    }
    const match = firstMatch(text, concept);
    if (match) matches.set(index, match);
  });
  perDocument.set(concept, matches);
  return matches;
}

/** A document's sentences joined by \n, and where each starts: one scan finds the sentences worth a closer look. */
interface JoinedSentences {
  text: string;
  starts: number[];
}
const JOINED = Symbol('joined sentences');

function joinedSentences(document: Document): JoinedSentences {
  let joined = document.derived.get(JOINED) as JoinedSentences | undefined;
  if (joined) return joined;
  const starts: number[] = [];
  let offset = 0;
  const texts = mapPacked(sentencesOf(document), (s) => {
    starts.push(offset);
    offset += s.text.length + 1;
    return s.text;
  });
  joined = { text: texts.join('\n'), starts };
  document.derived.set(JOINED, joined);
  return joined;
}

/**
 * The concept's regex over joined sentences, multiline so that ^ and $ hold at each sentence's ends as they do on
 * one sentence: wherever a match starts in one sentence, one starts in the joined text too. A lookaround could see
 * past a sentence's ends (and so refuse a match the sentence alone allows): the scan leaves them out, which can
 * only let more sentences through to be read alone.
 */
interface Scanner {
  /** The scan's regex, or null: every sentence is a candidate. */
  re: RegExp | null;
  /**
   * Whether the scan's match, where it is not empty and ends within its sentence, is the sentence's first match
   * (firstMatch) as it stands: the scanner is the concept's own regex (no lookaround cut out), and nothing refuses
   * a match but a document's name. The joined text only adds a \n where the sentence alone ends, which ^, $
   * (multiline; a sentence holds no line break) and \b read as they read the sentence's ends, and characters past
   * it, which a match within the sentence never reached: so no match starts earlier in the sentence alone, and at
   * the same start the regex takes the same first way through.
   */
  exact: boolean;
}
const scannerOf = new WeakMap<CompiledConcept, Scanner>();

function scanner(concept: CompiledConcept): Scanner {
  let known = scannerOf.get(concept);
  if (known === undefined) {
    const { source, flags } = concept.re;
    const scan = flags.includes('v') ? null : withoutLookarounds(source);
    const re = scan === null ? null : new RegExp(scan, flags.includes('m') ? flags : `${flags}m`);
    const exact = re !== null && scan === source && concept.not === null && concept.exceptWithin === null;
    scannerOf.set(concept, (known = { re, exact }));
  }
  return known;
}

/**
 * A regex source with every lookaround group cut out (a looser regex: it matches wherever the source does), or null
 * when one is quantified (Annex B allows `(?=a)?`), where cutting would leave a dangling quantifier.
 */
export function withoutLookarounds(source: string): string | null {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i += 2;
    } else if (c === '[') {
      const end = classEnd(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (c === '(' && /^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      i = groupEnd(source, i);
      if (/^[*+?{]/.test(source.slice(i, i + 1))) return null;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The index just past the group that opens at `at`. */
function groupEnd(source: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\\') i += 2;
    else if (c === '[') i = classEnd(source, i);
    else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i + 1;
      i++;
    }
  }
  return i;
}

/**
 * The sentences in which a match of the concept starts in the joined text, in order: a superset of those the
 * concept matches, found in one scan instead of one per sentence. Each comes with the scan's first match in it,
 * [from, to) in the sentence's own text (to may lie past its end: the match ran on into the next sentence);
 * [0, 0] where every sentence is a candidate.
 */
export function scanCandidates(
  document: Document,
  concept: CompiledConcept,
  onCandidate: (index: number, from: number, to: number) => void,
): void {
  if (concept.needs && !documentPresence(document).mayContainAny(concept.needs)) return;
  const { re } = scanner(concept);
  const { text, starts } = joinedSentences(document);
  if (!re) {
    for (let i = 0; i < starts.length; i++) onCandidate(i, 0, 0);
    return;
  }
  re.lastIndex = 0;
  let index = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    while (index + 1 < starts.length && (starts[index + 1] as number) <= m.index) index++;
    const start = starts[index] as number;
    onCandidate(index, m.index - start, m.index + m[0].length - start);
    // One start in a sentence is enough: go on from the next sentence.
    if (index + 1 >= starts.length) break;
    re.lastIndex = starts[index + 1] as number;
    index++;
  }
}

/** The first match of a concept in a text that counts, or null. */
export function firstMatch(text: string, concept: CompiledConcept): ConceptMatch | null {
  return matchesIn(text, concept, 1)[0] ?? null;
}

/** Every match of a concept in a text that counts (at most `limit`), in order. */
export function matchesIn(text: string, concept: CompiledConcept, limit = Infinity): ConceptMatch[] {
  const out: ConceptMatch[] = [];
  if (concept.not?.test(text)) return out;
  const excluded: Array<[number, number]> = [];
  if (concept.exceptWithin) {
    const re = concept.exceptWithin;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else excluded.push([m.index, m.index + m[0].length]);
    }
  }
  const re = concept.re;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    // Refused where it overlaps an excluded word, unless it holds that word whole: then it is a
    // longer word of its own (学法用法考试 holds 学法用法).
    if (excluded.some(([s, e]) => start < e && end > s && !(start <= s && end >= e))) continue;
    if (!concept.inDocumentTitles && insideDocumentTitle(text, start)) continue;
    out.push([start, end]);
    if (out.length >= limit) break;
  }
  return out;
}

/** Whether `at` lies inside 《…》 (a document's or a law's name). */
function insideDocumentTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  if (open < 0) return false;
  const close = text.lastIndexOf('》', at);
  return close < open && text.indexOf('》', at) >= 0;
}
