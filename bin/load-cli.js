'use strict';
// Loads the bundled CLI (dist/bundle/cli.js) with the V8 code cache that scripts/bundle.mjs
// writes at build time. Node 20 has no compile cache of its own: without one, every start
// parses the bundle and compiles each function it runs again, which took more of a one-report
// run than the check itself. bin/ is CommonJS (bin/package.json): Node starts a CommonJS
// entry without setting up its ES module loader.
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

// Release builds of V8 trust a code cache's bytes once its header matches, and a corrupted
// cache ran as corrupted bytecode (a bit flipped: an endless loop). With this flag V8 checks
// the cache's checksum first. Flags are part of what a cache is keyed by: the build sets it too
// (it loads the bundle through this file), or every cache would be rejected.
v8.setFlagsFromString('--verify-snapshot-checksum');
// A long batch keeps 30–50 MB alive (each report's summary, the paragraphs compared at the end),
// and V8, finding its collections cheap, let the old space grow to three times that before the
// next: 10,000 reports peaked at 300–320 MB. Growing it by 40 % at a time holds them to about
// 200 MB, in the same time (README §Performance). Set here, before any code is compiled, for the
// same reason as the flag above: it is part of the caches' key.
v8.setFlagsFromString('--heap-growing-percent=40');
// TurboFan inlines up to 920 bytes of bytecode into each function it optimises. A batch's first
// few hundred reports run while the hot functions are compiled, and each wrong guess about a
// shape throws one away to be compiled again (computeFacts, with all it inlined, took 100–150 ms
// a time, three times a run). Inlining at most 150 bytes makes each compilation smaller and what
// a wrong guess throws away less, at no cost once warm: 1,000 diverse reports (-f json, 12
// alternating runs) took 0.95 of the time and 0.85 of the CPU (README §Performance). A cache key
// as well.
v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');

const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle', 'cli.js');
const CODE_CACHE = `${BUNDLE}.v8cache`;

/**
 * Run a CommonJS bundle from its V8 code cache (compiled as usual when the cache is absent or refused).
 * @param {string} bundle the bundle's file
 * @param {string} codeCache its cache file
 * @param {string} source the bundle's text
 * @returns {{ exports: any, script: import('node:vm').Script, cache: 'accepted' | 'rejected' | 'absent' }}
 */
function runBundle(bundle, codeCache, source) {
  let cachedData;
  try {
    cachedData = fs.readFileSync(codeCache);
  } catch {
    cachedData = undefined; // not built yet, or removed: compile as usual
  }
  // CommonJS's own wrapper, and import() from here: Node 20 drops it in code from a cache.
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, loaderImport) {${source}\n})`,
    {
      filename: bundle,
      cachedData,
    },
  );
  const module = { exports: {} };
  const loaderImport = (specifier) => import(specifier);
  script.runInThisContext()(
    module.exports,
    require('node:module').createRequire(bundle),
    module,
    bundle,
    path.dirname(bundle),
    loaderImport,
  );
  const cache = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { exports: module.exports, script, cache };
}

/**
 * @param {string} codeCache the cache file (tests hand in damaged ones)
 * @returns {{ main: typeof import('../dist/cli/main.js').main, script: import('node:vm').Script,
 *   cache: 'accepted' | 'rejected' | 'absent' }}
 */
function loadCli(codeCache = CODE_CACHE) {
  let source;
  try {
    source = fs.readFileSync(BUNDLE, 'utf8');
  } catch (error) {
    const notBuilt = new Error(
      `fazhi: ${path.relative(process.cwd(), BUNDLE) || BUNDLE}: 找不到命令行程序（${error.code ?? error.message}），请先运行 npm run build`,
    );
    notBuilt.code = 'FAZHI_NOT_BUILT';
    throw notBuilt;
  }
  const { exports, script, cache } = runBundle(BUNDLE, codeCache, source);
  return { main: exports.main, script, cache };
}

module.exports = { loadCli, runBundle, CODE_CACHE };
