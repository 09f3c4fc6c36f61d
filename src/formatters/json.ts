import { jsonSafe } from '../shared/safe-text.js';
import { summarizeRun, totalFailed, type ReportResult, type RunResult, type RunSummary } from '../report/result.js';
import type { Evidence, Finding } from '../engine/model.js';
import { DEFAULT_GATE, gateVerdict, type Gate } from './gate.js';
import { gateOf, wholeDocument, type Formatter, type FormatWriterFactory } from './types.js';

export const SCHEMA_VERSION = 1;

type ReportJson = ReturnType<typeof reportJson>;

/**
 * One report in the documented JSON shape (docs/result.schema.json), built field by field so
 * nothing internal leaks.
 */
export function reportJson(r: ReportResult) {
  return { ...reportHeadJson(r), findings: r.findings.map(findingJson), score: scoreJson(r) };
}

/** The fields before the findings. */
function reportHeadJson(r: ReportResult) {
  return {
    file: r.file,
    format: r.format,
    meta: {
      title: r.meta.title,
      body: r.meta.body,
      year: r.meta.year,
      published: r.meta.published,
      issuer: r.meta.issuer,
      indexNo: r.meta.indexNo,
    },
    parts: r.parts.map((p) => ({ id: p.id, heading: p.heading, line: p.line, inferred: p.inferred })),
    metrics: r.metrics.map((m) => ({
      id: m.id,
      value: m.value,
      unit: m.unit,
      part: m.part,
      line: m.line,
      column: m.column,
      quote: m.quote,
      target: m.target,
      derived: m.derived,
    })),
  };
}

function findingJson(f: Finding) {
  return {
    ruleId: f.ruleId,
    title: f.title,
    status: f.status,
    severity: f.severity,
    area: f.area,
    weight: f.weight,
    basis: f.basis,
    message: f.message,
    clause: f.clause,
    fix: f.fix,
    ...(f.unknownBasics ? { unknownBasics: f.unknownBasics } : {}),
    ...(f.suppressed ? { suppressed: true } : {}),
    evidence: f.evidence.map(evidenceJson),
  };
}

function evidenceJson(e: Evidence) {
  return {
    line: e.line,
    column: e.column,
    endLine: e.endLine,
    endColumn: e.endColumn,
    quote: e.quote,
    ...(e.note ? { note: e.note } : {}),
    ...(e.page !== undefined ? { page: e.page } : {}),
    ...(e.pageLine !== undefined ? { pageLine: e.pageLine } : {}),
    ...(e.paragraph !== undefined ? { paragraph: e.paragraph } : {}),
  };
}

function scoreJson(r: ReportResult) {
  return {
    total: r.score.total,
    grade: r.score.grade,
    areas: r.score.areas.map((a) => ({ id: a.id, title: a.title, score: a.score, max: a.max })),
    deductions: r.score.deductions,
  };
}

/** The fields after the reports: they need the whole run. */
function runEnd(run: RunSummary, gate: Gate) {
  return {
    failures: run.failures.map((f) => ({ file: f.file, code: f.code, message: f.message })),
    skipped: run.skipped,
    ...(run.baseline ? { baseline: run.baseline } : {}),
    ...(run.batch
      ? {
          batch: {
            shared: run.batch.shared.map((g) => ({
              text: g.text,
              similarity: g.similarity,
              reports: g.reports.map((r) => ({ file: r.file, town: r.town, line: r.line })),
            })),
          },
        }
      : {}),
    summary: {
      files: run.reports.length + run.failures.length,
      checked: run.reports.length,
      unreadable: run.failures.length,
      errors: totalFailed(run.reports, 'error'),
      warnings: totalFailed(run.reports, 'warning'),
      infos: totalFailed(run.reports, 'info'),
      suppressed: run.baseline?.suppressed ?? 0,
    },
    gate: gateVerdict(run, gate),
  };
}

/** The documented JSON shape of a whole run, as an object (tests, library users). */
export function toJson(
  run: RunResult,
  gate: Gate = DEFAULT_GATE,
): { schemaVersion: number; tool: RunResult['tool']; packs: RunResult['packs']; reports: ReportJson[] } & ReturnType<
  typeof runEnd
> {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: run.tool,
    packs: run.packs,
    reports: run.reports.map(reportJson),
    ...runEnd(summarizeRun(run), gate),
  };
}

/** What a run has made of its findings' texts (pushFinding). */
interface MadeTexts {
  /** Findings without evidence: by rule, then by message, their whole text. */
  bare: Map<string, BareTexts>;
  /** By rule, the text of the fields every report gives it alike. */
  rules: Map<string, RuleText>;
}

type BareTexts = Map<string, { finding: Finding; text: string }>;

/** A rule's fields in a finding's JSON, around what each report says (status, message, evidence). */
interface RuleText {
  finding: Finding;
  /** `{"ruleId":…,"title":…,"status":` */
  open: string;
  /** `,"severity":…,"area":…,"weight":…,"basis":…,"message":` */
  middle: string;
  /** `,"clause":…,"fix":…,"evidence":` */
  close: string;
}

/** Bounds what a run keeps: a rule's messages vary with counts, a handful at a time. */
const TEXTS_PER_RULE = 64;

const sameRule = (a: Finding, b: Finding) =>
  a.ruleId === b.ruleId &&
  a.title === b.title &&
  a.severity === b.severity &&
  a.area === b.area &&
  a.weight === b.weight &&
  a.basis === b.basis &&
  a.clause === b.clause &&
  a.fix === b.fix;

/**
 * The rule's fields as findingJson writes them, around the report's own: the finding's JSON with
 * 0 standing for its status, message and evidence, cut there. Outside a string a quote is never
 * escaped, so `"status":0` can only be the field itself.
 */
function ruleText(f: Finding): RuleText {
  const text = jsonSafe(JSON.stringify({ ...findingJson(f), status: 0, message: 0, evidence: 0 }));
  const cut = (field: string, from: number) => text.indexOf(`"${field}":0`, from) + field.length + 3;
  const status = cut('status', 0);
  const message = cut('message', status);
  const evidence = cut('evidence', message);
  return {
    finding: f,
    open: text.slice(0, status),
    middle: text.slice(status + 1, message),
    close: text.slice(message + 1, evidence),
  };
}

/**
 * A finding's compact JSON text, pushed onto `parts`. Most findings (three in four) have no
 * evidence: their text follows from the rule and the message alone and repeats from report to
 * report, more than half of all the output; it is made once per run. Of the others, the rule's
 * own fields (title, clause, fix: most of the text) are.
 */
function pushFinding(parts: string[], f: Finding, made: MadeTexts): void {
  if (f.unknownBasics || f.suppressed || typeof f.status !== 'string' || typeof f.message !== 'string') {
    parts.push(jsonSafe(JSON.stringify(findingJson(f))));
    return;
  }
  if (f.evidence.length > 0) {
    let rule = made.rules.get(f.ruleId);
    if (!rule || !sameRule(rule.finding, f)) made.rules.set(f.ruleId, (rule = ruleText(f)));
    const own = jsonSafe(JSON.stringify(f.message));
    const evidence = jsonSafe(JSON.stringify(f.evidence.map(evidenceJson)));
    parts.push(rule.open, JSON.stringify(f.status), rule.middle, own, rule.close, evidence, '}');
    return;
  }
  let byMessage = made.bare.get(f.ruleId);
  const before = byMessage?.get(f.message);
  if (before && before.finding.status === f.status && sameRule(before.finding, f)) {
    parts.push(before.text);
    return;
  }
  const text = jsonSafe(JSON.stringify(findingJson(f)));
  if (!byMessage) made.bare.set(f.ruleId, (byMessage = new Map() as BareTexts));
  if (byMessage.size < TEXTS_PER_RULE || byMessage.has(f.message)) byMessage.set(f.message, { finding: f, text });
  parts.push(text);
}

/**
 * `before`, then one report as `jsonSafe(JSON.stringify(reportJson(r)))` writes it (a test holds
 * the two equal). Joined at once: a flat string, which the output's encoder takes without copying.
 */
function compactReportText(before: string, r: ReportResult, made: MadeTexts): string {
  const head = jsonSafe(JSON.stringify(reportHeadJson(r)));
  const parts = [before, head === '{}' ? '{' : `${head.slice(0, -1)},`, '"findings":['];
  for (let i = 0; i < r.findings.length; i++) {
    if (i > 0) parts.push(',');
    pushFinding(parts, r.findings[i] as Finding, made);
  }
  parts.push('],"score":', jsonSafe(JSON.stringify(scoreJson(r))), '}');
  return parts.join('');
}

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

/**
 * Written one report at a time, so a run over 10,000 reports is never one string in memory.
 * Pretty (a terminal): as JSON.stringify(toJson(run), null, 2) would write it. Otherwise each
 * report is one line of compact JSON between a head line and a tail line: the same value, less
 * than half the bytes, and a report per line for `grep` and `head`. C1 controls and bidi marks
 * are written as \u escapes (the same JSON, safe on a terminal: shared/safe-text.ts).
 */
export const jsonWriter: FormatWriterFactory = (run, options) => {
  const gate = gateOf(options);
  const start = { schemaVersion: SCHEMA_VERSION, tool: run.tool, packs: run.packs };
  if (options.pretty) {
    const head = JSON.stringify(start, null, 2);
    return {
      head: jsonSafe(`${head.slice(0, -2)},\n  "reports": [`),
      report: (r) => jsonSafe(`\n    ${indent(JSON.stringify(reportJson(r), null, 2), '    ')}`),
      separator: ',',
      tail(end, empty) {
        const rest = JSON.stringify(runEnd(end, gate), null, 2);
        return jsonSafe(`${empty ? '' : '\n  '}],\n${rest.slice(2)}\n`);
      },
    };
  }
  const made: MadeTexts = { bare: new Map(), rules: new Map() };
  return {
    head: jsonSafe(`${JSON.stringify(start).slice(0, -1)},"reports":[`),
    report: (r) => compactReportText('\n', r, made),
    separator: ',',
    tail: (end, empty) => jsonSafe(`${empty ? '' : '\n'}],${JSON.stringify(runEnd(end, gate)).slice(1)}\n`),
  };
};

export const jsonFormatter: Formatter = wholeDocument(jsonWriter);
