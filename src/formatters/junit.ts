/**
 * JUnit XML for CI test-report viewers (GitLab, Jenkins, Azure DevOps, dorny/test-reporter …).
 *
 * Mapping:
 * - `<testsuites name="fazhi">` holds the run; its tests/failures/errors/skipped are the sums
 *   of its suites.
 * - One `<testsuite name="<file>">` per report, `tests` = number of rules; no timestamp or time
 *   (the output is deterministic). Its `<properties>` carry the score and grade.
 * - One `<testcase classname="fazhi.<area>" name="<ruleId> <title>">` per rule, in pack order:
 *   - pass → an empty (passing) testcase;
 *   - fail at or above the gate (`failOn`, default error) → `<failure type="<severity>"
 *     message="<message>">` whose body lists the evidence (place + quote + note), the clause
 *     and the fix;
 *   - fail below the gate (e.g. a warning with failOn error, anything with failOn never) → a
 *     passing testcase whose `<system-out>` says `警告：…` / `提示：…` / `错误：…` with the same
 *     body, so the JUnit verdict and the exit code agree;
 *   - not-applicable → `<skipped message="不适用"/>`.
 * - An unreadable input → its own `<testsuite name="<file>" tests="1" errors="1">` with one
 *   `<testcase classname="fazhi" name="读取报告">` holding `<error type="unreadable" message="…"/>`;
 *   the suite's `<properties>` give the cause's machine code (`code`, e.g. input-not-found).
 * - Files skipped as unsupported are not listed (they are not inputs that failed).
 * - Last, the gate: `<testsuite name="fazhi 门禁" tests="1">` with one `<testcase classname="fazhi"
 *   name="门禁">`, a `<failure type="gate" message="✗ 未通过：…">` when the run fails its gate
 *   (a score below --min-score fails a run whose findings all pass), else a passing case whose
 *   `<system-out>` says why it passed: the viewer and the exit code never disagree.
 * - XML escaping: & < > " ' escaped everywhere; characters XML 1.0 forbids (control characters,
 *   lone surrogates, U+FFFE/U+FFFF) are removed; newlines, tabs, C1 controls and bidi marks
 *   become character references (the same text to an XML reader), so report text never starts
 *   a line of the file: no line runs as a GitHub workflow command, and nothing acts on a terminal.
 */
import { failsGate, gateVerdict, type FailOn, type GateVerdict } from './gate.js';
import type { Finding } from '../engine/model.js';
import type { InputFailure, ReportResult } from '../report/result.js';
import { placeLabel } from './evidence.js';
import { gateOf, wholeDocument, type FormatOptions, type Formatter, type FormatWriterFactory } from './types.js';

type Options = FormatOptions & { failOn?: FailOn };

const LABEL: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

// Anything outside XML 1.0's Char production, plus lone surrogates.
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters: they must be matched to be dropped
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// Characters kept as character references: line breaks, tabs, C1 controls and bidi marks.
const AS_REFERENCE = /[\t\n\r\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function xmlText(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/[&<>"']/g, (c) => ENTITY[c] as string)
    .replace(AS_REFERENCE, (c) => `&#${c.codePointAt(0)};`);
}

export const xmlAttr = xmlText;

function attrs(pairs: Record<string, string | number>): string {
  return Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

/** The failure's body, escaped: report text never carries a raw line break into it. */
function details(f: Finding): string {
  const lines = f.evidence.map((e) => `${placeLabel(e)} “${e.quote}”${e.note ? `（${e.note}）` : ''}`);
  lines.push(`依据：${f.clause}${f.basis === 'practice' ? '（地方实践，非官方指标）' : ''}`);
  lines.push(`建议：${f.fix}`);
  return lines.map(xmlText).join('\n');
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function testcase(f: Finding, failOn: FailOn): { xml: string; failed: boolean; skipped: boolean } {
  const head = `    <testcase${attrs({ classname: `fazhi.${f.area}`, name: `${f.ruleId} ${f.title}` })}`;
  if (f.status === 'not-applicable')
    return { xml: `${head}>\n      <skipped message="不适用"/>\n    </testcase>`, failed: false, skipped: true };
  if (f.status === 'pass') return { xml: `${head}/>`, failed: false, skipped: false };
  if (failsGate(f.severity, failOn) && !f.suppressed) {
    const failure = `      <failure${attrs({ type: f.severity, message: f.message })}>${details(f)}</failure>`;
    return { xml: `${head}>\n${failure}\n    </testcase>`, failed: true, skipped: false };
  }
  const known = f.suppressed ? '（基线中的已知问题）' : '';
  const out = `      <system-out>${xmlText(`${LABEL[f.severity]}${known}：${f.message}`)}\n${details(f)}</system-out>`;
  return { xml: `${head}>\n${out}\n    </testcase>`, failed: false, skipped: false };
}

function reportSuite(r: ReportResult, failOn: FailOn): { xml: string; counts: Counts } {
  const cases = r.findings.map((f) => testcase(f, failOn));
  const counts: Counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.failed).length,
    errors: 0,
    skipped: cases.filter((c) => c.skipped).length,
  };
  const props = [
    `      <property${attrs({ name: 'score', value: r.score.total.toFixed(1) })}/>`,
    `      <property${attrs({ name: 'grade', value: r.score.grade })}/>`,
    `      <property${attrs({ name: 'format', value: r.format })}/>`,
  ];
  const xml = [
    `  <testsuite${attrs({ name: r.file, ...counts })}>`,
    '    <properties>',
    ...props,
    '    </properties>',
    ...cases.map((c) => c.xml),
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}

function failureSuite(f: InputFailure): string {
  const counts: Counts = { tests: 1, failures: 0, errors: 1, skipped: 0 };
  return [
    `  <testsuite${attrs({ name: f.file, ...counts })}>`,
    '    <properties>',
    `      <property${attrs({ name: 'code', value: f.code })}/>`,
    '    </properties>',
    `    <testcase${attrs({ classname: 'fazhi', name: '读取报告' })}>`,
    `      <error${attrs({ type: 'unreadable', message: f.message })}/>`,
    '    </testcase>',
    '  </testsuite>',
  ].join('\n');
}

function gateSuite(verdict: GateVerdict): string {
  const counts: Counts = { tests: 1, failures: verdict.passed ? 0 : 1, errors: 0, skipped: 0 };
  const outcome = verdict.passed
    ? `      <system-out>${xmlText(verdict.message)}</system-out>`
    : `      <failure${attrs({ type: 'gate', message: verdict.message })}>${xmlText(verdict.message)}</failure>`;
  return [
    `  <testsuite${attrs({ name: 'fazhi 门禁', ...counts })}>`,
    `    <testcase${attrs({ classname: 'fazhi', name: '门禁' })}>`,
    outcome,
    '    </testcase>',
    '  </testsuite>',
  ].join('\n');
}

/** Test suites as they come; the <testsuites> totals are written once the run is over. */
export const junitWriter: FormatWriterFactory = (_run, options) => {
  const failOn = (options as Options).failOn ?? 'error';
  const gate = { ...gateOf(options), failOn };
  return {
    head(end) {
      // The same counts as each suite's (see reportSuite), from the reports' summaries; each
      // unreadable input is one test with one error (see failureSuite).
      // The gate is one more test (gateSuite).
      const passed = gateVerdict(end, gate).passed;
      const total: Counts = {
        tests: end.failures.length + 1,
        failures: passed ? 0 : 1,
        errors: end.failures.length,
        skipped: 0,
      };
      for (const r of end.reports) {
        total.tests += r.findings;
        total.skipped += r.notApplicable;
        for (const severity of ['error', 'warning', 'info'] as const)
          if (failsGate(severity, failOn)) total.failures += r.failed[severity];
      }
      return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'fazhi', ...total })}>\n`;
    },
    report: (r) => `${reportSuite(r, failOn).xml}\n`,
    tail: (end) =>
      `${end.failures.map((f) => `${failureSuite(f)}\n`).join('')}${gateSuite(gateVerdict(end, gate))}\n</testsuites>\n`,
  };
};

export const junitFormatter: Formatter = wholeDocument(junitWriter);
