import { jsonFormatter } from './json.js';
import { stylishFormatter } from './stylish.js';
import type { Formatter } from './types.js';

/** Output formats by name: one file each. */
export const FORMATTERS: Record<string, Formatter> = {
  stylish: stylishFormatter,
  json: jsonFormatter,
};

export type { Formatter, FormatOptions } from './types.js';
