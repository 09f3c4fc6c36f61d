import type { DocLine } from '../../document/model.js';
import type { Facts, LineSpan } from '../../facts/model.js';
import type { DuplicatesCheckConfig } from '../../packs/model.js';
import { toOriginalSpan } from '../../text/normalize.js';
import { evidenceAt } from '../evidence.js';
import type { CheckOutcome, CheckType } from './types.js';

interface Repeat {
  span: LineSpan;
  firstLine: number;
}

/** Sentences (split at 。！？；) of at least minLength characters that appear again later. */
function repeats(facts: Facts, minLength: number): Repeat[] {
  const seen = new Map<string, number>();
  const out: Repeat[] = [];
  const lines = facts.document.lines.filter((l: DocLine) => l.kind === 'body' || l.kind === 'heading');
  for (const line of lines) {
    const text = line.norm.text;
    for (const m of text.matchAll(/[^。!?;]+[。!?;]?/g)) {
      const sentence = m[0].replace(/[。!?;]$/, '');
      if (sentence.length < minLength) continue;
      const first = seen.get(sentence);
      if (first === undefined) {
        seen.set(sentence, line.number);
        continue;
      }
      const [start, end] = toOriginalSpan(line.norm, m.index, m.index + m[0].length);
      out.push({ span: { line: line.number, start, end }, firstLine: first });
    }
  }
  return out;
}

/** No passage is published twice (a paragraph pasted again, a section copied). */
export const duplicatesCheck: CheckType<DuplicatesCheckConfig> = {
  type: 'duplicates',
  compile(config, ctx) {
    const minLength = ctx.number(config.minLength) ?? 50;
    const fact = ctx.addFact(`duplicates:${ctx.rule.id}`, (facts) => repeats(facts, minLength).length);
    return {
      conditions: { all: [{ fact, operator: 'atMost', value: 0 }] },
      explain(facts, passed): CheckOutcome {
        if (passed) return { evidence: [], vars: { minLength } };
        const found = repeats(facts, minLength);
        const evidence = found.slice(0, 5).map((r) => evidenceAt(facts.document, r.span, `与第${r.firstLine}行重复`));
        return { evidence, vars: { minLength, count: found.length } };
      },
    };
  },
};
