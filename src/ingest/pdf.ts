/**
 * PDF adapter: pdf.js's Node build reads the text layer; pdf-text.ts rebuilds it into paragraphs.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../shared/errors.js';
import { importOnDemand } from '../shared/lazy.js';
import { installDomMatrix } from './dom-matrix.js';
import type { FormatAdapter, SourceText } from './index.js';
import { DEFAULT_MAX_BYTES } from './files.js';
import { checkDeadline, DEFAULT_MAX_PAGES, INFLATE_FACTOR, megabytes, type ReadLimits } from './limits.js';
import { inflatedBytes } from './pdf-streams.js';
import { MSG_CORRUPT, MSG_ENCRYPTED, pageLines, pdfTextFromLines, sniffPdf, type PdfLine } from './pdf-text.js';

export * from './pdf-text.js';

// ---------------------------------------------------------------------------------------------
// pdf.js

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | null = null;

/** Loaded on first use: plain-text runs never pay for pdf.js. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const restore = prepareGlobals();
    try {
      const pdfjs = await importOnDemand<PdfJs>('pdfjs-dist/legacy/build/pdf.mjs');
      // Node runs pdf.js without a worker thread ("fake worker"); point it at the legacy worker
      // module explicitly rather than relying on a path relative to the bundle.
      pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(path.join(pdfjsDir(), 'legacy/build/pdf.worker.mjs')).href;
      return pdfjs;
    } finally {
      restore();
    }
  })();
  return pdfjsPromise;
}

/** What pdf.js says when it loads without @napi-rs/canvas, about drawing, which fazhi never does. */
const CANVAS_WARNING = /^Warning: Cannot (?:load "@napi-rs\/canvas"|polyfill `(?:ImageData|Path2D)`)/;

/**
 * pdf.js's Node build needs a DOMMatrix as soon as it loads and takes it from the optional
 * @napi-rs/canvas. When that package is missing (`--omit=optional`) or its native binary does
 * not load, the 2D DOMMatrix of dom-matrix.ts stands in (the text layer needs no more), and
 * pdf.js's warnings about drawing are held back while it loads. Returns the undo of the latter.
 */
function prepareGlobals(): () => void {
  if (typeof (globalThis as { DOMMatrix?: unknown }).DOMMatrix === 'function') return () => undefined;
  let canvas: { DOMMatrix?: unknown } | undefined;
  try {
    // Resolved from pdf.js's folder, as pdf.js itself does; a loaded module is cached for it.
    canvas = createRequire(path.join(pdfjsDir(), 'legacy/build/pdf.mjs'))('@napi-rs/canvas') as typeof canvas;
  } catch {
    canvas = undefined;
  }
  if (typeof canvas?.DOMMatrix === 'function') return () => undefined;
  installDomMatrix();
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && CANVAS_WARNING.test(args[0])) return;
    warn.apply(console, args);
  };
  return () => {
    console.warn = warn;
  };
}

let pdfjsDirCache: string | null = null;
function pdfjsDir(): string {
  pdfjsDirCache ??= path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return pdfjsDirCache;
}

function errorName(err: unknown): string {
  return err && typeof err === 'object' && 'name' in err && typeof err.name === 'string' ? err.name : '';
}

/** The limits when the caller gives none (library use): the CLI's defaults, no time limit. */
function limitsOrDefault(limits: Partial<ReadLimits> | undefined): ReadLimits {
  return {
    maxBytes: limits?.maxBytes ?? DEFAULT_MAX_BYTES,
    maxPages: limits?.maxPages ?? DEFAULT_MAX_PAGES,
    deadline: limits?.deadline ?? Number.POSITIVE_INFINITY,
    timeoutMs: limits?.timeoutMs ?? 0,
  };
}

/** Refuses, before pdf.js holds any of it, a file whose streams inflate past the budget. */
function assertInflateBudget(bytes: Uint8Array, file: string, maxBytes: number): void {
  const budget = INFLATE_FACTOR * maxBytes;
  if (inflatedBytes(bytes, budget) > budget) {
    throw new InputError(
      `PDF 解压后的内容超过 ${megabytes(budget)}（上限为 --max-size 的 ${INFLATE_FACTOR} 倍；可用 --max-size 调整）`,
      file,
      'input-too-large',
    );
  }
}

async function extractLines(bytes: Uint8Array, file: string, limits: ReadLimits): Promise<PdfLine[]> {
  assertInflateBudget(bytes, file, limits.maxBytes);
  checkDeadline(limits, file);
  const pdfjs = await loadPdfJs();
  const dir = pdfjsDir();
  // pdf.js may take over the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    // Local files only: never fetch cMaps or fonts over the network.
    cMapUrl: `${path.join(dir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(dir, 'standard_fonts')}/`,
    wasmUrl: `${path.join(dir, 'wasm')}/`,
    iccUrl: `${path.join(dir, 'iccs')}/`,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPages) {
      throw new InputError(
        `PDF 页数过多（${doc.numPages} 页，上限 ${limits.maxPages} 页；可用 --max-pages 调整）`,
        file,
        'input-too-large',
      );
    }
    const lines: PdfLine[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      // pdf.js runs on this thread: the clock is read between pages.
      checkDeadline(limits, file);
      for (const l of await pageLines(await doc.getPage(p), p)) lines.push(l);
    }
    return lines;
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (errorName(err) === 'PasswordException') throw new InputError(MSG_ENCRYPTED, file, 'input-encrypted');
    throw new InputError(MSG_CORRUPT, file, 'input-corrupt');
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

export const pdfAdapter: FormatAdapter = {
  name: 'pdf',
  extensions: ['.pdf'],
  sniff: sniffPdf,
  async read(bytes: Uint8Array, file: string, limits?: Partial<ReadLimits>): Promise<SourceText> {
    return pdfTextFromLines(await extractLines(bytes, file, limitsOrDefault(limits)), file);
  },
};
