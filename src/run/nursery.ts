import v8 from 'node:v8';

/**
 * A large batch keeps V8's young generation at the size start-up left it (4 MB: two 2 MB
 * semi-spaces), on every thread. The main thread keeps every report's summary and paragraphs to
 * the end, so much of what it allocates survives a scavenge, and V8 answers survival by doubling
 * the nursery up to 16 MB semi-spaces: 28 MB more RSS a thread, and at 10,000 reports on two
 * threads no faster. V8 fixes the nursery's limit when an isolate starts; what a running process
 * can change is whether it grows (a process-wide flag).
 * - Held from the first instant instead (1 MB semi-spaces: the flag set before the bundle loads),
 *   one-thread runs were a tenth slower.
 * - Each isolate's start sets the flag back to V8's default (its heap set-up insists on growth),
 *   so a worker holds it again once it has started (worker.ts), and the main thread's nursery
 *   with it.
 * - A flag is part of a code cache's key. The CLI's cache was checked when its bundle loaded and
 *   a worker's when it started, before either holds; a single report (any batch under
 *   HOLD_FROM_FILES) puts the flag back before it is checked (the build's training check writes
 *   the CLI's cache: scripts/bundle.mjs).
 * - Held, a small batch pays in time what it saves in memory: 1,000 reports on one thread made
 *   384 scavenges (270–360 ms of pauses) in a 2 MB nursery, against 76 (185–195 ms) let grow,
 *   for 90 → 120 MB of RSS. So a batch holds it from HOLD_FROM_FILES files, where what the main
 *   thread keeps makes memory the limit (settleNursery).
 * Measured on two cores, alternating runs: README §Performance.
 */
let held = false;

const grows = (yes: boolean) => v8.setFlagsFromString(`--semi-space-growth-factor=${yes ? 2 : 1}`);

/** Hold the nursery (from a command's start: 10,000 files listed and the packs compiled grew it to 32 MB). */
export function holdNursery(): void {
  held = true;
  grows(false);
}

/** Let it grow as V8 would (a batch too small to hold memory for). */
export function releaseNursery(): void {
  held = false;
  grows(true);
}

/** From this many files a batch holds its nursery; a smaller one lets it grow (1,999 reports: 167 MB). */
export const HOLD_FROM_FILES = 2000;

/** Once a command knows how many files it checks (the nursery was held from its start). */
export function settleNursery(files: number): void {
  if (files < HOLD_FROM_FILES) releaseNursery();
}

/** Whether this process holds it: workers started now hold it again (pool.ts). */
export function nurseryHeld(): boolean {
  return held;
}
