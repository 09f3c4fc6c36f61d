/**
 * fazhi audit: the folder a county office works from. Reports in, files (path → content) out,
 * each as soon as it is ready; the command writes them into a folder renamed into place at the end.
 */
import { annotate, type AnnotateSource } from '../annotate/index.js';
import type { Comparison } from '../compare/index.js';
import type { PackSet } from '../packs/model.js';
import type { InputFailure, ReportResult, RunHead } from '../report/result.js';
import { DASHBOARD_CSS, DASHBOARD_JS, dashboardFiles, townHtml } from './dashboard.js';
import { feedbackMarkdown } from './feedback.js';
import { maskReport, maskText, personalData, personalDataRules } from './mask.js';
import { sharedParagraphs } from '../compare/shared.js';
import { detached, detachedStrings } from '../shared/detached.js';
import { auditRow, byRank, followThroughOf, ruleCounts, type AuditRow } from './model.js';
import { stemmer } from './names.js';
import { auditWorkbook } from './xlsx.js';

export interface AuditInput {
  report: ReportResult;
  /** What the report was read from, for its annotated copy (null: no copy). */
  source: AnnotateSource | null;
  /** The score before the reviewer's verdicts, when a review changed any. */
  toolScore?: number;
  /** Last year's report of the same town compared with this one (audit --previous). */
  comparison?: Comparison;
  /** Its body paragraphs, for copies between towns (compare/index.ts bodyParagraphs). */
  paragraphs?: ReadonlyArray<{ line: number; text: string }>;
}

export const WORKBOOK = '审核汇总.xlsx';
export const FEEDBACK_DIR = '反馈意见';
export const TOWNS_DIR = 'towns';
/** Marks a folder as an audit fazhi wrote, so a later audit may replace it. */
export const AUDIT_MARKER = '.fazhi-audit';

/** Where the audit's files go, as each is ready (the command writes into a folder renamed at the end). */
export type AuditWrite = (name: string, content: string | Uint8Array) => void;

/** A row kept for the dashboard and the workbook once the report's own files are written. */
type KeptRow = AuditRow & { paragraphs: ReadonlyArray<{ line: number; text: string }> };

/**
 * What the dashboard and the workbook need of a report: its failed and reviewed findings, each
 * with its first quote copied out of the source. The rules' own strings (title, clause, fix)
 * stay shared with the packs, not copied 50,000 times.
 */
function slimReport(report: ReportResult): ReportResult {
  const kept = report.findings
    .filter((f) => f.status === 'fail' || (f as { review?: unknown }).review !== undefined)
    .map((f) => ({
      ...f,
      message: detached(f.message),
      evidence: f.evidence.slice(0, 1).map((e) => ({ ...e, quote: detached(e.quote) })),
    }));
  const meta = detachedStrings(report.meta);
  return { ...report, meta, parts: [], metrics: [], findings: kept };
}

/**
 * fazhi audit, report by report: each report's page, feedback and annotated copy are written as
 * soon as it is checked, and only a slim row stays for the dashboard and the workbook, so 2,000
 * reports never sit in memory with their sources and copies.
 */
export class AuditBuilder {
  private readonly rows: KeptRow[] = [];
  private readonly pii: ReturnType<typeof personalDataRules>;
  private readonly stem = stemmer();

  constructor(
    private readonly head: RunHead,
    private readonly packs: PackSet,
    private readonly write: AuditWrite,
    /** Whether last year's reports were given (audit --previous): the follow-through columns show. */
    private readonly previous = false,
  ) {
    this.pii = personalDataRules(packs);
  }

  /** One checked report, in input order: its own files now, its row for the end. */
  add(input: AuditInput): void {
    const secrets = personalData(input.report, this.pii);
    const report = maskReport(input.report, secrets);
    const slug = this.stem({ town: report.meta.body ?? '', year: report.meta.year, file: report.file });
    const row: AuditRow = {
      ...auditRow(report, this.head, slug),
      ...(input.toolScore !== undefined ? { toolScore: input.toolScore } : {}),
      ...(input.comparison ? { followThrough: followThroughOf(input.comparison) } : {}),
    };
    const feedback = `${slug}.md`;
    this.write(`${FEEDBACK_DIR}/${feedback}`, feedbackMarkdown(row));
    let docx: string | null = null;
    const { source } = input;
    if (source) {
      // The copy is made from the masked text: personal data never leaves in it either.
      const maskedSource =
        secrets.length === 0
          ? source
          : { ...source, bytes: null, format: 'text', text: maskText(source.text, secrets) };
      docx = `${slug}.批注.docx`;
      this.write(`${TOWNS_DIR}/${docx}`, annotate(maskedSource, report, this.head.rules).docx);
    }
    this.write(`${TOWNS_DIR}/${slug}.html`, townHtml(row, docx, feedback, input.comparison));
    const paragraphs = (input.paragraphs ?? []).map((p) => ({ line: p.line, text: maskText(p.text, secrets) }));
    this.rows.push({
      ...row,
      town: detached(row.town),
      report: slimReport(report),
      paragraphs: paragraphs.map((p) => ({ line: p.line, text: detached(p.text) })),
    });
  }

  /** The dashboard, its ranking data, the workbook and the marker, once every report is in. */
  async finish(failures: readonly InputFailure[]): Promise<void> {
    const rows = this.rows.sort(byRank);
    const counts = ruleCounts(rows, this.head);
    const shared = sharedParagraphs(
      rows.flatMap((r) => r.paragraphs.map((p) => ({ id: r.slug, town: r.town, line: p.line, text: p.text }))),
    );
    const grades = [...this.packs.grades].map((g) => ({ name: g.name, min: g.min }));
    const dashboard = dashboardFiles({
      rows,
      counts,
      head: this.head,
      grades,
      failures,
      shared,
      previous: this.previous,
    });
    for (const [name, content] of dashboard) this.write(name, content);
    this.write('dashboard.css', DASHBOARD_CSS);
    this.write('dashboard.js', DASHBOARD_JS);
    this.write(WORKBOOK, await auditWorkbook(rows, counts, this.head, shared, this.previous));
    this.write(AUDIT_MARKER, 'fazhi audit\n');
  }
}

/** The whole audit as files (path → content), for tests and library users: AuditBuilder into a map. */
export async function buildAudit(
  inputs: readonly AuditInput[],
  head: RunHead,
  packs: PackSet,
  failures: readonly InputFailure[],
  previous = false,
): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const builder = new AuditBuilder(head, packs, (name, content) => files.set(name, content), previous);
  for (const input of inputs) builder.add(input);
  await builder.finish(failures);
  return files;
}
