/**
 * Personal data out of every audit output: the identity-card and mobile numbers that the packs'
 * personal-data rules found (rules whose match has a validator) are masked wherever they appear,
 * since audit outputs travel upward.
 */
import type { PackSet } from '../packs/model.js';
import type { ReportResult } from '../report/result.js';

/** Rules of the pack set whose check keeps only validated personal data (resident-id, mobile). */
export function personalDataRules(packs: PackSet): Set<string> {
  return new Set(packs.rules.filter((r) => JSON.stringify(r.check).includes('"validator"')).map((r) => r.id));
}

/** The numbers such rules quoted in a report. */
export function personalData(report: ReportResult, rules: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const f of report.findings) {
    if (!rules.has(f.ruleId) || f.status !== 'fail') continue;
    for (const e of f.evidence) for (const m of e.quote.match(/\d{6,}[\dXx]?/g) ?? []) found.add(m);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/** The number with all but its first 3 and last 2 characters starred: 138******78. */
export function maskNumber(value: string): string {
  return value.length <= 5
    ? '*'.repeat(value.length)
    : value.slice(0, 3) + '*'.repeat(value.length - 5) + value.slice(-2);
}

export function maskText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join(maskNumber(s));
  return out;
}

/** A deep copy of a report with every string masked. */
export function maskReport(report: ReportResult, secrets: readonly string[]): ReportResult {
  if (secrets.length === 0) return report;
  return JSON.parse(JSON.stringify(report), (_, v: unknown) =>
    typeof v === 'string' ? maskText(v, secrets) : v,
  ) as ReportResult;
}
