import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fingerprint } from './engine/fingerprint.js';
import { FazhiError } from './errors.js';
import type { BaselineEntry, BaselineSummary, ReportResult } from './result.js';

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

/**
 * A baseline applied report by report as a run streams: failed findings it knows are marked
 * suppressed; at the end, its entries for checked files that were not seen have disappeared.
 */
export class BaselineFilter {
  private readonly known: Set<string>;
  private readonly seen = new Set<string>();
  private readonly checked = new Set<string>();
  private suppressed = 0;

  constructor(
    private readonly entries: BaselineEntry[],
    private readonly file: string,
  ) {
    this.known = new Set(entries.map((e) => e.fingerprint));
  }

  apply(report: ReportResult): ReportResult {
    this.checked.add(baseName(report.file));
    const findings = report.findings.map((f) => {
      if (f.status !== 'fail') return f;
      const id = fingerprint(report.file, f);
      if (!this.known.has(id)) return f;
      this.seen.add(id);
      this.suppressed++;
      return { ...f, suppressed: true };
    });
    return { ...report, findings };
  }

  summary(): BaselineSummary {
    // Only entries for files this run checked can have disappeared.
    const disappeared = this.entries.filter((e) => this.checked.has(baseName(e.file)) && !this.seen.has(e.fingerprint));
    return { file: this.file, suppressed: this.suppressed, disappeared };
  }
}

/**
 * The baseline after a run, collected report by report: every failed finding of the files
 * checked, in report and rule order, plus the previous entries of files not checked.
 */
export class BaselineRecorder {
  private readonly findings: BaselineEntry[] = [];
  private readonly checked = new Set<string>();

  add(report: ReportResult): void {
    const file = baseName(report.file);
    this.checked.add(file);
    for (const f of report.findings) if (f.status === 'fail') this.findings.push({ file, ruleId: f.ruleId, fingerprint: fingerprint(report.file, f) });
  }

  text(previous: BaselineEntry[] = []): string {
    const data: BaselineFile = { version: 1, tool: 'fazhi', findings: [...previous.filter((e) => !this.checked.has(e.file)), ...this.findings] };
    return `${JSON.stringify(data, null, 2)}\n`;
  }
}
