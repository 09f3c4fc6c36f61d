import { parentPort, workerData } from 'node:worker_threads';
import { Checker } from './checker.js';
import { emptyConfig, loadConfig } from './config/load.js';
import { loadPackSet } from './packs/load.js';
import { checkFile } from './run.js';
import type { PoolSetup } from './run-pool.js';
import { compactReport } from './run-transfer.js';

// One worker: build the Checker once (packs compiled once per thread), then check files on request.
const { setup, maxBytes } = workerData as { setup: PoolSetup; maxBytes?: number };
const port = parentPort;
if (port) {
  try {
    const config = setup.configFile ? loadConfig(setup.configFile) : emptyConfig();
    const checker = new Checker(loadPackSet(setup.packs), config, setup.params);
    const rules = new Map(checker.packs.rules.map((r) => [r.id, r]));
    port.on('message', (task: { index: number; file: string }) => {
      checkFile(checker, task.file, maxBytes ? { maxBytes } : {}).then(
        (outcome) => port.postMessage({ index: task.index, outcome: 'report' in outcome ? { compact: compactReport(outcome.report, rules) } : outcome }),
        (e: unknown) => port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      );
    });
    port.postMessage({ ready: true });
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
}
