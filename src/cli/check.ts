import { realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { baselineSummary, baselineText, knownKeys, loadBaseline } from '../run/baseline.js';
import { ReportChecker } from '../report/checker.js';
import { chooseConfig, type Config } from '../config/load.js';
import { UsageError } from '../shared/errors.js';
import { FORMAT_NAMES, isFormat, loadWriter } from '../formatters/index.js';
import { DEFAULT_PACKS, loadPackSet } from '../packs/load.js';
import type { RenderSetup } from '../run/render.js';
import type { BaselineEntry, ReportSummary, RunHead, RunSummary } from '../report/result.js';
import { checkEach } from '../run/batch.js';
import { sharedTexts, type ReportParagraphs } from '../compare/shared.js';
import { packSafety } from '../run/safety.js';
import { exitCode, FAIL_ON, gateVerdict, type FailOn } from '../formatters/gate.js';
import type { CliIO, OutputFlag } from './main.js';
import { expandInputs } from '../ingest/inputs.js';
import { holdNursery, settleNursery } from '../run/nursery.js';
import { isIgnored } from '../config/settings.js';
import { visible } from '../shared/safe-text.js';
import { OutputSink, writeAtomic } from './output.js';
import { parseParamOptions } from './params.js';
import { progressBar } from './progress.js';
import { didYouMean, nearest } from './usage.js';

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
  progress: boolean;
  /** The batch's shared paragraphs (--no-shared: false). */
  shared?: boolean;
  param?: string[];
  debug?: boolean;
  sarifRoot?: string;
  sarifHelpUri?: string;
  /** -f and -o in command-line order (main.ts); without it, format[i] pairs with output[i]. */
  outputFlags?: OutputFlag[];
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
 * Pair `-f` and `-o` in command-line order: an -o binds to the -f just before it
 * (`-f json -f sarif -o out.sarif`: JSON to standard output, SARIF to the file); a -f with no
 * -o goes to standard output, and at most one may; an -o with no -f just before it takes its
 * format from its extension.
 */
export function outputTargets(flags: readonly OutputFlag[]): OutputTarget[] {
  const targets: OutputTarget[] = [];
  let open: OutputTarget | null = null;
  for (const [kind, value] of flags) {
    if (kind === 'format') {
      if (!isFormat(value))
        throw new UsageError(
          `--format ${value}: 不支持的输出格式${didYouMean(nearest(value, FORMAT_NAMES))}（可用：${FORMAT_NAMES.join('、')}）`,
        );
      open = { format: value, file: null };
      targets.push(open);
      continue;
    }
    if (open) {
      open.file = value;
      open = null;
      continue;
    }
    const format = BY_EXTENSION[path.extname(value).toLowerCase()];
    if (!format) throw new UsageError(`-o ${value}: 无法从扩展名判断输出格式，请在它前面用 -f 指定格式`);
    targets.push({ format, file: value });
  }
  if (targets.length === 0) targets.push({ format: 'stylish', file: null });
  const toStdout = targets.filter((t) => t.file === null).map((t) => t.format);
  if (toStdout.length > 1)
    throw new UsageError(
      `${toStdout.join('、')} 都没有输出文件，只有一种格式可以写到标准输出：请在其他 -f 后紧跟 -o <文件>`,
    );
  return targets;
}

/** -f and -o as lists (library callers): format[i] pairs with output[i]. */
function flagsOf(formats: readonly string[], outputs: readonly string[]): OutputFlag[] {
  const flags: OutputFlag[] = [];
  for (let i = 0; i < Math.max(formats.length, outputs.length); i++) {
    if (formats[i] !== undefined) flags.push(['format', formats[i] as string]);
    if (outputs[i] !== undefined) flags.push(['output', outputs[i] as string]);
  }
  return flags;
}

const statOrNull = (file: string): Stats | null => {
  try {
    return statSync(file);
  } catch {
    return null;
  }
};

/** The same file whatever the path (symlinks followed, hard links alike); a new file by its real folder. */
function identity(file: string): string {
  const stat = statOrNull(file);
  if (stat) return `${stat.dev}:${stat.ino}`;
  const dir = path.dirname(path.resolve(file));
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    // The folder does not exist yet: its path is all there is.
  }
  return path.join(real, path.basename(file));
}

/**
 * Refuse, before anything is written, an output that would destroy what the user owns: an
 * input, a pack, the config or the baseline (by dev+ino: symlinks and hard links are the same
 * file), a folder, or a file that another output of the run also writes.
 */
export function refuseOverwrites(files: readonly string[], owned: ReadonlyArray<{ file: string; what: string }>): void {
  const mine = new Map<string, { file: string; what: string }>();
  for (const o of owned) {
    const stat = statOrNull(o.file);
    if (stat?.isFile()) mine.set(`${stat.dev}:${stat.ino}`, o);
  }
  const seen = new Map<string, string>();
  for (const file of files) {
    const stat = statOrNull(file);
    if (stat?.isDirectory()) throw new UsageError(`-o ${file}: 是一个目录，不能用作输出文件`);
    const id = identity(file);
    const own = mine.get(id);
    if (own) throw new UsageError(`-o ${file}: 是${own.what} ${own.file}，不会被覆盖：请换一个输出文件`);
    const other = seen.get(id);
    if (other !== undefined) throw new UsageError(`-o ${file}: 与 -o ${other} 是同一个文件，两个输出会互相覆盖`);
    seen.set(id, file);
  }
}

function number(raw: string | undefined, name: string, min: number, max: number, integer = false): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${name} ${raw}: 应为 ${min}–${max === Infinity ? '∞' : max} 之间的${integer ? '整' : ''}数`);
  }
  return n;
}

/**
 * The folder SARIF and GitHub annotations give paths relative to: --sarif-root, else the
 * repository the run is in (code scanning resolves paths from the repository root, also when
 * fazhi runs in a subfolder), else the current folder.
 */
function sarifRoot(option: string | undefined, cwd = process.cwd()): string {
  if (option !== undefined) {
    const root = path.resolve(cwd, option);
    if (!statOrNull(root)?.isDirectory()) throw new UsageError(`--sarif-root ${option}: 不是目录`);
    return root;
  }
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (statOrNull(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return cwd;
  }
}

/** --sarif-help-uri: a link template (see formatters/sarif.ts helpUri), `none` for no links. */
function helpUriTemplate(option: string | undefined): string | null | undefined {
  if (option === undefined) return undefined;
  if (option === 'none') return null;
  if (!/^https?:\/\//.test(option))
    throw new UsageError(
      `--sarif-help-uri ${option}: 应为 http(s):// 开头的链接模板（可用 {version} {doc} {ruleId} {area}）或 none`,
    );
  return option;
}

/** The config in force (see chooseConfig); a config found upward but not trusted is named on `warn`. */
export function resolveConfig(
  option: string | false | undefined,
  cwd = process.cwd(),
  warn: (line: string) => void = (line) => process.stderr.write(line),
): Config {
  return chooseConfig(option, cwd, warn).config;
}

export async function checkCommand(inputs: string[], options: CheckOptions, io: CliIO): Promise<number> {
  if (inputs.filter((f) => f === '-').length > 1) throw new UsageError('标准输入（-）只能指定一次');
  if (options.updateBaseline && !options.baseline)
    throw new UsageError('--update-baseline 需要与 --baseline <文件> 一起使用');
  const targets = outputTargets(options.outputFlags ?? flagsOf(options.format ?? [], options.output ?? []));
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
  const ciPaths = { cwd: sarifRoot(options.sarifRoot), helpUri: helpUriTemplate(options.sarifHelpUri) };
  const packRefs = [...(options.pack ?? config.packs ?? DEFAULT_PACKS), ...config.extends];
  // Packs and config are loaded and compiled before any report is read: a bad one checks nothing.
  holdNursery();
  const checker = new ReportChecker(loadPackSet(packRefs), config, cliParams);
  // The library's safety policy (run/safety.ts), decided before the baseline or any input is read.
  await packSafety(checker.packs);
  const baseline = options.baseline ? loadBaseline(options.baseline, options.updateBaseline === true, io.stderr) : null;
  // The inputs as the run will see them: what the outputs must not overwrite, and the M of 已检查 N/M.
  const outputFiles = targets.flatMap((t) => (t.file !== null ? [t.file] : []));
  // A folder walk never reads the baseline, nor what fazhi wrote before (inputs.ts isOwnOutput).
  // An -o target that holds anything else stays an input, so refuseOverwrites protects it.
  const exclude = options.baseline ? [options.baseline] : [];
  const expanded = await expandInputs(inputs, { exclude });
  let total = expanded.files.filter((f) => !isIgnored(config, f)).length;
  settleNursery(total);
  refuseOverwrites(outputFiles, [
    ...expanded.files.filter((f) => f !== '-').map((file) => ({ file, what: '输入的报告' })),
    ...checker.packs.packs.map((p) => ({ file: p.file, what: '规则包' })),
    ...(config.file ? [{ file: config.file, what: '配置文件' }] : []),
    ...(options.baseline ? [{ file: options.baseline, what: '基线文件' }] : []),
  ]);
  // Once the run is sure to start: the config the gate obeys, whenever one is (none: with --verbose).
  if (config.file || options.verbose) io.stderr(note);

  const progress = progressBar(io, options);
  const color = io.color ?? false;
  const formatOptions = {
    color,
    verbose: options.verbose === true,
    failOn,
    gate: { failOn, minScore, maxWarnings },
    ...ciPaths,
  };
  // Colour only on the terminal, never in files.
  const optionsFor = (t: OutputTarget) => ({
    ...formatOptions,
    color: t.file ? false : color,
    ...(t.file === null && io.columns !== undefined ? { columns: io.columns } : {}),
    ...(t.file === null && io.isTTY ? { pretty: true } : {}),
  });
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
  // Only a batch has paragraphs shared between towns: one file sends none back.
  const withShared = options.shared !== false && total >= 2;
  const paragraphs: Array<{ file: string; town: string | null; paragraphs: ReportParagraphs }> = [];
  const matched: string[] = [];
  const entries: BaselineEntry[] = [];
  // Interrupted: no temporary file stays, outputs already in place stay whole, the rest never appear.
  let done = 0;
  const interrupted = (signal: NodeJS.Signals) => {
    progress.stop();
    for (const sink of sinks) sink.discard();
    io.stderr(`fazhi: 已中断：已检查 ${done}/${total} 份\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const end = await checkEach(
      inputs,
      checker,
      {
        ...(io.stdin ? { stdin: io.stdin } : {}),
        // Walked once, above (the baseline already excluded): the run checks what was counted.
        expanded,
        maxBytes: Math.round(maxSizeMb * 1024 * 1024),
        ...(maxPages !== undefined ? { maxPages } : {}),
        ...(jobs !== undefined ? { jobs } : {}),
        ...(io.startupMs !== undefined ? { startupMs: io.startupMs } : {}),
        pool: { packs: packRefs, configFile: config.file ? path.resolve(config.file) : null, params: cliParams },
        timeoutMs: Math.round(timeoutSeconds * 1000),
        onProgress: (n, m) => {
          done = n;
          total = m;
          progress(n, m);
        },
        onHead: start,
        render,
        ...(withShared ? { paragraphs: true } : {}),
      },
      (checked) => {
        if (!('rendered' in checked)) return;
        const { summary, texts } = checked.rendered;
        summaries.push(summary);
        if (checked.paragraphs)
          paragraphs.push({ file: summary.file, town: summary.meta.body, paragraphs: checked.paragraphs });
        for (const id of checked.rendered.matched) matched.push(id);
        for (const e of checked.rendered.entries) entries.push(e);
        sinks.forEach((sink, i) => sink.write(texts[i] as string));
      },
    );
    progress.finish(summaries);
    const checkedFiles = summaries.map((s) => s.file);
    const run: RunSummary = {
      ...(head as unknown as RunHead),
      reports: summaries,
      ...end,
      ...(applying && options.baseline
        ? { baseline: baselineSummary(baseline, options.baseline, checkedFiles, matched) }
        : {}),
      // Computed once every report is in (their own output has streamed already).
      ...(withShared && summaries.length >= 2 ? { batch: { shared: sharedTexts(paragraphs) } } : {}),
      exitCode: 0,
    };
    run.exitCode = exitCode(run, formatOptions.gate);
    let writeFailed = false;
    for (const sink of sinks) {
      await sink.finish(run);
      if (sink.error) {
        writeFailed = true;
        io.stderr(`fazhi: ${visible(sink.error.toLine())} [${sink.error.code}]\n`);
      }
    }
    for (const f of run.failures) io.stderr(`fazhi: ${visible(f.file)}: ${visible(f.message)}\n`);
    // Every format went to a file: the log still says whether the gate passed, and why.
    if (!writeFailed && targets.every((t) => t.file !== null))
      io.stdout(`${gateVerdict(run, formatOptions.gate).message}\n`);
    if (options.updateBaseline && options.baseline) {
      writeAtomic(options.baseline, baselineText(baseline ?? [], checkedFiles, entries, options.baseline));
      io.stderr(`fazhi: 已更新基线 ${visible(options.baseline)}\n`);
    }
    return writeFailed ? 2 : run.exitCode;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    progress.stop();
    for (const sink of sinks) sink.discard();
  }
}
