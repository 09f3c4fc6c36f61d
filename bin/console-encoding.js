'use strict';
// Output encoding for Chinese Windows consoles (code page 936, GBK) and GBK terminals.
//
// fazhi writes UTF-8. On Windows, Node writes to a console window through WriteConsoleW, so a
// terminal shows Chinese right whatever `chcp` says. What breaks is output that leaves through
// a pipe or a redirect while the console stays on 936: `fazhi check a.docx | more`, PowerShell 5's
// `$r = fazhi …` or `| Select-String` decode the bytes as GBK and show mojibake. A file
// (`> 反馈意见.md`) is better left UTF-8, and fazhi cannot tell a file from a pipe, so by default
// it does not re-encode: it says once on the console how to switch (chcp 65001) or to ask for
// GBK (FAZHI_ENCODING=gbk). FAZHI_ENCODING=gbk encodes what goes to pipes and files as GBK;
// a Windows console is never re-encoded (Node hands it UTF-16).

const UTF8_CODE_PAGE = 65001;
const GBK_NAMES = new Set(['gbk', 'cp936', '936', 'gb2312', 'gb18030']);
const UTF8_NAMES = new Set(['utf8', 'utf-8', '65001']);
/** A GBK-family charset in a POSIX locale name: zh_CN.GBK, zh_CN.gb18030, zh_CN.GB2312. */
const GBK_LOCALE = /\.(?:gbk|gb18030|gb2312|euccn|euc-cn)(?:@|$)/i;

/** What FAZHI_ENCODING asks for: 'auto' (unset), 'gbk', 'utf8', or 'invalid'. */
function requested(env) {
  const value = String(env.FAZHI_ENCODING ?? '')
    .trim()
    .toLowerCase();
  if (value === '' || value === 'auto') return 'auto';
  if (GBK_NAMES.has(value)) return 'gbk';
  if (UTF8_NAMES.has(value)) return 'utf8';
  return 'invalid';
}

/** The POSIX locale in effect for characters (LC_ALL over LC_CTYPE over LANG). */
function locale(env) {
  return env.LC_ALL || env.LC_CTYPE || env.LANG || '';
}

/**
 * Whether consoleEncoding needs the console's code page: only on Windows, only when nothing was
 * asked for, and only when a pipe or redirect takes stdout while a console shows stderr (where
 * a hint can be read). Reading it costs a `chcp` process, so every other run skips it.
 * @param {{ platform: string, env: Record<string, string | undefined>, stdoutIsTTY: boolean, stderrIsTTY: boolean }} s
 */
function needsCodePage(s) {
  return s.platform === 'win32' && requested(s.env) === 'auto' && !s.stdoutIsTTY && s.stderrIsTTY;
}

/**
 * How to write stdout and stderr, and a one-line hint for stderr (or null).
 * @param {{ platform: string, env: Record<string, string | undefined>, stdoutIsTTY: boolean,
 *   stderrIsTTY: boolean, codePage?: number | null }} s  codePage: the console's, when known
 * @returns {{ stdout: 'utf8' | 'gbk', stderr: 'utf8' | 'gbk', hint: string | null }}
 */
function consoleEncoding(s) {
  const ask = requested(s.env);
  // A Windows console takes UTF-16 from Node: re-encoding it would garble it.
  const encodes = (isTTY) => !(s.platform === 'win32' && isTTY);
  if (ask === 'gbk') {
    return {
      stdout: encodes(s.stdoutIsTTY) ? 'gbk' : 'utf8',
      stderr: encodes(s.stderrIsTTY) ? 'gbk' : 'utf8',
      hint: null,
    };
  }
  const utf8 = { stdout: 'utf8', stderr: 'utf8', hint: null };
  if (ask === 'invalid') {
    const shown = String(s.env.FAZHI_ENCODING)
      .replace(/[^\x20-\x7e]/g, '?')
      .slice(0, 20);
    return { ...utf8, hint: `fazhi: 无法识别 FAZHI_ENCODING=${shown}（可用 utf8 或 gbk），按 UTF-8 输出\n` };
  }
  if (ask === 'utf8' || !s.stderrIsTTY) return utf8;
  if (s.platform === 'win32') {
    if (s.stdoutIsTTY || typeof s.codePage !== 'number' || s.codePage === UTF8_CODE_PAGE) return utf8;
    return {
      ...utf8,
      hint:
        `fazhi: 输出为 UTF-8，当前控制台代码页为 ${s.codePage}，经管道或重定向查看时中文可能乱码：` +
        '请先运行 chcp 65001（或使用 Windows Terminal、PowerShell 7），或设置 FAZHI_ENCODING=gbk 改为 GBK 输出\n',
    };
  }
  // A POSIX terminal set to a GBK locale shows UTF-8 bytes as mojibake.
  if (s.stdoutIsTTY && GBK_LOCALE.test(locale(s.env))) {
    return {
      ...utf8,
      hint: `fazhi: 输出为 UTF-8，终端字符集为 GBK（${locale(s.env)
        .replace(/[^\x20-\x7e]/g, '?')
        .slice(0, 30)}），中文可能乱码：请改用 UTF-8 终端，或设置 FAZHI_ENCODING=gbk\n`,
    };
  }
  return utf8;
}

/** The code page of the console this process is attached to (Windows), or null. */
function readCodePage() {
  try {
    const out = require('node:child_process').execFileSync('chcp.com', [], {
      encoding: 'latin1', // the digits are ASCII in every code page
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
      timeout: 3000,
    });
    const match = /(\d+)\s*$/.exec(out.trim());
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** A writer that encodes text as GBK (characters GBK lacks become '?'). */
function gbkWriter(stream) {
  const iconv = require('iconv-lite');
  return (text) => stream.write(iconv.encode(text, 'gbk'));
}

module.exports = { consoleEncoding, needsCodePage, readCodePage, gbkWriter, requested };
