import type { RunResult } from '../result.js';

export interface FormatOptions {
  /** Colour on (stylish only). */
  color: boolean;
  /** Show passing and not-applicable rules too. */
  verbose: boolean;
  /** The exit code this run ends with (SARIF invocations, summaries). */
  exitCode?: number;
  /** The gate's severity (JUnit: what counts as a failure). */
  failOn?: 'error' | 'warning' | 'info' | 'never';
}

/** One output format: a pure function from the run to text. */
export type Formatter = (run: RunResult, options: FormatOptions) => string;
