/**
 * `fazhi web --out <dir>`: the self-check page as a folder (built by `npm run build` into
 * dist/site/, see web/build.ts), and `fazhi serve`: that folder over http on 127.0.0.1 only.
 * Nothing is checked here: the page checks in the browser.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { FazhiError, UsageError } from '../shared/errors.js';
import { fromRoot } from '../shared/paths.js';
import { visible } from '../shared/safe-text.js';
import type { CliIO } from './main.js';
import { SITE_CSP, SITE_FILES, SITE_MARKER } from './site.js';

const BUILT_SITE = fromRoot('dist', 'site');
export const DEFAULT_PORT = 8765;

const statOrNull = (p: string) => {
  try {
    return statSync(p);
  } catch {
    return null;
  }
};

/** The built site's files, by name. */
function siteFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of SITE_FILES) {
    try {
      files.set(name, readFileSync(path.join(BUILT_SITE, name)));
    } catch {
      throw new FazhiError('自查网页尚未构建（请先运行 npm run build）', path.join(BUILT_SITE, name), null, 'internal');
    }
  }
  return files;
}

/** A folder holding a page fazhi wrote (index.html carries the marker): it may be rebuilt. */
function isSiteFolder(dir: string): boolean {
  try {
    return readFileSync(path.join(dir, 'index.html'), 'utf8').includes(`content="${SITE_MARKER}`);
  } catch {
    return false;
  }
}

/**
 * Write the site into `dir` as a whole: built in a temporary sibling and renamed into place, so
 * a failure leaves the folder as it was. A folder that is neither empty nor a fazhi site is
 * refused before anything is written: its files are the user's.
 */
export function writeSite(dir: string): void {
  const stat = statOrNull(dir);
  if (stat && !stat.isDirectory()) throw new UsageError(`--out ${dir}: 已存在且不是目录，不会被覆盖`);
  const replacing = stat !== null && readdirSync(dir).length > 0;
  if (replacing && !isSiteFolder(dir))
    throw new UsageError(`--out ${dir}: 目录不是空的，也不是 fazhi 自查网页，不会覆盖其中的文件：请换一个目录`);
  const files = siteFiles();
  const parent = path.dirname(path.resolve(dir));
  const temp = path.join(parent, `.${path.basename(dir)}.${process.pid}.tmp`);
  const old = path.join(parent, `.${path.basename(dir)}.${process.pid}.old`);
  try {
    mkdirSync(parent, { recursive: true });
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(temp);
    for (const [name, bytes] of files) writeFileSync(path.join(temp, name), bytes);
    if (stat) renameSync(dir, old);
    renameSync(temp, dir);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    // The old folder is put back if it was moved aside and the new one is not in place.
    if (statOrNull(old) && !statOrNull(dir)) renameSync(old, dir);
    const code = (e as NodeJS.ErrnoException).code;
    throw new FazhiError(`无法写入自查网页：${code ?? (e as Error).message}`, dir, null, 'output-write');
  }
}

export function webCommand(options: { out?: string }, io: CliIO): number {
  if (!options.out) throw new UsageError('fazhi web 需要 --out <目录>（自查网页写到哪里）');
  writeSite(options.out);
  const index = path.join(options.out, 'index.html');
  io.stdout(`已生成自查网页：${visible(index)}（用浏览器直接打开即可；报告只在本机检查，不会上传）\n`);
  return 0;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The file under `root` a request names, or null (outside it, hidden, or not a file). */
export function resolveRequest(root: string, url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.resolve(root, `.${pathname}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return null;
  if (
    path
      .relative(root, file)
      .split(path.sep)
      .some((part) => part.startsWith('.'))
  )
    return null;
  return statOrNull(file)?.isFile() ? file : null;
}

function handler(root: string): http.RequestListener {
  return (request, response) => {
    const headers = {
      'Content-Security-Policy': SITE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('只支持 GET\n');
      return;
    }
    const file = resolveRequest(root, request.url ?? '/');
    if (!file) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('没有这个文件\n');
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${raw}: 应为 0–65535 之间的整数（0 表示任选一个空闲端口）`);
  return port;
}

export interface ServeOptions {
  port?: string;
  dir?: string;
}

/** Serve the site until SIGINT/SIGTERM (or `stop`, for tests); resolves with the exit code. */
export async function serveCommand(
  options: ServeOptions,
  io: CliIO,
  stop: Promise<void> = signalled(),
): Promise<number> {
  const port = parsePort(options.port);
  let root: string;
  let temp: string | null = null;
  if (options.dir !== undefined) {
    if (!statOrNull(options.dir)?.isDirectory())
      throw new UsageError(`--dir ${options.dir}: 不是目录（先用 fazhi web --out <目录> 生成自查网页）`);
    if (!statOrNull(path.join(options.dir, 'index.html'))?.isFile())
      throw new UsageError(`--dir ${options.dir}: 目录中没有 index.html，不是自查网页`);
    root = path.resolve(options.dir);
  } else {
    temp = path.join(os.tmpdir(), `fazhi-site-${process.pid}-${Date.now().toString(36)}`);
    writeSite(temp);
    root = temp;
  }
  const server = http.createServer(handler(root));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    if (temp) rmSync(temp, { recursive: true, force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`--port ${port}: 端口已被占用，请用 --port 换一个`);
    throw new FazhiError(`无法在 127.0.0.1:${port} 上启动：${code ?? (e as Error).message}`, null, null, 'internal');
  }
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  io.stdout(`自查网页：http://127.0.0.1:${actual}/ （只在本机可访问；按 Ctrl+C 停止）\n`);
  await stop;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (temp) rmSync(temp, { recursive: true, force: true });
  io.stdout('已停止自查网页\n');
  return 0;
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
