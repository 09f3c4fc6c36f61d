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

/** Character pairs as numbers (two UTF-16 units in one integer): cheaper than substrings. */
function bigrams(text: string): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i + 1 < text.length; i++) set.add(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
  return set;
}

/**
 * Sentences that appear again later: identical ones, and with similarity < 1 reworded
 * copies (the shorter sentence shares at least that share of its character pairs).
 * An inverted index of character pairs keeps this near-linear on real reports.
 */
/** A character pair in more sentences than this says little about copying: stop indexing it. */
const MAX_POSTINGS = 24;

function repeats(facts: Facts, scope: string, minLength: number, similarity: number): Repeat[] {
  const sentences = sentencesOf(facts, scope, minLength);
  const out: Repeat[] = [];
  const exact = new Map<string, number>();
  const sets: Array<Set<number>> = [];
  const postings = new Map<number, number[]>();
  // Shared-pair counts per earlier sentence, in a typed array reset after each use.
  const counts = new Int32Array(sentences.length);
  const touched: number[] = [];
  sentences.forEach((s, i) => {
    const first = exact.get(s.text);
    if (first !== undefined) {
      out.push({ span: s.span, firstLine: first, similarity: 1 });
    } else if (similarity < 1) {
      const grams = bigrams(s.text);
      // Candidates share indexed (not too common) pairs; the score then counts every shared pair.
      for (const g of grams) {
        const list = postings.get(g);
        if (!list) continue;
        for (const j of list) {
          if (counts[j] === 0) touched.push(j);
          counts[j] = (counts[j] as number) + 1;
        }
      }
      let best: { j: number; score: number } | null = null;
      for (const j of touched) {
        const indexedShared = counts[j] as number;
        counts[j] = 0;
        const other = sets[j] as Set<number>;
        const smaller = Math.min(grams.size, other.size);
        if (indexedShared < smaller * similarity * 0.25) continue;
        let n = 0;
        for (const g of grams) if (other.has(g)) n++;
        const score = n / smaller;
        if (score >= similarity && (!best || score > best.score)) best = { j, score };
      }
      touched.length = 0;
      if (best) out.push({ span: s.span, firstLine: (sentences[best.j] as Sentence).line, similarity: best.score });
      sets[i] = grams;
      for (const g of grams) {
        const list = postings.get(g);
        if (!list) postings.set(g, [i]);
        else if (list.length < MAX_POSTINGS) list.push(i);
      }
    }
    if (first === undefined) exact.set(s.text, s.line);
    sets[i] ??= new Set();
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
    const fact = ctx.addFact(`duplicates:${ctx.rule.id}`, (facts) => repeats(facts, scope, minLength, similarity).length);
    return {
      conditions: { all: [{ fact, operator: 'atMost', value: 0 }] },
      explain(facts, passed): CheckOutcome {
        if (passed) return { evidence: [], vars: { minLength } };
        const found = repeats(facts, scope, minLength, similarity);
        const evidence = found
          .slice(0, 5)
          .map((r) => evidenceAt(facts.document, r.span, r.similarity === 1 ? `与第${r.firstLine}行重复` : `与第${r.firstLine}行内容相近（${Math.round(r.similarity * 100)}%）`));
        return { evidence, vars: { minLength, count: found.length } };
      },
    };
  },
};
