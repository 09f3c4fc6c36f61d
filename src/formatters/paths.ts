/**
 * How CI formats name a report's file. The only formatter module that imports `node:`: path
 * rules are the platform's (a Windows inspector's `C:\…` paths), so they stay node:path's.
 * Nothing here touches the file system.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const STDIN_NAME = '<stdin>';

/** Where a reported file is, for CI tools: relative to cwd with forward slashes; null when outside it. */
export function relativePath(file: string, cwd: string = process.cwd()): string | null {
  if (file === STDIN_NAME) return 'stdin';
  const rel = path.relative(cwd, path.resolve(cwd, file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

/** The file's absolute path with forward slashes. */
export function absolutePath(file: string, cwd: string): string {
  return path.resolve(cwd, file).split(path.sep).join('/');
}

/** The file as a file: URL. */
export function fileUrl(file: string, cwd: string): string {
  return pathToFileURL(path.resolve(cwd, file)).href;
}

/** The working directory as a file: URL ending in a slash (SARIF's %SRCROOT%). */
export function cwdUrl(cwd: string): string {
  const root = pathToFileURL(cwd).href;
  return root.endsWith('/') ? root : `${root}/`;
}
