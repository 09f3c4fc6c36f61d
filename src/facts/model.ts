import type { Document, PartId } from '../document/model.js';

/** A located piece of a line, in original UTF-16 offsets (0-based, end exclusive). */
export interface LineSpan {
  line: number;
  start: number;
  end: number;
}

/** One hit of a pack pattern. */
export interface Hit extends LineSpan {
  key: string;
  /** The clause around the hit (what evidence quotes). */
  clause: LineSpan;
  parts: PartId[];
  inTitle: boolean;
  /** In a sentence that is a plan or a shortfall (FactPlan.planContext); then it is not `done`. */
  planned?: boolean;
}

/** A number as written in the report, wherever it is. */
export interface NumberAt {
  value: number;
  unit: string;
  raw: string;
  span: LineSpan;
  clause: LineSpan;
  /** Normalised clause text (for clause filters such as 今年 or 到). */
  clauseText: string;
  parts: PartId[];
  inTitle: boolean;
}

/** A number the report gives for a pack-defined metric. */
export interface MetricValue {
  id: string;
  value: number;
  unit: string;
  approx: boolean;
  /** The statutory part it sits in (first of the line's parts), null in the preamble. */
  part: PartId | null;
  /** A number in the next-year plan: a target, never the year's result. */
  target: boolean;
  /** Computed from other metrics (e.g. resolved / cases), not stated. */
  derived: boolean;
  span: LineSpan;
  clause: LineSpan;
  /** For derived values, the stated metrics it came from. */
  from?: MetricValue[];
}

export type FactValue = number | boolean | string | null;

/** Everything rules look at, computed once per document. */
export interface Facts {
  document: Document;
  /** Flat values handed to json-rules-engine. */
  values: Record<string, FactValue>;
  /** Pattern hits by pattern key, in document order. */
  hits: Map<string, Hit[]>;
  /** Every metric occurrence in document order, targets included. */
  metrics: MetricValue[];
  /** Every number in the text lines, in document order. */
  numbers: NumberAt[];
  /** The year's value per metric id: first stated achievement, else derived. */
  achieved: Map<string, MetricValue>;
  /**
   * What a computed fact found, by fact id, beside the flat value the engine compares: a check's
   * explanation reads it again (engine/compile.ts). Kept here rather than in a WeakMap keyed by
   * report, whose entries cost the collector for every report.
   */
  kept: Map<string, unknown>;
}

// Fact ids are asked for per report. Built once, the same string every time: a fresh
// concatenation is hashed again as a property key on every store. The arguments are the
// packs' own strings, so the lookups hash nothing new.
function cached(make: (a: string) => string): (a: string) => string {
  const made = new Map<string, string>();
  return (a) => {
    let id = made.get(a);
    if (id === undefined) made.set(a, (id = make(a)));
    return id;
  };
}
const hitIds = new Map<string, (scope: string) => string>();

/** Flat fact ids (no JSONPath: conditions read these directly). */
export const factId = {
  part: cached((id) => `part.${id}`) as (id: PartId) => string,
  heading: cached((id) => `heading.${id}`) as (id: PartId) => string,
  hits: (key: string, scope: string): string => {
    let inScope = hitIds.get(key);
    if (!inScope) hitIds.set(key, (inScope = cached((s) => `hits.${key}@${s}`)));
    return inScope(scope);
  },
  metric: cached((id) => `metric.${id}`),
};
