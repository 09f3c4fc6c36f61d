/**
 * What the annotated copy says, and where: one comment per quoted finding on its quote, one
 * comment per part listing what that part lacks (on the part's heading, or the title when the
 * part is missing), and a summary on the title. Independent of Word: ranges are text positions.
 */
import type { PartId } from '../document/model.js';
import { PART_TITLES } from '../document/model.js';
import type { Evidence, Finding } from '../engine/model.js';
import { SEVERITY_NAMES } from '../formatters/gate.js';
import { failedFindings, type ReportResult, type RuleInfo } from '../report/result.js';
import type { TextPoint } from './anchors.js';

/** One paragraph of a comment; a heading line is bold. */
export interface CommentParagraph {
  text: string;
  bold?: boolean;
}

export interface PlannedComment {
  /** The title's summary, a quoted finding, or a list of what a part lacks. */
  kind: 'summary' | 'quote' | 'missing';
  /** For a list of missing content: how many findings it lists. */
  items?: number;
  from: TextPoint;
  to: TextPoint;
  paragraphs: CommentParagraph[];
  /** The quote the range covers, when it marks evidence (the text between start and end). */
  quote?: string;
}

/** More quotes of one finding than this are summed up in its last comment. */
export const MAX_QUOTES_PER_FINDING = 5;

const BASIS: Record<Finding['basis'], string> = { official: '正式规定', practice: '地方实践，非官方指标' };

function findingParagraphs(f: Finding, note?: string): CommentParagraph[] {
  return [
    { text: `【${SEVERITY_NAMES[f.severity]}】${f.title}`, bold: true },
    { text: `问题：${f.message}` },
    ...(note ? [{ text: `此处：${note}` }] : []),
    { text: `修改建议：${f.fix}` },
    { text: `依据：${f.clause}（${BASIS[f.basis]}）` },
  ];
}

/** One item of a list of missing content: the same four things, in two paragraphs. */
function missingItem(f: Finding, n: number): CommentParagraph[] {
  return [
    { text: `${n}. 【${SEVERITY_NAMES[f.severity]}】${f.title}`, bold: true },
    { text: `${f.message}。修改建议：${f.fix}（依据：${f.clause}，${BASIS[f.basis]}）`.replace(/。。/g, '。') },
  ];
}

/** A range over the quote on its line: the evidence's columns when they hold it, else where it is found. */
export function quoteRange(lines: readonly string[], e: Evidence): { from: TextPoint; to: TextPoint } | null {
  const text = lines[e.line - 1];
  if (text === undefined) return null;
  if (e.endLine !== e.line) {
    return { from: { line: e.line, column: e.column - 1 }, to: { line: e.endLine, column: e.endColumn - 1 } };
  }
  const quote = e.quote.trim();
  let start = text.slice(e.column - 1, e.endColumn - 1).indexOf(quote);
  if (quote !== '' && start >= 0) start += e.column - 1;
  else start = quote === '' ? -1 : nearest(text, quote, e.column - 1);
  if (start < 0) return lineRange(lines, e.line);
  return { from: { line: e.line, column: start }, to: { line: e.line, column: start + quote.length } };
}

function nearest(text: string, quote: string, around: number): number {
  let best = -1;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    if (best < 0 || Math.abs(i - around) < Math.abs(best - around)) best = i;
  }
  return best;
}

/** A whole line without its surrounding space; null for a blank or missing line. */
export function lineRange(lines: readonly string[], line: number): { from: TextPoint; to: TextPoint } | null {
  const text = lines[line - 1];
  if (text === undefined || text.trim() === '') return null;
  const start = text.length - text.trimStart().length;
  return { from: { line, column: start }, to: { line, column: text.trimEnd().length } };
}

/** The title's line: the first line holding the title read from the report, else the first line with text. */
export function titleLine(lines: readonly string[], report: ReportResult): number {
  const title = report.meta.title?.trim();
  if (title) {
    const at = lines.findIndex((l) => l.includes(title));
    if (at >= 0) return at + 1;
  }
  const first = lines.findIndex((l) => l.trim() !== '');
  return first >= 0 ? first + 1 : 1;
}

function summaryParagraphs(report: ReportResult): CommentParagraph[] {
  const { total, grade, areas } = report.score;
  const weakest = areas
    .filter((a) => a.max > 0 && a.score < a.max)
    .sort((a, b) => a.score / a.max - b.score / b.max || b.max - a.max || a.id.localeCompare(b.id))
    .slice(0, 3);
  const counts = (['error', 'warning', 'info'] as const).map(
    (s) => `${SEVERITY_NAMES[s]}${failedFindings(report, s).length}项`,
  );
  const out: CommentParagraph[] = [
    { text: `fazhi 检查结果：${total.toFixed(1)}分（${grade}）`, bold: true },
    { text: `问题：${counts.join('，')}。有原文可指的问题批注在原文处，缺少的内容批注在所属部分的标题上。` },
  ];
  if (weakest.length > 0) {
    out.push({
      text: `最需加强：${weakest.map((a) => `${a.title}（${round1(a.score)}/${round1(a.max)}分）`).join('；')}`,
    });
  }
  return out;
}

const round1 = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * Every comment of the annotated copy, in document order of where it starts (the summary first).
 * `lines` is the checked text by line; `canAnchor` says whether a range can carry a comment in
 * the target document (a quote inside a text box cannot: it goes with the missing content).
 */
export function planComments(
  report: ReportResult,
  rules: readonly RuleInfo[],
  lines: readonly string[],
  canAnchor: (range: { from: TextPoint; to: TextPoint }) => boolean = () => true,
): PlannedComment[] {
  const title = lineRange(lines, titleLine(lines, report));
  const quoted: PlannedComment[] = [];
  const missing = new Map<PartId | null, Finding[]>();
  const partOf = new Map(rules.map((r) => [r.id, r.part]));
  for (const f of failedFindings(report)) {
    const anchored = f.evidence
      .slice(0, MAX_QUOTES_PER_FINDING)
      .map((e) => ({ e, range: quoteRange(lines, e) }))
      .filter((x): x is { e: Evidence; range: { from: TextPoint; to: TextPoint } } => x.range !== null)
      .filter((x) => canAnchor(x.range));
    if (anchored.length === 0) {
      const home = partOf.get(f.ruleId) ?? null;
      const part = home !== null && report.parts.some((p) => p.id === home) ? home : null;
      if (!missing.has(part)) missing.set(part, []);
      (missing.get(part) as Finding[]).push(f);
      continue;
    }
    const more = f.evidence.length - anchored.length;
    anchored.forEach(({ e, range }, i) => {
      const paragraphs = findingParagraphs(f, e.note);
      if (anchored.length > 1)
        paragraphs[0] = { text: `${paragraphs[0]?.text}（${i + 1}/${anchored.length}）`, bold: true };
      if (i === anchored.length - 1 && more > 0) paragraphs.push({ text: `另有${more}处同类问题未逐一批注。` });
      quoted.push({ kind: 'quote', ...range, paragraphs, quote: quoteOf(lines, range) });
    });
  }
  const placed: PlannedComment[] = [];
  for (const [part, findings] of missing) {
    const heading = part === null ? null : report.parts.find((p) => p.id === part);
    const range = (heading && lineRange(lines, heading.line)) ?? title;
    if (!range || !canAnchor(range)) continue;
    const where = part === null ? '全文' : `“${PART_TITLES[part]}”部分`;
    const paragraphs: CommentParagraph[] = [{ text: `${where}缺少以下内容（${findings.length}项）`, bold: true }];
    findings.forEach((f, i) => paragraphs.push(...missingItem(f, i + 1)));
    placed.push({ kind: 'missing', items: findings.length, ...range, paragraphs });
  }
  const byPosition = (a: PlannedComment, b: PlannedComment): number =>
    a.from.line - b.from.line || a.from.column - b.from.column;
  const body = [...quoted, ...placed].sort(byPosition);
  return title && canAnchor(title)
    ? [{ kind: 'summary', ...title, paragraphs: summaryParagraphs(report) }, ...body]
    : body;
}

function quoteOf(lines: readonly string[], range: { from: TextPoint; to: TextPoint }): string {
  if (range.from.line === range.to.line) {
    return (lines[range.from.line - 1] ?? '').slice(range.from.column, range.to.column);
  }
  const parts = [(lines[range.from.line - 1] ?? '').slice(range.from.column)];
  for (let l = range.from.line + 1; l < range.to.line; l++) parts.push(lines[l - 1] ?? '');
  parts.push((lines[range.to.line - 1] ?? '').slice(0, range.to.column));
  return parts.join('\n');
}
