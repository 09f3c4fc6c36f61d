/**
 * GitHub Actions workflow commands: one annotation per failed finding, shown on the file in
 * the run summary and in pull-request diffs.
 *
 *   ::error file=<path>,line=<l>,col=<c>,endLine=<l>,endColumn=<c>,title=<ruleId>::<message> “<quote>” 建议：<fix>
 *
 * - Severity error → `::error`, warning → `::warning`, info → `::notice`, whatever the gate
 *   (the exit code decides whether the job fails).
 * - The place is the first evidence item; without evidence, line 1 of the file. Paths are
 *   relative to the working directory (the checkout) with forward slashes; stdin has no file.
 * - For Word, PDF and web pages the line/column refer to the extracted text; the message adds
 *   the place in the original file (第3页 第14行, 第12段).
 * - Unreadable inputs → `::error file=<path>::<message>`.
 * - Escaping as @actions/core does it: data `%`→%25, CR→%0D, LF→%0A; property values also
 *   `:`→%3A and `,`→%2C. Before that, other control characters and bidi marks of report text
 *   are shown visibly (`\x1b`, `\u202e`: shared/safe-text.ts), so every line is one command fazhi wrote
 *   and nothing in it acts on a terminal.
 * - Every line fazhi prints here starts with `::` on purpose; nothing else (the summary line
 *   starts with `fazhi：`) does.
 * - Ends with one plain summary line (not a command).
 */
import type { Finding } from '../engine/model.js';
import { failedFindings, totalFailed, type RunSummary } from '../report/result.js';
import { messageWithQuote, placeLabel } from './evidence.js';
import { absolutePath, relativePath } from './paths.js';
import { visibleKeepingBreaks } from '../shared/safe-text.js';
import { gateOf, wholeDocument, type FormatOptions, type Formatter, type FormatWriterFactory } from './types.js';
import { gateVerdict } from './gate.js';

type Options = FormatOptions & { cwd?: string };

const COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** @actions/core's escapeData. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core's escapeProperty. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: Array<[string, string | number]>, message: string): string {
  const list = props.map(([k, v]) => `${k}=${escapeProperty(visibleKeepingBreaks(String(v)))}`).join(',');
  return `::${name}${list ? ` ${list}` : ''}::${escapeData(visibleKeepingBreaks(message))}`;
}

/** The annotation's file: relative to the repository root; an absolute path when outside it; none for stdin. */
function filePath(file: string, cwd: string): string | null {
  if (file === '<stdin>') return null;
  return relativePath(file, cwd) ?? absolutePath(file);
}

function annotation(file: string | null, f: Finding): string {
  const e = f.evidence[0];
  const props: Array<[string, string | number]> = [];
  if (file !== null) {
    props.push(['file', file]);
    if (e) props.push(['line', e.line], ['col', e.column], ['endLine', e.endLine], ['endColumn', e.endColumn]);
    else props.push(['line', 1]);
  }
  props.push(['title', f.ruleId]);
  const place = e && (e.page !== undefined || e.paragraph !== undefined) ? `（${placeLabel(e)}）` : '';
  return command(COMMAND[f.severity], props, `${messageWithQuote(f)}${place} 建议：${f.fix}`);
}

function summary(run: RunSummary): string {
  const count = (sev: Finding['severity']) => totalFailed(run.reports, sev);
  const parts = [
    `${run.reports.length} 份报告`,
    `${count('error')} 个错误`,
    `${count('warning')} 个警告`,
    `${count('info')} 个提示`,
  ];
  if (run.failures.length > 0) parts.push(`${run.failures.length} 个文件无法读取`);
  return `fazhi：${parts.join('，')}`;
}

/** The gate's verdict as one annotation: an error that names why, or a notice that it passed. */
function gateAnnotation(run: RunSummary, options: FormatOptions): string {
  const { passed, message } = gateVerdict(run, gateOf(options));
  return command(passed ? 'notice' : 'error', [['title', 'fazhi 门禁']], message);
}

export const githubWriter: FormatWriterFactory = (_run, options) => {
  const cwd = (options as Options).cwd ?? process.cwd();
  return {
    head: '',
    report(r) {
      const file = filePath(r.file, cwd);
      return failedFindings(r)
        .map((f) => `${annotation(file, f)}\n`)
        .join('');
    },
    tail(run) {
      const lines: string[] = [];
      for (const failure of run.failures) {
        const file = filePath(failure.file, cwd);
        lines.push(command('error', file !== null ? [['file', file]] : [], failure.message));
      }
      lines.push(summary(run), gateAnnotation(run, options));
      return `${lines.join('\n')}\n`;
    },
  };
};

export const githubFormatter: Formatter = wholeDocument(githubWriter);
