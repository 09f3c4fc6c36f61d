import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Ajv as AjvType, ErrorObject } from 'ajv';
import { DEFAULT_MAX_BYTES, readRegularFile } from '../ingest/files.js';
import { PackError, type SourcePosition } from '../shared/errors.js';
import { lazy } from '../shared/lazy.js';
import { fromRoot } from '../shared/paths.js';
import { DEFAULT_PACKS, mergePacks, packFromData, type PackCache } from './assemble.js';
import type { Locator, Pack, PackSet } from './model.js';
import { useNeedsHost, type Needs } from './prefilter.js';
import { displayFile, lazyLocator, PackErrors, readValidatedYaml } from './yaml-file.js';

/**
 * The Node loader of pack files: reads YAML from disk, validates it with Ajv, and uses the
 * built-in packs and regex needs pre-built into dist/ when the files are unchanged. What it
 * makes of the data is pure (assemble.ts, prefilter.ts): the browser hands in the same JSON.
 */

export { DEFAULT_PACKS, displayFile, PackErrors, type PackCache };

/** Folder of the built-in packs (works from src/ under vitest and from dist/). */
export const BUILTIN_DIR = fromRoot('rules');
/** Built-in pack data and the analysis of their regexes, written by scripts/build-pack-cache.mjs. */
export const CACHE_FILE = fromRoot('dist', 'builtin-packs.json');
export const CACHE_COPIES = fromRoot('dist', 'builtin-packs');
export const NEEDS_CACHE_FILE = fromRoot('dist', 'builtin-regex-needs.json');

// FAZHI_NO_BUILTIN_CACHE=1 (mutation testing) makes the loader run on the built-in packs too.
const readBuildCache = <T>(file: string): T | null =>
  !process.env.FAZHI_NO_BUILTIN_CACHE && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;

const regexpp = lazy<typeof import('@eslint-community/regexpp')>('@eslint-community/regexpp');
// The regex parser loads only for a regex the build did not analyse (a user's pack).
useNeedsHost({
  knownNeeds: () => readBuildCache<Record<string, Needs>>(NEEDS_CACHE_FILE),
  parser: () => regexpp().RegExpParser,
});

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
let cache: PackCache | null | undefined;
/** A pack file of the built-in folder (rules/*.yaml), whose rules have pages in docs/rules/. */
export function isBuiltinPackFile(file: string): boolean {
  return path.dirname(path.resolve(file)) === BUILTIN_DIR;
}

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
  if (cache === undefined) cache = readBuildCache<PackCache>(CACHE_FILE);
  const entry = cache?.[path.basename(file)];
  // An edited pack no longer matches its copy and is validated as usual.
  if (!entry || !sameBytes(file, path.join(CACHE_COPIES, path.basename(file)))) return null;
  return { data: entry.data, locate: lazyLocator(file) };
}

/** Parse and validate one pack file. Throws PackError(s) with file:line:col. */
export function loadPackFile(file: string): Pack {
  const { data, locate } = cachedBuiltin(file) ?? readValidatedYaml(file, '规则包', validate, CHECK_TYPE_NAMES);
  return packFromData(data, displayFile(file), locate);
}

function sameBytes(file: string, copy: string): boolean {
  try {
    const max = { maxBytes: DEFAULT_MAX_BYTES };
    return readRegularFile(file, max).equals(readRegularFile(copy, max));
  } catch {
    return false;
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

export type { SourcePosition };
