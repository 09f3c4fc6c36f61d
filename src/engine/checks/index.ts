import { absentCheck } from './absent.js';
import { allCheck, anyCheck } from './combined.js';
import { conceptsCheck } from './concepts.js';
import { deadlineCheck } from './deadline.js';
import { duplicatesCheck } from './duplicates.js';
import { knownCheck } from './known.js';
import { mentionCheck } from './mention.js';
import { metricCheck } from './metric.js';
import { partCheck } from './part.js';
import { percentCheck } from './percent.js';
import { ratioCheck } from './ratio.js';
import { homeOfScope, type CheckType, type Home } from './types.js';
import type { Scope } from './schema.js';
import { yearCheck } from './year.js';

/**
 * The closed set of check types, in the order the pack schema and the README list them.
 * Packs pick one per rule; code never names a rule. A new check type is one module, listed here.
 */
export const BUILTIN_CHECK_TYPES = [
  partCheck,
  mentionCheck,
  conceptsCheck,
  metricCheck,
  absentCheck,
  yearCheck,
  percentCheck,
  ratioCheck,
  duplicatesCheck,
  deadlineCheck,
  knownCheck,
  allCheck,
  anyCheck,
] as const;

/** A rule's `check:` (or `when:`) object: one of the check types' options. */
export type CheckConfig = ConfigOf<(typeof BUILTIN_CHECK_TYPES)[number]>;
type ConfigOf<T> = T extends CheckType<infer C> ? C : never;

/** Check types by name (a test may add one: see registerCheckType). */
export const CHECK_TYPES = new Map<string, CheckType>(BUILTIN_CHECK_TYPES.map((t) => [t.type, t as CheckType]));

/**
 * Where the content a rule asks for belongs, for a finding with nothing to point at: its check
 * type's answer, the first sub-check's for all/any, else by scope (`done` by default: the measures).
 */
export function homeOf(check: CheckConfig): Home {
  if (check.type === 'all' || check.type === 'any') return check.checks[0] ? homeOf(check.checks[0]) : 'report';
  const type = CHECK_TYPES.get(check.type);
  if (type?.home) return type.home(check);
  const scope = (check as { scope?: Scope }).scope;
  return homeOfScope(scope ?? 'done');
}
