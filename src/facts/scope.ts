import { NOT_DONE_PARTS, type PartId } from '../document/model.js';
import type { Scope } from '../packs/model.js';

/** Stable name of a scope, used in fact ids: done, all, title, or measures+other. */
export function scopeName(scope: Scope | undefined): string {
  if (scope === undefined || scope === 'done') return 'done';
  if (scope === 'all' || scope === 'title') return scope;
  return [...scope].sort().join('+');
}

/** Something located in the document: the parts of its line, and whether the line is the title. */
export interface Placed {
  parts: readonly PartId[];
  inTitle: boolean;
  /** In a sentence that is a plan or a shortfall ("下一步将……", "……有待加强"), wherever it stands. */
  planned?: boolean;
}

/**
 * Whether text in these parts can serve as evidence. `done` leaves out the
 * next-year plan and the shortcomings, and a plan or a problem written among the measures:
 * a plan or a problem is not an achievement.
 */
export function inScope({ parts, inTitle, planned }: Placed, scope: string): boolean {
  if (scope === 'all') return true;
  if (scope === 'title') return inTitle;
  if (scope === 'done') return planned !== true && !parts.some((p) => NOT_DONE_PARTS.includes(p));
  let named = NAMED_PARTS.get(scope);
  if (!named) NAMED_PARTS.set(scope, (named = scope.split('+') as PartId[]));
  return named.some((p) => parts.includes(p));
}

/** A few scope names, each split once (this runs for every hit of every pattern). */
const NAMED_PARTS = new Map<string, PartId[]>();
