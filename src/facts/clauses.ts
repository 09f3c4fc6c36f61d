/** Clause boundaries in normalised text: where a quote starts and stops. */
import { unitSet } from '../text/unit-set.js';

/** A test for a few characters, run per character of a clause: one table lookup, no regex, no one-letter strings. */
export function charSet(chars: string): (code: number) => boolean {
  const table = unitSet(chars);
  return (code) => table[code] === 1;
}

// Half-width forms for normalised text, full-width ones for raw (original) lines.
const isClauseEnd = charSet(',;。!?:\n，；！？：');
const isFullStop = charSet('。!?');
/** In metric clauses 、 also separates (响应率、解决率、满意率100%). */
const isMetricClauseEnd = charSet(',;。!?:、\n');

/** [start, end) of the clause around [from, to) in `text`, widened to cover the span. */
export function clauseAround(text: string, from: number, to: number, maxContext = 40): [number, number] {
  let start = from;
  const minStart = Math.max(0, from - maxContext);
  while (start > minStart && !isClauseEnd(text.charCodeAt(start - 1))) start--;
  let end = Math.max(to, from);
  const maxEnd = Math.min(text.length, end + maxContext);
  while (end < maxEnd && !isClauseEnd(text.charCodeAt(end))) end++;
  if (end < text.length && isFullStop(text.charCodeAt(end))) end++; // keep the full stop in the quote
  return [start, end];
}

/** Start of the clause containing `pos`, where 、 also separates (响应率、解决率、满意率100%). */
export function clauseStartForMetric(text: string, pos: number): number {
  let start = pos;
  while (start > 0 && !isMetricClauseEnd(text.charCodeAt(start - 1))) start--;
  return start;
}

/** End of the clause containing `pos` (exclusive), with the same delimiters. */
export function clauseEndForMetric(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && !isMetricClauseEnd(text.charCodeAt(end))) end++;
  return end;
}

/**
 * [start, end) of the clause(s) holding [from, to) and `either` more clauses on each side, within
 * one sentence (the clause ends above). Where a concepts check looks for its deed or count.
 */
export function clausesAround(text: string, from: number, to: number, either = 1): [number, number] {
  let start = from;
  for (let ends = 0; start > 0; start--) {
    if (!isClauseEnd(text.charCodeAt(start - 1))) continue;
    if (ends === either) break;
    ends++;
  }
  let end = to;
  for (let ends = 0; end < text.length; end++) {
    if (!isClauseEnd(text.charCodeAt(end))) continue;
    if (ends === either) break;
    ends++;
  }
  return [start, end];
}
