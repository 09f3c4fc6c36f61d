import type { ParamOverrides } from '../engine/compile.js';
import { UsageError } from '../shared/errors.js';

/** Parse repeated `--param <ruleId>.<name>=<value>` (rule ids contain a slash, names no dot). */
export function parseParamOptions(values: string[]): ParamOverrides {
  const out: ParamOverrides = {};
  for (const raw of values) {
    const m = /^([a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*)\.([A-Za-z][\w-]*)=(.*)$/.exec(raw.trim());
    if (!m) throw new UsageError(`--param ${raw}: 格式应为 <规则编号>.<参数>=<值>，例如 mediation/success-rate.min=98`);
    const [, rule, name, value] = m as unknown as [string, string, string, string];
    out[rule] ??= {};
    (out[rule] as Record<string, string>)[name] = value;
  }
  return out;
}
