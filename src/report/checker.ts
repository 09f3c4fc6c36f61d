import { analyseSource, checkSource, type Analysis, type Checkpoint } from './pipeline.js';
import { emptyConfig, type Config } from '../config/load.js';
import {
  assertConfigRulesExist,
  canonicalJson,
  packsUnder,
  settingsFor,
  settle,
  type FileSettings,
} from '../config/settings.js';
import { compileRuleSet, type ParamOverrides, type RuleSet } from '../engine/compile.js';
import type { SourceText } from '../ingest/index.js';
import type { PackSet, ParamValue } from '../packs/model.js';
import type { ReportResult } from './result.js';

/** The params a compiled rule set was given beyond the packs' defaults (to compile it again elsewhere). */
function paramsOf(ruleSet: RuleSet): ParamOverrides {
  const out: ParamOverrides = {};
  for (const { rule, params } of ruleSet.rules) {
    const changed: Record<string, ParamValue> = {};
    for (const [name, value] of Object.entries(params)) if (value !== rule.params[name]?.default) changed[name] = value;
    if (Object.keys(changed).length > 0) out[rule.id] = changed;
  }
  return out;
}

interface Settled {
  packs: PackSet;
  settings: FileSettings;
  ruleSet?: RuleSet;
}

/**
 * Checks reports under one pack set and config. Each file's effective settings (params,
 * severity, `off`) are settled before anything is evaluated; one rule set is compiled per
 * distinct settled setting (usually one) from the packs with the rules that are off left out
 * and the config's severities applied, and each report is evaluated and scored once.
 */
export class ReportChecker {
  readonly packs: PackSet;
  /** Params of the command line (or of a rule set given compiled), over every file's own. */
  readonly cliParams: ParamOverrides;
  private readonly settled = new Map<string, Settled>();
  private common: Settled | null = null;

  constructor(
    packsOrRuleSet: PackSet | RuleSet,
    readonly config: Config = emptyConfig(),
    cliParams: ParamOverrides = {},
  ) {
    const compiled = 'plan' in packsOrRuleSet ? packsOrRuleSet : null;
    const own = compiled ? paramsOf(compiled) : {};
    this.packs = compiled ? compiled.packs : (packsOrRuleSet as PackSet);
    this.cliParams = { ...own };
    for (const [id, values] of Object.entries(cliParams)) this.cliParams[id] = { ...own[id], ...values };
    assertConfigRulesExist(config, this.packs);
    if (compiled) {
      // An already compiled rule set serves the files whose settings change nothing in it.
      const base = this.settle('');
      if (canonicalJson(base.settings) === canonicalJson({ rules: {}, params: own })) base.ruleSet = compiled;
    }
    // Compile the common case now, so a bad --param is reported before any file is read.
    this.ruleSetFor('');
  }

  private settle(file: string): Settled {
    // Without overrides every file has the same settings: settled once.
    if (this.config.overrides.length === 0 && this.common) return this.common;
    const settings = settle(settingsFor(this.config, file, this.cliParams), this.packs);
    const key = canonicalJson(settings);
    let entry = this.settled.get(key);
    if (!entry) {
      entry = { packs: packsUnder(this.packs, settings.rules), settings };
      this.settled.set(key, entry);
    }
    if (this.config.overrides.length === 0) this.common = entry;
    return entry;
  }

  /** The rule set one file is checked with ('' : a file no override matches). */
  ruleSetFor(file: string): RuleSet {
    const entry = this.settle(file);
    entry.ruleSet ??= compileRuleSet(entry.packs, entry.settings.params);
    return entry.ruleSet;
  }

  /** The rules that are on for one file, with their effective severities, in pack order (nothing compiled). */
  rulesFor(file: string): PackSet['rules'] {
    return this.settle(file).packs.rules;
  }

  /** The rule set of the common case (no file-specific overrides). */
  get defaultRuleSet(): RuleSet {
    return this.ruleSetFor('');
  }

  async check(source: SourceText, checkpoint?: Checkpoint): Promise<ReportResult> {
    return checkSource(source, this.ruleSetFor(source.file), checkpoint);
  }

  /** The same check, keeping the parsed document and facts (for what a batch compares across reports). */
  async analyse(source: SourceText, checkpoint?: Checkpoint): Promise<Analysis> {
    return analyseSource(source, this.ruleSetFor(source.file), checkpoint);
  }
}

/** The former name, kept for library users. */
export { ReportChecker as Checker };
