import { clausesAround } from '../../facts/clauses.js';
import { conceptMatches, firstMatch, matchesIn, type CompiledConcept } from '../../facts/concepts.js';
import type { Facts } from '../../facts/model.js';
import { inScope, scopeName } from '../../facts/scope.js';
import { sentencesOf, type Sentence } from '../../facts/sentences.js';
import { toOriginalSpan } from '../../text/normalize.js';
import { evidenceAt } from '../evidence.js';
import type { Evidence } from '../model.js';
import { defineCheckType, type CheckOutcome } from './types.js';
import { mapPacked } from '../../shared/packed.js';

const conceptList = { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' } } as const;

/** Why a sentence that holds every concept is still not evidence. */
type Rejection = 'plan' | 'slogan' | 'excluded' | 'scope' | null;

interface Reading {
  /** Index of the first sentence that is evidence, or -1. */
  evidence: number;
  /** The sentence with the most of the required concepts, and why it fell short. */
  closest: { index: number; missing: CompiledConcept[]; rejection: Rejection } | null;
}

/**
 * Concepts are reported together: every concept of `all` (and one of `any`) in one sentence, in
 * any order. A sentence is not evidence when it states a plan, when it is a slogan (no action
 * and no count), or when it names a concept of `none`.
 */
export const conceptsCheck = defineCheckType({
  type: 'concepts',
  description: 'Named concepts (shared vocabularies) are reported together in one sentence, in any order',
  summary:
    'every concept of `all` (and one of `any`, none of `none`) is found in one sentence within `scope`, and the ' +
    'sentence is neither a plan (`contexts.plan`) nor a slogan without action or count (`contexts.substance`; ' +
    '`substance: false` turns that off)',
  options: {
    required: ['all'],
    properties: {
      all: conceptList,
      any: conceptList,
      none: conceptList,
      substance: { type: 'boolean' },
      scope: { $ref: '#/definitions/scope' },
    },
  },
  vars: ['missing'],
  compile(config, ctx) {
    const scope = scopeName(config.scope);
    const all = config.all.map((id, i) => ctx.concept(id, ['all', i]));
    const any = (config.any ?? []).map((id, i) => ctx.concept(id, ['any', i]));
    const none = (config.none ?? []).map((id, i) => ctx.concept(id, ['none', i]));
    const plan = ctx.contexts.plan.map((id) => ctx.concept(id, ['contexts', 'plan']));
    const substance =
      config.substance === false ? [] : ctx.contexts.substance.map((id) => ctx.concept(id, ['contexts', 'substance']));

    const required = [...all, ...any];
    const parts = all.length + (any.length > 0 ? 1 : 0);

    const read = (facts: Facts): Reading => {
      const document = facts.document;
      const sentences = sentencesOf(document);
      // Each concept's matches looked up once per reading, not once per sentence and rule; the lists
      // consulted only for some sentences (plan, none, substance) on their first use.
      const matchesOf = (list: CompiledConcept[]) => mapPacked(list, (c) => conceptMatches(document, c));
      const onFirstUse = (list: CompiledConcept[]) => {
        let maps: Array<Map<number, unknown>> | null = null;
        return (i: number) => (maps ??= matchesOf(list)).some((m) => m.has(i));
      };
      const allMatches = matchesOf(all);
      const anyMatches = matchesOf(any);
      const requiredMatches = [...allMatches, ...anyMatches];
      const inPlan = onFirstUse(plan);
      const inNone = onFirstUse(none);
      const withSubstance = onFirstUse(substance);
      // A deed or a count within a clause of some match of a required concept ("坚持以……为指导，……，
      // 始终将法治思维贯穿政务服务……全过程" is a preamble, not a deed).
      const hasSubstance = (i: number, text: string): boolean => {
        if (!withSubstance(i)) return false;
        const spans: Array<readonly [number, number]> = [];
        required.forEach((c, k) => {
          if (requiredMatches[k]?.has(i)) for (const span of matchesIn(text, c)) spans.push(span);
        });
        if (spans.length === 0) return true;
        return spans.some(([from, to]) => {
          const window = text.slice(...clausesAround(text, from, to));
          return substance.some((c) => firstMatch(window, c) !== null);
        });
      };
      let closest: Reading['closest'] = null;
      // A sentence with none of the required concepts is neither evidence nor the closest: read only the others.
      // Marked, then read in order: a set of them spread and sorted cost more than the reading.
      const holding = new Uint8Array(sentences.length);
      for (const m of requiredMatches) for (const i of m.keys()) holding[i] = 1;
      // The missing concepts are listed only for a sentence that becomes the closest: counted, most
      // sentences are passed over without an array apiece.
      for (let i = 0; i < holding.length; i++) {
        if (holding[i] === 0) continue;
        const sentence = sentences[i] as Sentence;
        const anyMissing = any.length > 0 && !anyMatches.some((m) => m.has(i));
        let missingCount = anyMissing ? 1 : 0;
        for (const m of allMatches) if (!m.has(i)) missingCount++;
        let rejection: Rejection = null;
        if (sentence.inTitle || !inScope(sentence, scope)) rejection = 'scope';
        else if (inPlan(i)) rejection = 'plan';
        else if (inNone(i)) rejection = 'excluded';
        else if (missingCount === 0 && substance.length > 0 && !hasSubstance(i, sentence.text)) rejection = 'slogan';
        if (missingCount === 0 && rejection === null) return { evidence: i, closest: null };
        const found = parts - missingCount;
        const best = closest ? parts - closest.missing.length : 0;
        if (found > 0 && (!closest || found > best)) {
          const missing = all.filter((_, k) => !(allMatches[k] as Map<number, unknown>).has(i));
          if (anyMissing) missing.push(any[0] as CompiledConcept);
          closest = { index: i, missing, rejection };
        }
      }
      return { evidence: -1, closest };
    };
    // Per rule, as for the other check types: two rules with the same `all` may differ in any, none, scope, substance.
    const reading = ctx.addFact(`concepts:${ctx.rule.id}:${config.all.join('+')}`, read, (r) => r.evidence >= 0);

    const quote = (facts: Facts, index: number, note?: string): Evidence => {
      const sentence = sentencesOf(facts.document)[index] as Sentence;
      const [start, end] = toOriginalSpan(sentence.line.norm, sentence.start, sentence.end);
      return evidenceAt(facts.document, { line: sentence.line.number, start, end }, note);
    };
    const NOTES: Record<Exclude<Rejection, null>, string> = {
      plan: '仅见于计划或打算，不能作为已完成的证据',
      slogan: '仅为原则性表述，未写明具体做法或数量',
      excluded: '所述并非本规则要求的事项',
      scope: '出现在不计为成效的位置（标题、下一年度安排或存在的不足）',
    };
    return {
      conditions: { fact: reading.id, operator: 'is', value: true },
      explain(facts, passed): CheckOutcome {
        const { evidence, closest } = reading.read(facts);
        if (passed && evidence >= 0) return { evidence: [quote(facts, evidence)], vars: {} };
        const out: Evidence[] = [];
        let missing = [...all, ...any.slice(0, 1)];
        if (closest) {
          missing = closest.missing;
          const note =
            closest.missing.length > 0
              ? '已找到，但不足以满足本规则'
              : NOTES[closest.rejection as Exclude<Rejection, null>];
          out.push(quote(facts, closest.index, note));
        }
        const labels = mapPacked(missing, (c) => c.title);
        return { evidence: out, vars: { missing: labels.join('、') || '可作为证据的具体表述' } };
      },
    };
  },
});
