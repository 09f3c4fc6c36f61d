/**
 * YAML text users write (rule packs, config) parsed keeping positions and validated by a
 * strict JSON Schema, every problem reported as `file:line:col path: message`. Pure: the
 * self-check page validates a pack the user picks with it (yaml-file.ts reads files).
 */
import type { ErrorObject } from 'ajv';
import type { Document as YamlDocument, LineCounter as YamlLineCounter, Node as YamlNode } from 'yaml';
import { lazy } from '../shared/lazy.js';
import { PackError, type PackErrorCode } from '../shared/errors.js';
import { displayPath, type Locator } from './model.js';
import { PackErrors } from './pack-errors.js';

// yaml is loaded on first use: a run on the built-in packs alone never parses YAML
// (see scripts/build-pack-cache.mjs).
export const yaml = lazy<typeof import('yaml')>('yaml');

export interface ValidatedYaml {
  data: unknown;
  locate: Locator;
  shown: string;
}

function nodeAt(
  root: unknown,
  segments: ReadonlyArray<string | number>,
): { node: YamlNode | null; key: YamlNode | null } {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = root;
  let key: YamlNode | null = null;
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return { node: null, key: null };
      key = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      key = null;
    } else return { node: null, key: null };
  }
  return { node: (node as YamlNode) ?? null, key };
}

export function makeLocator(doc: YamlDocument, lines: YamlLineCounter, source: string): Locator {
  return (segments, at = 'value', text) => {
    const { node, key } = nodeAt(doc.contents, segments);
    const target = at === 'key' && key?.range ? key : node?.range ? node : key;
    let offset = target?.range?.[0];
    if (offset === undefined) return null;
    // Text inside a scalar (a {placeholder}): found in the node's source, whatever its quoting.
    const inner = text && target?.range ? source.slice(offset, target.range[1]).indexOf(text) : -1;
    if (inner >= 0) offset += inner;
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

function segmentsOf(instancePath: string): Array<string | number> {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(error: ErrorObject, checkTypes: readonly string[]): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key（未知字段 "${String(p.additionalProperty)}"）`;
    case 'required':
      return `missing required key "${String(p.missingProperty)}"（缺少必填字段）`;
    case 'type':
      return `must be ${String(p.type)}（类型错误）`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).join(', ')}（取值无效）`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'discriminator':
      return p.error === 'mapping'
        ? `unknown check type ${JSON.stringify(p.tagValue)} (known: ${checkTypes.join(', ')})（未知检查类型）`
        : `check needs a "type"（缺少检查类型）`;
    case 'propertyNames':
      return `invalid key name`;
    case 'pattern':
      return `does not match ${String(p.pattern)}（格式无效）`;
    default:
      return error.message ?? error.keyword;
  }
}

export function schemaErrors(
  file: string,
  errors: ErrorObject[],
  locate: Locator,
  checkTypes: readonly string[] = [],
  code: PackErrorCode = 'pack-invalid',
): PackError[] {
  const seen = new Set<string>();
  const out: PackError[] = [];
  // Keep the most specific errors: a failed anyOf repeats its branches' errors.
  const useful = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  for (const e of useful.length > 0 ? useful : errors) {
    const segments = segmentsOf(e.instancePath);
    if (e.keyword === 'additionalProperties')
      segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
    if (e.keyword === 'propertyNames') segments.push(String((e.params as { propertyName: string }).propertyName));
    const where = displayPath(segments) || '(top level)';
    const text = `${where}: ${describe(e, checkTypes)}`;
    if (seen.has(text)) continue;
    seen.add(text);
    // For an unknown or ill-named key, point at the key itself.
    const atKey = e.keyword === 'additionalProperties' || e.keyword === 'propertyNames';
    const pos = locate(segments, atKey ? 'key' : 'value') ?? locate(segmentsOf(e.instancePath));
    out.push(new PackError(text, file, pos, code));
  }
  return out;
}

/** Parse and validate YAML text; `shown` names it in messages, `invalid` is the error code. */
export function parseValidatedYaml(
  source: string,
  shown: string,
  invalid: PackErrorCode,
  validate: (data: unknown) => ErrorObject[],
  checkTypes: readonly string[] = [],
): ValidatedYaml {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0] as (typeof doc.errors)[number];
    const pos = lines.linePos(err.pos[0]);
    const firstLine = err.message.split('\n')[0] ?? err.message;
    throw new PackError(
      `YAML syntax error（YAML 语法错误）: ${firstLine}`,
      shown,
      { line: pos.line, column: pos.col },
      invalid,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // e.g. an alias to an anchor that does not exist (*x)
    throw new PackError(
      `YAML error（YAML 错误）: ${(e as Error).message.split('\n')[0]}`,
      shown,
      { line: 1, column: 1 },
      invalid,
    );
  }
  const locate = makeLocator(doc, lines, source);
  const errors = validate(data);
  if (errors.length > 0) throw new PackErrors(schemaErrors(shown, errors, locate, checkTypes, invalid));
  return { data, locate, shown };
}
