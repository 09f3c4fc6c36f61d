/**
 * A chosen or dropped file as the CLI would read it (ingest/index.ts readInput): the same
 * adapters, picked the same way (content first, then the name), with the page's own PDF loader.
 */
import { InputError } from '../../shared/errors.js';
import { docxAdapter } from '../../ingest/docx/index.js';
import { htmlAdapter } from '../../ingest/html.js';
import { legacyAdapter } from '../../ingest/legacy.js';
import { megabytes } from '../../ingest/limits.js';
import { sniffPdf } from '../../ingest/pdf-text.js';
import { textAdapter } from '../../ingest/text.js';
import type { FormatAdapter, SourceText } from '../../ingest/index.js';
import { readPdf } from './pdf.js';

/** The page refuses bigger files: reading one would stall the browser. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const pdfInPage: FormatAdapter = {
  name: 'pdf',
  extensions: ['.pdf'],
  sniff: sniffPdf,
  read: (bytes, file) => readPdf(bytes, file),
};

/** Sniffed in the CLI's order (ingest/index.ts adapters); text last, as the fallback. */
const ADAPTERS: FormatAdapter[] = [docxAdapter, pdfInPage, legacyAdapter, htmlAdapter, textAdapter];

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function pickAdapter(name: string, bytes: Uint8Array): FormatAdapter {
  for (const adapter of ADAPTERS) if (adapter.sniff?.(bytes)) return adapter;
  const ext = extensionOf(name);
  return ADAPTERS.find((a) => a.extensions.includes(ext)) ?? textAdapter;
}

/** Refused before any byte is read: too large. */
export function checkFileSize(name: string, size: number): void {
  if (size > MAX_FILE_BYTES)
    throw new InputError(
      `文件过大（${megabytes(size)}，网页上限 ${megabytes(MAX_FILE_BYTES)}；请用命令行 fazhi check）`,
      name,
      'input-too-large',
    );
}

export interface ReadFile {
  source: SourceText;
  bytes: Uint8Array;
}

/** Bytes to report text, by the CLI's adapters; `name` is the file's name (its JSON `file`). */
export async function readBytes(name: string, bytes: Uint8Array): Promise<ReadFile> {
  checkFileSize(name, bytes.length);
  if (bytes.length === 0) throw new InputError('文件为空', name, 'input-empty');
  return { source: await pickAdapter(name, bytes).read(bytes, name, { maxBytes: MAX_FILE_BYTES }), bytes };
}
