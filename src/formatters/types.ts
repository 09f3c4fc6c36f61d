import { summarizeRun, type ReportResult, type RunHead, type RunResult, type RunSummary } from '../result.js';

export interface FormatOptions {
  /** Colour on (stylish only). */
  color: boolean;
  /** Show passing and not-applicable rules too. */
  verbose: boolean;
  /** The exit code this run ends with (SARIF invocations, summaries), for whole-run formatting. */
  exitCode?: number;
  /** The gate's severity (JUnit: what counts as a failure). */
  failOn?: 'error' | 'warning' | 'info' | 'never';
}

/**
 * One output format, written as the run goes: each report's text as soon as the report is
 * checked (in input order), then what goes around them. A head that needs the whole run
 * (totals, a ranking) is a function: the reports' text then waits in a temporary file.
 */
export interface FormatWriter {
  head: string | ((run: RunSummary) => string);
  report(report: ReportResult): string;
  tail(run: RunSummary): string;
}

/** A format: a writer per run, started from what is known before any report is read. */
export type FormatWriterFactory = (head: RunHead, options: FormatOptions) => FormatWriter;

/** A format as a pure function from a finished run to text (library users, tests). */
export type Formatter = (run: RunResult, options: FormatOptions) => string;

/** The whole text of a finished run: exactly what the streamed output contains. */
export function wholeDocument(factory: FormatWriterFactory): Formatter {
  return (run, options) => {
    const writer = factory(run, options);
    const body = run.reports.map((r) => writer.report(r)).join('');
    const summary = summarizeRun(run, options.exitCode ?? 0);
    const head = typeof writer.head === 'string' ? writer.head : writer.head(summary);
    return head + body + writer.tail(summary);
  };
}
