import path from 'node:path';
import type { SingleBar } from 'cli-progress';
import { baselineSummary, baselineText, knownKeys, loadBaseline } from '../run/baseline.js';
import { ReportChecker } from '../report/checker.js';
import { chooseConfig, type Config } from '../config/load.js';
import { UsageError } from '../shared/errors.js';
import { FORMAT_NAMES, isFormat, loadWriter } from '../formatters/index.js';
import { DEFAULT_PACKS, loadPackSet } from '../packs/load.js';
import type { RenderSetup } from '../run/render.js';
import type { BaselineEntry, ReportSummary, RunHead, RunSummary } from '../report/result.js';
import { checkEach } from '../run/batch.js';
import { packSafety } from '../run/safety.js';
import { exitCode, FAIL_ON, type FailOn } from '../formatters/gate.js';
import type { CliIO } from './main.js';
import { OutputSink, writeAtomic } from './output.js';
import { parseParamOptions } from './params.js';
import { lazy } from '../shared/lazy.js';

const lazyProgress = lazy<typeof import('cli-progress')>('cli-progress');

export interface CheckOptions {
  format?: string[];
  output?: string[];
  pack?: string[];
  config?: string | false;
  failOn?: string;
  minScore?: string;
  maxWarnings?: string;
  maxSize?: string;
  maxPages?: string;
  jobs?: string;
  timeout?: string;
  baseline?: string;
  updateBaseline?: boolean;
  verbose?: boolean;
  color: boolean;
  progress: boolean;
  param?: string[];
  debug?: boolean;
}

/** Format implied by an output file's extension when no -f is given for it. */
const BY_EXTENSION: Record<string, string> = {
  '.json': 'json',
  '.sarif': 'sarif',
  '.xml': 'junit',
  '.md': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.csv': 'csv',
  '.txt': 'stylish',
};

export interface OutputTarget {
  format: string;
  /** null: standard output. */
  file: string | null;
}

/**
 * Pair `-f` and `-o` in order (`-f json -o a.json -f sarif -o b.sarif`); one format may be
 * left without a file and goes to standard output; an -o alone takes its format from its extension.
 */
export function outputTargets(formats: string[], outputs: string[]): OutputTarget[] {
  const targets: OutputTarget[] = [];
  const count = Math.max(formats.length, outputs.length);
  for (let i = 0; i < count; i++) {
    const file = outputs[i] ?? null;
    const format = formats[i] ?? (file ? BY_EXTENSION[path.extname(file).toLowerCase()] : undefined);
    if (!format) throw new UsageError(`-o ${file}: 无法从扩展名判断输出格式，请用 -f 指定`);
    if (!isFormat(format))
      throw new UsageError(`--format ${format}: 不支持的输出格式（可用：${FORMAT_NAMES.join('、')}）`);
    targets.push({ format, file });
  }
  if (targets.length === 0) targets.push({ format: 'stylish', file: null });
  if (targets.filter((t) => t.file === null).length > 1)
    throw new UsageError('只有一种格式可以输出到标准输出：请为其他格式用 -o 指定文件');
  return targets;
}

function number(raw: string | undefined, name: string, min: number, max: number, integer = false): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${name} ${raw}: 应为 ${min}–${max === Infinity ? '∞' : max} 之间的${integer ? '整' : ''}数`);
  }
  return n;
}

function useColor(options: { color: boolean }, io: CliIO): boolean {
  // NO_COLOR counts only when set to a non-empty value (no-color.org).
  if (!options.color || (io.env.NO_COLOR ?? '') !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

/** The config in force (see chooseConfig); a config found upward but not trusted is named on `warn`. */
export function resolveConfig(
  option: string | false | undefined,
  cwd = process.cwd(),
  warn: (line: string) => void = (line) => process.stderr.write(line),
): Config {
  return chooseConfig(option, cwd, warn).config;
}

/** A progress bar on stderr for a terminal only: never in CI, in pipes or for one file. */
function progressBar(
  io: CliIO,
  options: CheckOptions,
): ((done: number, total: number) => void) & { stop(): void; shown: boolean } {
  const show = options.progress && io.stderrIsTTY && !io.env.CI && (io.env.NO_COLOR ?? '') === '';
  let bar: SingleBar | null = null;
  const update = (done: number, total: number) => {
    if (!show || total < 2) return;
    if (!bar) {
      const { SingleBar: Bar } = lazyProgress();
      bar = new Bar({
        format: '检查中 [{bar}] {value}/{total} 份报告 {percentage}% 预计剩余 {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        stream: process.stderr,
      });
      bar.start(total, 0);
    }
    bar.update(done);
  };
  return Object.assign(update, {
    stop: () => {
      bar?.stop();
      bar = null;
    },
    shown: show === true,
  });
}

export async function checkCommand(inputs: string[], options: CheckOptions, io: CliIO): Promise<number> {
  if (inputs.filter((f) => f === '-').length > 1) throw new UsageError('标准输入（-）只能指定一次');
  if (options.updateBaseline && !options.baseline)
    throw new UsageError('--update-baseline 需要与 --baseline <文件> 一起使用');
  const targets = outputTargets(options.format ?? [], options.output ?? []);
  const { config, note } = chooseConfig(options.config, process.cwd(), io.stderr);
  // The command line wins over the config.
  const failOn = (options.failOn ?? config.failOn ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on ${failOn}: 应为 ${FAIL_ON.join('、')} 之一`);
  const minScore = number(options.minScore, '--min-score', 0, 100) ?? config.minScore ?? null;
  const maxWarnings = number(options.maxWarnings, '--max-warnings', 0, Infinity, true) ?? config.maxWarnings ?? null;
  const maxSizeMb = number(options.maxSize, '--max-size', Number.MIN_VALUE, Infinity) ?? config.maxSize ?? 20;
  const maxPages = number(options.maxPages, '--max-pages', 1, Infinity, true);
  const jobs = number(options.jobs, '--jobs', 1, 256, true);
  const timeoutSeconds = number(options.timeout, '--timeout', 0.1, 3600) ?? 30;
  const cliParams = parseParamOptions(options.param ?? []);
  const packRefs = [...(options.pack ?? config.packs ?? DEFAULT_PACKS), ...config.extends];
  // Packs and config are loaded and compiled before any report is read: a bad one checks nothing.
  const checker = new ReportChecker(loadPackSet(packRefs), config, cliParams);
  // The library's safety policy (run/safety.ts), decided before the baseline or any input is read.
  await packSafety(checker.packs);
  const baseline = options.baseline ? loadBaseline(options.baseline, options.updateBaseline === true, io.stderr) : null;
  // Once the run is sure to start: the config the gate obeys, whenever one is (none: with --verbose).
  if (config.file || options.verbose) io.stderr(note);

  const progress = progressBar(io, options);
  const color = useColor(options, io);
  const formatOptions = { color, verbose: options.verbose === true, failOn, gate: { failOn, minScore, maxWarnings } };
  // Colour only on the terminal, never in files.
  const optionsFor = (t: OutputTarget) => ({ ...formatOptions, color: t.file ? false : color });
  const outputs = targets.map((t) => ({ format: t.format, options: optionsFor(t) }));
  // The terminal report streams as reports complete, unless a progress bar shares the terminal.
  const holdStdout = progress.shown && io.isTTY;
  const writers = await Promise.all(targets.map((t) => loadWriter(t.format)));
  // Started once the inputs are known: the rule list is that of the files' own settings.
  let head: RunHead | null = null;
  let sinks: OutputSink[] = [];
  const start = (runHead: RunHead) => {
    head = runHead;
    sinks = targets.map(
      (t, i) =>
        new OutputSink(t.file, (writers[i] as (typeof writers)[number])(runHead, optionsFor(t)), io.stdout, holdStdout),
    );
  };
  const applying = baseline !== null && !options.updateBaseline;
  const render: RenderSetup = {
    outputs,
    known: applying && options.baseline ? knownKeys(baseline, options.baseline) : null,
    record: options.updateBaseline === true,
  };
  const summaries: ReportSummary[] = [];
  const matched: string[] = [];
  const entries: BaselineEntry[] = [];
  try {
    const end = await checkEach(
      inputs,
      checker,
      {
        ...(io.stdin ? { stdin: io.stdin } : {}),
        maxBytes: Math.round(maxSizeMb * 1024 * 1024),
        ...(maxPages !== undefined ? { maxPages } : {}),
        ...(jobs !== undefined ? { jobs } : {}),
        pool: { packs: packRefs, configFile: config.file ? path.resolve(config.file) : null, params: cliParams },
        timeoutMs: Math.round(timeoutSeconds * 1000),
        onProgress: progress,
        onHead: start,
        render,
      },
      (checked) => {
        if (!('rendered' in checked)) return;
        const { summary, texts } = checked.rendered;
        summaries.push(summary);
        for (const id of checked.rendered.matched) matched.push(id);
        for (const e of checked.rendered.entries) entries.push(e);
        sinks.forEach((sink, i) => sink.write(texts[i] as string));
      },
    );
    progress.stop();
    const checkedFiles = summaries.map((s) => s.file);
    const run: RunSummary = {
      ...(head as unknown as RunHead),
      reports: summaries,
      ...end,
      ...(applying && options.baseline
        ? { baseline: baselineSummary(baseline, options.baseline, checkedFiles, matched) }
        : {}),
      exitCode: 0,
    };
    run.exitCode = exitCode(run, formatOptions.gate);
    let writeFailed = false;
    for (const sink of sinks) {
      sink.finish(run);
      if (sink.error) {
        writeFailed = true;
        io.stderr(`fazhi: ${sink.error.toLine()} [${sink.error.code}]\n`);
      }
    }
    for (const f of run.failures) io.stderr(`fazhi: ${f.file}: ${f.message}\n`);
    if (options.updateBaseline && options.baseline) {
      writeAtomic(options.baseline, baselineText(baseline ?? [], checkedFiles, entries, options.baseline));
      io.stderr(`fazhi: 已更新基线 ${options.baseline}\n`);
    }
    return writeFailed ? 2 : run.exitCode;
  } finally {
    progress.stop();
    for (const sink of sinks) sink.discard();
  }
}
