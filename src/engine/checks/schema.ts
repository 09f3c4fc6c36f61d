import type { FromSchema } from 'json-schema-to-ts';
import { PART_IDS, type PartId } from '../../document/model.js';

/**
 * Sub-schemas the check types share (pack.schema.json `definitions`), and the types their
 * options derive from. A check module names them by `$ref`; the generator copies them in.
 */

export const partIdSchema = { type: 'string', enum: PART_IDS } as const;

export const numberOrParamSchema = {
  anyOf: [
    { type: 'number' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['param'],
      properties: { param: { type: 'string', minLength: 1 } },
    },
  ],
} as const;

export const scopeSchema = {
  description:
    'Where evidence may come from: done (default: not the next-year plan, not the shortcomings), all, title (the ' +
    'title lines), or a list of part ids',
  anyOf: [
    { type: 'string', enum: ['done', 'all', 'title'] },
    { type: 'array', minItems: 1, items: { $ref: '#/definitions/partId' } },
  ],
} as const;

export const VALIDATORS = ['resident-id', 'mobile'] as const;

export const termSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'A leaf (phrases or regex) or a group (allOf / anyOf of terms)',
  properties: {
    label: { type: 'string', minLength: 1, description: 'Name shown when this term is missing' },
    phrases: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    regex: { type: 'string', minLength: 1 },
    not: {
      type: 'string',
      minLength: 1,
      description: 'Regex: a hit whose clause matches this does not count (negation, 未…)',
    },
    min: { type: 'integer', minimum: 1, description: 'Hits needed (default 1)' },
    allOf: { type: 'array', minItems: 1, items: { $ref: '#/definitions/term' } },
    anyOf: { type: 'array', minItems: 1, items: { $ref: '#/definitions/term' } },
    raw: {
      type: 'boolean',
      description: 'Match the original text (Word/HTML artefacts included) instead of the normalised text',
    },
    validator: {
      type: 'string',
      enum: VALIDATORS,
      description: 'A hit counts only if it passes this check (ID check digit, mobile number form)',
    },
  },
} as const;

/** The shared definitions, in the order the pack schema lists them. */
export const SHARED_DEFINITIONS = {
  numberOrParam: numberOrParamSchema,
  scope: scopeSchema,
  partId: partIdSchema,
  term: termSchema,
} as const;

export type NumberOrParam = FromSchema<typeof numberOrParamSchema>;
export type Scope = 'done' | 'all' | 'title' | PartId[];
export type Validator = (typeof VALIDATORS)[number];

/** termSchema as a type: written out because it is recursive (allOf / anyOf of terms). */
export interface Term {
  label?: string;
  phrases?: string[];
  regex?: string;
  not?: string;
  /** Match the original text (artefacts included) instead of the normalised text. */
  raw?: boolean;
  /** A hit counts only if this validator accepts the matched text. */
  validator?: Validator;
  min?: number;
  allOf?: Term[];
  anyOf?: Term[];
}
