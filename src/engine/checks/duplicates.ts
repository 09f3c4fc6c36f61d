import type { Facts, LineSpan } from '../../facts/model.js';
import { inScope, scopeName } from '../../facts/scope.js';
import type { DuplicatesCheckConfig } from '../../packs/model.js';
import { toOriginalSpan } from '../../text/normalize.js';
import { evidenceAt } from '../evidence.js';
import type { CheckOutcome, CheckType } from './types.js';

interface Sentence {
  text: string;
  line: number;
  span: LineSpan;
}

interface Repeat {
  span: LineSpan;
  firstLine: number;
  similarity: number;
}

function sentencesOf(facts: Facts, scope: string, minLength: number): Sentence[] {
  const out: Sentence[] = [];
  for (const line of facts.document.lines) {
    if (line.kind !== 'body' && line.kind !== 'heading') continue;
    if (!inScope({ parts: line.parts, inTitle: false }, scope)) continue;
    for (const m of line.norm.text.matchAll(/[^。!?;]+[。!?;]?/g)) {
      const text = m[0].replace(/[。!?;]$/, '');
      if (text.length < minLength) continue;
      const [start, end] = toOriginalSpan(line.norm, m.index, m.index + m[0].length);
      out.push({ text, line: line.number, span: { line: line.number, start, end } });
    }
  }
  return out;
}

/** A character pair in more sentences than this says little about copying: stop indexing it. */
const MAX_POSTINGS = 24;

// Open-addressing table from a character pair (an int32) to a dense id, reused across calls
// and cleared by bumping a generation. A Map here hashed heap numbers (CJK pairs exceed the
// small-integer range), and sets per sentence allocated: together several times slower.
let pairKeys = new Int32Array(1024);
let pairValues = new Int32Array(1024);
let pairStamps = new Int32Array(1024);
let generation = 0;

/** Each sentence's distinct character pairs, as small dense ids (one id space per call). */
function pairIds(sentences: Sentence[]): { grams: number[][]; distinct: number } {
  let total = 0;
  for (const { text } of sentences) total += text.length;
  const bits = Math.max(4, Math.ceil(Math.log2(total * 2 + 2)));
  const size = 1 << bits;
  if (pairKeys.length < size) {
    pairKeys = new Int32Array(size);
    pairValues = new Int32Array(size);
    pairStamps = new Int32Array(size);
  }
  generation = (generation + 1) | 0;
  const lastSentence: number[] = [];
  const grams = sentences.map(({ text }, sentence) => {
    const ids: number[] = [];
    for (let i = 0; i + 1 < text.length; i++) {
      const key = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
      // Fibonacci hashing: the product's high bits spread keys that differ only in low bits.
      let slot = Math.imul(key, 0x9e3779b1) >>> (32 - bits);
      while (pairStamps[slot] === generation && pairKeys[slot] !== key) slot = (slot + 1) & (size - 1);
      let id: number;
      if (pairStamps[slot] !== generation) {
        pairStamps[slot] = generation;
        pairKeys[slot] = key;
        id = lastSentence.length;
        pairValues[slot] = id;
        lastSentence.push(-1);
      } else {
        id = pairValues[slot] as number;
      }
      if (lastSentence[id] !== sentence) {
        lastSentence[id] = sentence;
        ids.push(id);
      }
    }
    return ids;
  });
  return { grams, distinct: lastSentence.length };
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
  const { grams, distinct } = similarity < 1 ? pairIds(sentences) : { grams: [], distinct: 0 };
  const postings: number[][] = [];
  // The current sentence's pairs, marked with its index + 1: shared pairs counted without sets.
  const marks = new Int32Array(distinct);
  // Shared-pair counts per earlier sentence, in a typed array reset after each use.
  const counts = new Int32Array(sentences.length);
  const touched: number[] = [];
  sentences.forEach((s, i) => {
    const first = exact.get(s.text);
    if (first !== undefined) {
      out.push({ span: s.span, firstLine: first, similarity: 1 });
    } else if (similarity < 1) {
      const mine = grams[i] as number[];
      let unindexed = 0;
      for (const g of mine) {
        marks[g] = i + 1;
        const list = postings[g];
        if (!list) continue;
        if (list.length >= MAX_POSTINGS) unindexed++;
        for (const j of list) {
          if (counts[j] === 0) touched.push(j);
          counts[j] = (counts[j] as number) + 1;
        }
      }
      let best: { j: number; score: number } | null = null;
      for (const j of touched) {
        const indexedShared = counts[j] as number;
        counts[j] = 0;
        const other = grams[j] as number[];
        const smaller = Math.min(mine.length, other.length);
        // Exact bound: even if every full-list pair were shared, the copy would fall short.
        if (indexedShared + unindexed < smaller * similarity) continue;
        let shared = 0;
        for (const g of other) if (marks[g] === i + 1) shared++;
        const score = shared / smaller;
        if (score >= similarity && (!best || score > best.score)) best = { j, score };
      }
      touched.length = 0;
      if (best) out.push({ span: s.span, firstLine: (sentences[best.j] as Sentence).line, similarity: best.score });
      for (const g of mine) {
        const list = postings[g];
        if (!list) postings[g] = [i];
        else if (list.length < MAX_POSTINGS) list.push(i);
      }
    }
    if (first === undefined) exact.set(s.text, s.line);
  });
  return out;
}

/** No passage is published twice (a paragraph pasted again, a section copied and reworded). */
export const duplicatesCheck: CheckType<DuplicatesCheckConfig> = {
  type: 'duplicates',
  compile(config, ctx) {
    const minLength = ctx.number(config.minLength) ?? 50;
    const similarity = ctx.number(config.similarity) ?? 1;
    const scope = scopeName(config.scope ?? 'all');
    // Counted for the engine, listed again for a failing report's evidence: search once.
    const found = new WeakMap<Facts, Repeat[]>();
    const repeatsIn = (facts: Facts): Repeat[] => {
      let list = found.get(facts);
      if (!list) found.set(facts, (list = repeats(facts, scope, minLength, similarity)));
      return list;
    };
    const fact = ctx.addFact(`duplicates:${ctx.rule.id}`, (facts) => repeatsIn(facts).length);
    return {
      conditions: { fact, operator: 'atMost', value: 0 },
      explain(facts, passed): CheckOutcome {
        if (passed) return { evidence: [], vars: { minLength } };
        const repeated = repeatsIn(facts);
        const evidence = repeated
          .slice(0, 5)
          .map((r) => evidenceAt(facts.document, r.span, r.similarity === 1 ? `与第${r.firstLine}行重复` : `与第${r.firstLine}行内容相近（${Math.round(r.similarity * 100)}%）`));
        return { evidence, vars: { minLength, count: repeated.length } };
      },
    };
  },
};
