import path from 'node:path';
import { lazy } from '../shared/lazy.js';

const picomatch = lazy<typeof import('picomatch')>('picomatch');
import type { ParamOverrides } from '../engine/compile.js';
import { PackError } from '../shared/errors.js';
import type { PackRule, PackSet, ParamValue } from '../packs/model.js';
import { PackErrors } from '../packs/yaml-file.js';
import type { Config, RuleSetting } from './load.js';

/** What applies to one input file: rule severities (or off) and params. */
export interface FileSettings {
  rules: Record<string, RuleSetting>;
  params: ParamOverrides;
}

// Globs compiled once per config, not once per file checked.
const matchers = new WeakMap<readonly string[], (path: string) => boolean>();
function matcher(globs: readonly string[]): (path: string) => boolean {
  let match = matchers.get(globs);
  if (!match) {
    match = picomatch()([...globs], { dot: true });
    matchers.set(globs, match);
  }
  return match;
}

function relative(config: Config, file: string): string {
  return path.relative(config.dir, path.resolve(file)).split(path.sep).join('/');
}

function mergeParams(into: ParamOverrides, from: Record<string, Record<string, ParamValue>>): void {
  for (const [rule, values] of Object.entries(from)) into[rule] = { ...(into[rule] ?? {}), ...values };
}

/** Config rules and params, then matching overrides in order, then --param (the command line wins). */
export function settingsFor(config: Config, file: string, cliParams: ParamOverrides): FileSettings {
  const rules: Record<string, RuleSetting> = { ...config.rules };
  const params: ParamOverrides = {};
  mergeParams(params, config.params);
  const rel = relative(config, file);
  for (const o of config.overrides) {
    if (!matcher(o.files)(rel)) continue;
    Object.assign(rules, o.rules);
    mergeParams(params, o.params);
  }
  mergeParams(params, cliParams);
  return { rules, params };
}

export function isIgnored(config: Config, file: string): boolean {
  return config.ignore.length > 0 && file !== '-' && matcher(config.ignore)(relative(config, file));
}

/** Rule ids a config names must exist in the pack set: a typo must not silently do nothing. */
export function assertConfigRulesExist(config: Config, packs: PackSet): void {
  if (!config.file) return;
  const known = new Set(packs.rules.map((r) => r.id));
  const errors: PackError[] = [];
  const check = (ids: string[], path: Array<string | number>) => {
    for (const id of ids) {
      if (!known.has(id))
        errors.push(
          new PackError(
            `${[...path, id].join('.')}: 没有这条规则（用 fazhi rules list 查看）`,
            config.file,
            config.locate([...path, id], 'key'),
            'config-invalid',
          ),
        );
    }
  };
  check(Object.keys(config.rules), ['rules']);
  check(Object.keys(config.params), ['params']);
  config.overrides.forEach((o, i) => {
    check(Object.keys(o.rules), ['overrides', i, 'rules']);
    check(Object.keys(o.params), ['overrides', i, 'params']);
  });
  if (errors.length > 0) throw new PackErrors(errors);
}

/**
 * JSON with object keys sorted at every level: equal settings give equal text whatever order
 * their keys were written in. (A replacer array would filter nested keys too: `{min: 90}` and
 * `{min: 99}` would both become `{}`.)
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort()
      .filter((k) => record[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * One file's settings as they are compiled: a rule that is off keeps no params (it is not
 * compiled), and a severity equal to the pack's changes nothing. Two files with equal settled
 * settings share one compiled rule set.
 */
export function settle(settings: FileSettings, packs: PackSet): FileSettings {
  const severity = new Map(packs.rules.map((r) => [r.id, r.severity]));
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(settings.rules)) if (setting !== severity.get(id)) rules[id] = setting;
  const params: ParamOverrides = {};
  for (const [id, values] of Object.entries(settings.params)) if (rules[id] !== 'off') params[id] = values;
  return { rules, params };
}

/**
 * The pack set as one file's settings leave it, before anything is compiled or scored: rules
 * turned off are gone (not evaluated, not scored, not listed), severities are the config's.
 */
export function packsUnder(packs: PackSet, rules: Record<string, RuleSetting>): PackSet {
  if (Object.keys(rules).length === 0) return packs;
  const on: PackRule[] = [];
  for (const rule of packs.rules) {
    const setting = rules[rule.id];
    if (setting === 'off') continue;
    on.push(setting ? { ...rule, severity: setting } : rule);
  }
  return { ...packs, rules: on };
}
