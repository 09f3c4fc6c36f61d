// Build step (npm run build, after tsc): the CLI as a few ES modules instead of ~80.
// Node 20 loads each module file by file, without a compile cache: at start-up that costs
// more than the check of a report. bin/fazhi.js runs the bundle; the library (dist/index.js)
// stays tsc's output.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Loaded on first use (see src/lazy.ts) or only by some commands: they stay packages.
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

// Bundled CommonJS (commander, json-rules-engine) requires Node's own modules; an ES module
// has no `require`. Node 20.16+ hands built-ins out directly, older releases via node:module.
const banner = `const require = globalThis.process.getBuiltinModule
  ? ((load) => (id) => { const m = load(id); if (m === undefined) throw new Error(\`fazhi: \${id} is not bundled\`); return m; })(globalThis.process.getBuiltinModule.bind(globalThis.process))
  : (await import('node:module')).createRequire(import.meta.url);`;

rmSync('dist/bundle', { recursive: true, force: true }); // chunk names carry hashes: no stale ones
await build({
  entryPoints: ['dist/cli/main.js', 'dist/run-worker.js'],
  outdir: 'dist/bundle',
  outbase: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  banner: { js: banner },
  logLevel: 'warning',
});
