import { sha256Hex } from '../shared/sha256.js';
import type { Finding } from './model.js';

/**
 * A finding's identity that survives edits elsewhere in the report: the rule, the file
 * name (not its folder), and what was quoted (or, with nothing quoted, the message),
 * whitespace removed. Line numbers are deliberately left out.
 */
export function fingerprint(file: string, finding: Pick<Finding, 'ruleId' | 'evidence' | 'message'>): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const what = finding.evidence.length > 0 ? finding.evidence.map((e) => e.quote).join('\u0000') : finding.message;
  return sha256Hex(`${finding.ruleId}\u0000${base}\u0000${what.replace(/\s+/g, '')}`).slice(0, 32);
}
