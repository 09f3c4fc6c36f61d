import type { SourcePosition } from '../shared/errors.js';

export type Severity = 'error' | 'warning' | 'info';
export type Basis = 'official' | 'practice';
export type ParamValue = number | string | boolean;

export interface ParamSpec {
  default: ParamValue;
  description?: string;
  unit?: string;
  minimum?: number;
  maximum?: number;
}

// The check types own their options: these types derive from their schemas (src/engine/checks/).
export type { CheckConfig } from '../engine/checks/index.js';
export type { NumberOrParam, Scope, Term, Validator } from '../engine/checks/schema.js';
import type { CheckConfig } from '../engine/checks/index.js';

/**
 * Locates a node of the pack file by its path, for `file:line:col` errors; with
 * `at: 'key'` the position of the key naming it (an unknown or misspelt key); with `text`,
 * the position of that text within the node (a message's {placeholder}).
 */
export type Locator = (
  path: ReadonlyArray<string | number>,
  at?: 'value' | 'key',
  text?: string,
) => SourcePosition | null;

export interface PackRule {
  id: string;
  title: string;
  area: string;
  clause: string;
  basis: Basis;
  severity: Severity;
  weight: number;
  check: CheckConfig;
  when?: CheckConfig;
  message: string;
  messages?: { missing?: string; pass?: string; notApplicable?: string };
  fix: string;
  rationale?: string;
  docs?: string;
  params: Record<string, ParamSpec>;
  examples?: { pass?: string[]; fail?: string[]; notApplicable?: string[] };
  /** Pack id and file the rule comes from. */
  pack: string;
  file: string;
}

export interface AreaDef {
  id: string;
  title: string;
  weight: number;
  clause?: string;
  description?: string;
}

export interface MetricDef {
  id: string;
  title: string;
  units: string[];
  context?: string;
  /** Regex on the words right after the number (举办2期领导班子法治专题讲座); either side may name it. */
  after?: string;
  exclude?: string;
  derive?: { ratio: [string, string] };
  file: string;
}

/** A named vocabulary: one idea and the ways reports write it (shared by every rule of the set). */
export interface ConceptDef {
  id: string;
  title: string;
  description?: string;
  words?: string[];
  patterns?: string[];
  not?: string;
  exceptWithin?: string[];
  inDocumentTitles?: boolean;
  examples?: { match?: string[]; noMatch?: string[] };
  file: string;
}

/** Sentences that are never evidence for a concepts check, named by concepts. */
export interface ContextDefs {
  plan: string[];
  substance: string[];
}

export interface GradeBand {
  name: string;
  min: number;
}

/** A pack's change to a rule it extends. */
export interface RuleOverride {
  severity?: Severity;
  weight?: number;
  off?: boolean;
  params?: Record<string, ParamValue>;
}

export interface Pack {
  id: string;
  version: string;
  title: string;
  description?: string;
  file: string;
  extends: string[];
  grades?: GradeBand[];
  areas: AreaDef[];
  metrics: MetricDef[];
  concepts: ConceptDef[];
  contexts?: Partial<ContextDefs>;
  rules: PackRule[];
  overrides: Record<string, RuleOverride>;
  locate: Locator;
}

/** Every pack of a run, merged: what the engine compiles once. */
export interface PackSet {
  packs: Pack[];
  rules: PackRule[];
  areas: Map<string, AreaDef>;
  metrics: Map<string, MetricDef>;
  concepts: Map<string, ConceptDef>;
  contexts: ContextDefs;
  grades: GradeBand[];
  /** Pack file by id, for locating nodes in errors raised after loading. */
  locators: Map<string, Locator>;
}

export const DEFAULT_GRADES: GradeBand[] = [
  { name: '优秀', min: 90 },
  { name: '良好', min: 75 },
  { name: '合格', min: 60 },
  { name: '不合格', min: 0 },
];

/** Path as users read it: rules.foo/bar.check.match.allOf[0]. */
export function displayPath(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}
