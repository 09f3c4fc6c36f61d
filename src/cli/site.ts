/** What the CLI and the site builder agree on about the self-check site (no Node, no esbuild). */

/** Nothing from elsewhere, no inline script; blob: for pdf.js's worker and downloads. */
export const SITE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src blob:; connect-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** In index.html's generator meta: a folder holding it is a fazhi site (may be rebuilt in place). */
export const SITE_MARKER = 'fazhi-self-check-page';

/** Every file of the site, in the order they are written. */
export const SITE_FILES = [
  'index.html',
  'fazhi.css',
  'packs.js',
  'app.js',
  'opencc.js',
  'yaml.js',
  'pdf.js',
  'pdf-worker.js',
] as const;

/**
 * Loaded when the page opens (the size budget); the others only when needed: pdf.js and its
 * worker for a PDF, opencc.js for traditional script, yaml.js for a province's pack.
 */
export const START_FILES = ['index.html', 'fazhi.css', 'packs.js', 'app.js'] as const;
