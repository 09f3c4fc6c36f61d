import { Worker } from 'node:worker_threads';
import type { PackRule } from '../packs/model.js';
import type { Outcome } from './batch.js';
import type { RenderSetup } from './render.js';
import { shareSummaryStrings, type RunHead } from '../report/result.js';
import { expandReport, type CompactReport } from './transfer.js';
import type { ReportParagraphs } from '../compare/shared.js';
import { newLegacyProfile } from '../ingest/convert.js';
import { nurseryHeld } from './nursery.js';

/** What a worker needs to build the same ReportChecker as the main thread. */
export interface PoolSetup {
  packs: string[];
  configFile: string | null;
  params: Record<string, Record<string, string | number | boolean>>;
}

export interface PoolOptions {
  jobs: number;
  setup: PoolSetup;
  /** The run's head, as the main thread settled it: workers render with the same rule list. */
  head: RunHead;
  maxBytes?: number;
  maxPages?: number;
  /** Per-report budget: a check running longer is ended (its worker terminated) and reported. */
  timeoutMs: number;
  /** The main thread's rules, whose shared strings are re-attached to arriving reports. */
  rules: Map<string, PackRule>;
  onProgress?: (done: number, total: number, file: string) => void;
  /**
   * Check files on this thread too, as one of the `jobs` (packs whose regexes were analysed,
   * so no runaway needs a thread to stop it): one isolate fewer in memory, no core left idle.
   */
  local?: (file: string, index: number) => Promise<Outcome>;
  /**
   * With `local`: workers are considered only after this long, and start only if the files
   * left are worth it (workersPayOff; 0: start at once).
   */
  workerDelayMs?: number;
  /** How long the process took to start (RunOptions.startupMs): how slow the machine is now. */
  startupMs?: number;
  /** Workers render each report for the outputs (see render.ts) instead of sending it whole. */
  render?: RenderSetup;
  /** Workers send each report's comparable paragraphs with it (RunOptions.paragraphs). */
  paragraphs?: boolean;
}

/**
 * A worker's young generation (two semi-spaces and as much for large objects: 12 MB is 4 MB
 * semi-spaces, against V8's 16 MB). A worker checks one report at a time, and what outlives a
 * report goes to the main thread, so a small nursery promotes little more; it saved 24 MB of a
 * 10,000-report run's peak, in the same time.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

interface Slot {
  worker: Worker;
  /** Tasks sent, oldest first: the worker runs them one at a time, in this order. */
  tasks: number[];
  timer: NodeJS.Timeout | null;
  /** Packs compiled: the time budget starts with the first task sent after this. */
  ready: boolean;
}

/**
 * Tasks per worker in flight: the next files are already queued when one finishes, so no
 * worker waits on the main thread, which hands out work only between its own checks and
 * garbage collections (with 3, a worker sat idle 4 % of a 10,000-report run; with 8, 0.3 %).
 */
const IN_FLIGHT = 8;

/**
 * Workers join a run whose files left would keep this thread busy for more than this at the head
 * start's pace. That pace is cold (three to five times a warm check's), and a run on one thread
 * keeps more than a core busy (V8 compiles and collects garbage beside it), so on two cores a
 * worker, starting cold and compiling everything again, has only the rest of the second core.
 * Measured on two cores, `-f json`, a worker from the head start against none, alternating
 * (2026-12-07, once bin/load-cli.js and mapPacked had halved the compiling):
 * - plain-text diverse reports (head-start pace 2–5 ms a report): 1,000 broke even (0.99, 10
 *   pairs; 0.92 in 5), 1,500 took 0.97 of the time, 2,000 0.93 (8 pairs), 3,000 0.83 (4 pairs);
 *   1,000 template copies broke even (1.01);
 * - 40 PDFs (no check done in the head start, so at least a quarter second each): 0.92.
 * The pace of the head start's checks varies (2,000 text reports estimated 4–10 s in five runs),
 * so the bar sits below the 2,000 reports' estimate: 1,000 text reports (2–5 s) mostly stay alone,
 * 2,000 and more, 40 PDFs (10 s) and 1,000 Word files (pace 19–34 ms) get a worker. With more
 * cores a worker has a core of its own and pays at least as soon (not measured here). Before
 * that a worker broke even only at 2,000–3,000 text reports, at a pace of 8–11 ms: the two-core
 * bar was 15 s.
 */
const WORTH_A_WORKER_MS = 5_000;

/**
 * How long the CLI takes to reach its main function on this machine when it is quiet (Node's own
 * start and loading the bundle; `node -e 0` then takes 63 ms): the bar above was measured so.
 */
const QUIET_STARTUP_MS = 80;
/** The most a slow start raises the bar by. */
const MAX_SLOWDOWN = 3;

/**
 * How much slower than when the bar was measured this process started (1 when not known or
 * faster). On a slower machine, or in this VM's slow phases, a worker's own start and warm-up
 * take as much longer as the checks do, so the bar rises with them: else a run twice as slow
 * would get a worker that costs it more than it saves (1,000 text reports: 5.4 s with one,
 * against 4.2–4.7 s without, in a phase where `node -e 0` took 130 ms).
 */
export function slowdownOf(startupMs: number | undefined): number {
  return startupMs === undefined ? 1 : Math.min(MAX_SLOWDOWN, Math.max(1, startupMs / QUIET_STARTUP_MS));
}

/** The last this many local checks' times estimate what the files left will take. */
const RECENT_CHECKS = 16;

/**
 * Whether workers should join, from the median pace of this thread's recent checks (when none
 * finished in the head start, a check takes at least the head start), the files left and how
 * slow the machine is now (slowdownOf).
 */
export function workersPayOff(
  recentMs: readonly number[],
  filesLeft: number,
  headStartMs: number,
  slowdown = 1,
): boolean {
  const typical =
    recentMs.length === 0 ? headStartMs : ([...recentMs].sort((a, b) => a - b)[recentMs.length >> 1] as number);
  return typical * filesLeft > WORTH_A_WORKER_MS * slowdown;
}

/**
 * Files taken at most this far past the oldest unfinished one: results wait for their turn
 * (input order), so a slow file must not let thousands of finished ones pile up in memory.
 */
const WINDOW = 256;

/**
 * Check files on worker threads, each with its own compiled packs, handing each outcome over
 * as it completes (the caller restores input order). A report that exceeds the time budget
 * (a runaway regex cannot be interrupted inside a thread) costs its worker: the worker is
 * terminated, the file reported, its queued files handed to a fresh worker.
 */
export function checkInPool(
  files: string[],
  options: PoolOptions,
  onOutcome: (index: number, outcome: Outcome) => void,
): Promise<void> {
  const retry: number[] = [];
  let next = 0;
  let done = 0;
  const finishedFiles = new Uint8Array(files.length);
  let oldest = 0;
  /** Wakes this thread's own loop when it waited for the window to move. */
  let wake: (() => void) | null = null;
  const canTake = () => retry.length > 0 || (next < files.length && next < oldest + WINDOW);
  const take = () => (retry.length > 0 ? (retry.shift() as number) : next++);
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  return new Promise((resolve, reject) => {
    const slots = new Set<Slot>();
    let finished = false;
    let delayed: NodeJS.Timeout | null = null;
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      if (delayed) clearTimeout(delayed);
      for (const slot of slots) {
        if (slot.timer) clearTimeout(slot.timer);
        void slot.worker.terminate();
      }
      if (error) reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
      else resolve();
    };
    const record = (index: number, outcome: Outcome) => {
      done++;
      finishedFiles[index] = 1;
      while (oldest < files.length && finishedFiles[oldest] === 1) oldest++;
      try {
        onOutcome(index, outcome);
      } catch (e) {
        return finish(e);
      }
      options.onProgress?.(done, files.length, files[index] as string);
      if (done === files.length) return finish();
      // The window may have moved: top up every worker, and this thread if it waits.
      for (const slot of slots) feed(slot);
      wake?.();
    };
    // The budget runs for the task the worker is on: the oldest one sent.
    const arm = (slot: Slot) => {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      const index = slot.tasks[0];
      if (index === undefined) return;
      slot.timer = setTimeout(() => {
        // Runaway check: end this worker, report the file, give its queue to a new worker.
        slots.delete(slot);
        void slot.worker.terminate();
        retry.push(...slot.tasks.slice(1));
        record(index, {
          failure: {
            file: files[index] as string,
            message: `检查超时（超过 ${seconds} 秒），已中止；可能是规则包中的正则表达式过于复杂（可用 --timeout 调整）`,
            code: 'input-timeout',
          },
        });
        if (!finished) start();
      }, options.timeoutMs);
    };
    const feed = (slot: Slot) => {
      if (!slot.ready) return;
      while (!finished && slot.tasks.length < IN_FLIGHT && canTake()) {
        const index = take();
        slot.tasks.push(index);
        slot.worker.postMessage({ index, file: files[index] });
      }
    };
    const start = () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
        workerData: {
          legacyProfile: newLegacyProfile(),
          setup: options.setup,
          head: options.head,
          maxBytes: options.maxBytes,
          maxPages: options.maxPages,
          timeoutMs: options.timeoutMs,
          render: options.render,
          paragraphs: options.paragraphs === true,
          holdNursery: nurseryHeld(),
        },
      });
      const slot: Slot = { worker, tasks: [], timer: null, ready: false };
      slots.add(slot);
      worker.on(
        'message',
        (
          msg:
            | {
                index: number;
                outcome:
                  Exclude<Outcome, { report: unknown }> | { compact: CompactReport; paragraphs?: ReportParagraphs };
              }
            | { error: string }
            | { ready: true },
        ) => {
          if (!slots.has(slot)) return; // ended for a timeout: its late messages are stale
          if ('error' in msg) return finish(new Error(msg.error));
          // The budget starts once the worker has its packs compiled, not while it loads.
          if ('ready' in msg) {
            slot.ready = true;
            feed(slot);
            return arm(slot);
          }
          slot.tasks = slot.tasks.filter((t) => t !== msg.index);
          feed(slot);
          arm(slot);
          const { outcome } = msg;
          const paragraphs = 'failure' in outcome || !outcome.paragraphs ? {} : { paragraphs: outcome.paragraphs };
          if ('compact' in outcome)
            record(msg.index, { report: expandReport(outcome.compact, options.rules), ...paragraphs });
          else if ('rendered' in outcome)
            record(msg.index, {
              rendered: { ...outcome.rendered, summary: shareSummaryStrings(outcome.rendered.summary) },
              ...paragraphs,
            });
          else record(msg.index, outcome);
        },
      );
      worker.on('error', (e) => {
        if (slots.has(slot)) finish(e);
      });
    };
    const local = options.local;
    const workers = Math.min(options.jobs, files.length) - (local ? 1 : 0);
    const startWorkers = () => {
      if (!finished && (retry.length > 0 || next < files.length)) for (let i = 0; i < workers; i++) start();
    };
    // This thread's own recent check times: at the head start's end they tell whether the
    // files left are worth a worker.
    const recent: number[] = [];
    // This thread starts at once; workers join a run that turns out to be long.
    const delay = options.workerDelayMs ?? 0;
    if (local && delay > 0) {
      delayed = setTimeout(() => {
        delayed = null;
        const filesLeft = files.length - next + retry.length;
        if (workersPayOff(recent, filesLeft, delay, slowdownOf(options.startupMs))) startWorkers();
      }, delay);
    } else startWorkers();
    if (local) {
      void (async () => {
        while (!finished && (retry.length > 0 || next < files.length)) {
          if (!canTake()) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            continue;
          }
          const index = take();
          const started = performance.now();
          const outcome = await local(files[index] as string, index);
          if (recent.push(performance.now() - started) > RECENT_CHECKS) recent.shift();
          record(index, outcome);
          // Let the workers' messages in: a check here settles in microtasks and would starve them.
          await new Promise((resolve) => setImmediate(resolve));
        }
      })().catch(finish);
    }
  });
}
