import path from 'node:path';
import { fingerprint } from '../engine/fingerprint.js';
import { FazhiError } from '../shared/errors.js';
import { FileReadError, readRegularText } from '../ingest/files.js';
import type { BaselineEntry, BaselineSummary, ReportResult } from '../report/result.js';

/** A baseline lists findings of many reports: bounded, but well above --max-size. */
const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

interface BaselineFile {
  version: 1;
  tool: 'fazhi';
  findings: BaselineEntry[];
}

const baseName = (file: string): string => path.basename(file);

/** The known findings of a baseline file; a missing file is an empty baseline only when it is about to be written. */
export function loadBaseline(file: string, allowMissing: boolean): BaselineEntry[] {
  let text: string;
  try {
    text = readRegularText(file, { maxBytes: MAX_BASELINE_BYTES });
  } catch (e) {
    if (e instanceof FileReadError && e.problem === 'not-regular')
      throw new FazhiError(e.message, file, null, 'baseline-invalid');
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && allowMissing) return [];
    throw new FazhiError(
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? '基线文件不存在（先用 --update-baseline 生成）'
        : `无法读取基线文件：${(e as Error).message}`,
      file,
      null,
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'baseline-not-found' : 'baseline-invalid',
    );
  }
  try {
    const data = JSON.parse(text) as Partial<BaselineFile>;
    if (data.version !== 1 || !Array.isArray(data.findings)) throw new Error('格式不对');
    return data.findings.filter((f) => typeof f.fingerprint === 'string');
  } catch {
    throw new FazhiError('基线文件不是有效的 fazhi 基线（JSON，version 1）', file, null, 'baseline-invalid');
  }
}

/**
 * Mark the failed findings a baseline knows as suppressed (one report; runs wherever the
 * report was checked). Returns the fingerprints it matched, for the run's summary.
 */
export function suppressKnown(
  report: ReportResult,
  known: ReadonlySet<string>,
): { report: ReportResult; matched: string[] } {
  const matched: string[] = [];
  const findings = report.findings.map((f) => {
    if (f.status !== 'fail') return f;
    const id = fingerprint(report.file, f);
    if (!known.has(id)) return f;
    matched.push(id);
    return { ...f, suppressed: true };
  });
  return { report: matched.length > 0 ? { ...report, findings } : report, matched };
}

/** A report's failed findings as baseline entries. */
export function baselineEntries(report: ReportResult): BaselineEntry[] {
  const file = baseName(report.file);
  return report.findings
    .filter((f) => f.status === 'fail')
    .map((f) => ({ file, ruleId: f.ruleId, fingerprint: fingerprint(report.file, f) }));
}

/**
 * What a baseline did over a run: how many findings it suppressed, which of its entries for the
 * checked files were not seen.
 */
export function baselineSummary(
  entries: BaselineEntry[],
  file: string,
  checkedFiles: string[],
  matched: string[],
): BaselineSummary {
  const checked = new Set(checkedFiles.map(baseName));
  const seen = new Set(matched);
  // Only entries for files this run checked can have disappeared.
  return {
    file,
    suppressed: matched.length,
    disappeared: entries.filter((e) => checked.has(e.file) && !seen.has(e.fingerprint)),
  };
}

/**
 * The baseline after a run: every failed finding of the files checked, in report and rule
 * order, plus the previous entries of files this run did not check.
 */
export function baselineText(previous: BaselineEntry[], checkedFiles: string[], entries: BaselineEntry[]): string {
  const checked = new Set(checkedFiles.map(baseName));
  const data: BaselineFile = {
    version: 1,
    tool: 'fazhi',
    findings: [...previous.filter((e) => !checked.has(e.file)), ...entries],
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
