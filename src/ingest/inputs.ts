import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { lazy } from '../shared/lazy.js';

const tinyglobby = lazy<typeof import('tinyglobby')>('tinyglobby');
import { adapters } from './index.js';

/** Extensions a folder walk picks up: every adapter's, plus legacy Office ones (to say "save as .docx"). */
export function checkedExtensions(): Set<string> {
  return new Set([...adapters.flatMap((a) => a.extensions), '.doc', '.wps', '.rtf'].filter((e) => e !== ''));
}

export interface ExpandedInputs {
  /** Files to check, in a stable order (as given; a folder's or glob's files sorted by path). */
  files: string[];
  /** Files a folder or glob matched that no adapter reads (listed, not errors). */
  skipped: string[];
  /** Folders and globs that matched no file to check (an error: probably a typo). */
  empty: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/** How far into a file its fazhi signature is looked for. */
const PEEK_BYTES = 4096;

/**
 * What fazhi's own outputs begin with, by the extensions a walk would read: the HTML report's
 * generator tag, the Markdown opinion's headings, the terminal report's structure line
 * (`fazhi check dir/ -o dir/审核意见.html` must not score its own output on the next run).
 */
const OWN_OUTPUT: Array<{ extensions: string[]; marker: string; signature: RegExp }> = [
  {
    extensions: ['.html', '.htm'],
    marker: '<meta name="generator" content="fazhi',
    signature: /<meta name="generator" content="fazhi[ "]/,
  },
  { extensions: ['.md', '.markdown'], marker: '# ', signature: /^# (?:审核结果汇总|关于《.*》的审核意见)\n/ },
  { extensions: ['.txt'], marker: '结构：', signature: /^结构：[✓✗]/m },
];

// One buffer for every peek: a walk over thousands of files allocates nothing per file.
const peekBuffer = Buffer.alloc(PEEK_BYTES);

/** The first bytes of a regular file, in peekBuffer; 0 for anything else (never blocks on a FIFO). */
function peek(file: string): number {
  let fd: number | null = null;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return 0;
    return readSync(fd, peekBuffer, 0, PEEK_BYTES, 0);
  } catch {
    return 0;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * A report fazhi wrote (HTML, Markdown or terminal text), found by its first bytes. The bytes
 * are decoded only when they hold the signature's fixed part: most files do not.
 */
export function isOwnOutput(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  const kinds = OWN_OUTPUT.filter((k) => k.extensions.includes(ext));
  if (kinds.length === 0) return false;
  const n = peek(file);
  const head = peekBuffer.subarray(0, n);
  const candidates = kinds.filter((k) => head.includes(k.marker));
  if (candidates.length === 0) return false;
  const text = head.toString('utf8');
  return candidates.some((k) => k.signature.test(text));
}

export interface ExpandOptions {
  /** Files a walk or glob leaves out (the run's baseline). */
  exclude?: readonly string[];
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Plain code-point order: the same on every machine and locale. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Turn command-line inputs into files: a folder is walked for supported files, a glob
 * (quoted, e.g. 'submissions/**\/*.docx') is expanded; anything else is kept as given so
 * a missing file is reported by the reader, naming it. A walk or glob skips Word's lock files,
 * fazhi's own outputs and `exclude`; a file named on purpose is always read.
 */
export async function expandInputs(inputs: string[], options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const files: string[] = [];
  const skipped: string[] = [];
  const empty: string[] = [];
  const extensions = checkedExtensions();
  const excluded = new Set((options.exclude ?? []).map((f) => path.resolve(f)));
  const take = (input: string, matches: string[]): void => {
    const before = files.length;
    for (const file of matches.sort(byPath)) {
      // Word's owner file (~$报告.docx) stands beside an open document: a lock, not a report.
      const lock = path.basename(file).startsWith('~$');
      const read =
        !lock &&
        extensions.has(path.extname(file).toLowerCase()) &&
        !excluded.has(path.resolve(file)) &&
        !isOwnOutput(file);
      (read ? files : skipped).push(file);
    }
    if (files.length === before) empty.push(input);
  };
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    const stat = statOrNull(input);
    if (stat?.isDirectory()) {
      const base = toPosix(input).replace(/\/+$/, '');
      // A folder's README is about the folder, not a report (name it explicitly to check it).
      const found = await tinyglobby().glob('**/*', {
        cwd: input,
        onlyFiles: true,
        dot: false,
        ignore: ['**/node_modules/**', '**/README.*', '**/readme.*'],
      });
      take(
        input,
        found.map((f) => `${base}/${f}`),
      );
    } else if (!stat && GLOB_CHARS.test(input)) {
      take(input, await tinyglobby().glob(toPosix(input), { onlyFiles: true, dot: false }));
    } else {
      files.push(input);
    }
  }
  return { files, skipped, empty };
}

/**
 * The input's file-system entry; null when there is none (a glob, a typo) or it cannot be
 * read (the read then reports why). Synchronous: there are a few inputs, and loading
 * node:fs/promises would cost a one-file run more than the stat.
 */
function statOrNull(input: string): Stats | null {
  try {
    return statSync(input, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
