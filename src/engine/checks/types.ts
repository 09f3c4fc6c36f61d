import type { NestedCondition } from 'json-rules-engine';
import type { Facts } from '../../facts/model.js';
import type { CompiledMetric, ComputedFact } from '../../facts/compute.js';
import type { CheckConfig, NumberOrParam, ParamValue, PackRule } from '../../packs/model.js';
import type { PatternOrigin, PatternRegistry } from '../../packs/patterns.js';
import type { Evidence } from '../model.js';

/** What a check type gets while a pack set is compiled (once per run). */
export interface CompileContext {
  rule: PackRule;
  /** Effective params: defaults overridden by --param / config. */
  params: Record<string, ParamValue>;
  patterns: PatternRegistry;
  metrics: Map<string, CompiledMetric>;
  /** Path of this check in the pack file, for located errors. */
  origin(path: Array<string | number>): PatternOrigin;
  /** Declare that a condition reads the hit count of `key` within `scope`. */
  needHits(key: string, scope: string): void;
  /** Register a fact derived per report (ids are namespaced by the caller); returns the id. */
  addFact(id: string, compute: ComputedFact): string;
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

export interface CheckType<C extends CheckConfig = CheckConfig> {
  type: C['type'];
  compile(config: C, ctx: CompileContext): CompiledCheck;
}
