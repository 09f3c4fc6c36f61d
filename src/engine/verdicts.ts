import { Engine, Fact, type TopLevelCondition } from 'json-rules-engine';
import type { FactValue } from '../facts/model.js';
import type { EvaluatedCondition } from './checks/types.js';
import { OPERATORS, registerOperators, type OperatorFunction } from './operators.js';

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

/** A leaf condition: a fact compared with a constant by one of our operators (operators.ts). */
interface Leaf {
  fact: string;
  operator: OperatorFunction;
  value: unknown;
}

/** Outcomes are remembered as bits: a rule with more leaves is asked of the engine every time. */
const MAX_LEAVES = 30;

/** The leaves with our operator functions, the ones registered with the engine (addOperator). */
function withOperators(nodes: LeafNode[], rule: string): Leaf[] {
  return nodes.map((node) => {
    const operator = typeof node.operator === 'string' ? OPERATORS[node.operator] : undefined;
    const plain = typeof node.fact === 'string' && node.path === undefined && node.params === undefined;
    // Check types write plain leaves with our operators; anything else is a bug in a check type.
    const factAsValue = typeof node.value === 'object' && node.value !== null && 'fact' in node.value;
    if (!operator || !plain || factAsValue)
      throw new Error(`${rule}: a condition json-rules-engine would resolve further (${JSON.stringify(node)})`);
    return { fact: node.fact as string, operator, value: node.value };
  });
}

/**
 * One pack rule as a json-rules-engine rule, in an engine of its own. The engine decides; its
 * verdict, and the evaluated tree the evidence reads, follow from the outcomes of the rule's
 * leaf conditions alone (all / any / not combine them). So each leaf is evaluated with the
 * operator function we registered with the engine (addOperator: public API, our own code), and
 * the engine is asked once per distinct combination of outcomes: a handful per rule, whatever
 * the numbers in the reports. Why: the engine deep-copies a rule's conditions into its result
 * on every run, and asked for every rule of every report that copy was most of a report's time
 * in the engine. (Measured: see the bench; only rules of up to MAX_LEAVES leaves are remembered.)
 */
export class RuleDecider {
  readonly reads: readonly string[];
  private readonly engine: Engine;
  /** Null past MAX_LEAVES: the engine is asked every time. */
  private readonly leaves: readonly Leaf[] | null;
  // Keyed by the leaf outcomes as bits.
  private readonly remembered = new Map<number, Verdict>();

  constructor(name: string, conditions: TopLevelCondition) {
    this.engine = new Engine([], { allowUndefinedFacts: false, replaceFactsInEventParams: false });
    registerOperators(this.engine);
    this.engine.addRule({ name, conditions, event: { type: 'pass' } });
    const nodes = leafNodes(conditions);
    const leaves = withOperators(nodes, name);
    this.reads = [...new Set(leaves.map((leaf) => leaf.fact))].sort();
    this.leaves = leaves.length <= MAX_LEAVES ? leaves : null;
  }

  /** The leaf outcomes for these facts as bits; null for a missing fact (the engine reports it). */
  private outcomes(leaves: readonly Leaf[], values: Record<string, FactValue>): number | null {
    let bits = 0;
    for (let i = 0; i < leaves.length; i++) {
      const { fact, operator, value } = leaves[i] as Leaf;
      const factValue = values[fact];
      if (factValue === undefined) return null;
      if (operator(factValue, value)) bits |= 1 << i;
    }
    return bits;
  }

  /** The verdict for these facts: remembered (at once, no promise), or asked of the engine. */
  decide(values: Record<string, FactValue>): Verdict | Promise<Verdict> {
    const key = this.leaves ? this.outcomes(this.leaves, values) : null;
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
