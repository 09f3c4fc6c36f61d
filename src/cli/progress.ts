import type { SingleBar } from 'cli-progress';
import { totalFailed, type ReportSummary } from '../report/result.js';
import { lazy } from '../shared/lazy.js';
import type { CliIO } from './main.js';

const lazyProgress = lazy<typeof import('cli-progress')>('cli-progress');

export interface Progress {
  (done: number, total: number): void;
  /** Clear the bar (nothing of it stays on screen). */
  stop(): void;
  /** Clear the bar and, when it was on screen, write one summary line in its place. */
  finish(reports: readonly ReportSummary[]): void;
  /** A bar may be shown (a terminal, not CI): the terminal report then waits for the end. */
  shown: boolean;
}

/** The line that replaces the bar: how many reports, their errors and warnings, how long. */
export function progressSummary(reports: readonly ReportSummary[], seconds: number): string {
  const errors = totalFailed([...reports], 'error');
  const warnings = totalFailed([...reports], 'warning');
  return `已检查 ${reports.length} 份报告：${errors} 个错误，${warnings} 个警告，用时 ${seconds.toFixed(1)} 秒\n`;
}

/**
 * A progress bar on stderr for a terminal only: never in CI, in pipes or for one file. It
 * writes through `io.stderr` (the console's encoding, and what tests capture).
 */
export function progressBar(io: CliIO, options: { progress: boolean }): Progress {
  const show = options.progress && io.stderrIsTTY === true && !io.env.CI && (io.env.NO_COLOR ?? '') === '';
  const started = performance.now();
  let bar: SingleBar | null = null;
  let drawn = false;
  const update = (done: number, total: number) => {
    if (!show || total < 2) return;
    if (!bar) {
      const { SingleBar: Bar } = lazyProgress();
      // What cli-progress needs of a stream: a terminal to move the cursor on.
      const stream = {
        isTTY: true,
        columns: io.columns ?? 80,
        write: (text: string) => {
          io.stderr(text);
          return true;
        },
      } as unknown as NodeJS.WritableStream;
      bar = new Bar({
        format: '检查中 [{bar}] {value}/{total} 份报告 {percentage}% 预计剩余 {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        // The line stays narrower than the terminal (it does not wrap, so it clears whole).
        barsize: Math.max(10, Math.min(40, (io.columns ?? 80) - 45)),
        stream,
      });
      bar.start(total, 0);
      drawn = true;
    }
    bar.update(done);
  };
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return Object.assign(update, {
    stop,
    finish: (reports: readonly ReportSummary[]) => {
      stop();
      if (!drawn) return;
      drawn = false;
      io.stderr(progressSummary(reports, (performance.now() - started) / 1000));
    },
    shown: show,
  });
}
