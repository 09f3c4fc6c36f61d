/**
 * Input stage: read a report (file or stdin) as bytes and turn it into text
 * through a format adapter. Adapters are the seam for .docx/.pdf/.html later.
 */
import path from 'node:path';
import { InputError } from '../shared/errors.js';
import { DEFAULT_MAX_BYTES, FileReadError, MSG_NOT_REGULAR, readRegularFile } from './files.js';
import { DEFAULT_MAX_PAGES, megabytes, type Clock, type ReadLimits } from './limits.js';
import type { TextEncoding } from './decode.js';
import { docxAdapter } from './docx/index.js';
import { htmlAdapter } from './html.js';
import { convertLegacy, libreOffice } from './convert.js';
import { isOle, legacyAdapter } from './legacy.js';
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
  /** `limits`: what this input may cost (adapters that can run long or inflate check them). */
  read(bytes: Uint8Array, file: string, limits?: Partial<ReadLimits>): SourceText | Promise<SourceText>;
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

export { DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES };
export type { ReadLimits };

export interface ReadOptions {
  stdin?: NodeJS.ReadableStream;
  /** Refuse inputs larger than this many bytes (default 20 MB); a PDF's streams may inflate to 4 times it. */
  maxBytes?: number;
  /** Refuse PDFs with more pages (default 300). */
  maxPages?: number;
  /**
   * The input's time limit (input-timeout); default: none. Shared with the caller, who reads
   * the same clock after the later stages. Standard input is read at the writer's pace: for it
   * the clock starts once its bytes are in.
   */
  clock?: Clock;
  /** Convert legacy Word/WPS files with LibreOffice where it is installed (default true). */
  convertLegacy?: boolean;
}

function tooLarge(size: number, max: number, file: string): InputError {
  return new InputError(
    `文件过大（${megabytes(size)}，上限 ${megabytes(max)}；可用 --max-size 调整）`,
    file,
    'input-too-large',
  );
}

export async function readInput(file: string, opts: ReadOptions = {}): Promise<SourceText> {
  return (await readInputBytes(file, opts)).source;
}

/**
 * readInput, keeping the file's bytes too (an annotated copy of a .docx is made from them); for a
 * legacy file LibreOffice converted, the .docx it became (`converted`).
 */
export async function readInputBytes(
  file: string,
  opts: ReadOptions = {},
): Promise<{ source: SourceText; bytes: Uint8Array; converted?: boolean }> {
  const display = file === '-' ? STDIN_NAME : file;
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = file === '-' ? await readStream(opts.stdin ?? process.stdin, max) : readFileBytes(file, max);
  // Whatever its name says, an empty file is empty (not a corrupt .docx or .pdf).
  if (bytes.length === 0) throw new InputError('文件为空', display, 'input-empty');
  const clock = opts.clock ?? { deadline: Number.POSITIVE_INFINITY, timeoutMs: 0 };
  if (file === '-') clock.deadline = performance.now() + clock.timeoutMs;
  const limits: ReadLimits = { maxBytes: max, maxPages: opts.maxPages ?? DEFAULT_MAX_PAGES, ...clock };
  const adapter = pickAdapter(display, bytes);
  const program = adapter === legacyAdapter && isOle(bytes) && opts.convertLegacy !== false ? libreOffice() : null;
  if (program) {
    // A legacy Word or WPS file, converted by LibreOffice, is read (and annotated) as the .docx it became.
    const remaining = Number.isFinite(limits.deadline) ? limits.deadline - performance.now() : LEGACY_TIMEOUT_MS;
    const docx = convertLegacy(
      bytes,
      display,
      program,
      Math.max(1, Math.floor(Math.min(remaining, LEGACY_TIMEOUT_MS))),
    );
    return { source: await docxAdapter.read(docx, display, limits), bytes: docx, converted: true };
  }
  return { source: await adapter.read(bytes, display, limits), bytes };
}

/** The longest a LibreOffice conversion may take when the run sets no tighter limit. */
const LEGACY_TIMEOUT_MS = 120_000;

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

/** A file's bytes, refused before they are read when it is not a regular file or has more than `max`. */
function readFileBytes(file: string, max: number): Uint8Array {
  try {
    return readRegularFile(file, { maxBytes: max });
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    switch (err.problem) {
      case 'not-found':
        throw new InputError('文件不存在', file, 'input-not-found');
      case 'directory':
        throw new InputError('是目录，不是文件（目前请逐个指定文件）', file, 'input-not-a-file');
      case 'not-regular':
        throw new InputError(MSG_NOT_REGULAR, file, 'input-not-a-file');
      case 'too-large':
        throw tooLarge(err.size, max, file);
      case 'denied':
        throw new InputError('没有读取权限', file);
    }
    throw new InputError(`无法读取：${err.errno}`, file);
  }
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.message : String(err);
}
