import { Engine, Fact, type TopLevelCondition } from 'json-rules-engine';
import type { FactValue } from '../facts/model.js';
import type { EvaluatedCondition } from './checks/types.js';
import { registerOperators } from './operators.js';

/** json-rules-engine's decision on one rule for one report. */
export interface Verdict {
  passed: boolean;
  /** The evaluated conditions: every node with its result (shared between reports: read only). */
  conditions: EvaluatedCondition;
}

const NO_CACHE = { cache: false };

/** Outcome combinations remembered per rule; past this the memory starts afresh. */
const MAX_REMEMBERED = 1024;

/** A condition that is not all / any / not, as a pack's check wrote it. */
interface LeafNode {
  fact?: unknown;
  operator?: unknown;
  value?: unknown;
  path?: unknown;
  params?: unknown;
}

/** The leaf conditions of a condition tree, in order. */
function leafNodes(conditions: TopLevelCondition): LeafNode[] {
  const leaves: LeafNode[] = [];
  const walk = (c: unknown): void => {
    const node = c as LeafNode & { all?: unknown[]; any?: unknown[]; not?: unknown };
    if (!node.all && !node.any && !node.not) return void leaves.push(node);
    node.all?.forEach(walk);
    node.any?.forEach(walk);
    if (node.not) walk(node.not);
  };
  walk(conditions);
  return leaves;
}

/** Results only, frozen: a remembered tree is handed to every report with the same leaf outcomes. */
function leanCopy(node: EvaluatedCondition): EvaluatedCondition {
  const out: EvaluatedCondition = { result: node.result === true };
  if (node.all) out.all = node.all.map(leanCopy);
  if (node.any) out.any = node.any.map(leanCopy);
  if (node.not) out.not = leanCopy(node.not);
  return Object.freeze(out);
}

/** The part of json-rules-engine's Operator that a leaf condition's outcome comes from. */
interface EngineOperator {
  evaluate(factValue: unknown, jsonValue: unknown): boolean;
}

/** A leaf condition: a fact compared with a constant by one of the engine's operators. */
interface Leaf {
  fact: string;
  operator: EngineOperator;
  value: unknown;
}

/** A fact a condition's value refers to ({ fact: id }), which the engine resolves before comparing. */
function referencedFact(node: LeafNode): string | null {
  const value = node.value as { fact?: unknown } | null;
  return typeof value === 'object' && value !== null && typeof value.fact === 'string' ? value.fact : null;
}

/** Every fact the leaves read, on either side, sorted. */
function factsRead(nodes: LeafNode[]): string[] {
  const ids = new Set<string>();
  for (const node of nodes) {
    if (typeof node.fact === 'string') ids.add(node.fact);
    const referenced = referencedFact(node);
    if (referenced !== null) ids.add(referenced);
  }
  return [...ids].sort();
}

/**
 * The leaves with the engine's own operators, or null when a leaf is one the engine resolves
 * further (a fact as the value, a path, params, a named condition).
 */
function withOperators(nodes: LeafNode[], engine: Engine): Leaf[] | null {
  // Not in the library's typings: the OperatorMap its conditions are evaluated with.
  const operators = (engine as unknown as { operators: { get(name: string): EngineOperator | null } }).operators;
  const leaves: Leaf[] = [];
  for (const node of nodes) {
    const operator = typeof node.operator === 'string' ? operators.get(node.operator) : null;
    const plain =
      typeof node.fact === 'string' &&
      operator &&
      referencedFact(node) === null &&
      node.path === undefined &&
      node.params === undefined;
    if (!plain) return null;
    leaves.push({ fact: node.fact as string, operator, value: node.value });
  }
  return leaves;
}

/**
 * One pack rule as a json-rules-engine rule, in an engine of its own. The engine decides; its
 * verdict, and the evaluated tree the evidence reads, follow from the outcomes of the rule's
 * leaf conditions alone (all / any / not combine them). So each leaf is evaluated with the
 * engine's own operator, and the engine is asked once per distinct combination of outcomes:
 * a handful per rule, whatever the numbers in the reports. Why: the engine deep-copies a
 * rule's conditions into its result on every run, and asked for every rule of every report
 * that copy was most of a report's time in the engine.
 */
export class RuleDecider {
  readonly reads: readonly string[];
  private readonly engine: Engine;
  /** Null for a rule with a leaf the engine resolves further: it is asked every time. */
  private readonly leaves: readonly Leaf[] | null;
  // Keyed by the leaf outcomes as bits (a string past 30 leaves).
  private readonly remembered = new Map<number | string, Verdict>();

  constructor(name: string, conditions: TopLevelCondition) {
    this.engine = new Engine([], { allowUndefinedFacts: false, replaceFactsInEventParams: false });
    registerOperators(this.engine);
    this.engine.addRule({ name, conditions, event: { type: 'pass' } });
    const nodes = leafNodes(conditions);
    this.reads = factsRead(nodes);
    this.leaves = withOperators(nodes, this.engine);
  }

  /**
   * The leaf outcomes for these facts. Null leaves it to the engine: a missing fact (it reports
   * that) or an outcome that is not a boolean (all / any and not read those differently).
   */
  private outcomes(values: Record<string, FactValue>): number | string | null {
    const leaves = this.leaves as readonly Leaf[];
    const asBits = leaves.length <= 30;
    let bits = 0;
    let text = '';
    for (let i = 0; i < leaves.length; i++) {
      const { fact, operator, value } = leaves[i] as Leaf;
      const factValue = values[fact];
      if (factValue === undefined) return null;
      const outcome: unknown = operator.evaluate(factValue, value);
      if (typeof outcome !== 'boolean') return null;
      if (asBits) bits |= outcome ? 1 << i : 0;
      else text += outcome ? '1' : '0';
    }
    return asBits ? bits : text;
  }

  /** The verdict for these facts: remembered (at once, no promise), or asked of the engine. */
  decide(values: Record<string, FactValue>): Verdict | Promise<Verdict> {
    const key = this.leaves ? this.outcomes(values) : null;
    if (key === null) return this.ask(values);
    const known = this.remembered.get(key);
    if (known) return known;
    return this.ask(values).then((verdict) => {
      if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
      this.remembered.set(key, verdict);
      return verdict;
    });
  }

  /** The engine's own answer, never remembered (tests compare the two). */
  async ask(values: Record<string, FactValue>): Promise<Verdict> {
    // Values computed for one report: the engine's per-fact result cache would only hash them.
    const runtime: Record<string, Fact> = {};
    for (const id of this.reads) if (id in values) runtime[id] = new Fact(id, values[id], NO_CACHE);
    const { results, failureResults } = await this.engine.run(runtime);
    const result = results[0] ?? failureResults[0];
    if (!result) throw new Error('json-rules-engine returned no result for the rule');
    return { passed: result.result === true, conditions: leanCopy(result.conditions as EvaluatedCondition) };
  }
}
