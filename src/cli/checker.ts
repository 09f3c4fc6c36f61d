import { chooseConfig, type Config } from '../config/load.js';
import { DEFAULT_PACKS, loadPackSet } from '../packs/load.js';
import { ReportChecker } from '../report/checker.js';
import { packSafety } from '../run/safety.js';
import type { CliIO } from './main.js';
import { parseParamOptions } from './params.js';

/** The options every command that checks reports takes for its packs and config. */
export interface CheckerOptions {
  pack?: string[];
  config?: string | false;
  param?: string[];
}

/**
 * The config in force, the packs it names (or -p), compiled with --param, and the library's safety
 * policy applied: what annotate, audit and compare start from, before any report is read.
 */
export async function commandChecker(
  options: CheckerOptions,
  io: CliIO,
): Promise<{ checker: ReportChecker; config: Config }> {
  const { config } = chooseConfig(options.config, process.cwd(), io.stderr);
  const packRefs = [...(options.pack ?? config.packs ?? DEFAULT_PACKS), ...config.extends];
  const checker = new ReportChecker(loadPackSet(packRefs), config, parseParamOptions(options.param ?? []));
  await packSafety(checker.packs);
  return { checker, config };
}
