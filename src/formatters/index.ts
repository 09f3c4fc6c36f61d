import type { Formatter } from './types.js';

/**
 * Output formats by name, one file each, loaded when asked for: a run that prints the
 * terminal report does not load the HTML or SARIF writers.
 */
const LOADERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylishFormatter,
  json: async () => (await import('./json.js')).jsonFormatter,
  sarif: async () => (await import('./sarif.js')).sarifFormatter,
  junit: async () => (await import('./junit.js')).junitFormatter,
  github: async () => (await import('./github.js')).githubFormatter,
  markdown: async () => (await import('./markdown.js')).markdownFormatter,
  html: async () => (await import('./html.js')).htmlFormatter,
  csv: async () => (await import('./csv.js')).csvFormatter,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(LOADERS);

export function isFormat(name: string): boolean {
  return name in LOADERS;
}

export async function loadFormatter(name: string): Promise<Formatter> {
  const load = LOADERS[name];
  if (!load) throw new Error(`unknown format ${name}`);
  return load();
}

export type { Formatter, FormatOptions } from './types.js';
