import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fingerprint } from './engine/fingerprint.js';
import { FazhiError } from './errors.js';
import type { BaselineEntry, RunResult } from './result.js';

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
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && allowMissing) return [];
    throw new FazhiError((e as NodeJS.ErrnoException).code === 'ENOENT' ? '基线文件不存在（先用 --update-baseline 生成）' : `无法读取基线文件：${(e as Error).message}`, file);
  }
  try {
    const data = JSON.parse(text) as Partial<BaselineFile>;
    if (data.version !== 1 || !Array.isArray(data.findings)) throw new Error('格式不对');
    return data.findings.filter((f) => typeof f.fingerprint === 'string');
  } catch {
    throw new FazhiError('基线文件不是有效的 fazhi 基线（JSON，version 1）', file);
  }
}

/** Mark failed findings the baseline knows as suppressed, and list baseline entries no longer found. */
export function applyBaseline(run: RunResult, entries: BaselineEntry[], file: string): RunResult {
  const known = new Set(entries.map((e) => e.fingerprint));
  const seen = new Set<string>();
  let suppressed = 0;
  const reports = run.reports.map((r) => ({
    ...r,
    findings: r.findings.map((f) => {
      if (f.status !== 'fail') return f;
      const id = fingerprint(r.file, f);
      if (!known.has(id)) return f;
      seen.add(id);
      suppressed++;
      return { ...f, suppressed: true };
    }),
  }));
  // Only entries for files this run checked can have disappeared.
  const checked = new Set(run.reports.map((r) => baseName(r.file)));
  const disappeared = entries.filter((e) => checked.has(e.file) && !seen.has(e.fingerprint));
  return { ...run, reports, baseline: { file, suppressed, disappeared } };
}

/**
 * The baseline after this run: every failed finding of the files checked, in report and
 * rule order, plus the previous entries of files this run did not check.
 */
export function baselineOf(run: RunResult, previous: BaselineEntry[] = []): string {
  const checked = new Set(run.reports.map((r) => baseName(r.file)));
  const findings: BaselineEntry[] = [
    ...previous.filter((e) => !checked.has(e.file)),
    ...run.reports.flatMap((r) =>
      r.findings.filter((f) => f.status === 'fail').map((f) => ({ file: baseName(r.file), ruleId: f.ruleId, fingerprint: fingerprint(r.file, f) })),
    ),
  ];
  const data: BaselineFile = { version: 1, tool: 'fazhi', findings };
  return `${JSON.stringify(data, null, 2)}\n`;
}
