import os from 'node:os';
import { ReportChecker } from '../report/checker.js';
import { isIgnored } from '../config/settings.js';
import type { RuleSet } from '../engine/compile.js';
import { FazhiError, inputErrorCode, UsageError } from '../shared/errors.js';
import { readInput } from '../ingest/index.js';
import { checkDeadline } from '../ingest/limits.js';
import { expandInputs, type ExpandedInputs } from '../ingest/inputs.js';
import { ruleInfo } from '../report/rule-info.js';
import type { PackSet } from '../packs/model.js';
import { isBuiltinPackFile } from '../packs/load.js';
import { createRenderer, type Rendered, type RenderSetup } from './render.js';
import type { InputFailure, ReportResult, RuleInfo, RunHead, RunResult } from '../report/result.js';
import type { PoolSetup } from './pool.js';
import { packSafety, poolSetupOf } from './safety.js';
import { reportParagraphs, sharedTexts, type ReportParagraphs } from '../compare/shared.js';

import { TOOL_VERSION } from '../shared/paths.js';

export { TOOL_VERSION };

export interface RunOptions {
  stdin?: NodeJS.ReadableStream;
  /** Files a folder walk or glob leaves out (the run's baseline). */
  exclude?: readonly string[];
  /**
   * The inputs as the caller already expanded them (`inputs` and `exclude` are then not walked
   * again): what the run checks is exactly what the caller counted and protected from overwriting.
   */
  expanded?: ExpandedInputs;
  /** Refuse inputs larger than this (bytes); a PDF's streams may inflate to 4 times it. */
  maxBytes?: number;
  /** Refuse PDFs with more pages (default 300). */
  maxPages?: number;
  /** Worker threads for many files (default: one per core; 1 = in this thread). */
  jobs?: number;
  /**
   * How to rebuild the same checker in a worker thread (pack refs, config file, params).
   * Default: the checker's own pack files, config file and params.
   */
  pool?: PoolSetup;
  /**
   * Per-report time budget (default 30 s). In a worker thread a check past it is ended; in this
   * thread the clock is read between stages (and between PDF pages) and the report fails.
   */
  timeoutMs?: number;
  /**
   * Always check in worker threads. Packs whose regexes were not analysed at build time are
   * always isolated, whatever this says (see safety.ts).
   */
  isolate?: boolean;
  /** Called after each file, in completion order. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Render each report where it is checked (outputs' text, summary) instead of handing it over whole. */
  render?: RenderSetup;
  /**
   * How long this thread checks alone before worker threads join (default 250 ms): a worker
   * costs a few hundred milliseconds to start and warm up, more than a short run lasts.
   */
  workerDelayMs?: number;
  /**
   * How long this process took to start, up to the CLI's main function (bin/fazhi.js measures
   * it): a slow start means a slow machine now, and raises the bar for workers (run/pool.ts).
   */
  startupMs?: number;
  /** Called once the inputs are expanded, before any report is checked, with the head of every output. */
  onHead?: (head: RunHead) => void | Promise<void>;
  /**
   * Send each report's comparable paragraphs, signed, with it (for the batch's shared paragraphs,
   * compare/shared.ts): a few kilobytes a report, computed where it was checked.
   */
  paragraphs?: boolean;
  /** checkAll: list the paragraphs 2+ reports share as the run's `batch` (default on; false: off). */
  shared?: boolean;
}

const WORKER_DELAY_MS = 250;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A checked report: whole, or already rendered for the outputs (RunOptions.render). */
export type Checked = ({ report: ReportResult } | { rendered: Rendered }) & {
  /** Its comparable paragraphs (RunOptions.paragraphs). */
  paragraphs?: ReportParagraphs;
};
export type Outcome = Checked | { failure: InputFailure };

/** Read and check one file; an unreadable file becomes a failure, never an exception. */
export async function readAndCheck(
  checker: ReportChecker,
  file: string,
  options: Pick<RunOptions, 'stdin' | 'maxBytes' | 'maxPages' | 'timeoutMs' | 'paragraphs'>,
): Promise<Outcome> {
  // The clock starts with the file: reading it counts (a PDF may take longest to read).
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clock = { deadline: performance.now() + timeoutMs, timeoutMs };
  try {
    const source = await readInput(file, {
      ...(options.stdin ? { stdin: options.stdin } : {}),
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
      ...(options.maxPages ? { maxPages: options.maxPages } : {}),
      clock,
    });
    checkDeadline(clock, source.file);
    // A stage cannot be interrupted in this thread: the clock is read between stages, and a
    // report that overran still fails, as it would in a worker thread.
    const { document, result: report } = await checker.analyse(source, () => checkDeadline(clock, source.file));
    checkDeadline(clock, source.file);
    return options.paragraphs ? { report, paragraphs: reportParagraphs(document, checker.packs) } : { report };
  } catch (e) {
    if (!(e instanceof FazhiError)) throw e;
    return { failure: { file: e.file ?? file, message: e.message, code: inputErrorCode(e) } };
  }
}

/**
 * What every output can be started with before any report is read. Its rules are those on for
 * at least one of `files` (without files: for a file no override matches), in pack order, each
 * with its severity for the first of them it is on for; each finding carries its own file's.
 */
export function runHead(checker: ReportChecker, files: readonly string[] = []): RunHead {
  const { packs } = checker;
  const severity = new Map<string, RuleInfo['severity']>();
  const seen = new Set<PackSet['rules']>();
  for (const file of files.length > 0 ? files : ['']) {
    const rules = checker.rulesFor(file);
    if (seen.has(rules)) continue;
    seen.add(rules);
    for (const rule of rules) if (!severity.has(rule.id)) severity.set(rule.id, rule.severity);
  }
  return {
    tool: { name: 'fazhi', version: TOOL_VERSION },
    packs: packs.packs.map((p) => ({ id: p.id, version: p.version })),
    areas: [...packs.areas.values()].map((a) => ({ id: a.id, title: a.title, weight: a.weight })),
    rules: packs.rules
      .filter((rule) => severity.has(rule.id))
      .map((rule) => ruleInfo(rule, severity.get(rule.id) as RuleInfo['severity'], isBuiltinPackFile(rule.file))),
  };
}

/** The end of a streamed run: what was not a report. */
export interface RunEnd {
  failures: InputFailure[];
  skipped: string[];
}

/**
 * Check every input, handing each report to `onChecked` in input order as soon as it and every
 * report before it are done (parallelism never shows in the order). An unreadable input
 * becomes a failure and never stops the others. Reports are not kept: the caller decides.
 */
export async function checkEach(
  inputs: string[],
  checker: ReportChecker,
  options: RunOptions,
  onChecked: (checked: Checked) => void,
): Promise<RunEnd> {
  const expanded = options.expanded ?? (await expandInputs(inputs, { exclude: options.exclude ?? [] }));
  const files = expanded.files.filter((f) => !isIgnored(checker.config, f));
  const skipped = [...expanded.skipped, ...expanded.files.filter((f) => isIgnored(checker.config, f))];
  const failures: InputFailure[] = expanded.empty.map((input) => ({
    file: input,
    message: '没有找到可检查的报告文件（支持 .txt .md .docx .pdf .html）',
    code: 'input-no-reports',
  }));

  // Outcomes that arrive early wait here until every one before them is in.
  const waiting = new Map<number, Outcome>();
  let emitted = 0;
  const arrive = (index: number, outcome: Outcome) => {
    waiting.set(index, outcome);
    for (let o = waiting.get(emitted); o !== undefined; o = waiting.get(emitted)) {
      waiting.delete(emitted++);
      if ('failure' in o) failures.push(o.failure);
      else onChecked(o);
    }
  };
  // Safety first: a pack with a catastrophic regex refuses the run before anything is read.
  const isolate = options.isolate === true || (await packSafety(checker.packs)).isolate;
  const head = runHead(checker, files);
  await options.onHead?.(head);
  const renderer = options.render ? await createRenderer(options.render, head) : null;
  const checkHere = async (file: string, index: number): Promise<Outcome> => {
    const outcome = await readAndCheck(checker, file, options);
    if (!renderer || !('report' in outcome)) return outcome;
    const rendered = renderer(outcome.report, index);
    return outcome.paragraphs ? { rendered, paragraphs: outcome.paragraphs } : { rendered };
  };

  const cores = os.availableParallelism();
  const jobs = Math.max(1, Math.min(options.jobs ?? cores, files.length));
  const pool = options.pool ?? poolSetupOf(checker);
  if (isolate && !pool && files.length > 0)
    throw new UsageError('规则包不是磁盘上的文件，无法在工作线程中隔离检查（未经构建时分析的规则包必须隔离）');
  // A short run never starts a worker: they join only after this thread's head start.
  if (pool && files.length > 0 && (jobs > 1 || isolate) && !files.includes('-')) {
    // Loaded here: a one-file run needs neither the pool nor worker_threads.
    const { checkInPool } = await import('./pool.js');
    await checkInPool(
      files,
      {
        jobs,
        ...(options.startupMs !== undefined ? { startupMs: options.startupMs } : {}),
        setup: pool,
        head,
        ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
        ...(options.maxPages ? { maxPages: options.maxPages } : {}),
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        rules: new Map(checker.packs.rules.map((r) => [r.id, r])),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.render ? { render: options.render } : {}),
        ...(options.paragraphs ? { paragraphs: true } : {}),
        ...(isolate ? {} : { local: checkHere, workerDelayMs: options.workerDelayMs ?? WORKER_DELAY_MS }),
      },
      arrive,
    );
  } else {
    for (const [index, file] of files.entries()) {
      arrive(index, await checkHere(file, index));
      options.onProgress?.(index + 1, files.length, file);
      // Let signals (and stdout's drain) in: a check here settles in microtasks and would starve them.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { failures, skipped };
}

const NO_PARAGRAPHS: ReportParagraphs = { lines: [], texts: [], sigs: new Uint32Array(0) };

/**
 * Check every input and keep every report (tests, library users; the CLI streams with
 * checkEach). The same safety policy and worker threads as the CLI's.
 */
export async function checkAll(
  inputs: string[],
  target: RuleSet | ReportChecker,
  options: RunOptions = {},
): Promise<RunResult> {
  const checker = target instanceof ReportChecker ? target : new ReportChecker(target);
  const reports: ReportResult[] = [];
  const paragraphs: ReportParagraphs[] = [];
  const { render: _render, ...whole } = options;
  const shared = options.shared !== false;
  let head: RunHead | null = null;
  const end = await checkEach(
    inputs,
    checker,
    { ...whole, paragraphs: shared, onHead: (h) => ((head = h), options.onHead?.(h)) },
    (c) => {
      if (!('report' in c)) return;
      reports.push(c.report);
      paragraphs.push(c.paragraphs ?? NO_PARAGRAPHS);
    },
  );
  const batch =
    shared && reports.length >= 2
      ? {
          batch: {
            shared: sharedTexts(
              reports.map((r, i) => ({ file: r.file, town: r.meta.body, paragraphs: paragraphs[i] ?? NO_PARAGRAPHS })),
            ),
          },
        }
      : {};
  return { ...(head as unknown as RunHead), reports, ...end, ...batch };
}

/** The former name of checkAll, kept for library users. */
export const runCheck = checkAll;
