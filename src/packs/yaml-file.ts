import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { PackError, type PackErrorCode } from '../shared/errors.js';
import type { Locator } from './model.js';
import { PackErrors } from './pack-errors.js';
import { makeLocator, parseValidatedYaml, yaml, type ValidatedYaml } from './yaml-parse.js';
import { DEFAULT_MAX_BYTES, FileReadError, MSG_NOT_REGULAR, readRegularText } from '../ingest/files.js';

/** Packs and configs are kilobytes: the default --max-size bounds them too (read before --max-size is known). */
const MAX_YAML_BYTES = DEFAULT_MAX_BYTES;

export { PackErrors, yaml, type ValidatedYaml };
export { schemaErrors } from './yaml-parse.js';

/**
 * YAML files users write (rule packs, config): parsed keeping positions, validated by a
 * strict JSON Schema, every problem reported as `file:line:col path: message`.
 */

/** Path shown for a file: relative to the working directory when inside it, forward slashes. */
export function displayFile(file: string): string {
  const rel = path.relative(process.cwd(), file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}

/** Read, parse and validate a YAML file; `kind` names it in messages (规则包, 配置文件). */
export function readValidatedYaml(
  file: string,
  kind: string,
  validate: (data: unknown) => ErrorObject[],
  checkTypes: readonly string[] = [],
): ValidatedYaml {
  const shown = displayFile(file);
  // The same reader loads packs and configs; the error codes say which (README, 错误代码).
  const [missing, invalid]: [PackErrorCode, PackErrorCode] =
    kind === '配置文件' ? ['config-not-found', 'config-invalid'] : ['pack-not-found', 'pack-invalid'];
  let source: string;
  try {
    source = readRegularText(file, { maxBytes: MAX_YAML_BYTES });
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    const message: Record<FileReadError['problem'], string> = {
      // A path through a file (ENOTDIR) is not "missing": something is in the way.
      'not-found': e.errno === 'ENOENT' ? `${kind}文件不存在` : `无法读取${kind}：${e.errno}`,
      directory: `是目录，不是${kind}文件`,
      'not-regular': MSG_NOT_REGULAR,
      'too-large': `${kind}文件过大（超过 ${MAX_YAML_BYTES / 1024 / 1024} MB）`,
      denied: `无法读取${kind}：${e.errno}`,
      other: `无法读取${kind}：${e.errno}`,
    };
    const notThere = e.errno === 'ENOENT' || e.problem === 'directory';
    throw new PackError(message[e.problem], shown, null, notThere ? missing : invalid);
  }
  return parseValidatedYaml(source, shown, invalid, validate, checkTypes);
}

/** A locator that parses the file only when a position is first asked for (cached packs). */
export function lazyLocator(file: string): Locator {
  let locate: Locator | null = null;
  return (segments, at, text) => {
    if (!locate) {
      const lines = new (yaml().LineCounter)();
      const source = readRegularText(file, { maxBytes: MAX_YAML_BYTES });
      locate = makeLocator(yaml().parseDocument(source, { lineCounter: lines }), lines, source);
    }
    return locate(segments, at, text);
  };
}
