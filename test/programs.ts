import { spawnSync } from 'node:child_process';
import type { TestContext } from 'vitest';

/**
 * The first of these programs that runs here (`--version` exits 0), or null. FAZHI_TEST_HIDE
 * (comma-separated names) hides some, to see what a machine without them does.
 */
export function findProgram(...names: string[]): string | null {
  const hidden = new Set((process.env.FAZHI_TEST_HIDE ?? '').split(','));
  for (const name of names) {
    if (hidden.has(name)) continue;
    const probe = spawnSync(name, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (!probe.error && probe.status === 0) return name;
  }
  return null;
}

/**
 * A test that needs a program the project installs in CI (.ci/run): without it, skipped with the
 * reason on stderr, loudly; in CI (CI=true) a failure, since there it must be installed.
 */
export function needProgram(
  ctx: TestContext,
  program: string | null,
  what: string,
  install: string,
): program is string {
  if (program !== null) return true;
  const reason = `${what} is not installed (${install}); .ci/run installs it`;
  if (process.env.CI === 'true') throw new Error(`CI: ${reason}`);
  console.warn(`\n*** SKIPPED: ${ctx.task.name}: ${reason} ***\n`);
  ctx.skip(reason);
  return false;
}
