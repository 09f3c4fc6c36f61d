import type { Engine } from 'json-rules-engine';

/**
 * Operators for our flat facts. The built-in numeric ones parse with parseFloat
 * ("1,234" → 1) and treat a missing value as a number; ours take real numbers only,
 * so "not reported" (null) never passes a threshold. Check types use these alone: so the
 * verdict memo (verdicts.ts) can evaluate a leaf with the very function the engine runs.
 */
function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export type OperatorFunction = (fact: unknown, value: unknown) => boolean;

export const OPERATORS: Readonly<Record<string, OperatorFunction>> = {
  atLeast: (fact, min) => isNumber(fact) && fact >= (min as number),
  atMost: (fact, max) => isNumber(fact) && fact <= (max as number),
  reported: (fact, expected) => (fact !== null && fact !== undefined) === expected,
  is: (fact, expected) => fact === expected,
};

export function registerOperators(engine: Engine): void {
  for (const [name, evaluate] of Object.entries(OPERATORS)) engine.addOperator(name, evaluate);
}
