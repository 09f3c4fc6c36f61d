import { readFileSync } from 'node:fs';
import { checkSource } from './check.js';
import type { RuleSet } from './engine/compile.js';
import { FazhiError } from './errors.js';
import { docPathFor } from './packs/docs.js';
import { readInput } from './ingest/index.js';
import { expandInputs } from './ingest/inputs.js';
import type { InputFailure, ReportResult, RunResult } from './result.js';

export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface RunOptions {
  stdin?: NodeJS.ReadableStream;
  /** Refuse inputs larger than this (bytes). */
  maxBytes?: number;
}

/**
 * Check every input in order. An unreadable input becomes a failure beside the
 * results; it never stops the others from being checked.
 */
export async function runCheck(inputs: string[], ruleSet: RuleSet, options: RunOptions = {}): Promise<RunResult> {
  const reports: ReportResult[] = [];
  const { files, skipped, empty } = await expandInputs(inputs);
  const failures: InputFailure[] = empty.map((input) => ({ file: input, message: '没有找到可检查的报告文件（支持 .txt .md .docx .pdf .html）' }));
  for (const input of files) {
    try {
      const source = await readInput(input, { ...(options.stdin ? { stdin: options.stdin } : {}), ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) });
      reports.push(await checkSource(source, ruleSet));
    } catch (e) {
      if (!(e instanceof FazhiError)) throw e;
      failures.push({ file: e.file ?? input, message: e.message });
    }
  }
  return {
    tool: { name: 'fazhi', version: TOOL_VERSION },
    packs: ruleSet.packs.packs.map((p) => ({ id: p.id, version: p.version })),
    areas: [...ruleSet.packs.areas.values()].map((a) => ({ id: a.id, title: a.title, weight: a.weight })),
    rules: ruleSet.rules.map(({ rule }) => ({
      id: rule.id,
      title: rule.title,
      area: rule.area,
      severity: rule.severity,
      basis: rule.basis,
      clause: rule.clause,
      fix: rule.fix,
      rationale: rule.rationale?.trim() ?? '',
      doc: docPathFor(rule),
      pack: rule.pack,
    })),
    reports,
    failures,
    skipped,
  };
}
