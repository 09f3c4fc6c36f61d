import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, withDefaultCommand, type CliIO } from '../src/cli/main.js';
import { colorEnabled } from '../src/cli/color.js';
import { editDistance, nearest } from '../src/cli/usage.js';
import stringWidth from 'string-width';
import { REPORTS, runCli } from './helpers.js';

const TAOJIA = path.join('reports', 'taojia-2025.txt');
const ANSI = /\x1b\[/;
/** Commander's English phrases; none may reach the user. */
const ENGLISH =
  /error:|unknown (?:option|command)|missing required|argument missing|is invalid|allowed choices|did you mean|too many|expected \d/i;

/** main() in-process with a fake terminal-less io; env without colour variables unless given. */
async function run(argv: string[], env: NodeJS.ProcessEnv = {}, isTTY = false, columns?: number) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env,
    isTTY,
    stderrIsTTY: false,
    ...(columns !== undefined ? { columns } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('usage errors: Chinese, one line, the flag named, the nearest valid one suggested', () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      'unknown option, near a real one',
      ['check', '--fromat', 'json', TAOJIA],
      /未知选项 --fromat，您是否想用 --format？/,
    ],
    [
      'unknown option, near nothing',
      ['check', '--bogus', TAOJIA],
      /^fazhi: 用法错误：未知选项 --bogus（用 fazhi check --help 查看用法）/,
    ],
    [
      'unknown option of a sub-sub-command',
      ['rules', 'list', '--are', 'x'],
      /未知选项 --are，您是否想用 --area？（用 fazhi rules list --help/,
    ],
    ['unknown sub-command', ['rules', 'lst'], /未知命令 lst，您是否想用 list？（用 fazhi rules --help/],
    ['mistyped command', ['chek', TAOJIA], /未知命令 chek，您是否想用 check？/],
    [
      'a choice not allowed',
      ['check', TAOJIA, '--fail-on', 'warn'],
      /--fail-on 的取值 warn 无效，您是否想用 warning？（可用：error、warning、info、never）/,
    ],
    ['a format not known', ['check', TAOJIA, '-f', 'jsno'], /--format jsno: 不支持的输出格式，您是否想用 json？/],
    ['an option without its value', ['check', TAOJIA, '-f'], /选项 --format 缺少取值/],
    ['a missing argument, named by what it is', ['check'], /缺少参数 <files>：报告文件/],
    ['too many arguments', ['explain', 'a', 'b'], /参数过多（应为 1 个，实际 2 个）（用 fazhi explain --help/],
  ];
  it.each(cases)('%s', async (_name, argv, expected) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(lines[0]).toMatch(/^fazhi: .* \[usage\]$/);
    expect(lines[0]).not.toMatch(ENGLISH);
  });

  it('the built CLI prints the same line (exit 2)', () => {
    const r = runCli(['check', '--fromat', 'json', TAOJIA]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'fazhi: 用法错误：未知选项 --fromat，您是否想用 --format？（用 fazhi check --help 查看用法） [usage]\n',
    );
  });

  it('nearest suggests a likely typo only', () => {
    expect(editDistance('fromat', 'format')).toBe(1);
    expect(nearest('--fromat', ['--format', '--output'])).toBe('--format');
    expect(nearest('chek', ['check', 'init', 'explain'])).toBe('check');
    expect(nearest('bogus', ['check', 'init', 'explain'])).toBeNull();
    expect(nearest('x', ['init'])).toBeNull();
  });
});

describe('a first argument that is not a command means check', () => {
  it('fazhi <file> prints what fazhi check <file> prints', async () => {
    const direct = await run([TAOJIA]);
    const check = await run(['check', TAOJIA]);
    expect(direct.code).toBe(check.code);
    expect(direct.stdout).toBe(check.stdout);
    expect(direct.stdout).toContain('陶家镇');
  });

  it('options first, and global flags before the file, still mean check', async () => {
    const r = await run(['--no-color', '-f', 'json', TAOJIA]);
    expect(JSON.parse(r.stdout).reports).toHaveLength(1);
  });

  it('a folder named like a command is reached as ./name; a file named like a typo is checked', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-default-'));
    fs.mkdirSync(path.join(dir, 'init'));
    fs.copyFileSync(path.join(REPORTS, 'taojia-2025.txt'), path.join(dir, 'init', 'r.txt'));
    fs.copyFileSync(path.join(REPORTS, 'taojia-2025.txt'), path.join(dir, 'chek'));
    const folder = runCli(['./init', '-f', 'json'], { cwd: dir });
    expect(folder.code).toBe(0);
    expect(JSON.parse(folder.stdout).reports.map((r: { file: string }) => r.file)).toEqual(['./init/r.txt']);
    const typoNamed = runCli(['chek', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(typoNamed.stdout).reports[0].file).toBe('chek');
  });

  it('rewrites only what is not a command, help or version', () => {
    const commands = ['check', 'init', 'rules'];
    const none = () => false;
    expect(withDefaultCommand(['a.docx'], commands, none)).toEqual(['check', 'a.docx']);
    expect(withDefaultCommand(['--color', 'a.docx'], commands, none)).toEqual(['--color', 'check', 'a.docx']);
    expect(withDefaultCommand(['rules', 'list'], commands, none)).toEqual(['rules', 'list']);
    expect(withDefaultCommand(['--help'], commands, none)).toEqual(['--help']);
    expect(withDefaultCommand(['-v'], commands, none)).toEqual(['-v']);
    expect(withDefaultCommand([], commands, none)).toEqual([]);
    expect(withDefaultCommand(['./init'], commands, none)).toEqual(['check', './init']);
    expect(() => withDefaultCommand(['rulse'], commands, none)).toThrow(/您是否想用 rules？/);
    expect(withDefaultCommand(['rulse'], commands, () => true)).toEqual(['check', 'rulse']);
  });
});

describe('colour: --color, --no-color, NO_COLOR and FORCE_COLOR on every command', () => {
  it.each([
    [undefined, {}, false, false],
    [undefined, {}, true, true],
    [false, { FORCE_COLOR: '1' }, true, false],
    [true, { NO_COLOR: '1' }, false, true],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true],
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [undefined, { FORCE_COLOR: 'false' }, true, false],
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '' }, false, true],
  ] as const)('flag %s, env %j, tty %s → %s', (flag, env, tty, expected) => {
    expect(colorEnabled(flag, env, tty)).toBe(expected);
  });

  const commands: string[][] = [
    ['check', TAOJIA],
    ['rules', 'list'],
    ['rules', 'validate', 'rules/hygiene.yaml'],
    ['explain', 'mediation/success-rate'],
    ['print-config'],
  ];
  it.each(commands)('%s %s… accepts --no-color and --color', async (...argv) => {
    const plain = await run([...argv, '--no-color'], { FORCE_COLOR: '1' }, true);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).not.toMatch(ANSI);
    const before = await run(['--no-color', ...argv], { FORCE_COLOR: '1' }, true);
    expect(before.stdout).toBe(plain.stdout);
    const forced = await run([...argv, '--color'], {}, false);
    expect(forced.stderr).toBe('');
    expect(forced.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain.stdout);
  });

  it('--color colours where there is colour; NO_COLOR takes it away', async () => {
    expect((await run(['rules', 'validate', 'rules/hygiene.yaml', '--color'])).stdout).toMatch(ANSI);
    expect((await run(['check', TAOJIA], { FORCE_COLOR: '1' })).stdout).toMatch(ANSI);
    expect((await run(['check', TAOJIA], { NO_COLOR: '1' }, true)).stdout).not.toMatch(ANSI);
  });
});

describe('help in Chinese, laid out for the terminal', () => {
  it.each([[['--help']], [['check', '--help']], [['rules', 'docs', '--help']]])('%j', async (argv) => {
    const piped = await run(argv);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^用法： fazhi/);
    expect(piped.stdout).toMatch(/^选项：$/m);
    expect(piped.stdout).not.toMatch(/Usage:|Options:|Commands:|Arguments:|display help|default:|choices:/);
    for (const columns of [80, 120]) {
      const tty = await run(argv, {}, true, columns);
      for (const line of tty.stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
      // Wrapping only moves line breaks: the words are those of the unwrapped help.
      expect(tty.stdout.replace(/\s+/g, '')).toBe(piped.stdout.replace(/\s+/g, ''));
    }
  });

  it('in a pipe, each option is one line; choices and defaults in Chinese', async () => {
    const help = (await run(['check', '--help'])).stdout;
    expect(help).toMatch(/^ {2}-f, --format <format> +输出格式.*markdown、html、csv$/m);
    expect(help).toMatch(/^ {2}--fail-on <severity> +.*（默认 error）（可选：error、warning、info、never）$/m);
    expect((await run(['--help'])).stdout).toMatch(/^ {2}help \[command\] +显示某个命令的帮助$/m);
  });
});
