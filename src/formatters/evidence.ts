import type { Evidence, Finding } from '../engine/model.js';

/** Where a quote is, as the reader of the original file would find it. */
export function placeLabel(e: Evidence): string {
  if (e.page !== undefined) return e.pageLine !== undefined ? `第${e.page}页 第${e.pageLine}行` : `第${e.page}页`;
  if (e.paragraph !== undefined) return `第${e.paragraph}段`;
  return `第${e.line}行:${e.column}`;
}

/** The finding's message with its first quote, as shown in every CI format. */
export function messageWithQuote(f: Finding): string {
  const quote = f.evidence[0]?.quote;
  return quote ? `${f.message} “${quote}”` : f.message;
}
