import { Worker } from 'node:worker_threads';
import type { Outcome } from './run.js';

/** What a worker needs to build the same Checker as the main thread. */
export interface PoolSetup {
  packs: string[];
  configFile: string | null;
  params: Record<string, Record<string, string | number | boolean>>;
}

interface Task {
  index: number;
  file: string;
}

/**
 * Check files on worker threads, each with its own compiled packs, and return the
 * outcomes in input order (the order of completion never shows).
 */
export function runInPool(
  files: string[],
  jobs: number,
  setup: PoolSetup,
  maxBytes: number | undefined,
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<Outcome[]> {
  const outcomes = new Array<Outcome>(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (error?: unknown) => {
      for (const w of workers) void w.terminate();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(outcomes);
    };
    const feed = (worker: Worker) => {
      if (next >= files.length) return void worker.postMessage(null);
      const task: Task = { index: next, file: files[next] as string };
      next++;
      worker.postMessage(task);
    };
    for (let i = 0; i < jobs; i++) {
      const worker = new Worker(new URL('./run-worker.js', import.meta.url), { workerData: { setup, maxBytes } });
      workers.push(worker);
      worker.on('message', (msg: { index: number; outcome: Outcome } | { error: string }) => {
        if ('error' in msg) return finish(new Error(msg.error));
        outcomes[msg.index] = msg.outcome;
        done++;
        onProgress?.(done, files.length, files[msg.index] as string);
        if (done === files.length) finish();
        else feed(worker);
      });
      worker.on('error', finish);
      feed(worker);
    }
  });
}
