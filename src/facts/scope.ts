import { NOT_DONE_PARTS, type PartId } from '../document/model.js';
import type { Scope } from '../packs/model.js';

/** Stable name of a scope, used in fact ids: done, all, or measures+other. */
export function scopeName(scope: Scope | undefined): string {
  if (scope === undefined || scope === 'done') return 'done';
  if (scope === 'all') return 'all';
  return [...scope].sort().join('+');
}

/**
 * Whether text in these parts can serve as evidence. `done` leaves out the
 * next-year plan and the shortcomings: a plan or a problem is not an achievement.
 */
export function inScope(parts: readonly PartId[], scope: string): boolean {
  if (scope === 'all') return true;
  if (scope === 'done') return !parts.some((p) => NOT_DONE_PARTS.includes(p));
  return scope.split('+').some((p) => parts.includes(p as PartId));
}
