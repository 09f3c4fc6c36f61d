import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FazhiError } from '../errors.js';

/**
 * Write a whole file or nothing: a temporary file beside it, then a rename, so a failed
 * run never leaves a truncated output behind.
 */
export function writeAtomic(file: string, content: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (e) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder itself is unusable: there is no temporary file to remove.
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new FazhiError(`无法写入输出文件：${code ?? (e as Error).message}`, file);
  }
}
