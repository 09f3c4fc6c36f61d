import type { PartId } from '../document/model.js';
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

export type NumberOrParam = number | { param: string };
export type Scope = 'done' | 'all' | 'title' | PartId[];
export type Validator = 'resident-id' | 'mobile';

export interface Term {
  label?: string;
  phrases?: string[];
  regex?: string;
  not?: string;
  /** Match the original text (artefacts included) instead of the normalised text. */
  raw?: boolean;
  /** A hit counts only if this validator accepts the matched text. */
  validator?: Validator;
  min?: number;
  allOf?: Term[];
  anyOf?: Term[];
}

export interface PartCheckConfig {
  type: 'part';
  part: PartId;
  headings?: 'top' | 'any';
}

export interface MentionCheckConfig {
  type: 'mention';
  scope?: Scope;
  match: Term;
}

export interface MetricCheckConfig {
  type: 'metric';
  metric: string;
  min?: NumberOrParam;
  max?: NumberOrParam;
  missing?: 'fail' | 'pass' | 'not-applicable';
}

export interface AbsentCheckConfig {
  type: 'absent';
  scope?: Scope;
  match: Term;
}

export interface YearCheckConfig {
  type: 'year';
  scope?: Scope;
  /** Years relative to the report year that count (e.g. [1] for the next year). */
  relative?: number[];
  /** Count years later than the report year (relative ≥ 1). */
  later?: boolean;
  /** The clause must match this regex (e.g. 今年). */
  within?: string;
  /** The clause must not match this regex (e.g. 到|目标). */
  not?: string;
  /** present (default): at least one such year; absent: none. */
  expect?: 'present' | 'absent';
}

export interface PercentCheckConfig {
  type: 'percent';
  scope?: Scope;
  max?: NumberOrParam;
  min?: NumberOrParam;
  /** Percentages whose clause matches this regex are not rates (同比增长120%). */
  not?: string;
}

export interface RatioCheckConfig {
  type: 'ratio';
  numerator: string;
  denominator: string;
  /** With a stated rate: it must agree with numerator / denominator within tolerance (points). */
  rate?: string;
  tolerance?: NumberOrParam;
}

export interface DuplicatesCheckConfig {
  type: 'duplicates';
  scope?: Scope;
  minLength: NumberOrParam;
  /** 1 (default): the same sentence; below 1: near-copies whose character pairs overlap at least this much. */
  similarity?: NumberOrParam;
}

export interface DeadlineCheckConfig {
  type: 'deadline';
  /** Deadline month and day, in the year after the report year (yearOffset 1 by default). */
  month: number;
  day: number;
  yearOffset?: number;
}

export interface CombinedCheckConfig {
  type: 'all' | 'any';
  checks: CheckConfig[];
}

export type CheckConfig =
  | PartCheckConfig
  | MentionCheckConfig
  | AbsentCheckConfig
  | MetricCheckConfig
  | YearCheckConfig
  | PercentCheckConfig
  | RatioCheckConfig
  | DuplicatesCheckConfig
  | DeadlineCheckConfig
  | CombinedCheckConfig;

/**
 * Locates a node of the pack file by its path, for `file:line:col` errors; with
 * `at: 'key'` the position of the key naming it (an unknown or misspelt key).
 */
export type Locator = (path: ReadonlyArray<string | number>, at?: 'value' | 'key') => SourcePosition | null;

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
