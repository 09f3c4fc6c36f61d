/**
 * What one input may cost, and how adapters say it cost too much. Every limit's error names
 * the flag that raises it, so a user with a real 400-page report knows what to do.
 */
import { InputError } from '../shared/errors.js';

/** Default --max-pages: a township's annual report runs to tens of pages, not hundreds. */
export const DEFAULT_MAX_PAGES = 300;

/** A PDF's streams may inflate to this many times --max-size (fonts and page content, images aside). */
export const INFLATE_FACTOR = 4;

/** One input's time limit: performance.now() past which it is given up, and the limit for the message. */
export interface Clock {
  deadline: number;
  timeoutMs: number;
}

export interface ReadLimits extends Clock {
  /** --max-size in bytes: the file itself; ×INFLATE_FACTOR for what a PDF's streams inflate to. */
  maxBytes: number;
  /** --max-pages: PDF pages. */
  maxPages: number;
}

export function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

export function timeoutError(file: string, timeoutMs: number): InputError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new InputError(`检查超时（超过 ${seconds} 秒），已中止（可用 --timeout 调整）`, file, 'input-timeout');
}

/** Throws the timeout error once the deadline has passed (checked between stages and pages). */
export function checkDeadline(limits: Clock, file: string): void {
  if (performance.now() > limits.deadline) throw timeoutError(file, limits.timeoutMs);
}
