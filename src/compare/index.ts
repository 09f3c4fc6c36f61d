/**
 * Year over year for one town: did this year's report do what last year's promised, and which of
 * its paragraphs and figures are last year's again. Plans are matched by the packs' concepts
 * (法律顾问, 合法性审查 …) and by what each item is about once its words of aim are set aside, never
 * by shared characters alone: "加强法律顾问队伍建设" is done by "聘请2名法律顾问", not by "加强" anywhere.
 */
import type { Document, PartId } from '../document/model.js';
import { compileConcept } from '../engine/compile.js';
import { matchesIn, type CompiledConcept } from '../facts/concepts.js';
import { findNumbers } from '../facts/numbers.js';
import { sentencesOf, type Sentence } from '../facts/sentences.js';
import type { PackSet } from '../packs/model.js';
import type { ReportResult } from '../report/result.js';
import { toOriginalSpan } from '../text/normalize.js';
import { comparable, jaccard, shingles, topicBigrams, topicCover } from './text.js';

export type PlanStatus = 'done' | 'not-reported' | 'again';

export interface Quote {
  quote: string;
  line: number;
}

export interface PlanOutcome {
  /** The item as last year's report wrote it. */
  text: string;
  line: number;
  /** From last year's 下一年度主要安排 (a plan) or 存在的不足 (a shortcoming to remedy). */
  kind: 'plan' | 'shortcoming';
  status: PlanStatus;
  /** This year's sentences: what was done, or where the item is planned (or found lacking) again. */
  evidence: Quote[];
  /** The concepts the item was matched by (empty: matched by what it is about). */
  concepts: string[];
}

export interface CopiedParagraph {
  quote: string;
  line: number;
  lastQuote: string;
  lastLine: number;
  similarity: number;
}

export interface RepeatedNumber {
  value: string;
  quote: string;
  line: number;
  lastQuote: string;
  lastLine: number;
}

export interface Comparison {
  last: { file: string; year: number | null; body: string | null };
  current: { file: string; year: number | null; body: string | null };
  plans: PlanOutcome[];
  copied: CopiedParagraph[];
  repeatedNumbers: RepeatedNumber[];
  /** The threshold a paragraph's similarity must reach to count as copied. */
  copyThreshold: number;
}

export interface ComparedReport {
  document: Document;
  result: ReportResult;
}

/** Shingle (3-character) Jaccard similarity at or above which a paragraph is the same as last year's. */
export const COPY_THRESHOLD = 0.8;
/** Paragraphs shorter than this (letters and digits) are too short to call copied. */
export const MIN_COPY_LENGTH = 30;
/** Share of a plan item's topic bigrams a sentence must hold when no concept names the item. */
const TOPIC_COVER = 0.6;
/** ... and when concepts name it: a shared concept alone (干部, 执法人员) may be about something else. */
const TOPIC_COVER_WITH_CONCEPT = 0.2;
/** Concept ids of boilerplate (公文套话) and context, which say nothing about what an item is about. */
const BOILERPLATE = 'boilerplate';
const SHORTFALL = 'shortfall';
/** Words of aim (加强, 推进 …): set aside to find what a plan item is about. */
const AIM = 'aim';

interface Vocabulary {
  topics: CompiledConcept[];
  substance: CompiledConcept[];
  /** The contexts that make a sentence a plan or a shortfall, not a deed. */
  plan: CompiledConcept[];
  /** The one that makes it a shortfall (有待, 不够 …): a shortcoming, not a plan. */
  shortfall: CompiledConcept | null;
  boilerplate: CompiledConcept | null;
  aim: RegExp | null;
}

const vocabularies = new WeakMap<PackSet, Vocabulary>();

function vocabulary(packs: PackSet): Vocabulary {
  let known = vocabularies.get(packs);
  if (!known) vocabularies.set(packs, (known = compileVocabulary(packs)));
  return known;
}

function compileVocabulary(packs: PackSet): Vocabulary {
  const compiled = new Map<string, CompiledConcept>();
  const get = (id: string): CompiledConcept | null => {
    const def = packs.concepts.get(id);
    if (!def) return null;
    let c = compiled.get(id);
    if (!c) compiled.set(id, (c = compileConcept(def, packs.locators.get(def.file) ?? (() => null))));
    return c;
  };
  const context = new Set([...packs.contexts.plan, ...packs.contexts.substance, BOILERPLATE, AIM]);
  const list = (ids: readonly string[]) => ids.map(get).filter((c): c is CompiledConcept => c !== null);
  return {
    topics: list([...packs.concepts.keys()].filter((id) => !context.has(id))),
    substance: list(packs.contexts.substance),
    plan: list(packs.contexts.plan),
    shortfall: get(SHORTFALL),
    aim: get(AIM)?.re ?? null,
    boilerplate: get(BOILERPLATE),
  };
}

const holds = (text: string, concept: CompiledConcept): boolean => matchesIn(text, concept, 1).length > 0;

/** Whether a unit holds a concept, each pair tested once (a unit is compared with every item). */
const held = new WeakMap<Unit, Map<CompiledConcept, boolean>>();
function unitHolds(unit: Unit, concept: CompiledConcept): boolean {
  let known = held.get(unit);
  if (!known) held.set(unit, (known = new Map<CompiledConcept, boolean>()));
  let answer = known.get(concept);
  if (answer === undefined) known.set(concept, (answer = holds(unit.norm, concept)));
  return answer;
}

function originalOf(sentence: Sentence): string {
  const [s, e] = toOriginalSpan(sentence.line.norm, sentence.start, sentence.end);
  return sentence.line.original.slice(s, e).trim();
}

/** A piece of a report to match: its text as written, its matching form, its line. */
interface Unit {
  text: string;
  line: number;
  /** Where it starts on its line (a sub-heading: -1), for document order. */
  start: number;
  norm: string;
  /** Its letters and digits (text.ts comparable), for topic cover. */
  letters: string;
}

const unitOf = (s: Sentence): Unit => ({
  text: originalOf(s),
  line: s.line.number,
  start: s.start,
  norm: s.text,
  letters: comparable(s.text),
});

/**
 * The items of a plan or shortcomings part: each sentence, and each sub-heading, of the part.
 * Under a heading that names both (存在的问题和下一步打算), a paragraph is of shortcomings when it
 * says so somewhere (the shortfall concept: 有待, 不够, 尚未 …), and of plans otherwise.
 */
function itemsOf(document: Document, part: PartId, isShortfall: (text: string) => boolean): Unit[] {
  const items: Unit[] = [];
  const other: PartId = part === 'next-year' ? 'shortcomings' : 'next-year';
  const shortfallLines = new Set(
    sentencesOf(document)
      .filter((s) => isShortfall(s.text))
      .map((s) => s.line.number),
  );
  const belongs = (parts: readonly PartId[], line: number): boolean =>
    parts.includes(part) && (!parts.includes(other) || shortfallLines.has(line) === (part === 'shortcomings'));
  const partHeadings = new Set(document.parts.filter((p) => p.id === part).map((p) => p.line));
  const sentenceLines = new Set<number>();
  for (const s of sentencesOf(document)) {
    if (s.inTitle || !s.parts.includes(part)) continue;
    sentenceLines.add(s.line.number);
    if (belongs(s.parts, s.line.number)) items.push(unitOf(s));
  }
  // A sub-heading with no text of its own on the line (（一）加强法律顾问队伍建设) is an item too.
  for (const h of document.headings) {
    const line = document.lines[h.line - 1];
    if (!line || partHeadings.has(h.line) || sentenceLines.has(h.line) || !belongs(line.parts, h.line)) continue;
    items.push({ text: h.title.trim(), line: h.line, start: -1, norm: h.normTitle, letters: comparable(h.normTitle) });
  }
  return items.filter((i) => comparable(i.norm).length >= 4).sort((a, b) => a.line - b.line || a.start - b.start);
}

interface Candidate {
  unit: Unit;
  shared: number;
  cover: number;
}

/** This year's units about an item, best first: sharing its concepts, else covering its topic. */
function about(item: Unit, concepts: CompiledConcept[], units: readonly Unit[], aim: RegExp | null): Candidate[] {
  const topic = topicBigrams(item.norm, aim);
  const need = concepts.length >= 3 ? 2 : 1;
  const out: Candidate[] = [];
  for (const unit of units) {
    const shared = concepts.filter((c) => unitHolds(unit, c)).length;
    const cover = topicCover(topic, unit.letters);
    const near =
      concepts.length > 0
        ? shared >= need && (topic.size === 0 || cover >= TOPIC_COVER_WITH_CONCEPT)
        : cover >= TOPIC_COVER;
    if (near) out.push({ unit, shared, cover });
  }
  return out.sort((a, b) => b.shared - a.shared || b.cover - a.cover || a.unit.line - b.unit.line);
}

function planOutcomes(last: Document, current: Document, v: Vocabulary): PlanOutcome[] {
  const sentences = sentencesOf(current).filter((s) => !s.inTitle);
  const isPlan = (s: Sentence) => v.plan.some((c) => holds(s.text, c));
  const shortfall = (text: string) => v.shortfall !== null && holds(text, v.shortfall);
  const done = sentences
    .filter(
      (s) =>
        !s.parts.includes('next-year') &&
        !s.parts.includes('shortcomings') &&
        !isPlan(s) &&
        v.substance.some((c) => holds(s.text, c)),
    )
    .map(unitOf);
  // Plans written among the measures (下一步将……) are plans too.
  const plannedElsewhere = sentences.filter((s) => isPlan(s) && !s.parts.includes('next-year')).map(unitOf);
  const out: PlanOutcome[] = [];
  for (const [part, kind] of [
    ['next-year', 'plan'],
    ['shortcomings', 'shortcoming'],
  ] as const) {
    const again = [...itemsOf(current, part, shortfall), ...(kind === 'plan' ? plannedElsewhere : [])];
    for (const item of itemsOf(last, part, shortfall)) {
      const concepts = v.topics.filter((c) => holds(item.norm, c));
      // A shortcoming found again this year is not remedied, whatever else was done; a plan said
      // again may be ongoing work, so for plans what was done counts first.
      const repeated = about(item, concepts, again, v.aim);
      const evidence = kind === 'shortcoming' && repeated.length > 0 ? [] : about(item, concepts, done, v.aim);
      const status: PlanStatus = evidence.length > 0 ? 'done' : repeated.length > 0 ? 'again' : 'not-reported';
      out.push({
        text: item.text,
        line: item.line,
        kind,
        status,
        evidence: (status === 'done' ? evidence : repeated)
          .slice(0, 2)
          .map((c) => ({ quote: c.unit.text, line: c.unit.line })),
        concepts: concepts.map((c) => c.title),
      });
    }
  }
  return out;
}

/** Body paragraphs worth comparing: long enough, not headings, not boilerplate. */
function selectParagraphs(document: Document, v: Vocabulary) {
  return document.lines
    .filter((l) => l.kind === 'body')
    .map((l) => ({ line: l.number, original: l.original.trim(), text: comparable(l.norm.text), norm: l.norm.text }))
    .filter((p) => p.text.length >= MIN_COPY_LENGTH && !(v.boilerplate && holds(p.norm, v.boilerplate)));
}

function paragraphsOf(document: Document, v: Vocabulary) {
  return selectParagraphs(document, v).map((p) => ({ ...p, shingles: shingles(p.text) }));
}

/**
 * A report's body paragraphs that copying is judged on: year over year (compare), and across
 * towns in a batch (audit, check on several files; see shared.ts).
 */
export function bodyParagraphs(document: Document, packs: PackSet): Array<{ line: number; text: string }> {
  return selectParagraphs(document, vocabulary(packs)).map((p) => ({ line: p.line, text: p.original }));
}

function copiedParagraphs(last: Document, current: Document, v: Vocabulary): CopiedParagraph[] {
  const before = paragraphsOf(last, v);
  const out: CopiedParagraph[] = [];
  for (const p of paragraphsOf(current, v)) {
    let best: { q: (typeof before)[number]; similarity: number } | null = null;
    for (const q of before) {
      const similarity = jaccard(p.shingles, q.shingles);
      if (similarity >= COPY_THRESHOLD && (!best || similarity > best.similarity)) best = { q, similarity };
    }
    if (best) {
      out.push({
        quote: p.original,
        line: p.line,
        lastQuote: best.q.original,
        lastLine: best.q.line,
        similarity: Math.round(best.similarity * 100) / 100,
      });
    }
  }
  return out;
}

/** Units a figure never repeats by meaning: dates. */
const DATE_UNITS = new Set(['年', '月', '日', '季度']);

/**
 * A figure written again: the same number with the same unit (the numbers scanner's: 98%, 百分之
 *九十八 and 12场 alike) in a sentence about the same thing (sharing a concept, or half its topic)
 * last year. Counts and rates both: a town that mediated "98%" two years running, or "举办讲座
 * 4期" again, is worth a look.
 */
function repeatedNumbers(
  last: Document,
  current: Document,
  v: Vocabulary,
  copiedLines: ReadonlySet<number>,
): RepeatedNumber[] {
  const figures = (d: Document) =>
    sentencesOf(d)
      .filter((s) => !s.inTitle && !s.parts.includes('next-year'))
      .flatMap((s) => {
        const seen = new Set<string>();
        return findNumbers(s.text)
          .filter((n) => n.unit !== '' && !DATE_UNITS.has(n.unit))
          .map((n) => ({ key: `${n.value}${n.unit}`, n, s }))
          .filter((f) => !seen.has(f.key) && seen.add(f.key));
      });
  const before = figures(last);
  const out: RepeatedNumber[] = [];
  for (const { key, n, s } of figures(current)) {
    // Small counts (1件, 2次) repeat by chance, and full coverage (100%) is expected every year;
    // a copied paragraph's figures are already reported with it.
    if (n.value < 3 || (n.value === 100 && n.unit === '%')) continue;
    if (copiedLines.has(s.line.number)) continue;
    const concepts = v.topics.filter((c) => holds(s.text, c));
    const topic = topicBigrams(s.text, v.aim);
    const match = before.find(
      (b) =>
        b.key === key && (concepts.some((c) => holds(b.s.text, c)) || topicCover(topic, comparable(b.s.text)) >= 0.5),
    );
    if (!match) continue;
    out.push({
      value: n.raw,
      quote: originalOf(s),
      line: s.line.number,
      lastQuote: originalOf(match.s),
      lastLine: match.s.line.number,
    });
  }
  return out;
}

export function compareReports(last: ComparedReport, current: ComparedReport, packs: PackSet): Comparison {
  const v = vocabulary(packs);
  const who = (r: ComparedReport) => ({ file: r.result.file, year: r.result.meta.year, body: r.result.meta.body });
  const copied = copiedParagraphs(last.document, current.document, v);
  return {
    last: who(last),
    current: who(current),
    plans: planOutcomes(last.document, current.document, v),
    copied,
    repeatedNumbers: repeatedNumbers(last.document, current.document, v, new Set(copied.map((c) => c.line))),
    copyThreshold: COPY_THRESHOLD,
  };
}
