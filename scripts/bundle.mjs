// Build step (npm run build, after tsc): the CLI as one CommonJS file, and its V8 code cache.
// Node 20 loads ES modules file by file, each through its loader, and has no compile cache:
// at start-up that cost more than the check of a report. bin/load-cli.js runs the bundle with
// the cache; the library (dist/index.js) stays tsc's output.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// Loaded on first use (see src/shared/lazy.ts) or only by some commands: they stay packages.
const external = [
  'pdfjs-dist',
  '@eslint-community/regexpp',
  'ajv',
  'recheck',
  'yaml',
  'fflate',
  'htmlparser2',
  'domutils',
  'iconv-lite',
  'tinyglobby',
  'picomatch',
  'cli-progress',
];

// node:child_process brings net and dgram along: 5 ms of a one-report run that starts no program. Commander
// requires it when it loads (for subcommands run as separate programs, which fazhi has none of), and so does the
// converter (LibreOffice, for .doc and .wps). Both get a stand-in that loads the module on first use; its named
// exports are functions (esbuild copies an ES module's named imports eagerly, and a Proxy has no keys to copy).
const LAZY_CHILD_PROCESS = `
let loaded;
const childProcess = () => (loaded ??= require('node:child_process'));
export const spawn = (...args) => childProcess().spawn(...args);
export const spawnSync = (...args) => childProcess().spawnSync(...args);
export const execFile = (...args) => childProcess().execFile(...args);
export const execFileSync = (...args) => childProcess().execFileSync(...args);
export const exec = (...args) => childProcess().exec(...args);
export const execSync = (...args) => childProcess().execSync(...args);
export const fork = (...args) => childProcess().fork(...args);
`;
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    // The stand-in's own require is the real module.
    build.onResolve({ filter: /^(node:)?child_process$/ }, ({ namespace }) =>
      namespace === 'lazy-builtin' ? undefined : { path: 'child_process', namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({ contents: LAZY_CHILD_PROCESS, loader: 'js' }));
  },
};

// chalk detects the terminal's colours when it loads (its default instance), which loads node:tty and node:os: 1–7 ms
// of a one-report run. fazhi never uses that instance: it decides colour itself (cli/color.ts) and builds every Chalk
// with an explicit level. So the bundle's chalk detects nothing.
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, ({ importer }) =>
      /[\\/]chalk[\\/]/.test(importer) ? { path: 'supports-color', namespace: 'no-detection' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-detection' }, () => ({
      contents: 'export const createSupportsColor = () => false;\nexport default { stdout: false, stderr: false };\n',
      loader: 'js',
    }));
  },
};

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regex literals and
 * comments, and one such character makes V8 decode the whole file into a two-byte string (3 ms
 * at start-up). In both places \uXXXX means the same UTF-16 unit (a surrogate pair still makes
 * one code point under the u flag); an identity escape like \。 loses its backslash.
 */
function asciiOnly(code) {
  // eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: everything outside ASCII
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, ch) => {
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

rmSync('dist/bundle', { recursive: true, force: true });
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  // The sources are ES modules and find their data files and the worker from import.meta.url.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [lazyChildProcess, chalkWithoutDetection],
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['dist/cli/main.js'], outfile: 'dist/bundle/cli.js' });
await build({ ...common, entryPoints: ['dist/run/worker.js'], outfile: 'dist/bundle/worker-main.js' });
for (const file of ['dist/bundle/cli.js', 'dist/bundle/worker-main.js'])
  writeFileSync(file, asciiOnly(readFileSync(file, 'utf8')));
// A worker thread starts from dist/bundle/worker.js: the worker bundle run from its own code cache, as the CLI is.
// Without one, a worker spent about 150 ms compiling before its first report was checked.
writeFileSync(
  'dist/bundle/worker.js',
  `'use strict';
// The worker thread's entry (written by scripts/bundle.mjs): worker-main.js run from its V8 code cache.
const fs = require('node:fs');
const path = require('node:path');
const { parentPort } = require('node:worker_threads');
const { runBundle } = require(path.join(__dirname, '..', '..', 'bin', 'load-cli.js'));
const bundle = path.join(__dirname, 'worker-main.js');
const { script, cache } = runBundle(bundle, bundle + '.v8cache', fs.readFileSync(bundle, 'utf8'));
// The build asks for the cache once the worker has checked a report; a test asks whether it was accepted.
parentPort?.on('message', (m) => {
  if (m && m.writeCodeCache) {
    fs.writeFileSync(m.writeCodeCache, script.createCachedData());
    parentPort.postMessage({ codeCacheWritten: true });
  } else if (m && m.codeCacheStatus) parentPort.postMessage({ codeCache: cache });
});
`,
);
// The package is "type": "module"; these two files are CommonJS.
writeFileSync('dist/bundle/package.json', '{ "type": "commonjs" }\n');

// The code cache: compile the bundle, check a sample report (so the functions a check runs
// are compiled too, not only the top level), then let V8 serialise what it compiled.
const { loadCli, CODE_CACHE } = (await import('../bin/load-cli.js')).default;
const { main, script } = loadCli();
const quiet = () => {};
const code = await main(['check', 'reports/taojia-2025.txt', '--no-config'], {
  stdout: quiet,
  stderr: quiet,
  env: {},
  isTTY: false,
  stderrIsTTY: false,
});
if (code > 1) throw new Error(`bundle: the training check exited ${code}`);
writeFileSync(CODE_CACHE, script.createCachedData());

// The worker's cache: a worker thread checks a sample report, then serialises what it compiled.
{
  const { Worker } = await import('node:worker_threads');
  const library = await import('../dist/index.js');
  const { poolSetupOf } = await import('../dist/run/safety.js');
  const checker = new library.ReportChecker(library.compileRuleSet(library.loadPackSet()));
  const worker = new Worker('./dist/bundle/worker.js', {
    workerData: { setup: poolSetupOf(checker), head: library.runHead(checker, []), timeoutMs: 60_000 },
  });
  const next = (test) =>
    new Promise((resolve, reject) => {
      const onMessage = (m) => {
        if ('error' in m) reject(new Error(`bundle: the worker's training check failed: ${m.error}`));
        else if (test(m)) {
          worker.off('message', onMessage);
          resolve(m);
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  await next((m) => m.ready === true);
  worker.postMessage({ index: 0, file: 'reports/taojia-2025.txt' });
  await next((m) => m.index === 0);
  worker.postMessage({ writeCodeCache: 'dist/bundle/worker-main.js.v8cache' });
  await next((m) => m.codeCacheWritten === true);
  await worker.terminate();
}
