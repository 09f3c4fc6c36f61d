import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { ReportChecker } from '../report/checker.js';
import { emptyConfig, loadConfig } from '../config/load.js';
import { loadPackSet } from '../packs/load.js';
import { createRenderer, type RenderSetup } from './render.js';
import { readAndCheck, type Outcome } from './batch.js';
import type { RunHead } from '../report/result.js';
import type { PoolSetup } from './pool.js';
import { compactReport } from './transfer.js';
import { useLegacyProfile } from '../ingest/convert.js';
import { holdNursery } from './nursery.js';

// One worker: build the checker once (packs compiled once per thread), then check files on request.
const {
  setup,
  head,
  maxBytes,
  maxPages,
  timeoutMs,
  render,
  paragraphs,
  legacyProfile,
  holdNursery: hold,
} = workerData as {
  setup: PoolSetup;
  legacyProfile: string;
  head: RunHead;
  maxBytes?: number;
  maxPages?: number;
  timeoutMs?: number;
  render?: RenderSetup;
  paragraphs?: boolean;
  holdNursery?: boolean;
};
// The pool ends a check that overruns; the worker's own clock lets a PDF give up between pages first.
const limits = {
  ...(maxBytes ? { maxBytes } : {}),
  ...(maxPages ? { maxPages } : {}),
  ...(timeoutMs ? { timeoutMs } : {}),
  ...(paragraphs ? { paragraphs } : {}),
};
const port = parentPort;
useLegacyProfile(legacyProfile);

async function start(port: MessagePort): Promise<void> {
  const config = setup.configFile ? loadConfig(setup.configFile) : emptyConfig();
  const checker = new ReportChecker(loadPackSet(setup.packs), config, setup.params);
  const rules = new Map(checker.packs.rules.map((r) => [r.id, r]));
  // Rendered here, a report crosses back as a few strings and a summary, not as an object graph.
  const renderer = render ? await createRenderer(render, head) : null;
  const reply = (index: number, outcome: Outcome) => {
    if ('report' in outcome) {
      // The paragraphs' texts and signatures only: a few kilobytes beside the rendered text.
      const extra = outcome.paragraphs ? { paragraphs: outcome.paragraphs } : {};
      port.postMessage({
        index,
        outcome: renderer
          ? { rendered: renderer(outcome.report, index), ...extra }
          : { compact: compactReport(outcome.report, rules), ...extra },
      });
    } else port.postMessage({ index, outcome });
  };
  port.on('message', (task: { index: number; file: string }) => {
    // Not a task: a word for the bundle's loader (its code cache, scripts/bundle.mjs).
    if (typeof task.file !== 'string') return;
    readAndCheck(checker, task.file, limits).then(
      (outcome) => reply(task.index, outcome),
      (e: unknown) => port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    );
  });
  // Started, and its cache checked: hold the process's nurseries again, this one's start undid it.
  if (hold) holdNursery();
  port.postMessage({ ready: true });
}

if (port) start(port).catch((e: unknown) => port.postMessage({ error: e instanceof Error ? e.message : String(e) }));
