import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

interface State {
  platform: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  codePage?: number | null;
}
interface Action {
  stdout: 'utf8' | 'gbk';
  stderr: 'utf8' | 'gbk';
  hint: string | null;
}
const encoding = createRequire(import.meta.url)('../bin/console-encoding.js') as {
  consoleEncoding: (s: State) => Action;
  needsCodePage: (s: State) => boolean;
};

const win = (over: Partial<State> = {}): State => ({
  platform: 'win32',
  env: {},
  stdoutIsTTY: false,
  stderrIsTTY: true,
  codePage: 936,
  ...over,
});

describe('console encoding: platform, code page and terminals → what fazhi does', () => {
  it('Windows, 936, stdout piped or redirected, stderr on the console: one hint, output stays UTF-8', () => {
    const action = encoding.consoleEncoding(win());
    expect(action.stdout).toBe('utf8');
    expect(action.stderr).toBe('utf8');
    expect(action.hint).toContain('chcp 65001');
    expect(action.hint).toContain('936');
    expect(action.hint).toContain('FAZHI_ENCODING=gbk');
    expect(action.hint!.endsWith('\n')).toBe(true);
    expect(action.hint!.split('\n')).toHaveLength(2); // one line
    expect(encoding.needsCodePage(win())).toBe(true);
  });

  it('no hint where Chinese already shows right or nobody reads it', () => {
    // A Windows console window: Node writes UTF-16 to it, the code page does not matter.
    expect(encoding.consoleEncoding(win({ stdoutIsTTY: true })).hint).toBeNull();
    expect(encoding.needsCodePage(win({ stdoutIsTTY: true }))).toBe(false);
    // Code page 65001 (chcp 65001), or unknown (chcp failed).
    expect(encoding.consoleEncoding(win({ codePage: 65001 })).hint).toBeNull();
    expect(encoding.consoleEncoding(win({ codePage: null })).hint).toBeNull();
    // CI and scripts: no console on stderr, and chcp is not even run.
    expect(encoding.consoleEncoding(win({ stderrIsTTY: false })).hint).toBeNull();
    expect(encoding.needsCodePage(win({ stderrIsTTY: false }))).toBe(false);
    // Asked for UTF-8 explicitly.
    expect(encoding.consoleEncoding(win({ env: { FAZHI_ENCODING: 'utf-8' } })).hint).toBeNull();
    expect(encoding.needsCodePage(win({ env: { FAZHI_ENCODING: 'utf8' } }))).toBe(false);
    // Linux and macOS with a UTF-8 locale, and never a chcp there.
    const posix: State = { platform: 'linux', env: { LANG: 'zh_CN.UTF-8' }, stdoutIsTTY: true, stderrIsTTY: true };
    expect(encoding.consoleEncoding(posix)).toEqual({ stdout: 'utf8', stderr: 'utf8', hint: null });
    expect(encoding.needsCodePage(posix)).toBe(false);
  });

  it('FAZHI_ENCODING=gbk encodes pipes and files, never a Windows console', () => {
    expect(encoding.consoleEncoding(win({ env: { FAZHI_ENCODING: 'gbk' } }))).toEqual({
      stdout: 'gbk',
      stderr: 'utf8', // stderr is the console
      hint: null,
    });
    expect(
      encoding.consoleEncoding(win({ env: { FAZHI_ENCODING: 'CP936' }, stdoutIsTTY: true, stderrIsTTY: false })),
    ).toEqual({ stdout: 'utf8', stderr: 'gbk', hint: null });
    // A POSIX terminal takes bytes as they are: GBK there too.
    expect(
      encoding.consoleEncoding({
        platform: 'linux',
        env: { FAZHI_ENCODING: 'gb18030' },
        stdoutIsTTY: true,
        stderrIsTTY: true,
      }),
    ).toEqual({ stdout: 'gbk', stderr: 'gbk', hint: null });
    expect(encoding.needsCodePage(win({ env: { FAZHI_ENCODING: 'gbk' } }))).toBe(false);
  });

  it('a GBK POSIX locale gets the hint on a terminal; LC_ALL wins over LANG', () => {
    const gbk: State = { platform: 'linux', env: { LANG: 'zh_CN.GBK' }, stdoutIsTTY: true, stderrIsTTY: true };
    expect(encoding.consoleEncoding(gbk).hint).toContain('FAZHI_ENCODING=gbk');
    expect(encoding.consoleEncoding({ ...gbk, env: { LANG: 'zh_CN.GBK', LC_ALL: 'zh_CN.UTF-8' } }).hint).toBeNull();
    expect(encoding.consoleEncoding({ ...gbk, env: { LC_CTYPE: 'zh_CN.gb18030' } }).hint).not.toBeNull();
    expect(encoding.consoleEncoding({ ...gbk, stdoutIsTTY: false }).hint).toBeNull();
  });

  it('an unknown FAZHI_ENCODING is said once, with the value made printable, and output stays UTF-8', () => {
    const action = encoding.consoleEncoding(win({ env: { FAZHI_ENCODING: 'big5\u001b[31m' }, stderrIsTTY: false }));
    expect(action.stdout).toBe('utf8');
    expect(action.hint).toContain('FAZHI_ENCODING=big5?[31m');
    expect(action.hint).not.toContain('\u001b');
  });
});

describe('fazhi with FAZHI_ENCODING=gbk', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin', 'fazhi.js'), 'check', 'reports/taojia-2025.txt'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });

  it('writes GBK bytes that decode to the UTF-8 output (characters GBK lacks become ?)', () => {
    const utf8 = run({});
    const gbk = run({ FAZHI_ENCODING: 'gbk' });
    expect(gbk.status).toBe(utf8.status);
    expect(gbk.stderr.toString()).toBe('');
    const text = utf8.stdout.toString('utf8');
    expect(text).toContain('得分');
    expect(gbk.stdout.equals(utf8.stdout)).toBe(false);
    expect(iconv.decode(gbk.stdout, 'gbk')).toBe(iconv.decode(iconv.encode(text, 'gbk'), 'gbk'));
    expect(iconv.decode(gbk.stdout, 'gbk')).toContain('得分');
  });
});
