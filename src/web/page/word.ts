/**
 * "下载批注版 Word": the draft with a Word comment at every place that needs work, made by the
 * same code as `fazhi annotate` from the same bytes, text and result, so the file is the same.
 */
import { annotateReport } from '../../annotate/index.js';
import type { PageCheck } from './check.js';

export const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function annotatedWord(check: PageCheck): Uint8Array {
  const { source, bytes, report, run } = check;
  return annotateReport({ format: source.format, bytes, text: source.text, file: source.file }, report, run.rules);
}
