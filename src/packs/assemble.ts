import { PackError } from '../shared/errors.js';
import {
  DEFAULT_GRADES,
  displayPath,
  type AreaDef,
  type ConceptDef,
  type ContextDefs,
  type Locator,
  type MetricDef,
  type Pack,
  type PackRule,
  type PackSet,
  type RuleOverride,
} from './model.js';
import { PackErrors } from './pack-errors.js';

/**
 * Packs from data already parsed and validated: pure, so the self-check page builds its pack
 * set from the pre-built JSON with the same code as the CLI (packs/load.ts reads the files).
 */

export const DEFAULT_PACKS = ['annual-report', 'outline-2021-2025', 'numbers', 'hygiene'];

/** Pre-built packs (dist/builtin-packs.json): each file's parsed data by file name. */
export type PackCache = Record<string, { data: unknown }>;

const nowhere: Locator = () => null;

/**
 * The pack set of these built-in ids and everything they extend (by id), from pre-built data.
 * Positions in messages are unknown: the data was validated when it was built.
 */
export function prebuiltPackSet(cache: PackCache, refs: readonly string[] = DEFAULT_PACKS): PackSet {
  const packs: Pack[] = [];
  const loaded = new Set<string>();
  const visit = (ref: string, trail: readonly string[]): void => {
    if (loaded.has(ref)) return;
    const file = `${ref}.yaml`;
    if (trail.includes(ref))
      throw new PackError(`extends cycle（规则包循环继承）: ${[...trail, ref].join(' → ')}`, file);
    const entry = cache[file];
    if (!entry) throw new PackError(`没有这个内置规则包：${ref}`, file);
    const pack = packFromData(entry.data, file, nowhere);
    for (const parent of pack.extends) visit(parent, [...trail, ref]);
    loaded.add(ref);
    packs.push(pack);
  };
  for (const ref of refs) visit(ref, []);
  return mergePacks(packs);
}

interface RawPack {
  id: string;
  version: string;
  title: string;
  description?: string;
  extends?: string[];
  grades?: Array<{ name: string; min: number }>;
  areas?: Record<string, Omit<AreaDef, 'id'>>;
  metrics?: Record<string, Omit<MetricDef, 'id' | 'file'>>;
  concepts?: Record<string, Omit<ConceptDef, 'id' | 'file'>>;
  contexts?: Partial<ContextDefs>;
  rules?: Record<string, Omit<PackRule, 'id' | 'pack' | 'file' | 'params'> & { params?: PackRule['params'] }>;
  overrides?: Record<string, RuleOverride>;
}

/**
 * A pack from its data, already parsed and validated against rules/pack.schema.json (by the
 * loader, or at build time for the built-in packs), with the checks the schema cannot express.
 * `shown` is the file name shown in messages. Throws PackError(s) with file:line:col.
 */
export function packFromData(data: unknown, shown: string, locate: Locator): Pack {
  const raw = data as RawPack;
  const pack: Pack = {
    id: raw.id,
    version: raw.version,
    title: raw.title,
    file: shown,
    extends: raw.extends ?? [],
    areas: Object.entries(raw.areas ?? {}).map(([id, a]) => ({ id, ...a })),
    metrics: Object.entries(raw.metrics ?? {}).map(([id, m]) => ({ id, ...m, file: shown })),
    concepts: Object.entries(raw.concepts ?? {}).map(([id, c]) => ({ id, ...c, file: shown })),
    rules: Object.entries(raw.rules ?? {}).map(([id, r]) => ({
      ...r,
      id,
      params: r.params ?? {},
      pack: raw.id,
      file: shown,
    })),
    overrides: raw.overrides ?? {},
    locate,
  };
  if (raw.description !== undefined) pack.description = raw.description;
  if (raw.grades) pack.grades = raw.grades;
  if (raw.contexts) pack.contexts = raw.contexts;
  checkReferences(pack);
  return pack;
}

/** Cross-field checks the schema cannot express, still with locations. */
function checkReferences(pack: Pack): void {
  const errors: PackError[] = [];
  const fail = (segments: Array<string | number>, message: string): void => {
    errors.push(new PackError(`${displayPath(segments)}: ${message}`, pack.file, pack.locate(segments)));
  };
  for (const rule of pack.rules) {
    const base = ['rules', rule.id];
    if (!rule.id.startsWith(`${rule.area}/`))
      fail([...base, 'area'], `rule id must start with its area "${rule.area}/"（规则编号应以所属领域开头）`);
    for (const key of ['check', 'when'] as const) {
      const check = rule[key];
      if (!check) continue;
      for (const field of ['min', 'max'] as const) {
        const v = check.type === 'metric' ? check[field] : undefined;
        if (v !== undefined && typeof v === 'object' && !(v.param in rule.params)) {
          fail([...base, key, field, 'param'], `unknown param "${v.param}"（未声明的参数）`);
        }
      }
    }
  }
  for (const concept of pack.concepts) {
    if (!concept.words?.length && !concept.patterns?.length)
      fail(['concepts', concept.id], 'a concept needs words or patterns（概念需写明 words 或 patterns）');
  }
  for (const metric of pack.metrics) {
    if (!metric.context && !metric.after)
      fail(['metrics', metric.id], 'a metric needs context or after（指标需写明 context 或 after）');
  }
  if (pack.grades) {
    const mins = pack.grades.map((g) => g.min);
    if (mins.some((m, i) => i > 0 && m >= (mins[i - 1] as number)))
      fail(['grades'], 'grades must be listed from the highest min down（分档应从高到低排列）');
  }
  if (errors.length > 0) throw new PackErrors(errors);
}

/** A pack's overrides of rules it extends: new severity, weight, param defaults, or off. */
function applyOverrides(pack: Pack, rules: Map<string, PackRule>, errors: PackError[]): void {
  for (const [id, change] of Object.entries(pack.overrides)) {
    const rule = rules.get(id);
    const at = (...path: string[]) => pack.locate(['overrides', id, ...path], 'key');
    if (!rule) {
      errors.push(
        new PackError(
          `overrides.${id}: no such rule in this pack or the packs it extends（没有这条规则）`,
          pack.file,
          at(),
        ),
      );
      continue;
    }
    if (change.off) {
      rules.delete(id);
      continue;
    }
    const params = { ...rule.params };
    for (const [name, value] of Object.entries(change.params ?? {})) {
      const spec = params[name];
      if (!spec) {
        errors.push(
          new PackError(
            `overrides.${id}.params.${name}: the rule has no such param（规则没有该参数）`,
            pack.file,
            at('params', name),
          ),
        );
        continue;
      }
      if (typeof value !== typeof spec.default) {
        errors.push(
          new PackError(
            `overrides.${id}.params.${name}: must be ${typeof spec.default}（类型错误）`,
            pack.file,
            at('params', name),
          ),
        );
        continue;
      }
      params[name] = { ...spec, default: value };
    }
    rules.set(id, {
      ...rule,
      ...(change.severity ? { severity: change.severity } : {}),
      ...(change.weight !== undefined ? { weight: change.weight } : {}),
      params,
    });
  }
}

/** One set from packs in order (parents before children): rule ids unique, overrides applied. */
export function mergePacks(packs: Pack[]): PackSet {
  const areas = new Map<string, AreaDef>();
  const metrics = new Map<string, MetricDef>();
  const concepts = new Map<string, ConceptDef>();
  const contexts: ContextDefs = { plan: [], substance: [] };
  const rules = new Map<string, PackRule>();
  const locators = new Map<string, Locator>();
  let grades = DEFAULT_GRADES;
  const errors: PackError[] = [];
  for (const pack of packs) {
    locators.set(pack.file, pack.locate);
    for (const a of pack.areas) areas.set(a.id, a); // a later pack may re-weight an area
    for (const m of pack.metrics) metrics.set(m.id, m);
    for (const c of pack.concepts) {
      const prior = concepts.get(c.id);
      if (prior && prior.file !== pack.file) {
        errors.push(
          new PackError(
            `concepts.${c.id}: concept already defined in ${prior.file}（概念编号重复）`,
            pack.file,
            pack.locate(['concepts', c.id]),
          ),
        );
        continue;
      }
      concepts.set(c.id, c);
    }
    // A later pack names its own contexts in full (a province may narrow what counts as a plan).
    if (pack.contexts?.plan) contexts.plan = pack.contexts.plan;
    if (pack.contexts?.substance) contexts.substance = pack.contexts.substance;
    if (pack.grades) grades = pack.grades;
    for (const r of pack.rules) {
      const prior = rules.get(r.id);
      if (prior) {
        errors.push(
          new PackError(
            `rules.${r.id}: rule already defined in ${prior.file}（规则编号重复）`,
            pack.file,
            pack.locate(['rules', r.id]),
          ),
        );
        continue;
      }
      rules.set(r.id, r);
    }
  }
  for (const pack of packs) applyOverrides(pack, rules, errors);
  const set: PackSet = { packs, rules: [...rules.values()], areas, metrics, concepts, contexts, grades, locators };
  for (const pack of packs) {
    for (const [kind, ids] of Object.entries(pack.contexts ?? {})) {
      ids.forEach((id, i) => {
        if (!concepts.has(id))
          errors.push(
            new PackError(
              `contexts.${kind}[${i}]: unknown concept "${id}"（未定义的概念）`,
              pack.file,
              pack.locate(['contexts', kind, i]),
            ),
          );
      });
    }
  }
  for (const r of set.rules) {
    if (!areas.has(r.area)) {
      const locate = locators.get(r.file);
      errors.push(
        new PackError(
          `rules.${r.id}.area: unknown area "${r.area}"（未定义的领域）`,
          r.file,
          locate?.(['rules', r.id, 'area']) ?? null,
        ),
      );
    }
  }
  if (errors.length > 0) throw new PackErrors(errors);
  return set;
}
