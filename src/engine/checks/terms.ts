import type { NestedCondition } from 'json-rules-engine';
import { PART_TITLES, type PartId } from '../../document/model.js';
import { PackError } from '../../shared/errors.js';
import { factId, type Facts, type Hit } from '../../facts/model.js';
import { inScope } from '../../facts/scope.js';
import { displayPath, type Term } from '../../packs/model.js';
import { evidenceAt } from '../evidence.js';
import type { Evidence } from '../model.js';
import type { CompileContext } from './types.js';

/** A pack term compiled to pattern keys: the shared vocabulary of mention and absent. */
export type CompiledTerm =
  | {
      kind: 'leaf';
      key: string;
      min: number;
      label?: string;
      /** Its hit count's fact id in the term's scope. */
      fact: string;
    }
  | { kind: 'all' | 'any'; children: CompiledTerm[]; label?: string; anyHits?: string };

export type Leaf = Extract<CompiledTerm, { kind: 'leaf' }>;

export const MAX_EVIDENCE = 5;

export function compileTerm(
  term: Term,
  path: Array<string | number>,
  scope: string,
  ctx: CompileContext,
): CompiledTerm {
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
    const leafOnly = (['not', 'raw', 'validator', 'min'] as const).filter((k) => term[k] !== undefined);
    if (leafOnly.length > 0) {
      const origin = ctx.origin([...path, leafOnly[0] as string]);
      throw new PackError(
        `${displayPath(origin.path)}: "${leafOnly.join('", "')}" applies to phrases or regex, not to allOf/anyOf（请写在每个匹配项上）`,
        origin.file,
        origin.locate(origin.path),
      );
    }
    const kind = term.allOf ? 'all' : 'any';
    const list = (term.allOf ?? term.anyOf) as Term[];
    const children = list.map((t, i) => compileTerm(t, [...path, kind === 'all' ? 'allOf' : 'anyOf', i], scope, ctx));
    const compiled: CompiledTerm = label ? { kind, children, label } : { kind, children };
    // "Any of these, once" is one fact (their hits added up) and one condition for the engine,
    // not one condition per alternative: the engine's cost is per condition.
    if (kind === 'any' && children.length > 1 && children.every((c) => c.kind === 'leaf' && c.min === 1)) {
      const ids = (children as Leaf[]).map((c) => c.fact);
      compiled.anyHits = ctx.addFact(`any-hits:${(children as Leaf[]).map((c) => c.key).join('|')}@${scope}`, (facts) =>
        ids.reduce((n, id) => n + ((facts.values[id] as number | undefined) ?? 0), 0),
      ).id;
    }
    return compiled;
  }
  const options = { not: term.not, raw: term.raw === true, validator: term.validator };
  const key = term.phrases
    ? ctx.patterns.phrases(term.phrases, options, ctx.origin([...path, 'phrases']))
    : ctx.patterns.regex(term.regex as string, options, ctx.origin([...path, 'regex']));
  ctx.needHits(key, scope);
  const leaf: CompiledTerm = { kind: 'leaf', key, min: term.min ?? 1, fact: factId.hits(key, scope) };
  if (label) leaf.label = label;
  return leaf;
}

export function termCondition(term: CompiledTerm): NestedCondition {
  if (term.kind === 'leaf') return { fact: term.fact, operator: 'atLeast', value: term.min };
  if (term.anyHits) return { fact: term.anyHits, operator: 'atLeast', value: 1 };
  const children = term.children.map(termCondition);
  return term.kind === 'all' ? { all: children } : { any: children };
}

/** Whether the term holds in the report (in the scope it was compiled for). */
export function satisfied(term: CompiledTerm, facts: Facts): boolean {
  if (term.kind === 'leaf') return ((facts.values[term.fact] as number | undefined) ?? 0) >= term.min;
  return term.kind === 'all'
    ? term.children.every((c) => satisfied(c, facts))
    : term.children.some((c) => satisfied(c, facts));
}

const NONE_MISSING: readonly string[] = Object.freeze([]);

/** Labels of what is missing; for a choice, the alternative closest to being met. */
export function missingLabels(term: CompiledTerm, facts: Facts): readonly string[] {
  if (term.kind === 'leaf') return satisfied(term, facts) ? NONE_MISSING : term.label ? [term.label] : NONE_MISSING;
  if (satisfied(term, facts)) return NONE_MISSING;
  if (term.kind === 'all') return term.children.flatMap((c) => missingLabels(c, facts));
  let best: readonly string[] | null = null;
  for (const c of term.children) {
    const labels = missingLabels(c, facts);
    // The shortest non-empty list, the first of equals (a stable sort's first).
    if (labels.length > 0 && (best === null || labels.length < best.length)) best = labels;
  }
  return best ?? (term.label ? [term.label] : NONE_MISSING);
}

export function leaves(term: CompiledTerm): Leaf[] {
  return term.kind === 'leaf' ? [term] : term.children.flatMap(leaves);
}

/** The leaves that made the term true: every child of allOf, every met child of anyOf. */
export function supporting(term: CompiledTerm, facts: Facts): Leaf[] {
  if (term.kind === 'leaf') return [term];
  const children = term.kind === 'all' ? term.children : term.children.filter((c) => satisfied(c, facts));
  return children.flatMap((c) => supporting(c, facts));
}

export function hitsInScope(facts: Facts, key: string, scope: string): Hit[] {
  return (facts.hits.get(key) ?? []).filter((h) => inScope(h, scope));
}

export function outsideNote(parts: PartId[]): string {
  if (parts.includes('next-year')) return `位于“${PART_TITLES['next-year']}”部分，计划不等于已完成`;
  if (parts.includes('shortcomings')) return `位于“${PART_TITLES.shortcomings}”部分，所述为问题，不是已完成的证据`;
  return '不在本规则要求的部分内';
}

/** Quote the first hit of a pattern that passes `where` (no list of all of them is built). */
export function pushFirst(
  out: Evidence[],
  facts: Facts,
  key: string,
  where: (hit: Hit) => boolean,
  note?: string,
): void {
  const hit = (facts.hits.get(key) ?? []).find(where);
  if (hit) pushHit(out, facts, hit, note);
}

/** Add a hit's clause unless it overlaps one already quoted (two terms in one clause). */
export function pushHit(out: Evidence[], facts: Facts, hit: Hit, note?: string): void {
  const { line, start, end } = hit.clause;
  if (out.length >= MAX_EVIDENCE) return;
  if (out.some((e) => e.line === line && e.column - 1 < end && start < e.endColumn - 1)) return;
  out.push(evidenceAt(facts.document, hit.clause, note));
}

export function byPosition(a: Evidence, b: Evidence): number {
  return a.line - b.line || a.column - b.column;
}
