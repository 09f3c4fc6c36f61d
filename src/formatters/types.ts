import { DEFAULT_GATE, type FailOn, type Gate } from './gate.js';
import { summarizeRun, type ReportResult, type RunHead, type RunResult, type RunSummary } from '../report/result.js';

export interface FormatOptions {
  /** Colour on (stylish only). */
  color: boolean;
  /** Show passing and not-applicable rules too. */
  verbose: boolean;
  /** The exit code this run ends with (SARIF invocations, summaries), for whole-run formatting. */
  exitCode?: number;
  /** The gate's severity (JUnit: what counts as a failure). */
  failOn?: FailOn;
  /** The whole gate (JSON: the `gate` verdict); without it, `failOn` alone with no score or warning limits. */
  gate?: Gate;
  /** The terminal's width (stylish): lines wrap to it; undefined (a pipe, a file, CI): not wrapped. */
  columns?: number;
  /**
   * JSON laid out for a person (two-space indent): set when it goes to a terminal. Otherwise
   * (a file, a pipe) each report is one line of compact JSON, less than half the bytes.
   */
  pretty?: boolean;
}

/** The gate in force for a run's outputs. */
export function gateOf(options: Pick<FormatOptions, 'failOn' | 'gate'>): Gate {
  return options.gate ?? { ...DEFAULT_GATE, failOn: options.failOn ?? DEFAULT_GATE.failOn };
}

/**
 * One output format, written as the run goes: each report's text as soon as the report is
 * checked (in input order), then what goes around them. A head that needs the whole run
 * (totals, a ranking) is a function: the reports' text then waits in a temporary file.
 *
 * `report` sees one report only (it may run on a worker thread): what depends on the
 * reports before it is the stream's job, which puts `separator` between two non-empty texts.
 */
export interface FormatWriter {
  head: string | ((run: RunSummary) => string);
  /** `position`: where the report's file was among the inputs. */
  report(report: ReportResult, position: number): string;
  separator?: string;
  /** `empty`: no report wrote any text. */
  tail(run: RunSummary, empty: boolean): string;
}

/** A format: a writer per run, started from what is known before any report is read. */
export type FormatWriterFactory = (head: RunHead, options: FormatOptions) => FormatWriter;

/** A format as a pure function from a finished run to text (library users, tests). */
export type Formatter = (run: RunResult, options: FormatOptions) => string;

/** The whole text of a finished run: exactly what the streamed output contains. */
export function wholeDocument(factory: FormatWriterFactory): Formatter {
  return (run, options) => {
    const writer = factory(run, options);
    const texts = run.reports.map((r, i) => writer.report(r, i)).filter((t) => t !== '');
    const summary = summarizeRun(run, options.exitCode ?? 0);
    const head = typeof writer.head === 'string' ? writer.head : writer.head(summary);
    return head + texts.join(writer.separator ?? '') + writer.tail(summary, texts.length === 0);
  };
}
