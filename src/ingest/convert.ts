/**
 * Legacy Word and WPS files (.doc, .wps: OLE containers) converted to .docx by LibreOffice,
 * headless, where it is installed; the .docx is then read like any other. Elsewhere the legacy
 * reader's message stands (请另存为 .docx). I/O at the edge: a child process and a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../shared/errors.js';

/** LibreOffice's programs, as Debian, other Linux distributions, macOS and Windows install them. */
const PROGRAMS = ['soffice', 'libreoffice'];
const EXTRA_DIRS = [
  '/Applications/LibreOffice.app/Contents/MacOS',
  'C:\\Program Files\\LibreOffice\\program',
  'C:\\Program Files (x86)\\LibreOffice\\program',
];

let found: string | null | undefined;

/** The LibreOffice program: FAZHI_SOFFICE (empty: none), else the first on PATH or in the usual places. */
export function libreOffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FAZHI_SOFFICE !== undefined) return env.FAZHI_SOFFICE === '' ? null : env.FAZHI_SOFFICE;
  if (found !== undefined) return found;
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...EXTRA_DIRS];
  const names = process.platform === 'win32' ? PROGRAMS.map((p) => `${p}.exe`) : PROGRAMS;
  for (const dir of dirs) {
    for (const name of names) {
      try {
        accessSync(path.join(dir, name), constants.X_OK);
        return (found = path.join(dir, name));
      } catch {
        // not here
      }
    }
  }
  return (found = null);
}

/** One profile per thread: LibreOffice's first start in a fresh profile costs seconds, later ones do not. */
let profile: string | undefined;

/**
 * The folder that holds this process's profiles, one per thread, made once and removed when the
 * process ends (half a megabyte a profile). The main thread removes its workers' profiles too: a
 * terminated worker runs no exit handler of its own.
 */
let profiles: string | undefined;
let named = 0;

/** A profile folder for a thread, named here and made on its first conversion. */
export function newLegacyProfile(): string {
  if (!profiles) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-lo-profiles-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    profiles = dir;
  }
  return path.join(profiles, `t${++named}`);
}

/** A worker thread's profile: one the main thread named (newLegacyProfile) and will remove. */
export function useLegacyProfile(dir: string): void {
  profile = dir;
}

/**
 * The .docx LibreOffice makes of a legacy file, or an InputError saying why not (encrypted, damaged,
 * too slow). `timeoutMs` bounds the conversion: LibreOffice is killed when it runs over.
 */
export function convertLegacy(bytes: Uint8Array, file: string, program: string, timeoutMs: number): Uint8Array {
  const work = mkdtempSync(path.join(os.tmpdir(), 'fazhi-convert-'));
  profile ??= newLegacyProfile();
  mkdirSync(profile, { recursive: true, mode: 0o700 });
  try {
    // A plain ASCII name: the input's own may be anything, and LibreOffice names the output after it.
    const input = path.join(work, 'input.doc');
    writeFileSync(input, bytes);
    const run = spawnSync(
      program,
      [
        `-env:UserInstallation=file://${profile.split(path.sep).join('/')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        work,
        input,
      ],
      { timeout: timeoutMs, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output = readdirSync(work).find((f) => f.endsWith('.docx'));
    if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
      throw new InputError(
        `LibreOffice 转换旧版 Word 文件超时（${Math.round(timeoutMs / 1000)} 秒），请另存为 .docx`,
        file,
        'input-timeout',
      );
    }
    if (run.status !== 0 || output === undefined) {
      throw new InputError(
        '旧版 Word（.doc/.wps）文件无法由 LibreOffice 转换（可能已加密或已损坏），请用 Word 或 WPS 另存为 .docx（未加密）',
        file,
        'input-unsupported',
      );
    }
    return readFileSync(path.join(work, output));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
