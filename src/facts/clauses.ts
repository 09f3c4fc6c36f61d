/** Clause boundaries in normalised text: where a quote starts and stops. */
// Half-width forms for normalised text, full-width ones for raw (original) lines.
const CLAUSE_END = /[,;。!?:\n，；！？：]/;

/** [start, end) of the clause around [from, to) in `text`, widened to cover the span. */
export function clauseAround(text: string, from: number, to: number, maxContext = 40): [number, number] {
  let start = from;
  const minStart = Math.max(0, from - maxContext);
  while (start > minStart && !CLAUSE_END.test(text[start - 1] as string)) start--;
  let end = Math.max(to, from);
  const maxEnd = Math.min(text.length, end + maxContext);
  while (end < maxEnd && !CLAUSE_END.test(text[end] as string)) end++;
  if (end < text.length && /[。!?]/.test(text[end] as string)) end++; // keep the full stop in the quote
  return [start, end];
}

/** Start of the clause containing `pos`, where 、 also separates (响应率、解决率、满意率100%). */
export function clauseStartForMetric(text: string, pos: number): number {
  let start = pos;
  while (start > 0 && !/[,;。!?:、\n]/.test(text[start - 1] as string)) start--;
  return start;
}

/** End of the clause containing `pos` (exclusive), with the same delimiters. */
export function clauseEndForMetric(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && !/[,;。!?:、\n]/.test(text[end] as string)) end++;
  return end;
}
