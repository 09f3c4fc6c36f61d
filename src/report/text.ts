import { pickAdapter } from '../ingest/index.js';
import type { RuleSet } from '../engine/compile.js';
import { checkSource } from './pipeline.js';
import type { ReportResult } from './result.js';

/**
 * Check a string (rule examples, tests, library users). It goes through format sniffing
 * like a file's bytes, so an HTML snippet is read as a web page.
 */
export async function checkText(text: string, ruleSet: RuleSet, file = '<text>'): Promise<ReportResult> {
  const bytes = Buffer.from(text, 'utf8');
  const adapter = pickAdapter(file, bytes);
  const source =
    adapter.name === 'text' ? { file, format: 'text', encoding: null, text } : await adapter.read(bytes, file);
  return checkSource(source, ruleSet);
}
