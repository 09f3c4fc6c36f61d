import path from 'node:path';
import { fingerprint } from '../engine/fingerprint.js';
import { FazhiError } from '../shared/errors.js';
import { FileReadError, readRegularText } from '../ingest/files.js';
import type { BaselineEntry, BaselineSummary, ReportResult } from '../report/result.js';

/** A baseline lists findings of many reports: bounded, but well above --max-size. */
const MAX_BASELINE_BYTES = 256 * 1024 * 1024;
/** Version 2 keys entries by path relative to the baseline's folder (docs/baseline.schema.json). */
const VERSION = 2;

interface BaselineFile {
  version: typeof VERSION;
  tool: 'fazhi';
  findings: BaselineEntry[];
}

/** The known findings of a baseline file; a missing file is an empty baseline only when it is about to be written. */
export function loadBaseline(
  file: string,
  allowMissing: boolean,
  warn: (line: string) => void = () => {},
): BaselineEntry[] {
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
  let data: Partial<BaselineFile> | { version?: unknown; findings?: unknown };
  try {
    data = JSON.parse(text) as Partial<BaselineFile>;
    if ((data.version !== 1 && data.version !== VERSION) || !Array.isArray(data.findings)) throw new Error('格式不对');
  } catch {
    throw new FazhiError(`基线文件不是有效的 fazhi 基线（JSON，version ${VERSION}）`, file, null, 'baseline-invalid');
  }
  const findings = (data.findings as BaselineEntry[]).filter(
    (f) => typeof f === 'object' && f !== null && typeof f.fingerprint === 'string' && typeof f.file === 'string',
  );
  if (data.version === VERSION) return findings;
  // Version 1 keyed entries by file name alone: kept usable, marked, until rewritten.
  for (const f of findings) legacy.add(f);
  warn(
    allowMissing
      ? `fazhi: ${file}: 旧格式基线（只记文件名），本次重写为按相对路径记录；未在本次检查的文件的条目将被删除\n`
      : `fazhi: ${file}: 旧格式基线（只记文件名），只屏蔽引文相同的问题；请用 --update-baseline 重写为按相对路径记录\n`,
  );
  return findings;
}

/** Entries read from a version 1 baseline (file name only). */
const legacy = new WeakSet<BaselineEntry>();

const slash = (p: string): string => p.split(path.sep).join('/');

/** Where a baseline entry points: the report's path relative to the baseline file's folder. */
function entryPath(baselineFile: string, reportFile: string): string {
  return slash(path.relative(path.dirname(path.resolve(baselineFile)), path.resolve(reportFile)));
}

/**
 * Keys of a baseline's entries, as suppressKnown looks them up: an entry's report made
 * absolute, its rule and the fingerprint of its evidence. Version 1 entries have only the
 * file name, and keep a key of their own.
 */
export function knownKeys(entries: readonly BaselineEntry[], baselineFile: string): string[] {
  const dir = path.dirname(path.resolve(baselineFile));
  return entries.map((e) => entryKey(e, dir));
}

function entryKey(e: BaselineEntry, dir: string): string {
  return legacy.has(e)
    ? legacyKey(e.file, e.ruleId, e.fingerprint)
    : pathKey(path.resolve(dir, e.file), e.ruleId, e.fingerprint);
}
const pathKey = (absolute: string, ruleId: string, print: string) => `${absolute}\u0000${ruleId}\u0000${print}`;
const legacyKey = (base: string, ruleId: string, print: string) => `\u0001${base}\u0000${ruleId}\u0000${print}`;

/**
 * Mark the failed findings a baseline knows as suppressed (one report; runs wherever the
 * report was checked). A finding is known by its report's path, its rule and the fingerprint
 * of its evidence: a baseline never suppresses what it has not seen. A version 1 entry (file
 * name only) suppresses only a finding with quoted evidence, which the fingerprint holds;
 * a finding without evidence in a same-named report elsewhere is not the one it saw.
 * Returns the keys it matched, for the run's summary.
 */
export function suppressKnown(
  report: ReportResult,
  known: ReadonlySet<string>,
): { report: ReportResult; matched: string[] } {
  const matched: string[] = [];
  const absolute = path.resolve(report.file);
  const base = path.basename(report.file);
  const findings = report.findings.map((f) => {
    if (f.status !== 'fail') return f;
    const print = fingerprint(report.file, f);
    const byPath = pathKey(absolute, f.ruleId, print);
    const byName = legacyKey(base, f.ruleId, print);
    const id = known.has(byPath) ? byPath : f.evidence.length > 0 && known.has(byName) ? byName : null;
    if (id === null) return f;
    matched.push(id);
    return { ...f, suppressed: true };
  });
  return { report: matched.length > 0 ? { ...report, findings } : report, matched };
}

/** A report's failed findings as baseline entries, its file absolute until baselineText places it. */
export function baselineEntries(report: ReportResult): BaselineEntry[] {
  const file = path.resolve(report.file);
  return report.findings
    .filter((f) => f.status === 'fail')
    .map((f) => ({ file, ruleId: f.ruleId, fingerprint: fingerprint(report.file, f) }));
}

/** Whether an entry belongs to one of the checked files. */
function checkedBy(dir: string, checkedFiles: string[]): (e: BaselineEntry) => boolean {
  const absolute = new Set(checkedFiles.map((f) => path.resolve(f)));
  const names = new Set(checkedFiles.map((f) => path.basename(f)));
  return (e) => (legacy.has(e) ? names.has(e.file) : absolute.has(path.resolve(dir, e.file)));
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
  const dir = path.dirname(path.resolve(file));
  const checked = checkedBy(dir, checkedFiles);
  const seen = new Set(matched);
  // Only entries for files this run checked can have disappeared.
  return {
    file,
    suppressed: matched.length,
    disappeared: entries
      .filter((e) => checked(e) && !seen.has(entryKey(e, dir)))
      .map((e) => ({ file: e.file, ruleId: e.ruleId, fingerprint: e.fingerprint })),
  };
}

/**
 * The baseline after a run (version 2): every failed finding of the files checked, in report
 * and rule order, each under its path relative to the baseline's folder, plus the previous
 * entries of files this run did not check. Version 1 entries of unchecked files cannot be
 * placed and are dropped (loadBaseline said so).
 */
export function baselineText(
  previous: BaselineEntry[],
  checkedFiles: string[],
  entries: BaselineEntry[],
  baselineFile: string,
): string {
  const dir = path.dirname(path.resolve(baselineFile));
  const checked = checkedBy(dir, checkedFiles);
  const data: BaselineFile = {
    version: VERSION,
    tool: 'fazhi',
    findings: [
      ...previous.filter((e) => !legacy.has(e) && !checked(e)),
      ...entries.map((e) => ({ ...e, file: entryPath(baselineFile, e.file) })),
    ],
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
