/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer).
 *
 * - One run; `tool.driver.rules` lists every rule of the run in pack order, so `ruleIndex`
 *   is the rule's position in `run.rules`.
 * - `results` are the failed findings only (pass and not-applicable are left out), report by
 *   report. Each evidence item is one location; a finding without evidence points at line 1 of
 *   its file so GitHub still has somewhere to show it.
 * - URIs are relative to the repository root with forward slashes (`cwd` option: --sarif-root,
 *   else the git root above the folder fazhi ran in), resolved against `%SRCROOT%` (that root as
 *   a file URL); `<stdin>` becomes `stdin`; a file outside the root gets an absolute file URL.
 * - Each rule's `helpUri` is its page in the repository at the release tag (configurable, or none).
 * - For Word, PDF and web pages, line/column refer to the extracted text (the lines the JSON output
 *   uses); the location's `properties` add page, pageLine and paragraph in the original file.
 * - Deterministic: no timestamps, no machine-specific data other than the cwd.
 */
import { jsonSafe } from '../shared/safe-text.js';
import type { FailOn } from './gate.js';
import type { Evidence, Finding } from '../engine/model.js';
import { fingerprint } from '../engine/fingerprint.js';
import type { ReportResult, ReportSummary, RuleInfo, RunHead, RunSummary } from '../report/result.js';
import { messageWithQuote } from './evidence.js';
import { cwdUrl, fileUrl, relativePath } from './paths.js';
import { wholeDocument, type FormatOptions, type Formatter, type FormatWriterFactory } from './types.js';

/**
 * Options the CI formatters read beyond FormatOptions. `cwd`: the folder paths are relative
 * to (the repository root: --sarif-root; defaults to process.cwd()). `helpUri`: the template
 * of each rule's link, undefined for DEFAULT_HELP_URI, null for no links.
 */
export type CiFormatOptions = FormatOptions & { failOn?: FailOn; cwd?: string; helpUri?: string | null };

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The repository (package.json `repository`; test/sarif-links.test.ts keeps the two equal). */
export const REPOSITORY_URL = 'https://github.com/fazhi-check/fazhi';
export const INFORMATION_URI = REPOSITORY_URL;
/** A rule's page in the repository, at the tag of the version that ran (releases are tagged v<version>). */
export const DEFAULT_HELP_URI = `${REPOSITORY_URL}/blob/v{version}/{doc}`;
export const FINGERPRINT_KEY = 'fazhi/v1';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Finding['severity'], Level> = { error: 'error', warning: 'warning', info: 'note' };

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html',
};

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** A relative path becomes a URI reference (each segment percent-encoded, slashes kept). */
function encodePath(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

export function artifactLocation(file: string, cwd: string = process.cwd()): ArtifactLocation {
  const rel = relativePath(file, cwd);
  if (rel !== null) return { uri: encodePath(rel), uriBaseId: SRCROOT };
  return { uri: fileUrl(file) };
}

function mimeType(r: Pick<ReportSummary, 'file' | 'format'>): string {
  const known = MIME[r.format];
  if (known) return known;
  return /\.(md|markdown)$/i.test(r.file) ? 'text/markdown' : 'text/plain';
}

/** `mediation/success-rate` → `MediationSuccessRate`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

/**
 * A rule's link from a template with {version}, {doc} (docs/rules/<area>.md#<anchor>), {ruleId}
 * and {area}; none without a template or for a rule with no page in the repository (a local pack's).
 */
export function helpUri(template: string | null, version: string, rule: RuleInfo): string | null {
  if (template === null || rule.doc === null) return null;
  const values: Record<string, string> = { version, doc: rule.doc, ruleId: rule.id, area: rule.area };
  return template.replace(/\{(version|doc|ruleId|area)\}/g, (_, key: string) => values[key] as string);
}

function ruleDescriptor(rule: RuleInfo, version: string, template: string | null) {
  const practice = rule.basis === 'practice' ? '（地方实践，非官方指标）' : '';
  const uri = helpUri(template, version, rule);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale !== '' ? rule.rationale : rule.title },
    help: {
      text: `${rule.fix}\n依据：${rule.clause}${practice}`,
      markdown: `${escapeMarkdown(rule.fix)}\n\n**依据**：${escapeMarkdown(rule.clause)}${practice}${uri ? `\n\n[规则说明](${uri})` : ''}`,
    },
    ...(uri ? { helpUri: uri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [...new Set([rule.area, rule.basis, rule.pack])], precision: 'high' },
  };
}

function region(e: Evidence) {
  return {
    startLine: e.line,
    startColumn: e.column,
    endLine: e.endLine,
    endColumn: e.endColumn,
    snippet: { text: e.quote },
  };
}

function placeProperties(e: Evidence): Record<string, number> | null {
  const props: Record<string, number> = {};
  if (e.page !== undefined) props.page = e.page;
  if (e.pageLine !== undefined) props.pageLine = e.pageLine;
  if (e.paragraph !== undefined) props.paragraph = e.paragraph;
  return Object.keys(props).length > 0 ? props : null;
}

function result(r: ReportResult, f: Finding, ruleIndex: Map<string, number>, cwd: string) {
  const where = artifactLocation(r.file, cwd);
  const locations =
    f.evidence.length > 0
      ? f.evidence.map((e) => {
          const props = placeProperties(e);
          return {
            physicalLocation: { artifactLocation: where, region: region(e) },
            ...(e.note ? { message: { text: e.note } } : {}),
            ...(props ? { properties: props } : {}),
          };
        })
      : [{ physicalLocation: { artifactLocation: where, region: { startLine: 1 } } }];
  const index = ruleIndex.get(f.ruleId);
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    message: { text: messageWithQuote(f) },
    locations,
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(r.file, f) },
    // A finding known to the baseline stays visible to SARIF viewers, marked as suppressed.
    ...(f.suppressed ? { suppressions: [{ kind: 'external', justification: '基线中的已知问题（--baseline）' }] } : {}),
  };
}

type SarifResult = ReturnType<typeof result>;

/** The SARIF log around its results: the tool first, what the run ended with after the results. */
function sarifLog(run: RunHead, results: SarifResult[], end: RunSummary | null, options: Partial<CiFormatOptions>) {
  const cwd = options.cwd ?? process.cwd();
  const version = run.tool.version;
  const template = options.helpUri === undefined ? DEFAULT_HELP_URI : options.helpUri;
  const exitCode = end?.exitCode ?? 0;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fazhi',
            version,
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules: run.rules.map((rule) => ruleDescriptor(rule, version, template)),
          },
        },
        results,
        ...(end
          ? {
              invocations: [
                {
                  executionSuccessful: exitCode < 2,
                  exitCode,
                  ...(end.failures.length > 0
                    ? {
                        toolExecutionNotifications: end.failures.map((failure) => ({
                          level: 'error',
                          message: { text: failure.message },
                          descriptor: { id: failure.code },
                          locations: [{ physicalLocation: { artifactLocation: artifactLocation(failure.file, cwd) } }],
                        })),
                      }
                    : {}),
                },
              ],
              originalUriBaseIds: { [SRCROOT]: { uri: cwdUrl(cwd) } },
              artifacts: end.reports.map((r) => ({ location: artifactLocation(r.file, cwd), mimeType: mimeType(r) })),
              columnKind: 'utf16CodeUnits',
            }
          : {}),
      },
    ],
  };
}

const RESULTS_OPEN = '"results": [';
const RESULT_INDENT = '        ';

/**
 * Written as JSON.stringify(log, null, 2) would write it, one report's results at a time
 * (C1 controls and bidi marks as \u escapes: shared/safe-text.ts).
 * (Results precede invocations and artifacts, which need the whole run; key order carries
 * no meaning in SARIF.)
 */
export const sarifWriter: FormatWriterFactory = (run, options) => {
  const ci = options as CiFormatOptions;
  const cwd = ci.cwd ?? process.cwd();
  const ruleIndex = new Map(run.rules.map((rule, i) => [rule.id, i] as const));
  const skeleton = JSON.stringify(sarifLog(run, [], null, ci), null, 2);
  return {
    head: jsonSafe(skeleton.slice(0, skeleton.indexOf(RESULTS_OPEN) + RESULTS_OPEN.length)),
    report: (r) =>
      jsonSafe(
        r.findings
          .filter((f) => f.status === 'fail')
          .map(
            (f) =>
              `\n${RESULT_INDENT}${JSON.stringify(result(r, f, ruleIndex, cwd), null, 2).replace(/\n/g, `\n${RESULT_INDENT}`)}`,
          )
          .join(','),
      ),
    separator: ',',
    tail(end, empty) {
      const whole = JSON.stringify(sarifLog(run, [], end, ci), null, 2);
      return jsonSafe(
        `${empty ? '' : `\n${RESULT_INDENT.slice(2)}`}${whole.slice(whole.indexOf(RESULTS_OPEN) + RESULTS_OPEN.length)}\n`,
      );
    },
  };
};

export const sarifFormatter: Formatter = wholeDocument(sarifWriter);
