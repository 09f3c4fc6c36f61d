/**
 * Input stage: read a report (file or stdin) as bytes and turn it into text
 * through a format adapter. Adapters are the seam for .docx/.pdf/.html later.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../shared/errors.js';
import type { TextEncoding } from './decode.js';
import { docxAdapter } from './docx/index.js';
import { htmlAdapter } from './html.js';
import { legacyAdapter } from './legacy.js';
import { pdfAdapter } from './pdf.js';
import { textAdapter } from './text.js';

export { decodeText } from './decode.js';
export type { DecodedText, TextEncoding } from './decode.js';
export { textAdapter } from './text.js';

/** Where a spot of the extracted text sits in the original file, for formats that are not plain text. */
export interface SourcePlace {
  /** 1-based page (PDF). */
  page?: number;
  /** 1-based line on that page (PDF). */
  pageLine?: number;
  /** 1-based paragraph, counting non-empty paragraphs (Word, web page). */
  paragraph?: number;
}

/** Publication metadata a portal page carries (发布日期、发文机关、索引号). */
export interface SourceMeta {
  /** ISO date YYYY-MM-DD. */
  published?: string;
  issuer?: string;
  indexNo?: string;
  /** The page's own title for the report, when the body has none. */
  title?: string;
}

export interface SourceText {
  /** As given by the user ('-' shown as '<stdin>'). */
  file: string;
  /** Adapter name: 'text', 'docx', 'pdf', 'html'. */
  format: string;
  encoding: TextEncoding | null;
  /**
   * Extracted text, one paragraph (or text line) per line; evidence lines and columns refer
   * to it. Adapters put Word's automatic numbering (一、) into the text so headings are seen.
   */
  text: string;
  /** Maps a 1-based line and column of `text` back to the original file (omitted for plain text). */
  place?: (line: number, column: number) => SourcePlace;
  meta?: SourceMeta;
}

export interface FormatAdapter {
  name: string;
  /** Lower-case, with dot; '' for files without an extension. */
  extensions: string[];
  /** Content sniffing (later: zip magic for docx, %PDF, <html). */
  sniff?(bytes: Uint8Array): boolean;
  read(bytes: Uint8Array, file: string): SourceText | Promise<SourceText>;
}

/** Sniffed in this order; text last, as the fallback. */
export const adapters: FormatAdapter[] = [docxAdapter, pdfAdapter, legacyAdapter, htmlAdapter, textAdapter];

export const STDIN_NAME = '<stdin>';

/** Content wins over the name (a .txt that is really a .docx); unknown names fall back to text. */
export function pickAdapter(file: string, bytes: Uint8Array): FormatAdapter {
  for (const adapter of adapters) {
    if (adapter.sniff?.(bytes)) return adapter;
  }
  const ext = file === STDIN_NAME ? '' : path.extname(file).toLowerCase();
  // decodeText rejects binaries, so text is a safe default for unknown extensions.
  return adapters.find((a) => a.extensions.includes(ext)) ?? textAdapter;
}

/** Default --max-size: larger inputs are refused before they are read. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  stdin?: NodeJS.ReadableStream;
  /** Refuse inputs larger than this many bytes (default 20 MB). */
  maxBytes?: number;
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

function tooLarge(size: number, max: number, file: string): InputError {
  return new InputError(
    `文件过大（${megabytes(size)}，上限 ${megabytes(max)}；可用 --max-size 调整）`,
    file,
    'input-too-large',
  );
}

export async function readInput(file: string, opts: ReadOptions = {}): Promise<SourceText> {
  const display = file === '-' ? STDIN_NAME : file;
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = file === '-' ? await readStream(opts.stdin ?? process.stdin, max) : readFileBytes(file, max);
  // Whatever its name says, an empty file is empty (not a corrupt .docx or .pdf).
  if (bytes.length === 0) throw new InputError('文件为空', display, 'input-empty');
  return pickAdapter(display, bytes).read(bytes, display);
}

async function readStream(stream: NodeJS.ReadableStream, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (size > max) throw tooLarge(size, max, STDIN_NAME);
      // Keep bytes: decoding is decodeText's job. A string chunk means someone set an encoding upstream.
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`无法读取标准输入：${errorCode(err)}`, STDIN_NAME);
  }
  return Buffer.concat(chunks);
}

/**
 * A file's bytes, refused before they are read when there are more than `max`. Synchronous on
 * purpose: reports are small, and the promise API's four round trips per file (stat, open,
 * read, close) cost more than the reading itself when an inspector checks thousands.
 */
function readFileBytes(file: string, max: number): Uint8Array {
  const notAFile = () => new InputError('是目录，不是文件（目前请逐个指定文件）', file, 'input-not-a-file');
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw notAFile();
    if (stat.isFile() && stat.size > max) throw tooLarge(stat.size, max, file);
    // A regular file is read in one call, into a buffer of its size: readFileSync would stat
    // it again and read once more to find the end. Other files (pipes, devices) as they come.
    if (!stat.isFile() || stat.size === 0) return readFileSync(fd);
    const bytes = Buffer.allocUnsafeSlow(stat.size); // not from the shared pool: adapters may hand it on
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (n === 0) break; // shorter than a moment ago
      filled += n;
    }
    return bytes.subarray(0, filled);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = errorCode(err);
    switch (code) {
      case 'ENOENT':
      case 'ENOTDIR': // a path component is a file: the file does not exist either
        throw new InputError('文件不存在', file, 'input-not-found');
      case 'EISDIR':
        throw notAFile();
      case 'EACCES':
      case 'EPERM':
        throw new InputError('没有读取权限', file);
    }
    throw new InputError(`无法读取：${code}`, file);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.message : String(err);
}
