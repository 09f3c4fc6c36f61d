/**
 * The bundled CLI starts from the V8 code cache written by `npm run build` (bin/load-cli.js,
 * scripts/bundle.mjs). A cache V8 rejects still works, only slower: these tests make sure
 * the build's cache is one V8 accepts, and that the bundle stays ASCII (one other character
 * and V8 decodes the whole bundle into a two-byte string at every start). Every CLI test
 * runs through the cached bundle too (PDF input: an import() from cached code).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the CLI bundle and its code cache', () => {
  it('a fresh node process accepts the cache the build wrote', () => {
    // Outside vitest: its workers run with V8 flags of their own, which a cache is keyed by.
    const r = spawnSync(
      process.execPath,
      ['-e', "process.stdout.write(require('./bin/load-cli.js').loadCli().cache)"],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('accepted');
  });

  it('a worker thread accepts the cache the build wrote for the worker bundle', () => {
    const script = `
      const { Worker } = require('node:worker_threads');
      const w = new Worker('./dist/bundle/worker.js', { workerData: { setup: { packs: [], params: {} }, head: {} } });
      w.on('message', (m) => {
        if ('codeCache' in m) { process.stdout.write(m.codeCache); w.terminate(); }
      });
      w.postMessage({ codeCacheStatus: true });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('accepted');
  });

  it('a damaged cache is refused, not run: the CLI compiles the bundle and checks as usual', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cache-'));
    const damaged = path.join(dir, 'cli.js.v8cache');
    const bytes = fs.readFileSync('dist/bundle/cli.js.v8cache');
    const middle = bytes.length >> 1;
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle); // one flipped byte in the bytecode
    fs.writeFileSync(damaged, bytes);
    const script = `
      const { loadCli } = require('./bin/load-cli.js');
      const { main, cache } = loadCli(${JSON.stringify(damaged)});
      let out = '';
      main(['check', 'reports/taojia-2025.txt', '--no-config', '-f', 'json'], { stdout: (t) => (out += t), stderr: () => {}, env: {}, isTTY: false, stderrIsTTY: false })
        .then((code) => process.stdout.write(JSON.stringify({ cache, code, score: JSON.parse(out).reports[0].score.total })));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    fs.rmSync(dir, { recursive: true });
    expect(r.stderr).toBe('');
    const { cache, code, score } = JSON.parse(r.stdout) as { cache: string; code: number; score: number };
    expect(cache).toBe('rejected');
    expect(code).toBe(0); // warnings only: the default --fail-on is error
    expect(score).toBeGreaterThan(0);
  });

  it('a checkout that was never built says so in one line, exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-unbuilt-'));
    fs.cpSync('bin', path.join(dir, 'bin'), { recursive: true });
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'fazhi.js'), 'check', 'reports/taojia-2025.txt'], {
      encoding: 'utf8',
    });
    fs.rmSync(dir, { recursive: true });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^fazhi: .*dist[\\/]bundle[\\/]cli\.js: 找不到命令行程序（ENOENT），请先运行 npm run build\n$/,
    );
  });

  it('a one-report check loads neither node:child_process nor node:tty (bundle stand-ins: 5–12 ms of a start)', () => {
    // Node's own list of the built-in modules it loaded, written at exit; stdout and stderr a file (a pipe loads net).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-modules-'));
    const list = path.join(dir, 'modules.txt');
    const preload = path.join(dir, 'list.cjs');
    fs.writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`,
    );
    const out = fs.openSync(path.join(dir, 'out.txt'), 'w');
    const r = spawnSync(
      process.execPath,
      ['-r', preload, 'bin/fazhi.js', 'check', 'reports/taojia-2025.txt', '--no-config'],
      {
        stdio: ['ignore', out, out],
        encoding: 'utf8',
      },
    );
    fs.closeSync(out);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).toContain('结构：');
    const loaded = fs.readFileSync(list, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule fs');
    expect(loaded.filter((m) => /^NativeModule (child_process|tty|net|dgram)$/.test(m))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the bundle is plain ASCII', () => {
    const code = fs.readFileSync('dist/bundle/cli.js', 'utf8');
    expect(code.match(/[^\x00-\x7f]/)).toBeNull();
  });
});

describe("the CLI's heap", () => {
  // What a long batch does to the heap, in small: data that stays (the reports' summaries)
  // and garbage that lives long enough to reach the old space. Prints the old space's peak
  // over what is alive at the end.
  const workload = (loadCli: boolean) => `
    ${loadCli ? "require('./bin/load-cli.js');" : ''}
    const v8 = require('node:v8');
    const oldSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_size;
    const kept = [];
    for (let i = 0; i < 200000; i++) kept.push({ i, text: 'x'.repeat(80) + i });
    const ring = new Array(50000);
    let peak = 0;
    for (let i = 0; i < 3000000; i++) {
      ring[i % ring.length] = { i, text: 'y'.repeat(40) + i };
      if (i % 10000 === 0) peak = Math.max(peak, oldSpace());
    }
    global.gc();
    process.stdout.write(String(peak / v8.getHeapStatistics().used_heap_size + 0 * kept.length * ring.length));`;
  const ratio = (loadCli: boolean): number => {
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', workload(loadCli)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return Number(r.stdout);
  };

  it('grows the old space by a little at a time (load-cli.js: 1.7–2.1× the live data here), where V8 alone lets it reach 4×', () => {
    expect(ratio(false)).toBeGreaterThan(3);
    expect(ratio(true)).toBeLessThan(2.5);
  });
});

describe("a batch's nursery (run/nursery.ts)", () => {
  // Allocation most of which survives a scavenge, as a batch's main thread's does; prints the
  // young generation's size afterwards, in MB.
  const churn = `
    const v8 = require('node:v8');
    let keep = [];
    for (let i = 0; i < 3000000; i++) { keep.push({ i }); if (keep.length > 300000) keep = []; }
    process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576));`;
  const nursery = "const n = require('./dist/run/nursery.js');";
  const youngAfter = (script: string): number => {
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    return Number(r.stdout);
  };
  const withWorker = (rehold: boolean) => `${nursery}
    n.holdNursery();
    const { Worker } = require('node:worker_threads');
    const w = new Worker(${JSON.stringify(rehold ? `require(${JSON.stringify(path.resolve('dist/run/nursery.js'))}).holdNursery();` : '0;')}, { eval: true });
    w.on('exit', () => { ${churn} });`;

  it('held, the young generation stays at its starting size; released, V8 doubles it to 32 MB', () => {
    expect(youngAfter(`${nursery} n.holdNursery(); ${churn}`)).toBeLessThanOrEqual(4);
    expect(youngAfter(`${nursery} n.holdNursery(); n.releaseNursery(); ${churn}`)).toBeGreaterThanOrEqual(16);
  });

  it('a batch of fewer than 2,000 files lets it grow again; from 2,000 it stays held', () => {
    const settled = (files: number) => youngAfter(`${nursery} n.holdNursery(); n.settleNursery(${files}); ${churn}`);
    expect(settled(1)).toBeGreaterThanOrEqual(16);
    expect(settled(1999)).toBeGreaterThanOrEqual(16);
    expect(settled(2000)).toBeLessThanOrEqual(4);
    expect(settled(10000)).toBeLessThanOrEqual(4);
  });

  it("a worker's start undoes the hold for the whole process, and the worker holding it again restores it", () => {
    expect(youngAfter(withWorker(false))).toBeGreaterThanOrEqual(16);
    expect(youngAfter(withWorker(true))).toBeLessThanOrEqual(4);
  });
});
