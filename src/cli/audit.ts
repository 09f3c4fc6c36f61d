import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_MARKER, AuditBuilder, type AuditInput } from '../audit/index.js';
import { applyReviews, parseReviews, REVIEW_FILE, type Review } from '../audit/review.js';
import { DEFAULT_MAX_BYTES, readRegularText } from '../ingest/files.js';
import { parse } from 'yaml';
import { bodyParagraphs, compareReports, type ComparedReport } from '../compare/index.js';
import { analyseSource } from '../report/pipeline.js';
import { isIgnored } from '../config/settings.js';
import { expandInputs } from '../ingest/inputs.js';
import { holdNursery, settleNursery } from '../run/nursery.js';
import { readInput, readInputBytes } from '../ingest/index.js';
import { ReportChecker } from '../report/checker.js';
import type { InputFailure, ReportResult } from '../report/result.js';
import { runHead } from '../run/batch.js';
import { FazhiError, inputErrorCode, UsageError } from '../shared/errors.js';
import { commandChecker } from './checker.js';
import type { CliIO } from './main.js';

export interface AuditOptions {
  out?: string;
  previous?: string;
  review?: string;
  pack?: string[];
  config?: string | false;
}

/**
 * fazhi audit 报送材料/ --out 审核/: every report checked, then the whole folder written beside
 * the target and renamed into place, so it is complete or absent. A folder fazhi wrote before is
 * replaced; any other non-empty folder is refused.
 */
export async function auditCommand(inputs: string[], options: AuditOptions, io: CliIO): Promise<number> {
  if (!options.out) throw new UsageError('请用 --out <目录> 指定审核结果的输出目录，如 --out 审核结果');
  const out = path.resolve(options.out);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UsageError(`--out ${options.out}: 已存在且不是目录`);
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(AUDIT_MARKER))
      throw new UsageError(`--out ${options.out}: 目录不为空且不是 fazhi 审核结果，不会覆盖：请换一个目录`);
  }
  holdNursery();
  const { checker, config } = await commandChecker(options, io);
  const expanded = await expandInputs(inputs, { exclude: [out] });
  const files = expanded.files.filter(
    (f) => f !== '-' && !isIgnored(config, f) && !path.resolve(f).startsWith(out + path.sep),
  );
  if (files.length === 0) throw new UsageError(`${inputs.join(' ')}: 没有找到可检查的报告`);
  settleNursery(files.length);

  const lastYear = options.previous ? await previousReports(options.previous, checker) : null;
  const reviewFile = options.review ?? findReviewFile(inputs);
  // Read before any report: a bad review file stops the run before the folder is started.
  const reviews = reviewFile ? loadReviews(reviewFile, checker) : [];
  const used = new Set<Review>();
  const head = runHead(checker, files);

  // Built beside the target, each report's files as it is checked, then renamed into place:
  // complete or absent.
  const temp = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  const failures: InputFailure[] = [];
  let checked = 0;
  // Interrupted while the folder is being built: nothing half-built stays beside the target.
  const interrupted = (signal: NodeJS.Signals) => {
    rmSync(temp, { recursive: true, force: true });
    io.stderr(`fazhi: 已中断：已审核 ${checked}/${files.length} 份，未写入审核结果\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    rmSync(temp, { recursive: true, force: true });
    const made = new Set<string>();
    const write = (name: string, content: string | Uint8Array) => {
      const target = path.join(temp, name);
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(target, content);
    };
    const builder = new AuditBuilder(head, checker.packs, write, lastYear !== null);
    for (const file of files) {
      let input: AuditInput;
      try {
        const { source, bytes } = await readInputBytes(file);
        const { document, result: report } = await analyseSource(source, checker.ruleSetFor(source.file));
        const last = lastYear && findLastYear(lastYear, report);
        input = {
          report,
          source: { format: source.format, bytes, text: source.text, file },
          paragraphs: bodyParagraphs(document, checker.packs),
          ...(last ? { comparison: compareReports(last, { document, result: report }, checker.packs) } : {}),
        };
      } catch (err) {
        if (!(err instanceof FazhiError)) throw err;
        failures.push({ file: err.file ?? file, message: err.message, code: inputErrorCode(err) });
        continue;
      }
      const key = path.resolve(input.report.file);
      const mine = reviews.filter((r) => r.file === key);
      if (mine.length > 0) {
        mine.forEach((r) => used.add(r));
        const reviewed = applyReviews(input.report, mine, checker.packs, key);
        if (reviewed !== input.report) {
          input.toolScore = input.report.score.total;
          input.report = reviewed;
        }
      }
      builder.add(input);
      checked++;
    }
    await builder.finish(failures);
    if (existsSync(out)) renameSync(out, old);
    renameSync(temp, out);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(out) && existsSync(old)) renameSync(old, out);
    if (e instanceof FazhiError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e;
    throw new FazhiError(`无法写入审核结果：${code}`, options.out, null, 'output-write');
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  for (const r of reviews.filter((x) => !used.has(x)))
    io.stderr(
      `fazhi: ${reviewFile}: ${path.relative(process.cwd(), r.file)} 不在本次审核的报告中，该条复核意见未使用\n`,
    );
  io.stdout(
    `已写入审核结果：${options.out}（${checked} 份报告${failures.length ? `，${failures.length} 份无法检查` : ''}）\n` +
      `  ${path.join(options.out, 'index.html')}  汇总页面\n` +
      `  ${path.join(options.out, '审核汇总.xlsx')}  Excel 汇总表\n` +
      `  ${path.join(options.out, '反馈意见')}${path.sep}  各单位反馈意见\n`,
  );
  return failures.length > 0 ? 2 : 0;
}

/** fazhi-review.yaml in the first folder given, if there is one there. */
function findReviewFile(inputs: readonly string[]): string | null {
  for (const input of inputs) {
    try {
      if (!statSync(input).isDirectory()) continue;
    } catch {
      continue;
    }
    const file = path.join(input, REVIEW_FILE);
    if (existsSync(file)) return file;
  }
  return null;
}

function loadReviews(file: string, checker: ReportChecker): Review[] {
  let data: unknown;
  try {
    data = parse(readRegularText(file, { maxBytes: DEFAULT_MAX_BYTES }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? '复核意见文件不存在' : `无法读取复核意见：${(e as Error).message.split('\n')[0]}`,
      file,
    );
  }
  const dir = path.dirname(path.resolve(file));
  return parseReviews(data, file, (report) => path.resolve(dir, report), checker.packs);
}

/** Last year's reports (audit --previous), read once; an unreadable one is left out, as are outputs. */
async function previousReports(input: string, checker: ReportChecker): Promise<ComparedReport[]> {
  const expanded = await expandInputs([input]);
  if (expanded.files.length === 0) throw new UsageError(`--previous ${input}: 没有找到去年的报告`);
  const out: ComparedReport[] = [];
  for (const file of expanded.files) {
    try {
      out.push(await analyseSource(await readInput(file), checker.ruleSetFor(file)));
    } catch (err) {
      if (!(err instanceof FazhiError)) throw err;
    }
  }
  return out;
}

/**
 * Last year's report of the same town: the same body, and the year before (or, when a year is
 * unknown, the same body alone, when it is the only one).
 */
function findLastYear(last: readonly ComparedReport[], report: ReportResult): ComparedReport | null {
  const body = report.meta.body;
  if (!body) return null;
  const same = last.filter((l) => l.result.meta.body === body && l.result.file !== report.file);
  const year = report.meta.year;
  const exact = year !== null ? same.find((l) => l.result.meta.year === year - 1) : undefined;
  if (exact) return exact;
  return same.length === 1 && (year === null || same[0]!.result.meta.year === null) ? same[0]! : null;
}
