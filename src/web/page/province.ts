/**
 * A province's pack the user picks, on top of the built-in packs: parsed and validated as the
 * CLI's loader does (packs/yaml-parse.ts, the schema's validator precompiled at build time),
 * then assembled with the pre-built packs. The same as
 * `fazhi check -p annual-report -p outline-2021-2025 -p numbers -p hygiene -p 省.yaml`.
 */
import { checkTypes, validate } from 'fazhi:pack-validator';
import type { ErrorObject } from 'ajv';
import type { RuleSet } from '../../engine/compile.js';
import { PackError } from '../../shared/errors.js';
import { parseValidatedYaml } from '../../packs/yaml-parse.js';
import { DEFAULT_PACKS } from '../../packs/assemble.js';
import { prebuiltRuleSet } from '../core.js';
import type { SiteData } from './check.js';

function validateSchema(data: unknown): ErrorObject[] {
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

export function loadProvincePack(text: string, fileName: string, data: SiteData): RuleSet {
  const ref = fileName.replace(/\.ya?ml$/i, '');
  if (`${ref}.yaml` in data.packs) throw new PackError(`与内置规则包 ${ref} 同名，请改名后再选择`, fileName);
  const parsed = parseValidatedYaml(text, fileName, 'pack-invalid', validateSchema, checkTypes);
  return prebuiltRuleSet({ ...data.packs, [`${ref}.yaml`]: { data: parsed.data } }, data.needs, [
    ...DEFAULT_PACKS,
    ref,
  ]);
}
