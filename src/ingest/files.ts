/**
 * The one way fazhi reads a file from disk (reports, packs, configs, baselines): open without
 * blocking, look at what was opened, and read a regular file of bounded size only. A symlink
 * to /dev/zero, a FIFO or a device would otherwise read without end or hang on open.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file could not be read; callers turn it into their own error (input, pack, config, baseline). */
export type FileReadProblem = 'not-found' | 'directory' | 'not-regular' | 'too-large' | 'denied' | 'other';

/** Default --max-size: larger files are refused before they are read. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export const MSG_NOT_REGULAR = '不是普通文件';

export class FileReadError extends Error {
  /** As on a Node system error (ENOENT …), so callers that test `code` keep working. */
  readonly code: string;

  constructor(
    readonly problem: FileReadProblem,
    /** The errno code (ENOENT …) when the system refused; '' otherwise. */
    readonly errno: string,
    /** For 'too-large': the file's size in bytes. */
    readonly size = 0,
  ) {
    super(problem === 'not-regular' ? MSG_NOT_REGULAR : problem === 'too-large' ? `文件过大（${size} 字节）` : errno);
    this.name = 'FileReadError';
    this.code = errno || problem;
  }
}

export interface ReadRegularOptions {
  /** Refuse a file larger than this many bytes (checked before anything is read). */
  maxBytes: number;
}

// O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
// (Windows has no such flag; there a FIFO is not a path one can name anyway.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function problemOf(code: string): FileReadProblem {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR': // a path component is a file: the file does not exist either
      return 'not-found';
    case 'EISDIR':
      return 'directory';
    case 'EACCES':
    case 'EPERM':
      return 'denied';
    case 'ENXIO': // a socket, or a FIFO opened for writing with no reader
      return 'not-regular';
  }
  return 'other';
}

function errnoOf(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.message : String(err);
}

/**
 * The bytes of a regular file (symlinks followed), refused with a FileReadError when it is
 * missing, a directory, anything but a regular file, or larger than `maxBytes`. The stat is of
 * the opened descriptor, so what is checked is what is read. Synchronous on purpose: reports
 * are small, and the promise API's round trips cost more than the reading when there are
 * thousands.
 */
export function readRegularFile(file: string, options: ReadRegularOptions): Buffer {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (err) {
    const errno = errnoOf(err);
    throw new FileReadError(problemOf(errno), errno);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileReadError('directory', 'EISDIR');
    if (!stat.isFile()) throw new FileReadError('not-regular', '');
    if (stat.size > options.maxBytes) throw new FileReadError('too-large', '', stat.size);
    // Files of /proc say size 0 and have content: read to the end, but never past the limit.
    if (stat.size === 0) return readToEnd(fd, options.maxBytes);
    // Read what stat promised and not a byte more: a file that grows meanwhile stays bounded.
    const bytes = Buffer.allocUnsafeSlow(stat.size); // not from the shared pool: adapters may hand it on
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (n === 0) break; // shorter than a moment ago
      filled += n;
    }
    return bytes.subarray(0, filled);
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    const errno = errnoOf(err);
    throw new FileReadError(problemOf(errno), errno);
  } finally {
    closeSync(fd);
  }
}

function readToEnd(fd: number, max: number): Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafeSlow(64 * 1024);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, size);
    size += n;
    if (size > max) throw new FileReadError('too-large', '', size);
    chunks.push(chunk.subarray(0, n));
  }
}

/** readRegularFile decoded as UTF-8 (packs, configs, baselines). */
export function readRegularText(file: string, options: ReadRegularOptions): string {
  return readRegularFile(file, options).toString('utf8');
}
