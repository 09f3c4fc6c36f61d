import { csvFormatter } from './csv.js';
import { githubFormatter } from './github.js';
import { htmlFormatter } from './html.js';
import { jsonFormatter } from './json.js';
import { junitFormatter } from './junit.js';
import { markdownFormatter } from './markdown.js';
import { sarifFormatter } from './sarif.js';
import { stylishFormatter } from './stylish.js';
import type { Formatter } from './types.js';

/** Output formats by name: one file each. */
export const FORMATTERS: Record<string, Formatter> = {
  stylish: stylishFormatter,
  json: jsonFormatter,
  sarif: sarifFormatter,
  junit: junitFormatter,
  github: githubFormatter,
  markdown: markdownFormatter,
  html: htmlFormatter,
  csv: csvFormatter,
};

export type { Formatter, FormatOptions } from './types.js';
