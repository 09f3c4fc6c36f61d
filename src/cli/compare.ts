import { compareReports, type ComparedReport } from '../compare/index.js';
import { comparisonJson, formatComparison } from '../compare/format.js';
import { readInput } from '../ingest/index.js';
import { analyseSource } from '../report/pipeline.js';
import { UsageError } from '../shared/errors.js';
import { commandChecker } from './checker.js';
import type { CliIO } from './main.js';
import { writeAtomic } from './output.js';
import { refuseOverwrites } from './check.js';

export interface CompareOptions {
  format?: string;
  output?: string;
  pack?: string[];
  config?: string | false;
}

/** fazhi compare 去年.docx 今年.docx: plans against results, copied paragraphs, repeated figures. */
export async function compareCommand(lastFile: string, currentFile: string, options: CompareOptions, io: CliIO) {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format ${format}: 应为 text 或 json`);
  if (lastFile === '-' && currentFile === '-') throw new UsageError('标准输入（-）只能指定一次');
  const { checker } = await commandChecker(options, io);
  if (options.output) {
    refuseOverwrites(
      [options.output],
      [lastFile, currentFile].filter((f) => f !== '-').map((file) => ({ file, what: '输入的报告' })),
    );
  }
  const analyse = async (file: string): Promise<ComparedReport> => {
    const source = await readInput(file, io.stdin ? { stdin: io.stdin } : {});
    return analyseSource(source, checker.ruleSetFor(source.file));
  };
  const comparison = compareReports(await analyse(lastFile), await analyse(currentFile), checker.packs);
  const text = format === 'json' ? comparisonJson(comparison) : formatComparison(comparison);
  if (options.output) writeAtomic(options.output, text);
  else io.stdout(text);
  return 0;
}
