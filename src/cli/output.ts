import {
  closeSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  write,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { FazhiError } from '../shared/errors.js';
import type { FormatWriter } from '../formatters/types.js';
import type { RunSummary } from '../report/result.js';

/**
 * A path that names something other than a regular file or a folder (a FIFO, a character
 * device such as /dev/null): written to as a stream, never renamed over (which would replace
 * the node with a regular file).
 */
export function isStreamTarget(file: string): boolean {
  try {
    const stat = statSync(file);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

/**
 * Write a whole file or nothing: a temporary file beside it, then a rename, so a failed
 * run never leaves a truncated output behind. A FIFO or device is written to directly.
 */
export function writeAtomic(file: string, content: string | Uint8Array): void {
  if (isStreamTarget(file)) {
    try {
      writeFileSync(file, content);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new FazhiError(`无法写入输出文件：${code ?? (e as Error).message}`, file, null, 'output-write');
    }
  }
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
    throw new FazhiError(`无法写入输出文件：${code ?? (e as Error).message}`, file, null, 'output-write');
  }
}

const CHUNK = 1 << 16;

/** Buffers handed to Node's thread pool and not yet written, at most (then this thread writes). */
const MAX_IN_FLIGHT = 4;

const shortWrite = () => Object.assign(new Error('EIO'), { code: 'EIO' });

/**
 * Appends text to a file through a buffer (one system call per 256 KB, not per report). Texts
 * are encoded straight into it: joined into one string first, each 64 KB of output was copied
 * once more, then encoded into a buffer of Node's own.
 *
 * Into a file of its own (a temporary file), a full buffer is written on Node's thread pool
 * while this thread goes on checking: 44 MB of JSON for 1,000 reports took this thread 30–90 ms
 * to write. Each write says where its bytes go, so they land in place in whatever order the
 * pool runs them; a failure is raised at the next write or at close. A FIFO or a device (no
 * positions) is written from this thread, in order.
 */
class FileAppender {
  private readonly fd: number;
  private buffer: Buffer = Buffer.allocUnsafe(CHUNK * 4);
  private used = 0;
  /** Where the next bytes go in the file. */
  private position = 0;
  private readonly spare: Buffer[] = [];
  private inFlight = 0;
  private failure: Error | null = null;
  private drained: (() => void) | null = null;

  constructor(
    readonly file: string,
    /** A regular file this run created: positioned writes, on the thread pool. */
    private readonly background: boolean,
  ) {
    this.fd = openSync(file, 'w');
  }

  write(text: string): void {
    this.raise();
    // UTF-8 takes at most 3 bytes for each UTF-16 unit.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        const bytes = Buffer.from(text, 'utf8');
        this.writeHere(bytes, bytes.length);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }

  flush(): void {
    const length = this.used;
    if (length === 0) return;
    this.used = 0;
    if (!this.background || this.inFlight >= MAX_IN_FLIGHT) {
      this.writeHere(this.buffer, length);
      return;
    }
    const bytes = this.buffer;
    this.buffer = this.spare.pop() ?? Buffer.allocUnsafe(bytes.length);
    this.queue(bytes, 0, length, this.position);
    this.position += length;
  }

  private writeHere(bytes: Buffer, length: number): void {
    for (let at = 0; at < length;) {
      const n = writeSync(this.fd, bytes, at, length - at, this.background ? this.position : null);
      if (n === 0) throw shortWrite();
      at += n;
      this.position += n;
    }
  }

  private queue(bytes: Buffer, offset: number, length: number, position: number): void {
    this.inFlight++;
    write(this.fd, bytes, offset, length, position, (err, written) => {
      this.inFlight--;
      if (!err && written > 0 && written < length) {
        this.queue(bytes, offset + written, length - written, position + written);
        return;
      }
      if (err || written === 0) this.failure ??= err ?? shortWrite();
      this.spare.push(bytes);
      if (this.inFlight === 0) this.drained?.();
    });
  }

  /** Every queued write done (or failed). */
  private drain(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.drained = () => {
        this.drained = null;
        resolve();
      };
    });
  }

  private raise(): void {
    if (this.failure) throw this.failure;
  }

  /** Copy a finished file's bytes to the end of this one. */
  async append(from: string): Promise<void> {
    this.flush();
    await this.drain();
    this.raise();
    const source = openSync(from, 'r');
    try {
      const buffer = Buffer.allocUnsafe(CHUNK * 16);
      for (let n = readSync(source, buffer); n > 0; n = readSync(source, buffer)) this.writeHere(buffer, n);
    } finally {
      closeSync(source);
    }
  }

  async close(): Promise<void> {
    this.flush();
    await this.drain();
    closeSync(this.fd);
    this.raise();
  }
}

/** Calls `emit` with a file's text in pieces, never splitting a character. */
function replay(file: string, emit: (text: string) => void): void {
  const fd = openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.allocUnsafe(CHUNK * 16);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) emit(decoder.write(buffer.subarray(0, n)));
    emit(decoder.end());
  } finally {
    closeSync(fd);
  }
}

const tempBeside = (file: string, tag: string) =>
  path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${tag}.tmp`);

const tempInTmpdir = () => path.join(os.tmpdir(), `fazhi-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);

/**
 * One output of a run, written report by report. A file is built under a temporary name and
 * renamed when complete, so a failed run never leaves a half-written output. A head that
 * needs the whole run sends the reports' text to a temporary file until the end. A FIFO or a
 * device is written to as a stream (isStreamTarget).
 */
export class OutputSink {
  private body: FileAppender | null = null;
  private out: FileAppender | null = null;
  /** The temporary file the output is built in (renamed into place), if any. */
  private outTemp: string | null = null;
  /** The temporary file holding the reports' text until the head is known, if any. */
  private bodyTemp: string | null = null;
  private readonly temps: string[] = [];
  private written = 0;
  /** Why this output cannot be written (reported at the end; the run goes on). */
  error: FazhiError | null = null;

  constructor(
    readonly file: string | null,
    private readonly writer: FormatWriter,
    private readonly stdout: (text: string) => void,
    /** Hold standard output back until the end (a progress bar is drawing on the same terminal). */
    holdStdout = false,
  ) {
    const streamHead = typeof writer.head === 'string';
    this.guard(() => {
      if (file !== null && isStreamTarget(file)) {
        this.out = new FileAppender(file, false);
        if (streamHead) this.out.write(writer.head as string);
        else this.body = this.open((this.bodyTemp = tempInTmpdir()));
      } else if (file !== null) {
        mkdirSync(path.dirname(file), { recursive: true });
        this.out = this.open((this.outTemp = tempBeside(file, 'out')));
        if (streamHead) this.out.write(writer.head as string);
        else this.body = this.open((this.bodyTemp = tempBeside(file, 'body')));
      } else if (streamHead && !holdStdout) {
        stdout(writer.head as string);
      } else {
        this.body = this.open((this.bodyTemp = tempInTmpdir()));
      }
    });
  }

  private open(file: string): FileAppender {
    this.temps.push(file);
    return new FileAppender(file, true);
  }

  private guard(step: () => void): void {
    if (this.error) return;
    try {
      step();
    } catch (e) {
      this.fail(e);
    }
  }

  private async guardAsync(step: () => Promise<void>): Promise<void> {
    if (this.error) return;
    try {
      await step();
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    const code = (e as NodeJS.ErrnoException).code;
    this.error = new FazhiError(
      `无法写入输出文件：${code ?? (e as Error).message}`,
      this.file ?? '<stdout>',
      null,
      'output-write',
    );
    this.discard();
  }

  /** One report's text (rendered by the writer's `report`, here or on a worker thread). */
  write(text: string): void {
    if (this.error || text === '') return;
    const separator = this.written++ > 0 ? (this.writer.separator ?? '') : '';
    this.guard(() => {
      // Into a file the separator goes on its own: joined to the report's text (flat since
      // jsonSafe's scan), it made the appender copy that text once more.
      const file = this.body ?? this.out;
      if (file) {
        if (separator) file.write(separator);
        file.write(text);
      } else this.stdout(separator + text);
    });
  }

  /** Write what comes around the reports and put the output in place. */
  async finish(run: RunSummary): Promise<void> {
    const tail = this.writer.tail(run, this.written === 0);
    const head = typeof this.writer.head === 'string' ? this.writer.head : this.writer.head(run);
    await this.guardAsync(async () => {
      await this.body?.close();
      if (this.out && this.file !== null) {
        if (this.body) {
          this.out.write(head);
          await this.out.append(this.bodyTemp as string);
        }
        this.out.write(tail);
        await this.out.close();
        this.out = null;
        if (this.outTemp !== null) {
          renameSync(this.outTemp, this.file);
          this.temps.splice(this.temps.indexOf(this.outTemp), 1);
        }
      } else {
        // Standard output: whatever was held back, then the end.
        if (this.body) {
          this.stdout(head);
          replay(this.bodyTemp as string, this.stdout);
        }
        this.stdout(tail);
      }
    });
    this.discard();
  }

  /** Remove the temporary files (after a failure, or once the output is in place). */
  discard(): void {
    for (const temp of this.temps.splice(0)) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // The folder itself is unusable: nothing was left in it.
      }
    }
  }
}
