import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest's global setup: the whole run gets one temporary folder of its own (TMPDIR, which the
 * test workers, the CLI runs they spawn, LibreOffice and Chromium inherit), removed at the end,
 * so that a test that makes a folder and does not remove it leaves nothing behind.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
