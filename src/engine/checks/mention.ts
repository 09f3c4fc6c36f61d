import type { NestedCondition, TopLevelCondition } from 'json-rules-engine';
import { PART_TITLES, type PartId } from '../../document/model.js';
import { PackError } from '../../errors.js';
import { factId, type Facts, type Hit } from '../../facts/model.js';
import { inScope, scopeName } from '../../facts/scope.js';
import { displayPath, type MentionCheckConfig, type Term } from '../../packs/model.js';
import { evidenceAt } from '../evidence.js';
import type { Evidence } from '../model.js';
import type { CheckOutcome, CheckType, CompileContext } from './types.js';

type CompiledTerm =
  | { kind: 'leaf'; key: string; min: number; label?: string }
  | { kind: 'all' | 'any'; children: CompiledTerm[]; label?: string };

const MAX_EVIDENCE = 5;

function compileTerm(term: Term, path: Array<string | number>, scope: string, ctx: CompileContext): CompiledTerm {
  const forms = (['phrases', 'regex', 'allOf', 'anyOf'] as const).filter((k) => term[k] !== undefined);
  if (forms.length !== 1) {
    const origin = ctx.origin(path);
    throw new PackError(
      `${displayPath(origin.path)}: a term needs exactly one of phrases, regex, allOf, anyOf（每个匹配项只能有一种写法）`,
      origin.file,
      origin.locate(origin.path),
    );
  }
  const label = term.label;
  if (term.allOf || term.anyOf) {
    const kind = term.allOf ? 'all' : 'any';
    const list = (term.allOf ?? term.anyOf) as Term[];
    const children = list.map((t, i) => compileTerm(t, [...path, kind === 'all' ? 'allOf' : 'anyOf', i], scope, ctx));
    return label ? { kind, children, label } : { kind, children };
  }
  const key = term.phrases
    ? ctx.patterns.phrases(term.phrases, term.not, ctx.origin([...path, 'phrases']))
    : ctx.patterns.regex(term.regex as string, term.not, ctx.origin([...path, 'regex']));
  ctx.needHits(key, scope);
  const leaf: CompiledTerm = { kind: 'leaf', key, min: term.min ?? 1 };
  if (label) leaf.label = label;
  return leaf;
}

function toCondition(term: CompiledTerm, scope: string): NestedCondition {
  if (term.kind === 'leaf') return { fact: factId.hits(term.key, scope), operator: 'atLeast', value: term.min };
  const children = term.children.map((c) => toCondition(c, scope));
  return term.kind === 'all' ? { all: children } : { any: children };
}

function satisfied(term: CompiledTerm, facts: Facts, scope: string): boolean {
  if (term.kind === 'leaf') return ((facts.values[factId.hits(term.key, scope)] as number | undefined) ?? 0) >= term.min;
  return term.kind === 'all'
    ? term.children.every((c) => satisfied(c, facts, scope))
    : term.children.some((c) => satisfied(c, facts, scope));
}

/** Labels of what is missing; for a choice, the alternative closest to being met. */
function missing(term: CompiledTerm, facts: Facts, scope: string): string[] {
  if (satisfied(term, facts, scope)) return [];
  if (term.kind === 'leaf') return term.label ? [term.label] : [];
  if (term.kind === 'all') return term.children.flatMap((c) => missing(c, facts, scope));
  const options = term.children.map((c) => missing(c, facts, scope)).filter((m) => m.length > 0);
  options.sort((a, b) => a.length - b.length);
  return options[0] ?? (term.label ? [term.label] : []);
}

function leaves(term: CompiledTerm): Array<Extract<CompiledTerm, { kind: 'leaf' }>> {
  return term.kind === 'leaf' ? [term] : term.children.flatMap(leaves);
}

/** The leaves that made the term true: every child of allOf, every met child of anyOf. */
function supporting(term: CompiledTerm, facts: Facts, scope: string): Array<Extract<CompiledTerm, { kind: 'leaf' }>> {
  if (term.kind === 'leaf') return [term];
  const children = term.kind === 'all' ? term.children : term.children.filter((c) => satisfied(c, facts, scope));
  return children.flatMap((c) => supporting(c, facts, scope));
}

function outsideNote(parts: PartId[]): string {
  if (parts.includes('next-year')) return `位于“${PART_TITLES['next-year']}”部分，计划不等于已完成`;
  if (parts.includes('shortcomings')) return `位于“${PART_TITLES.shortcomings}”部分，所述为问题，不是已完成的证据`;
  return '不在本规则要求的部分内';
}

/** Add a hit's clause unless it overlaps one already quoted (two terms in one clause). */
function pushHit(out: Evidence[], facts: Facts, hit: Hit, note?: string): void {
  const { line, start, end } = hit.clause;
  if (out.length >= MAX_EVIDENCE) return;
  if (out.some((e) => e.line === line && e.column - 1 < end && start < e.endColumn - 1)) return;
  out.push(evidenceAt(facts.document, hit.clause, note));
}

/**
 * Phrases or patterns are mentioned where the report says what was done. By default a
 * plan (next-year part) or a problem (shortcomings part) is not evidence.
 */
export const mentionCheck: CheckType<MentionCheckConfig> = {
  type: 'mention',
  compile(config, ctx) {
    const scope = scopeName(config.scope);
    const root = compileTerm(config.match, ['match'], scope, ctx);
    const condition = toCondition(root, scope);
    const conditions: TopLevelCondition = 'all' in condition || 'any' in condition ? (condition as TopLevelCondition) : { all: [condition] };
    return {
      conditions,
      explain(facts, passed): CheckOutcome {
        const evidence: Evidence[] = [];
        const inside = (key: string): Hit[] => (facts.hits.get(key) ?? []).filter((h) => inScope(h.parts, scope));
        if (passed) {
          for (const leaf of supporting(root, facts, scope)) for (const hit of inside(leaf.key).slice(0, 1)) pushHit(evidence, facts, hit);
          evidence.sort((a, b) => a.line - b.line || a.column - b.column);
          return { evidence, vars: {} };
        }
        // Partial support first, then what was found only where it does not count.
        for (const leaf of leaves(root)) for (const hit of inside(leaf.key).slice(0, 1)) pushHit(evidence, facts, hit, '已找到，但不足以满足本规则');
        for (const leaf of leaves(root)) {
          const outside = (facts.hits.get(leaf.key) ?? []).filter((h) => !inScope(h.parts, scope));
          for (const hit of outside.slice(0, 1)) pushHit(evidence, facts, hit, outsideNote(hit.parts));
        }
        evidence.sort((a, b) => a.line - b.line || a.column - b.column);
        return { evidence, vars: { missing: missing(root, facts, scope).join('、') || '相关表述' } };
      },
    };
  },
};
