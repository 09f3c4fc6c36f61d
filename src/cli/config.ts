import { existsSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { isIgnored, settingsFor } from '../config/settings.js';
import { UsageError } from '../shared/errors.js';
import { DEFAULT_PACKS, loadPackSet } from '../packs/load.js';
import { resolveConfig } from './check.js';
import { paint } from './color.js';
import type { CliIO } from './main.js';
import { writeAtomic } from './output.js';
import { parseParamOptions } from './params.js';

export const STARTER_CONFIG = `# fazhi 配置文件（fazhi.config.yaml）：fazhi 从当前目录向上查找它，也可用 --config 指定。
# 命令行选项优先于本文件。结构见 docs/config.schema.json；改完可用 fazhi print-config 查看生效结果。

# 使用的规则包（内置：annual-report、outline-2021-2025、numbers、hygiene）。省略时使用全部内置规则包。
# packs: [annual-report, outline-2021-2025, numbers, hygiene]

# 在其上追加的规则包：相对本文件的路径，或已安装的 npm 包（省级规则包）。
# extends: [./rules/examples/province.yaml]

# 规则的严重程度：error | warning | info | off（关闭）。
rules: {}
#   counsel/legal-adviser: error
#   structure/other: off

# 规则参数（阈值）。
params: {}
#   mediation/success-rate:
#     min: 98

# 只对部分文件生效的设置（路径相对本文件，支持通配符）；后面的覆盖前面的。
overrides: []
#   - files: ["submissions/某镇/**"]
#     rules:
#       hygiene/duplicate-sentences: off

# 门禁：达到该严重程度的问题使退出码为 1（error | warning | info | never）。
failOn: error
# 得分低于此值时退出码为 1。
# minScore: 60
# 警告多于此数时退出码为 1。
# maxWarnings: 10

# 不检查的文件（通配符，相对本文件）。
ignore: []
#   - "**/草稿/**"
`;

export function initCommand(options: { force?: boolean }, io: CliIO, cwd = process.cwd()): number {
  const file = path.join(cwd, 'fazhi.config.yaml');
  if (existsSync(file) && !options.force) throw new UsageError('fazhi.config.yaml 已存在（用 --force 覆盖）', file);
  writeAtomic(file, STARTER_CONFIG);
  io.stdout(`${paint(io).green('✓')} 已写入 ${path.relative(cwd, file) || file}\n`);
  return 0;
}

/** The effective configuration, as YAML: what a run would use (for one file, with its overrides). */
export function printConfigCommand(
  file: string | undefined,
  options: { config?: string | false; param?: string[] },
  io: CliIO,
): number {
  const config = resolveConfig(options.config);
  const packs = loadPackSet([...(config.packs ?? DEFAULT_PACKS), ...config.extends]);
  const cliParams = parseParamOptions(options.param ?? []);
  const effective = settingsFor(config, file ?? '', cliParams);
  const out: Record<string, unknown> = {
    configFile: config.file,
    packs: packs.packs.map((p) => ({ id: p.id, version: p.version, file: p.file })),
    rules: effective.rules,
    params: effective.params,
    failOn: config.failOn ?? 'error',
    minScore: config.minScore ?? null,
    maxWarnings: config.maxWarnings ?? null,
    maxSize: config.maxSize ?? 20,
    ignore: config.ignore,
    overrides: config.overrides,
  };
  if (file) Object.assign(out, { file, ignored: isIgnored(config, file) });
  io.stdout(stringify(out, { lineWidth: 0 }));
  return 0;
}
