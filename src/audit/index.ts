/**
 * fazhi audit: the folder a county office works from. Pure: reports in, files (path → content)
 * out; the command writes them (atomically, as one folder).
 */
import { annotate, type AnnotateSource } from '../annotate/index.js';
import type { Comparison } from '../compare/index.js';
import type { PackSet } from '../packs/model.js';
import type { InputFailure, ReportResult, RunHead } from '../report/result.js';
import { DASHBOARD_CSS, DASHBOARD_JS, dashboardHtml, townHtml } from './dashboard.js';
import { feedbackMarkdown } from './feedback.js';
import { maskReport, maskText, personalData, personalDataRules } from './mask.js';
import { sharedParagraphs } from '../compare/shared.js';
import { auditRow, byRank, followThroughOf, ruleCounts } from './model.js';
import { uniqueStems } from './names.js';
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

export async function buildAudit(
  inputs: readonly AuditInput[],
  head: RunHead,
  packs: PackSet,
  failures: readonly InputFailure[],
  /** Whether last year's reports were given (audit --previous): the follow-through columns show. */
  previous = false,
): Promise<Map<string, string | Uint8Array>> {
  const pii = personalDataRules(packs);
  const masked = inputs.map((i) => {
    const secrets = personalData(i.report, pii);
    return { ...i, secrets, report: maskReport(i.report, secrets) };
  });
  const stems = uniqueStems(
    masked.map((m) => ({ town: m.report.meta.body ?? '', year: m.report.meta.year, file: m.report.file })),
  );
  const rows = masked
    .map((m, i) => ({
      ...auditRow(m.report, head, stems[i] as string),
      ...(m.toolScore !== undefined ? { toolScore: m.toolScore } : {}),
      ...(m.comparison ? { followThrough: followThroughOf(m.comparison) } : {}),
      input: m,
    }))
    .sort(byRank);
  const counts = ruleCounts(rows, head);
  const shared = sharedParagraphs(
    rows.flatMap((r) =>
      (r.input.paragraphs ?? []).map((p) => ({
        id: r.slug,
        town: r.town,
        line: p.line,
        text: maskText(p.text, r.input.secrets),
      })),
    ),
  );
  const files = new Map<string, string | Uint8Array>();
  const grades = [...packs.grades].map((g) => ({ name: g.name, min: g.min }));
  files.set('index.html', dashboardHtml(rows, counts, head, grades, failures, shared, previous));
  files.set('dashboard.css', DASHBOARD_CSS);
  files.set('dashboard.js', DASHBOARD_JS);
  files.set(WORKBOOK, await auditWorkbook(rows, counts, head, shared, previous));
  for (const row of rows) {
    const { source, secrets } = row.input;
    const feedback = `${row.slug}.md`;
    files.set(`${FEEDBACK_DIR}/${feedback}`, feedbackMarkdown(row));
    let docx: string | null = null;
    if (source) {
      // The copy is made from the masked text: personal data never leaves in it either.
      const maskedSource =
        secrets.length === 0
          ? source
          : { ...source, bytes: null, format: 'text', text: maskText(source.text, secrets) };
      docx = `${row.slug}.批注.docx`;
      files.set(`${TOWNS_DIR}/${docx}`, annotate(maskedSource, row.report, head.rules).docx);
    }
    files.set(`${TOWNS_DIR}/${row.slug}.html`, townHtml(row, docx, feedback, row.input.comparison));
  }
  files.set(AUDIT_MARKER, 'fazhi audit\n');
  return files;
}
