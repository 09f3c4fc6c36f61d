import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fromRoot } from '../shared/paths.js';
import type { Ajv as AjvType, ErrorObject } from 'ajv';
import { newAjv } from '../packs/load.js';
import { PackError } from '../shared/errors.js';
import { DEFAULT_MAX_BYTES, readRegularText } from '../ingest/files.js';
import type { Locator, ParamValue, Severity } from '../packs/model.js';
import { displayFile, readValidatedYaml } from '../packs/yaml-file.js';

export const CONFIG_NAMES = ['fazhi.config.yaml', 'fazhi.config.yml'];
export type RuleSetting = Severity | 'off';
export type FailOn = 'error' | 'warning' | 'info' | 'never';

export interface ConfigOverride {
  files: string[];
  rules: Record<string, RuleSetting>;
  params: Record<string, Record<string, ParamValue>>;
}

/** A loaded config: pack references resolved to files or built-in ids, globs relative to `dir`. */
export interface Config {
  file: string | null;
  dir: string;
  /** Locates a node of the config file, for errors found after loading. */
  locate: Locator;
  packs: string[] | null;
  extends: string[];
  rules: Record<string, RuleSetting>;
  params: Record<string, Record<string, ParamValue>>;
  overrides: ConfigOverride[];
  failOn?: FailOn;
  minScore?: number;
  maxWarnings?: number;
  maxSize?: number;
  ignore: string[];
}

interface RawConfig {
  packs?: string[];
  extends?: string[];
  rules?: Record<string, RuleSetting>;
  params?: Record<string, Record<string, ParamValue>>;
  overrides?: Array<{
    files: string[];
    rules?: Record<string, RuleSetting>;
    params?: Record<string, Record<string, ParamValue>>;
  }>;
  failOn?: FailOn;
  minScore?: number;
  maxWarnings?: number;
  maxSize?: number;
  ignore?: string[];
}

export const CONFIG_SCHEMA_FILE = fromRoot('docs', 'config.schema.json');
let validator: ReturnType<AjvType['compile']> | null = null;
function validate(data: unknown): ErrorObject[] {
  validator ??= newAjv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
    JSON.parse(readFileSync(CONFIG_SCHEMA_FILE, 'utf8')) as object,
  );
  // An empty file is an empty config.
  return validator(data ?? {}) ? [] : [...(validator.errors ?? [])];
}

/** The nearest fazhi.config.yaml from `start` upward, or null. */
export function findConfig(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * A pack reference in a config: a path relative to the config, a built-in id (kept as is),
 * or an installed npm package whose package.json names its pack (`"fazhi": {"pack": "…"}`,
 * else a YAML `main`, else pack.yaml).
 */
function resolvePackRef(ref: string, dir: string, locate: () => PackError): string {
  if (/^[./\\]|\.ya?ml$/i.test(ref)) return path.resolve(dir, ref);
  if (!ref.includes('/') || ref.startsWith('@')) {
    try {
      const require = createRequire(path.join(dir, 'noop.js'));
      const manifest = require.resolve(`${ref}/package.json`);
      const pkg = JSON.parse(readRegularText(manifest, { maxBytes: DEFAULT_MAX_BYTES })) as {
        main?: string;
        fazhi?: { pack?: string };
      };
      const entry = pkg.fazhi?.pack ?? (pkg.main && /\.ya?ml$/i.test(pkg.main) ? pkg.main : 'pack.yaml');
      return path.join(path.dirname(manifest), entry);
    } catch {
      // Not an installed package: a built-in id, checked when packs load.
      if (/^[a-z0-9-]+$/.test(ref)) return ref;
      throw locate();
    }
  }
  return path.resolve(dir, ref);
}

export function emptyConfig(dir = process.cwd()): Config {
  return {
    file: null,
    dir,
    locate: () => null,
    packs: null,
    extends: [],
    rules: {},
    params: {},
    overrides: [],
    ignore: [],
  };
}

export function loadConfig(file: string): Config {
  const { data, locate, shown } = readValidatedYaml(file, '配置文件', validate);
  const raw = (data ?? {}) as RawConfig;
  const dir = path.dirname(path.resolve(file));
  const refs = (key: 'packs' | 'extends') =>
    (raw[key] ?? []).map((ref, i) =>
      resolvePackRef(
        ref,
        dir,
        () =>
          new PackError(
            `${key}[${i}]: 找不到规则包 "${ref}"（既不是文件，也不是已安装的 npm 包或内置规则包）`,
            shown,
            locate([key, i]),
            'pack-not-found',
          ),
      ),
    );
  const config: Config = {
    file: shown,
    dir,
    locate,
    packs: raw.packs ? refs('packs') : null,
    extends: refs('extends'),
    rules: raw.rules ?? {},
    params: raw.params ?? {},
    overrides: (raw.overrides ?? []).map((o) => ({ files: o.files, rules: o.rules ?? {}, params: o.params ?? {} })),
    ignore: raw.ignore ?? [],
  };
  if (raw.failOn !== undefined) config.failOn = raw.failOn;
  if (raw.minScore !== undefined) config.minScore = raw.minScore;
  if (raw.maxWarnings !== undefined) config.maxWarnings = raw.maxWarnings;
  if (raw.maxSize !== undefined) config.maxSize = raw.maxSize;
  return config;
}

export { displayFile };
