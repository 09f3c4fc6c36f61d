import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { Status } from '../engine/model.js';
import { DEFAULT_MAX_BYTES, FileReadError, readRegularText } from '../ingest/files.js';
import { FazhiError, UsageError } from '../shared/errors.js';
import type { ReportResult } from '../report/result.js';

/** Verdicts a person decided by reading each report: report path → rule id → status. */
export interface Expectations {
  file: string;
  reports: Map<string, Map<string, Status>>;
}

export interface Comparison {
  report: string;
  ruleId: string;
  expected: Status | null;
  actual: Status | null;
}

const STATUSES = new Set<Status>(['pass', 'fail', 'not-applicable']);

/** Read an expectations file; report paths are relative to the file. */
export function loadExpectations(file: string): Expectations {
  let data: unknown;
  try {
    // The one reader: a FIFO or a device is refused, not read without end.
    data = parse(readRegularText(file, { maxBytes: DEFAULT_MAX_BYTES }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FazhiError(
      code === 'ENOENT'
        ? '文件不存在'
        : e instanceof FileReadError && e.problem === 'not-regular'
          ? e.message
          : `无法读取期望结果：${(e as Error).message.split('\n')[0]}`,
      file,
      null,
      'usage',
    );
  }
  // A reviewer's corrections (fazhi-review.yaml, see audit/review.ts) are test cases too.
  const reports =
    (data as { reports?: Record<string, Record<string, string>> } | null)?.reports ?? verdictsOfReviews(data);
  if (!reports || typeof reports !== 'object')
    throw new UsageError('缺少 reports: 字段（报告 → 规则 → 期望结果）', file);
  const out = new Map<string, Map<string, Status>>();
  for (const [report, verdicts] of Object.entries(reports)) {
    const map = new Map<string, Status>();
    for (const [ruleId, status] of Object.entries(verdicts ?? {})) {
      if (!STATUSES.has(status as Status))
        throw new UsageError(`${report}: ${ruleId}: 期望结果应为 pass、fail 或 not-applicable`, file);
      map.set(ruleId, status as Status);
    }
    out.set(path.join(path.dirname(file), report), map);
  }
  return { file, reports: out };
}

function verdictsOfReviews(data: unknown): Record<string, Record<string, string>> | undefined {
  const reviews = (data as { reviews?: Record<string, Record<string, { verdict?: string }>> } | null)?.reviews;
  if (!reviews || typeof reviews !== 'object') return undefined;
  return Object.fromEntries(
    Object.entries(reviews).map(([report, rules]) => [
      report,
      Object.fromEntries(Object.entries(rules ?? {}).map(([id, entry]) => [id, String(entry?.verdict)])),
    ]),
  );
}

/** Expectations as a file of their own, report paths relative to where it is written. */
export function expectationsYaml(expectations: Expectations, target: string): string {
  const reports: Record<string, Record<string, Status>> = {};
  for (const [report, verdicts] of expectations.reports) {
    const rel = path
      .relative(path.dirname(path.resolve(target)), path.resolve(report))
      .split(path.sep)
      .join('/');
    reports[rel] = Object.fromEntries(verdicts);
  }
  return (
    `# Expected verdicts, exported by fazhi eval from ${path.basename(expectations.file)}.\n` +
    '# Paths are relative to this file. pass | fail | not-applicable.\n' +
    stringify({ reports })
  );
}

/** Every (report, rule) pair, judged or not, in report then rule order. */
export function compare(results: ReportResult[], expectations: Expectations): Comparison[] {
  const rows: Comparison[] = [];
  for (const result of results) {
    const expected = expectations.reports.get(result.file) ?? new Map<string, Status>();
    for (const f of result.findings)
      rows.push({ report: result.file, ruleId: f.ruleId, expected: expected.get(f.ruleId) ?? null, actual: f.status });
    for (const [ruleId, status] of expected) {
      if (!result.findings.some((f) => f.ruleId === ruleId))
        rows.push({ report: result.file, ruleId, expected: status, actual: null });
    }
  }
  return rows;
}

export function agreement(rows: Comparison[]): { agreed: number; judged: number; unjudged: number } {
  const judged = rows.filter((r) => r.expected !== null);
  return {
    agreed: judged.filter((r) => r.expected === r.actual).length,
    judged: judged.length,
    unjudged: rows.length - judged.length,
  };
}
