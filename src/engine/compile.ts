import type { NestedCondition, TopLevelCondition } from 'json-rules-engine';
import { PackError, UsageError } from '../shared/errors.js';
import type { CompiledMetric, ComputedFact, FactPlan } from '../facts/compute.js';
import {
  displayPath,
  type CheckConfig,
  type ConceptDef,
  type Locator,
  type PackRule,
  type PackSet,
  type ParamValue,
} from '../packs/model.js';
import { PatternRegistry, takeWrittenRegexes, type WrittenRegex } from '../packs/patterns.js';
import { needsOf } from '../packs/prefilter.js';
import type { CompiledConcept } from '../facts/concepts.js';
import { normalizePhrase } from '../text/normalize.js';
import { CHECK_TYPES } from './checks/index.js';
import type { CheckType, CompileContext, CompiledCheck } from './checks/types.js';
import type { Facts, FactValue } from '../facts/model.js';
import { PLACEHOLDER, splitTemplate, type Template } from './evaluate.js';
import { RuleDecider } from './verdicts.js';

export interface CompiledRule {
  rule: PackRule;
  params: Record<string, ParamValue>;
  check: CompiledCheck;
  /** Conditions under which the rule applies at all (rule `when` and the check's own). */
  applicability: NestedCondition | null;
  /** Where the check's evaluated node sits in the engine rule's conditions (see compile). */
  checkAt: 'top' | 'wrapped' | 'gated';
  /** The rule as a json-rules-engine rule, with its verdicts per combination of leaf outcomes. */
  decider: RuleDecider;
  /** Its messages and fix split at their placeholders once, not for every report. */
  templates: RuleTemplates;
}

export interface RuleTemplates {
  pass: Template;
  fail: Template;
  missing: Template | null;
  notApplicable: Template;
  fix: Template;
}

/** A pack set compiled once per run: patterns, metrics, each rule a json-rules-engine rule. */
export interface RuleSet {
  packs: PackSet;
  rules: CompiledRule[];
  plan: FactPlan;
  /** Every regex the packs wrote, with its origin (checked for ReDoS before a run). */
  regexes: WrittenRegex[];
}

const isBoolean = (c: NestedCondition): boolean => 'all' in c || 'any' in c || 'not' in c;

/** --param overrides: rule id → param name → raw value. */
export type ParamOverrides = Record<string, Record<string, ParamValue>>;

function effectiveParams(
  rule: PackRule,
  overrides: Record<string, ParamValue> | undefined,
): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(rule.params)) params[name] = spec.default;
  for (const [name, raw] of Object.entries(overrides ?? {})) {
    const spec = rule.params[name];
    if (!spec) {
      const known = Object.keys(rule.params);
      throw new UsageError(
        `--param ${rule.id}.${name}: 规则没有该参数${known.length ? `（可用：${known.join('、')}）` : '（该规则无参数）'}`,
      );
    }
    let value: ParamValue = raw;
    if (typeof spec.default === 'number') {
      const text = String(raw).trim();
      value = typeof raw === 'number' ? raw : text === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) throw new UsageError(`--param ${rule.id}.${name}=${String(raw)}: 应为数字`);
      if (
        (spec.minimum !== undefined && value < spec.minimum) ||
        (spec.maximum !== undefined && value > spec.maximum)
      ) {
        throw new UsageError(
          `--param ${rule.id}.${name}=${value}: 超出允许范围 ${spec.minimum ?? '-∞'}–${spec.maximum ?? '∞'}`,
        );
      }
    } else if (typeof spec.default === 'boolean') {
      if (!['true', 'false', true, false].includes(raw as never))
        throw new UsageError(`--param ${rule.id}.${name}=${String(raw)}: 应为 true 或 false`);
      value = raw === true || raw === 'true';
    }
    params[name] = value;
  }
  return params;
}

function compileMetrics(packs: PackSet): Map<string, CompiledMetric> {
  const out = new Map<string, CompiledMetric>();
  for (const def of packs.metrics.values()) {
    const locate = packs.locators.get(def.file) ?? (() => null);
    const origin = (field: string) => ({ file: def.file, locate, path: ['metrics', def.id, field] });
    out.set(def.id, {
      def,
      units: new Set(def.units),
      context: def.context ? PatternRegistry.compileOne(def.context, origin('context')) : null,
      after: def.after ? PatternRegistry.compileOne(def.after, origin('after')) : null,
      exclude: def.exclude ? PatternRegistry.compileOne(def.exclude, origin('exclude')) : null,
    });
    for (const ref of def.derive?.ratio ?? []) {
      if (!packs.metrics.has(ref)) {
        const path = ['metrics', def.id, 'derive', 'ratio'];
        throw new PackError(
          `metrics.${def.id}.derive.ratio: unknown metric "${ref}"（未定义的指标）`,
          def.file,
          locate(path),
        );
      }
    }
  }
  return out;
}

/** The message values a check provides: its type's, and for all / any those of its checks. */
function providedValues(config: CheckConfig, into = new Set<string>()): Set<string> {
  for (const name of (CHECK_TYPES.get(config.type) as CheckType).vars) into.add(name);
  if ('checks' in config) for (const nested of config.checks) providedValues(nested, into);
  return into;
}

// A not-applicable rule's check never ran: its message has the params alone (see evaluate.ts).
const TEMPLATE_FIELDS: Array<{ path: string[]; checkValues: boolean }> = [
  { path: ['message'], checkValues: true },
  { path: ['messages', 'missing'], checkValues: true },
  { path: ['messages', 'pass'], checkValues: true },
  { path: ['messages', 'notApplicable'], checkValues: false },
  { path: ['fix'], checkValues: true },
];

/** A {placeholder} that neither the check provides nor a param names is a pack error, where it is written. */
function checkPlaceholders(rule: PackRule, locate: Locator): void {
  const params = new Set(Object.keys(rule.params));
  const known = providedValues(rule.check, new Set(params));
  for (const { path: field, checkValues } of TEMPLATE_FIELDS) {
    const template = field.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], rule);
    if (typeof template !== 'string') continue;
    const names = checkValues ? known : params;
    for (const m of template.matchAll(PLACEHOLDER)) {
      const name = m[1] as string;
      if (names.has(name)) continue;
      const path = ['rules', rule.id, ...field];
      const offered = [...names].map((k) => `{${k}}`).join('、') || '无';
      const source = checkValues ? `${rule.check.type} 检查与参数提供` : '不适用时仅参数提供';
      throw new PackError(
        `${displayPath(path)}: unknown placeholder {${name}}（消息占位符未定义：${source} ${offered}）`,
        rule.file,
        locate(path, 'value', m[0]),
      );
    }
  }
}

/** A concept's words and patterns as one regex (its own regexes go through the ReDoS check). */
export function compileConcept(def: ConceptDef, locate: Locator): CompiledConcept {
  const origin = (field: string) => ({ file: def.file, locate, path: ['concepts', def.id, field] });
  const escaped = (word: string): string => normalizePhrase(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Longest word first: at one position the whole word matches, not a shorter word inside it that
  // an exceptWithin entry would then refuse (学法用法考试, not 学法 inside 学法用法).
  const words = (def.words ?? []).map((w) => normalizePhrase(w));
  const longestFirst = words.map((w, i) => [w, i] as const).sort(([a, i], [b, j]) => b.length - a.length || i - j);
  const alternatives = [
    ...longestFirst.map(([, i]) => escaped((def.words ?? [])[i] as string)),
    ...(def.patterns ?? []).map((p) => `(?:${p})`),
  ];
  const except = def.exceptWithin?.length ? def.exceptWithin.map(escaped).join('|') : null;
  const re = PatternRegistry.compileOne(alternatives.join('|'), origin(def.patterns ? 'patterns' : 'words'), 'g');
  return {
    id: def.id,
    title: def.title,
    re,
    needs: needsOf(re),
    not: def.not ? PatternRegistry.compileOne(def.not, origin('not')) : null,
    exceptWithin: except ? PatternRegistry.compileOne(except, origin('exceptWithin'), 'g') : null,
    inDocumentTitles: def.inDocumentTitles ?? true,
  };
}

/** Compile every rule of the set once: regexes, conditions, the engine. */
export function compileRuleSet(packs: PackSet, overrides: ParamOverrides = {}): RuleSet {
  for (const id of Object.keys(overrides)) {
    if (!packs.rules.some((r) => r.id === id))
      throw new UsageError(`--param ${id}: 没有这条规则（用 fazhi rules list 查看规则编号）`);
  }
  takeWrittenRegexes(); // start a fresh list: compilation is synchronous, so these are this set's
  const patterns = new PatternRegistry();
  const metrics = compileMetrics(packs);
  const scopes = new Map<string, Set<string>>();
  const computed = new Map<string, ComputedFact>();

  const concepts = new Map<string, CompiledConcept>();
  const conceptAt = (id: string, rule: PackRule, locate: Locator, path: Array<string | number>): CompiledConcept => {
    const known = concepts.get(id);
    if (known) return known;
    const def = packs.concepts.get(id);
    if (!def) {
      const at = ['rules', rule.id, ...path];
      throw new PackError(`${displayPath(at)}: unknown concept "${id}"（未定义的概念）`, rule.file, locate(at));
    }
    const compiled = compileConcept(def, packs.locators.get(def.file) ?? (() => null));
    concepts.set(id, compiled);
    return compiled;
  };

  const rules: CompiledRule[] = [];
  for (const rule of packs.rules) {
    const params = effectiveParams(rule, overrides[rule.id]);
    const locate: Locator = packs.locators.get(rule.file) ?? (() => null);
    checkPlaceholders(rule, locate);
    const compileAt = (config: CheckConfig, base: Array<string | number>): CompiledCheck => {
      const ctx: CompileContext = {
        rule,
        params,
        patterns,
        metrics,
        origin: (path) => ({ file: rule.file, locate, path: ['rules', rule.id, ...base, ...path] }),
        concept: (id, path) => conceptAt(id, rule, locate, [...base, ...path]),
        contexts: packs.contexts,
        needHits: (key, scope) => {
          if (!scopes.has(key)) scopes.set(key, new Set());
          (scopes.get(key) as Set<string>).add(scope);
        },
        addFact: <T>(id: string, compute: (facts: Facts) => T, valueOf?: (value: T) => FactValue) => {
          const full = `computed.${id}@${base.join('.')}`;
          if (!valueOf) {
            computed.set(full, compute as ComputedFact);
            return { id: full, read: (facts: Facts) => facts.values[full] as T };
          }
          // The engine compares valueOf(value); explain() reads the value itself, kept per report.
          computed.set(full, (facts) => {
            const value = compute(facts);
            facts.kept.set(full, value);
            return valueOf(value);
          });
          return {
            id: full,
            read: (facts: Facts) => (facts.kept.has(full) ? (facts.kept.get(full) as T) : compute(facts)),
          };
        },
        compileNested: (nested, path) => compileAt(nested, [...base, ...path]),
        number: (value) =>
          value === undefined ? undefined : typeof value === 'number' ? value : Number(params[value.param]),
      };
      return (CHECK_TYPES.get(config.type) as CheckType).compile(config, ctx);
    };
    const compileCheck = (field: 'check' | 'when'): CompiledCheck | null => {
      const config = rule[field];
      return config ? compileAt(config, [field]) : null;
    };
    const check = compileCheck('check') as CompiledCheck;
    const when = compileCheck('when');
    const gates = [when?.conditions, when?.applicability, check.applicability].filter(
      (c): c is NestedCondition => c !== undefined,
    );
    const applicability: NestedCondition | null =
      gates.length === 0 ? null : gates.length === 1 ? (gates[0] as NestedCondition) : { all: gates };
    // One engine rule per pack rule. With a gate, the rule is `all: [gate, check]`: the engine
    // evaluates both (no priorities, so no short-circuit) and records each one's result. The
    // engine wants all/any/not at the top: a lone condition is wrapped there, and only there.
    const checkAt = applicability ? 'gated' : isBoolean(check.conditions) ? 'top' : 'wrapped';
    const conditions = (
      applicability
        ? { all: [applicability, check.conditions] }
        : checkAt === 'top'
          ? check.conditions
          : { all: [check.conditions] }
    ) as TopLevelCondition;
    rules.push({
      rule,
      params,
      check,
      applicability,
      checkAt,
      decider: new RuleDecider(rule.id, conditions),
      templates: {
        pass: splitTemplate(rule.messages?.pass ?? rule.title),
        fail: splitTemplate(rule.message),
        missing: rule.messages?.missing ? splitTemplate(rule.messages.missing) : null,
        notApplicable: splitTemplate(rule.messages?.notApplicable ?? `不适用：${rule.title}`),
        fix: splitTemplate(rule.fix),
      },
    });
  }
  return {
    packs,
    rules,
    plan: {
      patterns: patterns.all(),
      scopes,
      metrics: [...metrics.values()],
      computed,
      // An unknown id here is reported where a concepts check names the contexts.
      planContext: packs.contexts.plan
        .filter((id) => packs.concepts.has(id))
        .map((id) => {
          let compiled = concepts.get(id);
          if (!compiled) {
            const def = packs.concepts.get(id) as ConceptDef;
            compiled = compileConcept(def, packs.locators.get(def.file) ?? (() => null));
            concepts.set(id, compiled);
          }
          return compiled;
        }),
    },
    regexes: takeWrittenRegexes(),
  };
}
