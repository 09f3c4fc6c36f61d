/**
 * Report text is untrusted: its quotes, title and file name reach terminals and CI logs. This
 * is the one place that decides how such text is shown: every human-readable format, and the
 * CLI's own lines that name a path (config warnings).
 *
 * - Characters that move the cursor, recolour the terminal, end a line or reorder what is
 *   shown (C0 and C1 controls, DEL, ESC, CR, line/paragraph separators, bidi marks, overrides
 *   and isolates) are written as visible escapes: `\x1b`, `\x9b`, `\u202e`.
 * - Text that would start a line with `::` or `##[` (a GitHub Actions workflow command, leading
 *   whitespace included: the runner trims it) gets a leading backslash, `\::error …`: the
 *   runner no longer reads it as a command, and in Markdown `\:` still shows as `:`.
 */

/* eslint-disable no-control-regex -- control characters are exactly what these find */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same set less CR and LF, which a format escapes its own way.
const UNSAFE_BUT_BREAKS =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** What GitHub's runner reads as a workflow command at the start of a line (after trimming). */
export const COMMAND_START = /^[^\S\r\n]*(?:::|##\[)/;

/** One character as a visible escape: `\xHH` up to U+00FF, `\uHHHH` above. */
export function escapeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Untrusted text for a human reader: one line, every unsafe character escaped visibly, never
 * the start of a workflow command. Idempotent: escaping twice changes nothing more.
 */
export function visible(text: string): string {
  return noCommand(text.replace(UNSAFE, escapeChar));
}

/** As `visible`, but CR and LF are left for the format to escape its own way (GitHub's `%0A`). */
export function visibleKeepingBreaks(text: string): string {
  return text.replace(UNSAFE_BUT_BREAKS, escapeChar);
}

/** Text that would start a workflow command gets a leading backslash. */
export function noCommand(text: string): string {
  return COMMAND_START.test(text) ? `\\${text}` : text;
}

/** The lines of an output that GitHub's runner would run as workflow commands (for tests and checks). */
export function commandLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/).filter((line) => COMMAND_START.test(line));
}

/** Characters a JSON text may carry raw but a terminal would act on (JSON.stringify escapes C0 itself). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A JSON text with the characters above written as `\uXXXX` escapes: the same JSON value,
 * safe to print on a terminal. (They can only occur inside strings.)
 */
export function jsonSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
