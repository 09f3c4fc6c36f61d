// The pdf.js script of the site (pdf.js), loaded only when a PDF is checked (pdf.ts).
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

(globalThis as { fazhiPdfjs?: unknown }).fazhiPdfjs = pdfjs;
