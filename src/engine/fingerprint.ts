import { lazy } from '../shared/lazy.js';
import type { Finding } from './model.js';

// Only runs that fingerprint findings (baselines, SARIF, JSON) need node:crypto.
const crypto = lazy<typeof import('node:crypto')>('node:crypto');

/**
 * A finding's identity that survives edits elsewhere in the report: the rule, the file
 * name (not its folder), and what was quoted (or, with nothing quoted, the message),
 * whitespace removed. Line numbers are deliberately left out.
 */
export function fingerprint(file: string, finding: Pick<Finding, 'ruleId' | 'evidence' | 'message'>): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const what = finding.evidence.length > 0 ? finding.evidence.map((e) => e.quote).join('\u0000') : finding.message;
  return crypto()
    .createHash('sha256')
    .update(`${finding.ruleId}\u0000${base}\u0000${what.replace(/\s+/g, '')}`)
    .digest('hex')
    .slice(0, 32);
}
