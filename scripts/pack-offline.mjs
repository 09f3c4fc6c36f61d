// npm run pack:offline: one tarball with fazhi and its production dependencies inside
// (bundleDependencies), for machines with no npm registry (an intranet): copy the file over and
// `npm install --offline fazhi-check-<version>-offline.tgz`, no cache or network needed.
//
//   node scripts/pack-offline.mjs [--out <dir>] [--with-optional]
//
// By default the bundle is portable: it leaves out the optional native packages (@napi-rs/canvas,
// recheck), whose binaries are built for this machine's platform only; PDFs read without them
// (src/ingest/dom-matrix.ts), and third-party packs skip the static ReDoS check. --with-optional
// keeps what is installed here and names the platform in the file name.
//
// Works from the built checkout (npm run build first) and its installed node_modules: nothing is
// downloaded. The package's own files are the ones `npm pack` would publish.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const withOptional = args.includes('--with-optional');
const outIndex = args.indexOf('--out');
const outDir = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : ROOT);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, argv, cwd) {
  // npm.cmd needs a shell on Windows (Node refuses to spawn .cmd files without one).
  // Under `npm run`, npm_config_local_prefix names this checkout: it would make npm pack the
  // checkout instead of the staging folder.
  const env = { ...process.env };
  delete env.npm_config_local_prefix;
  return execFileSync(cmd, argv, { cwd, encoding: 'utf8', env, shell: process.platform === 'win32' });
}

if (!existsSync(path.join(ROOT, 'dist', 'bundle', 'cli.js'))) {
  console.error('pack-offline: dist/ is missing: run npm run build first');
  process.exit(2);
}

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const stage = mkdtempSync(path.join(os.tmpdir(), 'fazhi-offline-'));
try {
  // 1. The package's own files, as npm pack lists them.
  const listing = JSON.parse(run(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT));
  for (const { path: file } of listing[0].files) {
    mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(stage, file));
  }

  // 2. The installed production tree, from npm's record of node_modules (dev packages left out;
  //    optional ones only with --with-optional; a package of another platform is not installed).
  const modules = path.join(ROOT, 'node_modules');
  const hidden = path.join(modules, '.package-lock.json');
  const lock = JSON.parse(readFileSync(existsSync(hidden) ? hidden : path.join(ROOT, 'package-lock.json'), 'utf8'));
  const kept = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || !key.startsWith('node_modules/') || entry.dev || entry.link) continue;
    if (entry.optional && !withOptional) continue;
    const from = path.join(ROOT, key);
    if (!existsSync(path.join(from, 'package.json'))) continue;
    // Each package without its nested node_modules: the nested packages have entries of their own.
    cpSync(from, path.join(stage, key), {
      recursive: true,
      dereference: true,
      filter: (src) => path.relative(from, src).split(path.sep)[0] !== 'node_modules',
    });
    kept.push(key);
  }

  // 3. package.json: bundle every dependency; without the optional ones, stop npm looking for them.
  const staged = { ...pkg, bundleDependencies: true };
  delete staged.devDependencies;
  delete staged.scripts;
  if (!withOptional) delete staged.optionalDependencies;
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);

  // 4. Pack the staging folder; npm pack names the file after name and version.
  mkdirSync(outDir, { recursive: true });
  const packed = JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', stage], stage))[0];
  const suffix = withOptional ? `offline-${process.platform}-${process.arch}` : 'offline';
  const target = path.join(outDir, `${pkg.name}-${pkg.version}-${suffix}.tgz`);
  rmSync(target, { force: true });
  renameSync(path.join(stage, packed.filename), target);
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  const shown = path.relative(process.cwd(), target);
  console.log(
    `${shown.startsWith('..') ? target : shown}: ${mb(packed.size)} (${mb(packed.unpackedSize)} unpacked), ${kept.length} bundled packages${withOptional ? ', with the optional ones of this platform' : ''}`,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}
