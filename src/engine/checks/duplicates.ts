import type { DocLine } from '../../document/model.js';
import type { Facts, LineSpan } from '../../facts/model.js';
import { charSet } from '../../facts/clauses.js';
import { pairKey, pairSlot } from '../../packs/prefilter.js';
import { inScope, scopeName } from '../../facts/scope.js';
import { toOriginalSpan } from '../../text/normalize.js';
import { evidenceAt } from '../evidence.js';
import { defineCheckType, homeOfScope, type CheckOutcome } from './types.js';

interface Sentence {
  text: string;
  line: DocLine;
  /** [start, end) in the line's normalised text, the end mark included. */
  start: number;
  end: number;
}

interface Repeat {
  span: LineSpan;
  firstLine: number;
  similarity: number;
}

const SENTENCE = /[^。!?;]+[。!?;]?/g;
const isEndMark = charSet('。!?;');

function sentencesOf(facts: Facts, scope: string, minLength: number): Sentence[] {
  const out: Sentence[] = [];
  for (const line of facts.document.lines) {
    if (line.kind !== 'body' && line.kind !== 'heading') continue;
    if (!inScope({ parts: line.parts, inTitle: false }, scope)) continue;
    const norm = line.norm.text;
    SENTENCE.lastIndex = 0;
    for (let m = SENTENCE.exec(norm); m !== null; m = SENTENCE.exec(norm)) {
      const end = m.index + m[0].length;
      const length = isEndMark(norm.charCodeAt(end - 1)) ? m[0].length - 1 : m[0].length;
      if (length < minLength) continue;
      out.push({ text: norm.slice(m.index, m.index + length), line, start: m.index, end });
    }
  }
  return out;
}

/** A character pair in more sentences than this says little about copying: stop indexing it. */
const MAX_POSTINGS = 24;

// Buffers reused across reports (grown when a report needs more), so a report allocates
// nearly nothing here. Pair table: open addressing from a character pair (an int32) to a
// dense id, cleared by bumping a generation; a Map hashed heap numbers (CJK pairs exceed
// the small-integer range) and was several times slower.
// Slot i is [stamp, key, id] at 3i: one cache line per probe, not three.
let pairSlots = new Int32Array(3 * 1024);
let generation = 0;
/** Each sentence's distinct pair ids, back to back; sentence i's run is [gramStart[i], gramStart[i + 1]). */
let gramIds = new Int32Array(1024);
/** Per pair id: the sentence that last used it, its postings (first MAX_POSTINGS sentences), their count. */
let lastSentence = new Int32Array(1024);
let postings = new Int32Array(1024 * MAX_POSTINGS);
let postingCount = new Int32Array(1024);
let marks = new Int32Array(1024);

const atLeast = (buffer: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> =>
  buffer.length >= size ? buffer : new Int32Array(Math.max(size, buffer.length * 2));

/** Fill gramIds with each sentence's distinct character pairs, as dense ids; returns the starts and the id count. */
function pairIds(sentences: Sentence[]): { gramStart: Int32Array; distinct: number } {
  let total = 0;
  for (const { text } of sentences) total += text.length;
  const bits = Math.max(4, Math.ceil(Math.log2(total * 2 + 2)));
  const size = 1 << bits;
  if (pairSlots.length < 3 * size) pairSlots = new Int32Array(3 * size);
  gramIds = atLeast(gramIds, total);
  lastSentence = atLeast(lastSentence, total);
  generation = (generation + 1) | 0;
  // Locals, not the module's variables: the hot loop then reads no context slots.
  const slots = pairSlots;
  const last = lastSentence;
  const ids = gramIds;
  const stamp = generation;
  const end = 3 * size;
  const gramStart = new Int32Array(sentences.length + 1);
  let distinct = 0;
  let written = 0;
  for (let sentence = 0; sentence < sentences.length; sentence++) {
    const { text } = sentences[sentence] as Sentence;
    gramStart[sentence] = written;
    for (let i = 0; i + 1 < text.length; i++) {
      const key = pairKey(text, i);
      let at = 3 * pairSlot(key, bits);
      while (slots[at] === stamp && slots[at + 1] !== key) at = at + 3 === end ? 0 : at + 3;
      let id: number;
      if (slots[at] !== stamp) {
        slots[at] = stamp;
        slots[at + 1] = key;
        id = distinct++;
        slots[at + 2] = id;
        last[id] = -1;
      } else {
        id = slots[at + 2] as number;
      }
      if (last[id] !== sentence) {
        last[id] = sentence;
        ids[written++] = id;
      }
    }
  }
  gramStart[sentences.length] = written;
  return { gramStart, distinct };
}

function spanOf(s: Sentence): LineSpan {
  const [start, end] = toOriginalSpan(s.line.norm, s.start, s.end);
  return { line: s.line.number, start, end };
}

/**
 * Sentences that appear again later: identical ones, and with similarity < 1 reworded
 * copies (the shorter sentence shares at least that share of its character pairs).
 * An inverted index of character pairs keeps this near-linear on real reports; pairs
 * too common to index only loosen an upper bound, so no copy is missed because of them.
 */
function repeats(facts: Facts, scope: string, minLength: number, similarity: number): Repeat[] {
  const sentences = sentencesOf(facts, scope, minLength);
  const out: Repeat[] = [];
  const exact = new Map<string, number>();
  const { gramStart, distinct } = similarity < 1 ? pairIds(sentences) : { gramStart: new Int32Array(0), distinct: 0 };
  postingCount = atLeast(postingCount, distinct);
  postingCount.fill(0, 0, distinct);
  postings = atLeast(postings, distinct * MAX_POSTINGS);
  // The current sentence's pairs, marked with its index + 1: shared pairs counted without sets.
  marks = atLeast(marks, distinct);
  marks.fill(0, 0, distinct);
  // Locals, not the module's variables: the hot loops then read no context slots.
  const ids = gramIds;
  const posted = postings;
  const listedCount = postingCount;
  const marked = marks;
  // Shared-pair counts per earlier sentence, reset after each use.
  const counts = new Int32Array(sentences.length);
  const touched: number[] = [];
  sentences.forEach((s, i) => {
    const first = exact.get(s.text);
    if (first !== undefined) {
      out.push({ span: spanOf(s), firstLine: first, similarity: 1 });
    } else if (similarity < 1) {
      const from = gramStart[i] as number;
      const to = gramStart[i + 1] as number;
      let unindexed = 0;
      for (let k = from; k < to; k++) {
        const g = ids[k] as number;
        marked[g] = i + 1;
        const listed = listedCount[g] as number;
        if (listed >= MAX_POSTINGS) unindexed++;
        for (let p = g * MAX_POSTINGS, last = p + listed; p < last; p++) {
          const j = posted[p] as number;
          if (counts[j] === 0) touched.push(j);
          counts[j] = (counts[j] as number) + 1;
        }
      }
      let best: { j: number; score: number } | null = null;
      for (const j of touched) {
        const indexedShared = counts[j] as number;
        counts[j] = 0;
        const otherFrom = gramStart[j] as number;
        const otherTo = gramStart[j + 1] as number;
        const smaller = Math.min(to - from, otherTo - otherFrom);
        // Exact bound: even if every full-list pair were shared, the copy would fall short.
        if (indexedShared + unindexed < smaller * similarity) continue;
        let shared = 0;
        for (let k = otherFrom; k < otherTo; k++) if (marked[ids[k] as number] === i + 1) shared++;
        const score = shared / smaller;
        if (score >= similarity && (!best || score > best.score)) best = { j, score };
      }
      touched.length = 0;
      if (best)
        out.push({ span: spanOf(s), firstLine: (sentences[best.j] as Sentence).line.number, similarity: best.score });
      for (let k = from; k < to; k++) {
        const g = ids[k] as number;
        const listed = listedCount[g] as number;
        if (listed < MAX_POSTINGS) {
          posted[g * MAX_POSTINGS + listed] = i;
          listedCount[g] = listed + 1;
        }
      }
    }
    if (first === undefined) exact.set(s.text, s.line.number);
  });
  return out;
}

/** No passage is published twice (a paragraph pasted again, a section copied and reworded). */
export const duplicatesCheck = defineCheckType({
  type: 'duplicates',
  description:
    'No sentence of at least minLength characters appears twice (or, with similarity < 1, is copied with small ' +
    'rewording)',
  summary: 'no sentence of at least `minLength` characters appears twice (`similarity` < 1 also finds reworded copies)',
  options: {
    required: ['minLength'],
    properties: {
      minLength: { $ref: '#/definitions/numberOrParam' },
      similarity: {
        $ref: '#/definitions/numberOrParam',
        description:
          '1 (default) for identical sentences; lower (e.g. 0.6) also finds reworded copies: the share of ' +
          'character pairs the shorter sentence shares with the other',
      },
      scope: { $ref: '#/definitions/scope' },
    },
  },
  vars: ['minLength', 'count'],
  home: (config) => homeOfScope(config.scope ?? 'all'),
  compile(config, ctx) {
    const minLength = ctx.number(config.minLength) ?? 50;
    const similarity = ctx.number(config.similarity) ?? 1;
    const scope = scopeName(config.scope ?? 'all');
    const fact = ctx.addFact(
      `duplicates:${ctx.rule.id}`,
      (facts) => repeats(facts, scope, minLength, similarity),
      (found) => found.length,
    );
    return {
      conditions: { fact: fact.id, operator: 'atMost', value: 0 },
      explain(facts, passed): CheckOutcome {
        if (passed) return { evidence: [], vars: { minLength } };
        const repeated = fact.read(facts);
        const evidence = repeated
          .slice(0, 5)
          .map((r) =>
            evidenceAt(
              facts.document,
              r.span,
              r.similarity === 1
                ? `与第${r.firstLine}行重复`
                : `与第${r.firstLine}行内容相近（${Math.round(r.similarity * 100)}%）`,
            ),
          );
        return { evidence, vars: { minLength, count: repeated.length } };
      },
    };
  },
});
