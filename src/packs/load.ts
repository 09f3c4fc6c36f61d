import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../shared/paths.js';
import type { Ajv as AjvType, ErrorObject } from 'ajv';

export { displayFile, PackErrors };
import { PackError, type SourcePosition } from '../shared/errors.js';
import { displayFile, lazyLocator, PackErrors, readValidatedYaml } from './yaml-file.js';
import {
  DEFAULT_GRADES,
  displayPath,
  type AreaDef,
  type Locator,
  type MetricDef,
  type Pack,
  type PackRule,
  type PackSet,
  type RuleOverride,
} from './model.js';
import { lazy } from '../shared/lazy.js';

/** Folder of the built-in packs (works from src/ under vitest and from dist/). */
export const BUILTIN_DIR = fromRoot('rules');
export const DEFAULT_PACKS = ['annual-report', 'outline-2021-2025', 'numbers', 'hygiene'];

const schema = JSON.parse(readFileSync(path.join(BUILTIN_DIR, 'pack.schema.json'), 'utf8')) as object;
/** Check type names, read from the schema so the message never drifts from it. */
const CHECK_TYPE_NAMES: string[] = (
  schema as { definitions: { check: { oneOf: Array<{ properties: { type: { const: string } } }> } } }
).definitions.check.oneOf.map((b) => b.properties.type.const);
let validator: ReturnType<AjvType['compile']> | null = null;
/** Ajv is loaded and the schema compiled on first use: cached built-in packs need neither. */
const AjvClass = lazy<new (options: Record<string, unknown>) => AjvType>('ajv');
export function newAjv(options: Record<string, unknown>): AjvType {
  return new (AjvClass())(options);
}
function validate(data: unknown): ErrorObject[] {
  validator ??= newAjv({ allErrors: true, strict: true, allowUnionTypes: true, discriminator: true }).compile(schema);
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/**
 * Built-in packs parsed and validated at build time (dist/builtin-packs.json), beside a copy of
 * each file they were parsed from (dist/builtin-packs/): an unchanged pack has the same bytes
 * as its copy. (Compared, not hashed: node:crypto alone costs a one-report run 3 ms.)
 */
export type PackCache = Record<string, { data: unknown }>;
let cache: PackCache | null | undefined;
export const CACHE_FILE = fromRoot('dist', 'builtin-packs.json');
export const CACHE_COPIES = fromRoot('dist', 'builtin-packs');
/** A built-in pack unchanged since the build: validated and ReDoS-checked then. */
export function isTrustedPackFile(file: string): boolean {
  return cachedBuiltin(file) !== null;
}

// Decided once per file and run: the trust check is asked for every regex a pack wrote.
const cachedByFile = new Map<string, { data: unknown; locate: Locator } | null>();

function cachedBuiltin(file: string): { data: unknown; locate: Locator } | null {
  const resolved = path.resolve(file);
  if (!cachedByFile.has(resolved)) cachedByFile.set(resolved, readCachedBuiltin(resolved));
  return cachedByFile.get(resolved) ?? null;
}

function readCachedBuiltin(file: string): { data: unknown; locate: Locator } | null {
  if (path.dirname(file) !== path.resolve(BUILTIN_DIR)) return null;
  if (cache === undefined)
    // FAZHI_NO_BUILTIN_CACHE=1 (mutation testing) makes the loader run on the built-in packs too.
    cache =
      !process.env.FAZHI_NO_BUILTIN_CACHE && existsSync(CACHE_FILE)
        ? (JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as PackCache)
        : null;
  const entry = cache?.[path.basename(file)];
  // An edited pack no longer matches its copy and is validated as usual.
  if (!entry || !sameBytes(file, path.join(CACHE_COPIES, path.basename(file)))) return null;
  return { data: entry.data, locate: lazyLocator(file) };
}

function sameBytes(file: string, copy: string): boolean {
  try {
    return readFileSync(file).equals(readFileSync(copy));
  } catch {
    return false;
  }
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
  rules?: Record<string, Omit<PackRule, 'id' | 'pack' | 'file' | 'params'> & { params?: PackRule['params'] }>;
  overrides?: Record<string, RuleOverride>;
}

/** Parse and validate one pack file. Throws PackError(s) with file:line:col. */
export function loadPackFile(file: string): Pack {
  const shown = displayFile(file);
  const { data, locate } = cachedBuiltin(file) ?? readValidatedYaml(file, '规则包', validate, CHECK_TYPE_NAMES);
  const raw = data as RawPack;
  const pack: Pack = {
    id: raw.id,
    version: raw.version,
    title: raw.title,
    file: shown,
    extends: raw.extends ?? [],
    areas: Object.entries(raw.areas ?? {}).map(([id, a]) => ({ id, ...a })),
    metrics: Object.entries(raw.metrics ?? {}).map(([id, m]) => ({ id, ...m, file: shown })),
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

/** A pack reference: a path (relative to `from`) or a built-in id. */
function resolveRef(ref: string, from: string | null): string {
  const looksLikePath = /[\\/]|\.ya?ml$/i.test(ref);
  if (looksLikePath) return path.resolve(from ? path.dirname(from) : process.cwd(), ref);
  const builtin = path.join(BUILTIN_DIR, `${ref}.yaml`);
  if (existsSync(builtin)) return builtin;
  return path.resolve(from ? path.dirname(from) : process.cwd(), ref);
}

/**
 * Load packs and everything they extend, in order (parents before children), each once.
 * Rule ids must be unique across the set.
 */
export function loadPackSet(refs: string[] = DEFAULT_PACKS): PackSet {
  const packs: Pack[] = [];
  const loaded = new Set<string>();
  const visiting: string[] = [];
  const visit = (ref: string, from: string | null): void => {
    const file = resolveRef(ref, from);
    if (loaded.has(file)) return;
    if (visiting.includes(file))
      throw new PackError(
        `extends cycle（规则包循环继承）: ${[...visiting, file].map(displayFile).join(' → ')}`,
        displayFile(file),
      );
    visiting.push(file);
    const pack = loadPackFile(file);
    pack.extends.forEach((parent, i) => {
      if (!/[\\/]|\.ya?ml$/i.test(parent) || existsSync(resolveRef(parent, file))) return visit(parent, file);
      throw new PackError(
        `extends[${i}]: 规则包文件不存在：${displayFile(resolveRef(parent, file))}`,
        pack.file,
        pack.locate(['extends', i]),
        'pack-not-found',
      );
    });
    visiting.pop();
    loaded.add(file);
    packs.push(pack);
  };
  for (const ref of refs) visit(ref, null);
  return mergePacks(packs);
}

function mergePacks(packs: Pack[]): PackSet {
  const areas = new Map<string, AreaDef>();
  const metrics = new Map<string, MetricDef>();
  const rules = new Map<string, PackRule>();
  const locators = new Map<string, Locator>();
  let grades = DEFAULT_GRADES;
  const errors: PackError[] = [];
  for (const pack of packs) {
    locators.set(pack.file, pack.locate);
    for (const a of pack.areas) areas.set(a.id, a); // a later pack may re-weight an area
    for (const m of pack.metrics) metrics.set(m.id, m);
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
  const set: PackSet = { packs, rules: [...rules.values()], areas, metrics, grades, locators };
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

export type { SourcePosition };
