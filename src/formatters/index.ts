import { wholeDocument, type Formatter, type FormatWriterFactory } from './types.js';

/**
 * Output formats by name, one file each, loaded when asked for: a run that prints the
 * terminal report does not load the HTML or SARIF writers.
 */
const LOADERS: Record<string, () => Promise<FormatWriterFactory>> = {
  stylish: async () => (await import('./stylish.js')).stylishWriter,
  json: async () => (await import('./json.js')).jsonWriter,
  sarif: async () => (await import('./sarif.js')).sarifWriter,
  junit: async () => (await import('./junit.js')).junitWriter,
  github: async () => (await import('./github.js')).githubWriter,
  markdown: async () => (await import('./markdown.js')).markdownWriter,
  html: async () => (await import('./html.js')).htmlWriter,
  csv: async () => (await import('./csv.js')).csvWriter,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(LOADERS);

export function isFormat(name: string): boolean {
  return name in LOADERS;
}

export async function loadWriter(name: string): Promise<FormatWriterFactory> {
  const load = LOADERS[name];
  if (!load) throw new Error(`unknown format ${name}`);
  return load();
}

/** A format as a pure function of a finished run. */
export async function loadFormatter(name: string): Promise<Formatter> {
  return wholeDocument(await loadWriter(name));
}

export type { Formatter, FormatOptions, FormatWriter, FormatWriterFactory } from './types.js';
