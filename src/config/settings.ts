import path from 'node:path';
import { lazy } from '../shared/lazy.js';

const picomatch = lazy<typeof import('picomatch')>('picomatch');
import type { ParamOverrides } from '../engine/compile.js';
import type { Finding } from '../engine/model.js';
import { PackError } from '../shared/errors.js';
import type { PackSet, ParamValue } from '../packs/model.js';
import { PackErrors } from '../packs/yaml-file.js';
import type { ReportResult } from '../report/result.js';
import { computeScore } from '../score/score.js';
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
export function checkConfigAgainstPacks(config: Config, packs: PackSet): void {
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

/** Apply severities and `off` to a report's findings, and score again without the rules turned off. */
export function applyRuleSettings(
  result: ReportResult,
  rules: Record<string, RuleSetting>,
  packs: PackSet,
): ReportResult {
  if (Object.keys(rules).length === 0) return result;
  const findings: Finding[] = [];
  for (const f of result.findings) {
    const setting = rules[f.ruleId];
    if (setting === 'off') continue;
    findings.push(setting ? { ...f, severity: setting } : f);
  }
  return { ...result, findings, score: computeScore(findings, packs.areas, packs.grades) };
}
