import path from 'node:path';
import { annotate } from '../annotate/index.js';
import { readInputBytes } from '../ingest/index.js';
import { runHead } from '../run/batch.js';
import { UsageError } from '../shared/errors.js';
import { refuseOverwrites } from './check.js';
import { commandChecker } from './checker.js';
import type { CliIO } from './main.js';
import { writeAtomic } from './output.js';

export interface AnnotateOptions {
  output?: string;
  pack?: string[];
  config?: string | false;
  param?: string[];
  maxSize?: string;
}

/** 报告.docx → 报告.批注.docx beside it (any input gives a .docx). */
export function defaultAnnotatedName(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.批注.docx`);
}

/**
 * fazhi annotate: check one report and write a copy with a Word comment at every place that
 * needs work. The original is never written; the copy is written whole or not at all.
 */
export async function annotateCommand(file: string, options: AnnotateOptions, io: CliIO): Promise<number> {
  if (file === '-' && options.output === undefined)
    throw new UsageError('从标准输入（-）读取时请用 -o 指定批注版的文件名，如 -o 报告.批注.docx');
  const output = options.output ?? defaultAnnotatedName(file);
  if (output === '-') throw new UsageError('-o -: 批注版是 Word 文件，请给出以 .docx 结尾的文件名');
  if (path.extname(output).toLowerCase() !== '.docx')
    throw new UsageError(`-o ${output}: 批注版是 Word 文件，文件名应以 .docx 结尾`);
  const maxMb = options.maxSize === undefined ? undefined : Number(options.maxSize);
  if (maxMb !== undefined && !(Number.isFinite(maxMb) && maxMb > 0))
    throw new UsageError(`--max-size ${options.maxSize}: 应为大于 0 的数（MB）`);

  const { checker, config } = await commandChecker(options, io);
  refuseOverwrites(
    [output],
    [
      ...(file === '-' ? [] : [{ file, what: '输入的报告' }]),
      ...checker.packs.packs.map((p) => ({ file: p.file, what: '规则包' })),
      ...(config.file ? [{ file: config.file, what: '配置文件' }] : []),
    ],
  );

  const { source, bytes, converted } = await readInputBytes(file, {
    ...(io.stdin ? { stdin: io.stdin } : {}),
    ...(maxMb !== undefined ? { maxBytes: Math.floor(maxMb * 1024 * 1024) } : {}),
  });
  const report = await checker.check(source);
  const { rules } = runHead(checker, [source.file]);
  const result = annotate({ format: source.format, bytes, text: source.text, file: source.file }, report, rules);
  writeAtomic(output, result.docx);

  const count = (kind: string) => result.comments.filter((c) => c.kind === kind).length;
  const missing = result.comments.reduce((n, c) => n + (c.items ?? 0), 0);
  const kind = converted
    ? '由 LibreOffice 从旧版格式转换后的副本，原文件未改动'
    : source.format === 'docx'
      ? '原文档的副本，原文件未改动'
      : '由原文生成的新 Word 文档';
  io.stdout(
    `已写入批注版：${output}（${kind}）\n` +
      `  得分 ${report.score.total.toFixed(1)} / 100  ${report.score.grade}；` +
      `批注 ${result.comments.length} 条：原文处 ${count('quote')} 条，缺少的内容 ${count('missing')} 条` +
      `（共 ${missing} 项），总评 ${count('summary')} 条\n`,
  );
  return 0;
}
