import { Worker } from 'node:worker_threads';
import type { PackRule } from './packs/model.js';
import type { Outcome } from './run.js';
import { expandReport, type CompactReport } from './run-transfer.js';

/** What a worker needs to build the same Checker as the main thread. */
export interface PoolSetup {
  packs: string[];
  configFile: string | null;
  params: Record<string, Record<string, string | number | boolean>>;
}

export interface PoolOptions {
  jobs: number;
  setup: PoolSetup;
  maxBytes?: number;
  /** Per-report budget: a check running longer is ended (its worker terminated) and reported. */
  timeoutMs: number;
  /** The main thread's rules, whose shared strings are re-attached to arriving reports. */
  rules: Map<string, PackRule>;
  onProgress?: (done: number, total: number, file: string) => void;
}

interface Slot {
  worker: Worker;
  task: number | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Check files on worker threads, each with its own compiled packs, and return the outcomes
 * in input order (the order of completion never shows). A report that exceeds the time
 * budget (a runaway regex cannot be interrupted inside a thread) costs its worker: the
 * worker is terminated, the file reported, and a fresh worker takes over.
 */
export function runInPool(files: string[], options: PoolOptions): Promise<Outcome[]> {
  const outcomes = new Array<Outcome>(files.length);
  let next = 0;
  let done = 0;
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  return new Promise((resolve, reject) => {
    const slots = new Set<Slot>();
    let finished = false;
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      for (const slot of slots) {
        if (slot.timer) clearTimeout(slot.timer);
        void slot.worker.terminate();
      }
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(outcomes);
    };
    const record = (index: number, outcome: Outcome) => {
      outcomes[index] = outcome;
      done++;
      options.onProgress?.(done, files.length, files[index] as string);
      if (done === files.length) finish();
    };
    const feed = (slot: Slot) => {
      if (finished) return;
      if (next >= files.length) {
        slot.task = null;
        return;
      }
      const index = next++;
      slot.task = index;
      slot.timer = setTimeout(() => {
        // Runaway check: end this worker, report the file, carry on with a new worker.
        slots.delete(slot);
        void slot.worker.terminate();
        record(index, { failure: { file: files[index] as string, message: `检查超时（超过 ${seconds} 秒），已中止；可能是规则包中的正则表达式过于复杂（可用 --timeout 调整）` } });
        if (!finished) start();
      }, options.timeoutMs);
      slot.worker.postMessage({ index, file: files[index] });
    };
    const start = () => {
      const worker = new Worker(new URL('./run-worker.js', import.meta.url), { workerData: { setup: options.setup, maxBytes: options.maxBytes } });
      const slot: Slot = { worker, task: null, timer: null };
      slots.add(slot);
      worker.on('message', (msg: { index: number; outcome: Exclude<Outcome, { report: unknown }> | { compact: CompactReport } } | { error: string } | { ready: true }) => {
        if ('error' in msg) return finish(new Error(msg.error));
        // The budget starts once the worker has its packs compiled, not while it loads.
        if ('ready' in msg) return feed(slot);
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
        record(msg.index, 'compact' in msg.outcome ? { report: expandReport(msg.outcome.compact, options.rules) } : msg.outcome);
        feed(slot);
      });
      worker.on('error', (e) => {
        if (slots.has(slot)) finish(e);
      });
    };
    for (let i = 0; i < Math.min(options.jobs, files.length); i++) start();
  });
}
