/**
 * PDF in the page: pdf.js's browser build, loaded on demand by a <script> the page adds
 * (classic scripts only: file:// blocks modules), its worker started from a blob URL made of
 * the worker's source (pdf-worker.js holds it as a string: file:// blocks workers from files).
 * The lines then go through the CLI's own PDF reading (ingest/pdf.ts).
 */
import { InputError } from '../../shared/errors.js';
import type { SourceText } from '../../ingest/index.js';
import { MSG_CORRUPT, MSG_ENCRYPTED, pageLines, pdfTextFromLines, type PdfLine } from '../../ingest/pdf-text.js';
import { DEFAULT_MAX_PAGES } from '../../ingest/limits.js';
import { loadScript } from './scripts.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

interface PdfGlobals {
  fazhiPdfjs?: PdfJs;
  fazhiPdfWorkerSource?: string;
}

/** A PDF that takes longer than this to read is refused: the page must never hang. */
export const PDF_TIMEOUT_MS = 60_000;

let workerUrl: string | null = null;

async function loadPdfJs(): Promise<{ pdfjs: PdfJs; workerUrl: string }> {
  const g = globalThis as PdfGlobals;
  if (!g.fazhiPdfjs) await loadScript('pdf.js');
  if (!g.fazhiPdfWorkerSource) await loadScript('pdf-worker.js');
  if (!g.fazhiPdfjs || !g.fazhiPdfWorkerSource) throw new Error('pdf.js 未能加载');
  workerUrl ??= URL.createObjectURL(new Blob([g.fazhiPdfWorkerSource], { type: 'text/javascript' }));
  return { pdfjs: g.fazhiPdfjs, workerUrl };
}

export const MSG_PDF_TIMEOUT = `PDF 读取超时（超过 ${PDF_TIMEOUT_MS / 1000} 秒），请提供 Word 或文本版本`;

/** The report text of a PDF, or an InputError with the CLI's message. */
export async function readPdf(bytes: Uint8Array, file: string): Promise<SourceText> {
  const { pdfjs, workerUrl: url } = await loadPdfJs();
  const worker = new Worker(url);
  pdfjs.GlobalWorkerOptions.workerPort = worker;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    // Nothing is fetched: no cMaps, fonts or wasm from anywhere.
    useWorkerFetch: false,
    enableXfa: false,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InputError(MSG_PDF_TIMEOUT, file, 'input-timeout')), PDF_TIMEOUT_MS);
  });
  try {
    const lines = await Promise.race([extractLines(task, file), timeout]);
    return pdfTextFromLines(lines, file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if ((err as { name?: string } | null)?.name === 'PasswordException')
      throw new InputError(MSG_ENCRYPTED, file, 'input-encrypted');
    throw new InputError(MSG_CORRUPT, file, 'input-corrupt');
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
    worker.terminate();
    pdfjs.GlobalWorkerOptions.workerPort = null;
  }
}

async function extractLines(task: ReturnType<PdfJs['getDocument']>, file: string): Promise<PdfLine[]> {
  const doc = await task.promise;
  if (doc.numPages > DEFAULT_MAX_PAGES)
    throw new InputError(`PDF 页数过多（${doc.numPages} 页，上限 ${DEFAULT_MAX_PAGES} 页）`, file, 'input-too-large');
  const lines: PdfLine[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    for (const l of await pageLines(await doc.getPage(p), p)) lines.push(l);
  }
  return lines;
}
