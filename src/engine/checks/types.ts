import type { NestedCondition } from 'json-rules-engine';
import type { JSONSchema } from 'json-schema-to-ts';
import type { Facts, FactValue } from '../../facts/model.js';
import type { CompiledMetric } from '../../facts/compute.js';
import type { CompiledConcept } from '../../facts/concepts.js';
import type { ContextDefs, ParamValue, PackRule } from '../../packs/model.js';
import type { PatternOrigin, PatternRegistry } from '../../packs/patterns.js';
import type { Basic, Evidence } from '../model.js';
import type { CheckConfig } from './index.js';
import type { PartId } from '../../document/model.js';
import type { NumberOrParam, Scope, Term } from './schema.js';

/** A fact a check registered: its id for conditions, and what explain() reads back from it. */
export interface RegisteredFact<T> {
  id: string;
  /** The value computed for this report (the engine compared its FactValue form). */
  read(facts: Facts): T;
}

/** What a check type gets while a pack set is compiled (once per run). */
export interface CompileContext {
  rule: PackRule;
  /** Effective params: defaults overridden by --param / config. */
  params: Record<string, ParamValue>;
  patterns: PatternRegistry;
  metrics: Map<string, CompiledMetric>;
  /** A concept of the pack set, compiled once per rule set; an unknown id is a pack error at `path`. */
  concept(id: string, path: Array<string | number>): CompiledConcept;
  /** The concepts that mark a sentence as a plan, and those that give it substance. */
  contexts: ContextDefs;
  /** Path of this check in the pack file, for located errors. */
  origin(path: Array<string | number>): PatternOrigin;
  /** Declare that a condition reads the hit count of `key` within `scope`. */
  needHits(key: string, scope: string): void;
  /**
   * Register a fact derived per report (ids are namespaced by the caller). With `valueOf`, the
   * computed value may be richer than what the engine compares (a list and its length):
   * explain() then reads the list instead of searching again.
   */
  addFact<T extends FactValue>(id: string, compute: (facts: Facts) => T): RegisteredFact<T>;
  addFact<T>(id: string, compute: (facts: Facts) => T, valueOf: (value: T) => FactValue): RegisteredFact<T>;
  /** Compile a nested check (combinators); its verdict is read from the evaluated conditions. */
  compileNested(config: CheckConfig, path: Array<string | number>): CompiledCheck;
  /** A threshold as written: a number, or {param: name} read from the effective params. */
  number(value: NumberOrParam | undefined): number | undefined;
}

/** A condition node after json-rules-engine has evaluated it: every node records its result. */
export interface EvaluatedCondition {
  result?: boolean;
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
}

/** What explain() gets after the engine has run: this check's own evaluated condition node. */
export interface Verdicts {
  node: EvaluatedCondition | null;
}

export interface CheckOutcome {
  evidence: Evidence[];
  /** Values for {placeholders} in the rule's messages. */
  vars: Record<string, string | number>;
  /** Use messages.missing instead of message (e.g. the metric is not reported at all). */
  missing?: boolean;
  /** The check failed because these basics are unknown, not because the report lacks something. */
  unknownBasics?: Basic[];
}

export interface CompiledCheck {
  /**
   * json-rules-engine conditions over flat facts: true means the rule passes. As lean as the
   * check allows (a single condition need not be wrapped): the engine's cost is per node.
   */
  conditions: NestedCondition;
  /** When present, the rule applies only where these hold; otherwise not-applicable. */
  applicability?: NestedCondition;
  /** Evidence and message values once the engine has decided. */
  explain(facts: Facts, passed: boolean, verdicts: Verdicts): CheckOutcome;
}

/** The options of a check type, as the `check:` object of a rule (besides `type`). */
export interface OptionsSchema {
  properties: Record<string, JSONSchema>;
  required?: readonly string[];
}

/** What a `$ref` in an options schema stands for. */
interface RefTypes {
  '#/definitions/term': Term;
  '#/definitions/scope': Scope;
  '#/definitions/numberOrParam': NumberOrParam;
  '#/definitions/partId': PartId;
}

/**
 * The type of one option, from its schema: the subset of JSON Schema that options use
 * (json-schema-to-ts's FromSchema is too deep to instantiate for every generic option).
 */
type PropertyType<P> = P extends { $ref: infer R extends keyof RefTypes }
  ? RefTypes[R]
  : P extends { const: infer C }
    ? C
    : P extends { enum: ReadonlyArray<infer E> }
      ? E
      : P extends { type: 'string' }
        ? string
        : P extends { type: 'integer' | 'number' }
          ? number
          : P extends { type: 'boolean' }
            ? boolean
            : P extends { type: 'array'; items: infer I }
              ? Array<PropertyType<I>>
              : unknown;

type RequiredKeys<S extends OptionsSchema> = S['required'] extends readonly string[] ? S['required'][number] : never;

/** A rule's `check:` object for this check type, derived from its options schema. */
export type OptionsOf<T extends string, S extends OptionsSchema> = { type: T } & {
  -readonly [K in keyof S['properties'] & RequiredKeys<S>]: PropertyType<S['properties'][K]>;
} & { -readonly [K in Exclude<keyof S['properties'], RequiredKeys<S>>]?: PropertyType<S['properties'][K]> };

/**
 * One check type, in one module: its name, its options (the pack schema's branch is generated
 * from them), the message values it provides, and its compile step.
 */
export interface CheckType<C extends { type: string } = { type: string }> {
  type: C['type'];
  /** One line for the pack schema: what the check tests. */
  description: string;
  /** One line for the README's check-type table (markdown): when a rule of this type passes. */
  summary: string;
  options: OptionsSchema;
  /** The {placeholders} its explain() fills, besides the rule's params. */
  vars: readonly string[];
  compile(config: C, ctx: CompileContext): CompiledCheck;
  /** Where the content a failing rule asks for belongs (annotations of missing content); see homeOfScope. */
  home?(config: C): Home;
}

/** A statutory part, or the report as a whole (a missing part, the title, the year). */
export type Home = PartId | 'report';

/**
 * Where content sought within `scope` belongs: the first part named, the measures for `done`
 * (the year's work), the report as a whole for `all` and `title`.
 */
export function homeOfScope(scope: Scope): Home {
  if (Array.isArray(scope)) return scope[0] ?? 'report';
  return scope === 'done' ? 'measures' : 'report';
}

/** Declare a check type; its config type is derived from its options schema (cf. Spectral's createRulesetFunction). */
export function defineCheckType<const T extends string, const S extends OptionsSchema>(definition: {
  type: T;
  description: string;
  summary: string;
  options: S;
  vars: readonly string[];
  compile(config: OptionsOf<T, S>, ctx: CompileContext): CompiledCheck;
  home?(config: OptionsOf<T, S>): Home;
}): CheckType<OptionsOf<T, S>> {
  return definition as unknown as CheckType<OptionsOf<T, S>>;
}
