import { existsSync } from 'node:fs';
import path from 'node:path';
import { compileRuleSet } from '../engine/compile.js';
import { isTrustedPackFile } from '../packs/load.js';
import type { PackSet } from '../packs/model.js';
import { assertSafeRegexes } from '../packs/redos.js';
import type { ReportChecker } from '../report/checker.js';
import type { PoolSetup } from './pool.js';

/** What the safety policy decided for a pack set. */
export interface PackSafety {
  /** Regexes not analysed at build time: reports are checked in worker threads, under the time budget. */
  isolate: boolean;
}

const decided = new WeakMap<PackSet, Promise<PackSafety>>();

async function decide(packs: PackSet): Promise<PackSafety> {
  if (packs.packs.every((p) => isTrustedPackFile(p.file))) return { isolate: false };
  // Every rule as written, whatever a config turns off: an override may turn any of them on.
  const { regexes } = compileRuleSet(packs);
  await assertSafeRegexes(regexes, isTrustedPackFile);
  return { isolate: regexes.some((r) => !isTrustedPackFile(r.origin.file)) };
}

/**
 * The policy for packs from elsewhere, for the library and the CLI alike: built-in packs were
 * analysed at build time; any other pack's regexes are analysed for catastrophic backtracking
 * (ReDoS) before any report is read (a vulnerable one refuses the run with file:line:col), and
 * its reports are checked in worker threads, where a runaway can be stopped. Decided once per
 * pack set.
 */
export function packSafety(packs: PackSet): Promise<PackSafety> {
  let safety = decided.get(packs);
  if (!safety) {
    safety = decide(packs);
    decided.set(packs, safety);
  }
  return safety;
}

/**
 * How a worker thread builds the same checker: its packs' files (parents first, as loaded),
 * its config file and params. Null when a pack is not a file on disk (built in memory).
 */
export function poolSetupOf(checker: ReportChecker): PoolSetup | null {
  const files = checker.packs.packs.map((p) => p.file);
  if (!files.every((f) => existsSync(f))) return null;
  return {
    packs: files,
    configFile: checker.config.file ? path.resolve(checker.config.file) : null,
    params: checker.cliParams,
  };
}
