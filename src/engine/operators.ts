import type { Engine } from 'json-rules-engine';

/**
 * Operators for our flat facts. The built-in numeric ones parse with parseFloat
 * ("1,234" → 1) and treat a missing value as a number; ours take real numbers only,
 * so "not reported" (null) never passes a threshold.
 */
function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function registerOperators(engine: Engine): void {
  engine.addOperator<unknown, number>('atLeast', (fact, min) => isNumber(fact) && fact >= min);
  engine.addOperator<unknown, number>('atMost', (fact, max) => isNumber(fact) && fact <= max);
  engine.addOperator<unknown, boolean>(
    'reported',
    (fact, expected) => (fact !== null && fact !== undefined) === expected,
  );
}
