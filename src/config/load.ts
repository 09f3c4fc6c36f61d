import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fromRoot } from '../shared/paths.js';
import type { Ajv as AjvType, ErrorObject } from 'ajv';
import { newAjv } from '../packs/load.js';
import { PackError } from '../shared/errors.js';
import { visible } from '../shared/safe-text.js';
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

/** What trust needs of a file or folder (a subset of fs.Stats, so tests can make them up). */
export interface StatLike {
  uid: number;
  mode: number;
}

export type Distrust = 'folder-owner' | 'folder-writable' | 'file-owner' | 'file-writable';

const WORLD_WRITABLE = 0o002;
const STICKY = 0o1000;

/**
 * Whether a config found upward may be obeyed without --config, as git's safe.directory
 * decides for repositories. Inside the project (`projectRoot`) it is committed and trusted,
 * whoever owns the checkout (CI containers). Above it, the folder and the file must belong to
 * the user (or root, who can change what the user runs anyway), and no one else may write the
 * folder (unless sticky, as /tmp) or the file. `file.uid` is checked on both the link and its
 * target when they differ. `uid` null: no owners to compare (Windows), only the mode counts.
 */
export function configTrust(
  configFile: string,
  stats: { folder: StatLike; file: StatLike; link?: StatLike },
  uid: number | null,
  projectRoot: string,
): Distrust | null {
  const rel = path.relative(path.resolve(projectRoot), path.dirname(path.resolve(configFile)));
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return null;
  const owned = (s: StatLike) => uid === null || s.uid === uid || s.uid === 0;
  if (!owned(stats.folder)) return 'folder-owner';
  if ((stats.folder.mode & WORLD_WRITABLE) !== 0 && (stats.folder.mode & STICKY) === 0) return 'folder-writable';
  if (!owned(stats.file) || (stats.link && !owned(stats.link))) return 'file-owner';
  if ((stats.file.mode & WORLD_WRITABLE) !== 0) return 'file-writable';
  return null;
}

const DISTRUST: Record<Distrust, string> = {
  'folder-owner': '所在文件夹不属于当前用户',
  'folder-writable': '所在文件夹可被其他用户写入',
  'file-owner': '文件不属于当前用户',
  'file-writable': '文件可被其他用户写入',
};

function statOf(file: string, follow = true): StatLike | null {
  try {
    return (follow ? statSync : lstatSync)(file);
  } catch {
    return null;
  }
}

/**
 * The project a run belongs to: the nearest folder upward holding a `.git` entry (folder or
 * worktree file), else the working directory. A `.git` planted by someone else (not owned as
 * its folder is, or in a folder others can write without the sticky bit) makes no project.
 */
export function projectRoot(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    const git = statOf(path.join(dir, '.git'), false);
    const folder = git ? statOf(dir) : null;
    if (
      git &&
      folder &&
      git.uid === folder.uid &&
      !((folder.mode & WORLD_WRITABLE) !== 0 && (folder.mode & STICKY) === 0)
    )
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}

/** The nearest fazhi.config.yaml (or .yml) from `start` upward, trusted or not, or null. */
export function nearestConfig(start: string): string | null {
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

/** Why the config at `file` may not be obeyed unasked (null: it may), from the real filesystem. */
export function distrustOf(file: string, root: string): Distrust | null {
  const folder = statOf(path.dirname(file));
  const target = statOf(file);
  const link = statOf(file, false);
  // Unstatable: no trust (nothing has been read, so a FIFO or a device is not opened here).
  if (!folder || !target || !link) return 'file-owner';
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  return configTrust(file, { folder, file: target, ...(link.uid !== target.uid ? { link } : {}) }, uid, root);
}

/**
 * The nearest fazhi.config.yaml from `start` upward that may be obeyed, or null. One found
 * above the project that may not is ignored (the search stops there) and `warn` is told in
 * one line, naming --config as the way to use it on purpose.
 */
export function findConfig(start: string, warn: (line: string) => void = () => {}): string | null {
  const file = nearestConfig(start);
  if (!file) return null;
  const why = distrustOf(file, projectRoot(start));
  if (!why) return file;
  const shown = visible(displayFile(file));
  warn(`fazhi: 已忽略项目之外的配置 ${shown}：${DISTRUST[why]}；如确要使用，请用 --config ${shown}\n`);
  return null;
}

/**
 * The config in force and the line the gate prints about it: --config (always used), else
 * the nearest trusted fazhi.config.yaml upward, unless --no-config (`option` false).
 */
export function chooseConfig(
  option: string | false | undefined,
  cwd: string,
  warn: (line: string) => void,
): { config: Config; note: string } {
  if (option === false)
    return { config: emptyConfig(cwd), note: 'fazhi: 不使用配置文件（--no-config），使用默认设置\n' };
  const file = option ?? findConfig(cwd, warn);
  if (!file) return { config: emptyConfig(cwd), note: 'fazhi: 未找到配置文件，使用默认设置\n' };
  const config = loadConfig(file);
  return { config, note: `fazhi: 使用配置 ${visible(config.file ?? file)}\n` };
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
