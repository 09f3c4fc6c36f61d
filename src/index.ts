/** Library entry: the same pipeline the CLI runs. */
export { analyseSource, checkSource } from './report/pipeline.js';
export { checkText } from './report/text.js';
export { checkAll, checkEach, runCheck, runHead, TOOL_VERSION, type RunEnd, type RunOptions } from './run/batch.js';
export { Checker, ReportChecker } from './report/checker.js';
export { packSafety, type PackSafety } from './run/safety.js';
export { emptyConfig, loadConfig, type Config } from './config/load.js';
export { compileRuleSet, type RuleSet, type ParamOverrides } from './engine/compile.js';
export { loadPackSet, loadPackFile, DEFAULT_PACKS, BUILTIN_DIR } from './packs/load.js';
export { parseDocument } from './document/parse.js';
export { readInput, type SourceText } from './ingest/index.js';
export { FORMAT_NAMES, loadFormatter } from './formatters/index.js';
export { toJson } from './formatters/json.js';
export {
  FazhiError,
  InputError,
  PackError,
  UsageError,
  INPUT_ERROR_CODES,
  RUN_ERROR_CODES,
  type ErrorCode,
} from './shared/errors.js';
export { exitCode, gateVerdict, FAIL_ON, type FailOn, type Gate, type GateVerdict } from './formatters/gate.js';
export type { Document, PartId } from './document/model.js';
export type { Facts } from './facts/model.js';
export type { Finding, Evidence, Status } from './engine/model.js';
export type { PackRule, PackSet, Severity } from './packs/model.js';
export { summarizeReport, summarizeRun } from './report/result.js';
export type { ReportResult, ReportSummary, RunHead, RunResult, RunSummary } from './report/result.js';
