import type { Document } from '../document/model.js';
import type { LineSpan } from '../facts/model.js';
import type { Evidence } from './model.js';

/** Evidence for a span of one line: the quote is exactly the original text there. */
export function evidenceAt(document: Document, span: LineSpan, note?: string): Evidence {
  const line = document.lines[span.line - 1];
  const quote = line ? line.original.slice(span.start, span.end).trim() : '';
  const evidence: Evidence = {
    line: span.line,
    column: span.start + 1,
    endLine: span.line,
    endColumn: span.end + 1,
    quote,
  };
  if (note) evidence.note = note;
  if (document.place) Object.assign(evidence, document.place(span.line, span.start + 1));
  return evidence;
}

/** Evidence for a whole heading line, capped so a run-in paragraph is not quoted whole. */
export function evidenceForHeading(document: Document, lineNumber: number, maxLength = 60): Evidence {
  const line = document.lines[lineNumber - 1];
  const text = line?.original ?? '';
  const start = text.length - text.trimStart().length;
  return evidenceAt(document, { line: lineNumber, start, end: Math.min(text.trimEnd().length, start + maxLength) });
}
