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

/** Distinct fact tuples remembered per rule; past this the memory starts afresh. */
const MAX_REMEMBERED = 1024;

/** The facts a condition tree reads, sorted. */
function factsRead(conditions: TopLevelCondition): string[] {
  const ids = new Set<string>();
  const walk = (c: unknown): void => {
    const node = c as { fact?: string; all?: unknown[]; any?: unknown[]; not?: unknown };
    if (typeof node.fact === 'string') ids.add(node.fact);
    node.all?.forEach(walk);
    node.any?.forEach(walk);
    if (node.not) walk(node.not);
  };
  walk(conditions);
  return [...ids].sort();
}

/** Results only, frozen: a remembered tree is handed to every report with the same facts. */
function leanCopy(node: EvaluatedCondition): EvaluatedCondition {
  const out: EvaluatedCondition = { result: node.result === true };
  if (node.all) out.all = node.all.map(leanCopy);
  if (node.any) out.any = node.any.map(leanCopy);
  if (node.not) out.not = leanCopy(node.not);
  return Object.freeze(out);
}

/** An unambiguous key for a tuple of fact values (strings carry their length). */
function tupleKey(values: Record<string, FactValue>, ids: readonly string[]): string {
  let key = '';
  for (const id of ids) {
    const v = values[id];
    if (typeof v === 'number') key += `${v}|`;
    else if (typeof v === 'string') key += `s${v.length}:${v}|`;
    else key += v === true ? 't|' : v === false ? 'f|' : v === null ? 'n|' : 'u|';
  }
  return key;
}

/**
 * One pack rule as a json-rules-engine rule, in an engine of its own. The engine decides; a
 * verdict depends only on the values of the facts its conditions read (operators are pure and
 * packs cannot add any), so it is asked once per distinct tuple of those values and remembered.
 * Why: the engine deep-copies a rule's conditions into its result on every run, and asked for
 * every rule of every report that copy was most of a report's time in the engine.
 */
export class RuleDecider {
  readonly reads: readonly string[];
  private readonly engine: Engine;
  // Keyed by the value itself when the rule reads one fact (most do: no key to build),
  // else by tupleKey. Map keys compare by SameValueZero: 1, "1" and true stay apart.
  private readonly remembered = new Map<FactValue | string | undefined, Verdict>();

  constructor(name: string, conditions: TopLevelCondition) {
    this.engine = new Engine([], { allowUndefinedFacts: false, replaceFactsInEventParams: false });
    registerOperators(this.engine);
    this.engine.addRule({ name, conditions, event: { type: 'pass' } });
    this.reads = factsRead(conditions);
  }

  /** The verdict for these facts: remembered (at once, no promise), or asked of the engine. */
  decide(values: Record<string, FactValue>): Verdict | Promise<Verdict> {
    const key = this.reads.length === 1 ? values[this.reads[0] as string] : tupleKey(values, this.reads);
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
