import { BUILTIN_CHECK_TYPES } from './index.js';
import { SHARED_DEFINITIONS } from './schema.js';
import type { CheckType } from './types.js';

/**
 * The `check` part of rules/pack.schema.json, generated from the check type modules (npm run
 * schema writes it; a test fails when the committed file differs). The rest of that file
 * (pack, rule, metric, area) is written by hand.
 */

/** One check type's branch of the `check` oneOf: its options, strict, `type` first. */
function branch(check: CheckType): Record<string, unknown> {
  return {
    description: check.description,
    type: 'object',
    additionalProperties: false,
    required: ['type', ...(check.options.required ?? [])],
    properties: { type: { const: check.type }, ...check.options.properties },
  };
}

/** The `check` definition: a discriminated oneOf, so an unknown type is one clear error. */
export function checkDefinition(types: readonly CheckType[] = BUILTIN_CHECK_TYPES): object {
  return {
    type: 'object',
    required: ['type'],
    properties: { type: { type: 'string' } },
    discriminator: { propertyName: 'type' },
    oneOf: types.map(branch),
  };
}

/** The pack schema with its generated definitions replaced in place (key order kept). */
export function withGeneratedDefinitions(
  schema: { definitions: Record<string, unknown> },
  types?: readonly CheckType[],
): { definitions: Record<string, unknown> } {
  const generated: Record<string, unknown> = { ...SHARED_DEFINITIONS, check: checkDefinition(types) };
  const definitions: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(schema.definitions)) definitions[name] = generated[name] ?? value;
  for (const [name, value] of Object.entries(generated)) if (!(name in definitions)) definitions[name] = value;
  // JSON.parse(JSON.stringify()) drops readonly tuples' identity and undefined keys: a plain JSON value.
  return JSON.parse(JSON.stringify({ ...schema, definitions })) as { definitions: Record<string, unknown> };
}

/** The schema file's text, as committed. */
export function schemaText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The README's check-type table (between its markers), from the same modules. */
export function checkTypeTable(types: readonly CheckType[] = BUILTIN_CHECK_TYPES): string {
  const rows = ['| check type | passes when | message values |', '|---|---|---|'];
  for (const t of types) {
    const values = t.vars.length > 0 ? t.vars.map((v) => `\`{${v}}\``).join(' ') : 'those of its `checks`';
    rows.push(`| \`${t.type}\` | ${t.summary} | ${values} |`);
  }
  return rows.join('\n');
}
