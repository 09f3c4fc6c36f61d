import { TOOL_VERSION } from '../shared/paths.js';
import { Command, CommanderError, Help, Option } from 'commander';
import { FazhiError } from '../shared/errors.js';
import { FORMAT_NAMES } from '../formatters/index.js';
import { visible } from '../shared/safe-text.js';
import type { AnnotateOptions } from './annotate.js';
import type { AuditOptions } from './audit.js';
import type { CheckOptions } from './check.js';
import type { CompareOptions } from './compare.js';
import { FAIL_ON } from '../formatters/gate.js';
import type { PackOptions } from './rules.js';
import { colorEnabled } from './color.js';
import { displayWidth, wrapText } from '../formatters/wrap.js';
import { chineseUsageError, didYouMean, nearest } from './usage.js';
import { existsSync } from 'node:fs';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin?: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** Standard output is a terminal (colour). */
  isTTY: boolean;
  /** Standard error is a terminal (progress bar). */
  stderrIsTTY?: boolean;
  /** Width of the terminal standard output writes to; undefined when it is not a terminal. */
  columns?: number;
  /** Colour on (set by main from --color/--no-color, NO_COLOR, FORCE_COLOR and isTTY). */
  color?: boolean;
  /** How long the process took to reach main (bin/fazhi.js): a gauge of the machine's speed now. */
  startupMs?: number;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `-f` and `-o` in the order given: each -o binds to the -f just before it (check.ts). */
export type OutputFlag = ['format' | 'output', string];

// Commands load their modules when run, so starting one command never pays for the others.
const ruleCommands = () => import('./rules.js');

const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** Commander's `(choices: "a", "b", default: "x")` as `（可选：a、b；默认：x）`. */
export function chineseExtras(description: string): string {
  return description.replace(/ ?\((choices: .*?|default: .*?)\)$/, (_, extras: string) => {
    const parts = extras.split(/, (?=default: )/).map((part) =>
      part
        .replace(/^choices: /, '可选：')
        .replace(/^default: /, '默认：')
        .replace(/"([^"]*)"/g, '$1')
        .replace(/, /g, '、'),
    );
    return `（${parts.join('；')}）`;
  });
}

/** Help in Chinese: headings, the help command, and commander's notes on choices and defaults. */
const CHINESE_HELP: Partial<Help> = {
  styleTitle: (title: string) => HELP_TITLES[title] ?? title,
  optionDescription: (option) => chineseExtras(Help.prototype.optionDescription.call(new Help(), option)),
  argumentDescription: (argument) => chineseExtras(Help.prototype.argumentDescription.call(new Help(), argument)),
};

export function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  // What the commands see: io, with colour decided once the global flags are parsed.
  const cli: CliIO = { ...io };
  const program = new Command();
  program
    .name('fazhi')
    .description('法治政府建设年度报告合规检查 — check township annual rule-of-law government reports')
    .version(TOOL_VERSION, '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .exitOverride()
    .helpCommand('help [command]', '显示某个命令的帮助')
    // Laid out for the terminal by display width, CJK wrapped between characters; unwrapped in a pipe.
    .configureHelp({
      ...CHINESE_HELP,
      helpWidth: io.columns ?? Number.MAX_SAFE_INTEGER,
      displayWidth,
      boxWrap: (text: string, width: number) => wrapText(text, width).join('\n'),
    })
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Usage errors are written by main() in Chinese, from the error's code (usage.ts).
      outputError: () => undefined,
    })
    // Global, so every command takes them, before or after its name.
    .option('--color', '使用颜色（即使不是终端）')
    .option('--no-color', '不使用颜色（也可设 NO_COLOR=1）')
    .hook('preAction', () => {
      cli.color = colorEnabled(program.opts<{ color?: boolean }>().color, io.env, io.isTTY);
    });

  const outputFlags: OutputFlag[] = [];
  program
    .command('check')
    .description('检查一份或多份年度报告（- 表示标准输入）')
    .argument('<files...>', '报告文件（.txt .md .docx .pdf .html）、目录或通配符（加引号），- 表示标准输入')
    .option(
      '-f, --format <format>',
      `输出格式（可重复；没有紧跟 -o 的写到标准输出，至多一种）：${FORMAT_NAMES.join('、')}`,
      collect,
    )
    .option('-o, --output <file>', '输出文件（可重复；属于紧挨在它前面的 -f；写入是原子的）', collect)
    .option('-p, --pack <file>', '使用的规则包（可重复；默认使用内置规则包）', collect)
    .option('-c, --config <file>', '配置文件（默认向上查找 fazhi.config.yaml）')
    .option('--no-config', '不读取配置文件')
    .addOption(
      new Option('--fail-on <severity>', '达到该严重程度的问题使退出码为 1（默认 error）').choices([...FAIL_ON]),
    )
    .option('--min-score <n>', '得分低于此值时退出码为 1')
    .option('--max-warnings <n>', '警告多于此数时退出码为 1')
    .option('--param <rule.name=value>', '本次运行修改规则参数，如 mediation/success-rate.min=98（可重复）', collect)
    .option('--baseline <file>', '基线文件：其中已知的问题不再使门禁失败')
    .option('--update-baseline', '用本次结果写入（更新）--baseline 指定的基线文件')
    .option('--max-size <MB>', '单个文件大小上限（MB，默认 20；PDF 解压后的内容上限为其 4 倍）')
    .option('--max-pages <n>', 'PDF 页数上限（默认 300）')
    .option('-j, --jobs <n>', '并行检查的线程数（默认每个 CPU 核一个）')
    .option('--timeout <seconds>', '单份报告的检查时限（秒，默认 30；超时的报告被中止并报告）')
    .option(
      '--sarif-root <dir>',
      'SARIF 和 GitHub 注释中的路径相对于此目录（默认：所在 git 仓库的根目录，否则当前目录）',
    )
    .option(
      '--sarif-help-uri <template>',
      'SARIF 中规则说明的链接模板（可用 {version} {doc} {ruleId} {area}；none 不写链接）',
    )
    .option('--verbose', '同时显示通过和不适用的规则')
    .option('--no-shared', '检查多份报告时不列出跨单位雷同段落')
    .option('--no-progress', '不显示进度条')
    .option('--debug', '出错时显示调用栈')
    .on('option:format', (value: string) => outputFlags.push(['format', value]))
    .on('option:output', (value: string) => outputFlags.push(['output', value]))
    .action(async (files: string[], options: CheckOptions) =>
      setExit(await (await import('./check.js')).checkCommand(files, { ...options, outputFlags }, cli)),
    );

  program
    .command('annotate')
    .description('写出带批注的 Word 副本：每处问题一条批注，缺少的内容批注在所属部分的标题上')
    .argument('<file>', '报告文件（.docx 保留原有排版；.txt .md .html .pdf 生成新的 .docx），- 表示标准输入')
    .option('-o, --output <file>', '批注版文件名（默认：原文件名.批注.docx，与原文件同目录；写入是原子的）')
    .option('-p, --pack <file>', '使用的规则包（可重复；默认使用内置规则包）', collect)
    .option('-c, --config <file>', '配置文件（默认向上查找 fazhi.config.yaml）')
    .option('--no-config', '不读取配置文件')
    .option('--param <rule.name=value>', '本次运行修改规则参数（可重复）', collect)
    .option('--max-size <MB>', '文件大小上限（MB，默认 20）')
    .action(async (file: string, options: AnnotateOptions) =>
      setExit(await (await import('./annotate.js')).annotateCommand(file, options, cli)),
    );

  program
    .command('audit')
    .description('审核一批报告：写出汇总页面、Excel 汇总表、各单位反馈意见和批注版 Word（一个目录）')
    .argument('<files...>', '报告文件、目录或通配符（加引号）')
    .option('--out <dir>', '输出目录（整体写入：要么完整，要么不写）')
    .option('--review <file>', '复核意见文件（默认：报送材料目录中的 fazhi-review.yaml）')
    .option('--previous <dir>', '去年的报告（目录或文件）：按单位和年度配对，逐项核对去年的计划是否落实')
    .option('-p, --pack <file>', '使用的规则包（可重复；默认使用内置规则包）', collect)
    .option('-c, --config <file>', '配置文件（默认向上查找 fazhi.config.yaml）')
    .option('--no-config', '不读取配置文件')
    .action(async (files: string[], options: AuditOptions) =>
      setExit(await (await import('./audit.js')).auditCommand(files, options, cli)),
    );

  program
    .command('compare')
    .description('对比同一单位两年的报告：去年的计划今年是否报告完成，哪些段落和数字与去年相同')
    .argument('<last>', '去年的报告')
    .argument('<current>', '今年的报告')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', '写到文件（写入是原子的）')
    .option('-p, --pack <file>', '使用的规则包（可重复；默认使用内置规则包）', collect)
    .option('-c, --config <file>', '配置文件（默认向上查找 fazhi.config.yaml）')
    .option('--no-config', '不读取配置文件')
    .action(async (last: string, current: string, options: CompareOptions) =>
      setExit(await (await import('./compare.js')).compareCommand(last, current, options, cli)),
    );

  program
    .command('init')
    .description('在当前目录写入带注释的 fazhi.config.yaml 模板')
    .option('--force', '覆盖已有的配置文件')
    .action(async (options: { force?: boolean }) => setExit((await import('./config.js')).initCommand(options, cli)));

  program
    .command('print-config')
    .description('显示生效的配置（含规则包和对某个文件生效的覆盖设置）')
    .argument('[file]', '查看对这个文件生效的设置')
    .option('-c, --config <file>', '配置文件（默认向上查找 fazhi.config.yaml）')
    .option('--no-config', '不读取配置文件')
    .option('--param <rule.name=value>', '本次运行修改规则参数（可重复）', collect)
    .action(async (file: string | undefined, options: { config?: string | false; param?: string[] }) =>
      setExit((await import('./config.js')).printConfigCommand(file, options, cli)),
    );

  const rules = program.command('rules').description('规则包相关命令');
  rules
    .command('validate')
    .description('校验规则包（结构、正则、示例）')
    .argument('<packs...>', '规则包文件或内置规则包编号')
    .action(async (packs: string[]) => setExit(await (await ruleCommands()).validateCommand(packs, cli)));
  rules
    .command('list')
    .description('列出规则')
    .option('-p, --pack <file>', '规则包（可重复；默认内置规则包）', collect)
    .option('--pack-id <id>', '只列出该规则包的规则，如 hygiene')
    .option('--area <id>', '只列出该领域的规则，如 enforcement')
    .action(async (options: PackOptions & { packId?: string }) =>
      setExit((await ruleCommands()).listCommand(options, cli)),
    );
  rules
    .command('docs')
    .description('为规则包生成 Markdown 文档（每个领域一页）')
    .argument('[dir]', '输出目录', 'docs/rules')
    .option('-p, --pack <file>', '规则包（可重复；默认内置规则包）', collect)
    .action(async (dir: string, options: PackOptions) =>
      setExit((await ruleCommands()).docsCommand(dir, options, cli)),
    );

  program
    .command('explain')
    .description('说明一条规则：要求、理由、依据、参数、示例')
    .argument('<ruleId>', '规则编号，如 mediation/success-rate')
    .option('-p, --pack <file>', '规则包（可重复；默认内置规则包）', collect)
    .action(async (ruleId: string, options: PackOptions) =>
      setExit((await ruleCommands()).explainCommand(ruleId, options, cli)),
    );

  program
    .command('web')
    .description('生成自查网页（静态文件夹，用浏览器打开即可在本机检查报告，不上传）')
    .option('--out <dir>', '写到这个目录（已有的非自查网页目录不会被覆盖）')
    .action(async (options: { out?: string }) => setExit((await import('./web.js')).webCommand(options, cli)));

  program
    .command('serve')
    .description('在本机 127.0.0.1 上提供自查网页（Ctrl+C 停止）')
    .option('--port <n>', '端口（默认 8765；0 表示任选一个空闲端口）')
    .option('--dir <dir>', '提供这个目录中的自查网页（默认：临时生成一份）')
    .action(async (options: { port?: string; dir?: string }) =>
      setExit(await (await import('./web.js')).serveCommand(options, cli)),
    );

  program
    .command('eval')
    .description('对照人工判定（期望结果文件）衡量规则的一致率')
    .argument('<expectations>', '期望结果 YAML，如 test/corpus-expectations.yaml，或复核意见 fazhi-review.yaml')
    .option('-p, --pack <file>', '规则包（可重复；默认内置规则包）', collect)
    .option('--export <file>', '不运行检查，把其中的判定导出为期望结果文件（测试用例）')
    .action(async (file: string, options: PackOptions & { export?: string }) =>
      setExit(await (await ruleCommands()).evalCommand(file, options, cli)),
    );
  return program;
}

/** Flags every command takes, which may come before the command's name. */
const GLOBAL_FLAGS = new Set(['--color', '--no-color']);
const PROGRAM_FLAGS = new Set(['-h', '--help', '-v', '--version', 'help']);

/**
 * A first argument that is not a command means `check` (`fazhi 报告.docx`), as with eslint
 * and prettier; a file or folder named like a command is reached as `./audit`. A bare word
 * that is no file but close to a command's name is a mistyped command, not a report.
 */
export function withDefaultCommand(
  argv: readonly string[],
  commands: readonly string[],
  exists: (p: string) => boolean,
): string[] {
  const at = argv.findIndex((a) => !GLOBAL_FLAGS.has(a));
  if (at < 0) return [...argv];
  const first = argv[at] as string;
  if (commands.includes(first) || PROGRAM_FLAGS.has(first)) return [...argv];
  if (/^[a-z][a-z-]*$/.test(first) && !exists(first)) {
    const guess = nearest(first, commands);
    if (guess)
      throw new CommanderError(
        2,
        'fazhi.unknownCommand',
        `未知命令 ${first}${didYouMean(guess)}（用 fazhi --help 查看用法）`,
      );
  }
  return [...argv.slice(0, at), 'check', ...argv.slice(at)];
}

/** The command being parsed (`rules list` for `rules list --bogus`) and its name on the line. */
function commandAt(program: Command, argv: readonly string[]): { command: Command; name: string } {
  const words = ['fazhi'];
  let command = program;
  for (const a of argv) {
    if (a.startsWith('-')) continue;
    const sub = command.commands.find((c) => c.name() === a);
    if (!sub) break;
    command = sub;
    words.push(a);
  }
  return { command, name: words.join(' ') };
}

function usageLine(e: CommanderError, at: { command: Command; name: string }): string {
  // A missing argument is named by what it is (its help text up to the first bracket).
  const describe = (name: string) =>
    at.command.registeredArguments.find((a) => a.name() === name)?.description.split('（')[0];
  return chineseUsageError(e.code, e.message, at.name, describe);
}

/** Run the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  let args = argv;
  try {
    args = withDefaultCommand(
      argv,
      program.commands.map((c) => c.name()),
      (p) => existsSync(p),
    );
    await program.parseAsync(args, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Asked-for help and version are successes; help shown for a missing command is a usage error.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      // `fazhi help [command]` asked for it too (commander ends it as if help were shown unasked).
      if (e.code === 'commander.help' && args[0] === 'help') return 0;
      if (e.code === 'commander.help' || e.code === 'commander.executeSubCommandAsync') return 2;
      const line = e.code.startsWith('fazhi.') ? e.message : usageLine(e, commandAt(program, args));
      io.stderr(`fazhi: 用法错误：${visible(line)} [usage]\n`);
      return 2;
    }
    if (e instanceof FazhiError) {
      // Each line ends with the machine code in brackets (README, 错误代码): CI need not parse the Chinese.
      // File names and messages may carry report text: shown visibly escaped (shared/safe-text.ts).
      const lines = e.toLine().split('\n').map(visible);
      io.stderr(`fazhi: ${lines.join(` [${e.code}]\nfazhi: `)} [${e.code}]\n`);
      if (argv.includes('--debug') && e.stack) io.stderr(`${e.stack}\n`);
      return 2;
    }
    const err = e as Error;
    io.stderr(
      `fazhi: 内部错误：${err.message ?? String(e)}${argv.includes('--debug') ? '' : '（加 --debug 查看详情）'} [internal]\n`,
    );
    if (argv.includes('--debug') && err.stack) io.stderr(`${err.stack}\n`);
    return 2;
  }
}
