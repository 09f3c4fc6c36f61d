/**
 * Issue 16: on a terminal, the progress bar of a run over several files is cleared when the
 * run ends, and one summary line takes its place on stderr; a pipe, a file or CI gets neither.
 */
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/cli/main.js';
import { progressSummary } from '../src/cli/progress.js';

const FILES = ['reports/draft-low-mediation.txt', 'reports/gurtu-2024.txt', 'reports/taojia-2025.txt'];
const ARGS = ['--no-config', '--jobs', '1', '--fail-on', 'never'];

async function run(args: string[], io: Partial<CliIO>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    isTTY: false,
    ...io,
  });
  return { code, stdout, stderr };
}

/**
 * What a terminal shows after `text`: the few controls cli-progress writes (column 1, clear to
 * the right or the whole line, save and restore the cursor, cursor and wrap modes).
 */
function screen(text: string): string[] {
  const rows: string[][] = [[]];
  let row = 0;
  let col = 0;
  let saved = { row: 0, col: 0 };
  const tokens = text.match(/\u001b\[\?\d+[hl]|\u001b\[\d*[GK]|\u001b[78]|\n|[^\u001b\n]/gu) ?? [];
  expect(tokens.join('')).toBe(text);
  for (const t of tokens) {
    const line = (rows[row] ??= []);
    if (t === '\n') {
      row++;
      col = 0;
    } else if (t === '\u001b7') saved = { row, col };
    else if (t === '\u001b8') ({ row, col } = saved);
    else if (/^\u001b\[\d*G$/.test(t)) col = Number(t.slice(2, -1) || '1') - 1;
    else if (t === '\u001b[0K' || t === '\u001b[K') line.length = Math.min(line.length, col);
    else if (t === '\u001b[2K') line.length = 0;
    else if (t.startsWith('\u001b[?')) continue;
    else line[col++] = t;
  }
  return rows.map((r) => Array.from(r, (c) => c ?? ' ').join(''));
}

describe('the progress summary', () => {
  it('on a terminal: the bar is drawn, cleared, and one summary line is left in its place', async () => {
    const tty = await run(['check', ...FILES, ...ARGS], { stderrIsTTY: true, columns: 100 });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('检查中 [');
    // The counts are the run's own (the JSON summary of the same files).
    const json = await run(['check', ...FILES, ...ARGS, '-f', 'json'], {});
    const { summary } = JSON.parse(json.stdout) as { summary: { errors: number; warnings: number } };
    const line = `已检查 3 份报告：${summary.errors} 个错误，${summary.warnings} 个警告，用时 `;
    // After the last clear of the line, only the summary.
    const after = tty.stderr.slice(tty.stderr.lastIndexOf('\u001b[2K') + '\u001b[2K'.length);
    expect(after.startsWith(line)).toBe(true);
    expect(after).toMatch(/^[^\n\u001b]*用时 \d+\.\d 秒\n$/);
    // Nothing of the bar is left on the screen.
    expect(screen(tty.stderr).filter((l) => l.trim() !== '')).toEqual([after.slice(0, -1)]);
    // The report itself is the same as without the bar.
    const plain = await run(['check', ...FILES, ...ARGS], { columns: 100 });
    expect(tty.stdout).toBe(plain.stdout);
  });

  it.each([
    ['stderr is a pipe', { stderrIsTTY: false }, {}],
    ['in CI', { stderrIsTTY: true }, { CI: 'true' }],
    ['with --no-progress', { stderrIsTTY: true }, {}],
  ])('%s: neither bar nor summary', async (name, io, env) => {
    const extra = name === 'with --no-progress' ? ['--no-progress'] : [];
    const r = await run(['check', ...FILES, ...ARGS, ...extra], { ...io, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('排名');
    expect(r.stderr).toBe('');
  });

  it('one file has no bar, so no summary', async () => {
    const r = await run(['check', FILES[0] as string, ...ARGS], { stderrIsTTY: true });
    expect(r.stderr).toBe('');
  });

  it('counts errors and warnings over the reports, seconds to one decimal', () => {
    const report = (error: number, warning: number) => ({ failed: { error, warning, info: 7 } }) as never;
    expect(progressSummary([report(1, 2), report(0, 3), report(2, 0)], 3.44)).toBe(
      '已检查 3 份报告：3 个错误，5 个警告，用时 3.4 秒\n',
    );
    expect(progressSummary([], 0.06)).toBe('已检查 0 份报告：0 个错误，0 个警告，用时 0.1 秒\n');
  });
});
