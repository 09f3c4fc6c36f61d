/**
 * How CI formats name a report's file. The only formatter module that imports `node:`: path
 * rules are the platform's (a Windows inspector's `C:\…` and `\\server\share` paths), so they
 * stay node:path's; `api` lets tests use path.win32 on any machine. Nothing here touches the
 * file system.
 *
 * File names are as the user gave them, relative to `base` (the folder fazhi ran in); links
 * are relative to `root` (the repository root: --sarif-root), which may be above `base`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const STDIN_NAME = '<stdin>';

export type PathApi = typeof path.posix;

/** Where a reported file is, for CI tools: relative to root with forward slashes; null when outside it. */
export function relativePath(
  file: string,
  root: string = process.cwd(),
  base: string = process.cwd(),
  api: PathApi = path,
): string | null {
  if (file === STDIN_NAME) return 'stdin';
  const rel = api.relative(root, api.resolve(base, file));
  if (rel === '' || rel.startsWith('..') || api.isAbsolute(rel)) return null;
  return rel.split(api.sep).join('/');
}

/** The file's absolute path with forward slashes. */
export function absolutePath(file: string, base: string = process.cwd(), api: PathApi = path): string {
  return api.resolve(base, file).split(api.sep).join('/');
}

/** The file as a file: URL. */
export function fileUrl(file: string, base: string = process.cwd(), api: PathApi = path): string {
  return pathToFileURL(api.resolve(base, file), { windows: api === path.win32 }).href;
}

/** A folder as a file: URL ending in a slash (SARIF's %SRCROOT%). */
export function cwdUrl(root: string, api: PathApi = path): string {
  const url = pathToFileURL(root, { windows: api === path.win32 }).href;
  return url.endsWith('/') ? url : `${url}/`;
}
