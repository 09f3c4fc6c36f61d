import { checkSource } from './pipeline.js';
import { emptyConfig, type Config } from '../config/load.js';
import { applyRuleSettings, checkConfigAgainstPacks, settingsFor } from '../config/settings.js';
import { compileRuleSet, type ParamOverrides, type RuleSet } from '../engine/compile.js';
import type { SourceText } from '../ingest/index.js';
import type { PackSet } from '../packs/model.js';
import type { ReportResult } from './result.js';

/**
 * Checks reports under one pack set and config. Rule sets are compiled once per distinct
 * set of params (usually one; a config override with its own thresholds adds another).
 */
export class Checker {
  readonly packs: PackSet;
  private readonly cache = new Map<string, RuleSet>();

  constructor(
    packsOrRuleSet: PackSet | RuleSet,
    readonly config: Config = emptyConfig(),
    private readonly cliParams: ParamOverrides = {},
  ) {
    if ('plan' in packsOrRuleSet) {
      // An already compiled rule set serves files whose settings add no params.
      this.packs = packsOrRuleSet.packs;
      this.cache.set('{}', packsOrRuleSet);
    } else {
      this.packs = packsOrRuleSet;
    }
    checkConfigAgainstPacks(config, this.packs);
    // Compile the common case now, so a bad --param is reported before any file is read.
    this.ruleSetFor(settingsFor(config, '', cliParams).params);
  }

  private ruleSetFor(params: ParamOverrides): RuleSet {
    const key = JSON.stringify(params, Object.keys(params).sort());
    let ruleSet = this.cache.get(key);
    if (!ruleSet) {
      ruleSet = compileRuleSet(this.packs, params);
      this.cache.set(key, ruleSet);
    }
    return ruleSet;
  }

  /** The rule set of the common case (no file-specific overrides). */
  get defaultRuleSet(): RuleSet {
    return this.ruleSetFor(settingsFor(this.config, '', this.cliParams).params);
  }

  async check(source: SourceText): Promise<ReportResult> {
    const settings = settingsFor(this.config, source.file, this.cliParams);
    const result = await checkSource(source, this.ruleSetFor(settings.params));
    return applyRuleSettings(result, settings.rules, this.packs);
  }
}
