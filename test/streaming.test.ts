// Outputs are written report by report (memory stays flat over thousands of files). What
// lands in the files must be exactly what each format gives for the whole run at once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Checker } from '../src/report/checker.js';
import { exitCode } from '../src/formatters/gate.js';
import { emptyConfig } from '../src/config/load.js';
import { FORMAT_NAMES, loadFormatter } from '../src/formatters/index.js';
import { loadPackSet } from '../src/packs/load.js';
import { summarizeRun } from '../src/report/result.js';
import { runCheck } from '../src/run/batch.js';
import { slowdownOf, workersPayOff } from '../src/run/pool.js';
import { MINIMAL_PACK, ROOT, runCli } from './helpers.js';

let tmp = '';
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-stream-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const EXTENSION: Record<string, string> = {
  stylish: 'txt',
  json: 'json',
  sarif: 'sarif',
  junit: 'xml',
  github: 'log',
  markdown: 'md',
  html: 'html',
  csv: 'csv',
};

describe('streamed outputs equal the whole-run formatters', () => {
  it.each([
    ['several reports and an unreadable file', ['reports/', 'reports/missing.txt']],
    ['one report', ['reports/taojia-2025.txt']],
    ['no report at all', ['reports/missing.txt']],
  ])('%s: every format, byte for byte', async (_name, inputs) => {
    const dir = fs.mkdtempSync(path.join(tmp, 'out-'));
    const outputs = FORMAT_NAMES.flatMap((f) => ['-f', f, '-o', path.join(dir, `result.${EXTENSION[f]}`)]);
    const r = runCli(['check', ...inputs, ...outputs, '--no-config', '--jobs', '1']);
    const run = await runCheck(inputs, new Checker(loadPackSet(), emptyConfig(ROOT)), { jobs: 1 });
    const code = exitCode(summarizeRun(run), { failOn: 'error', minScore: null, maxWarnings: null });
    expect(r.code).toBe(code);
    for (const format of FORMAT_NAMES) {
      const expected = (await loadFormatter(format))(run, {
        color: false,
        verbose: false,
        exitCode: code,
        failOn: 'error',
        cwd: ROOT,
      } as never);
      expect(fs.readFileSync(path.join(dir, `result.${EXTENSION[format]}`), 'utf8'), format).toBe(expected);
    }
    // Nothing temporary is left beside the outputs.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a format whose head needs the whole run (a ranking first) prints the same on standard output', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'stdout-'));
    for (const format of ['markdown', 'junit', 'stylish', 'json']) {
      const file = path.join(dir, `result.${EXTENSION[format]}`);
      const toFile = runCli(['check', 'reports/', '--no-config', '--fail-on', 'never', '-f', format, '-o', file]);
      const toStdout = runCli(['check', 'reports/', '--no-config', '--fail-on', 'never', '-f', format]);
      expect(toFile.code).toBe(0);
      expect(toStdout.stdout, format).toBe(fs.readFileSync(file, 'utf8'));
    }
  });
});

describe('standard output', () => {
  it('a reader that stops early (| head) ends nothing badly: no crash, exit code kept, files still written', () => {
    const out = path.join(tmp, 'piped.json');
    const command = `set -o pipefail; "${process.execPath}" bin/fazhi.js check reports/ --no-config --fail-on never -f json -o "${out}" -f stylish | head -1`;
    const r = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('reports/draft-low-mediation.txt\n');
    expect((JSON.parse(fs.readFileSync(out, 'utf8')) as { reports: unknown[] }).reports).toHaveLength(5);
  });
});

describe('inputs', () => {
  it('a run handed the inputs its caller expanded checks those and walks nothing again', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'walked-'));
    for (const name of ['a.txt', 'b.txt'])
      fs.copyFileSync(path.join(ROOT, 'reports', 'taojia-2025.txt'), path.join(dir, name));
    const checker = new Checker(loadPackSet(), emptyConfig());
    const walked = await runCheck([dir], checker, { jobs: 1 });
    expect(walked.reports.map((r) => path.basename(r.file))).toEqual(['a.txt', 'b.txt']);
    // What the CLI counted and protected (a file that appears later is not in it).
    const one = path.join(dir, 'b.txt');
    const given = await runCheck([dir], checker, { jobs: 1, expanded: { files: [one], skipped: [], empty: [] } });
    expect(given.reports.map((r) => r.file)).toEqual([one]);
  });
});

describe('worker threads', () => {
  it('join a run whose files left are worth 5 s at the head-start pace', () => {
    const text = [4, 3.5, 3, 20, 4.5]; // ms per plain-text report in the head start; one slow outlier does not count
    const word = [161, 18, 19, 33, 18]; // .docx: unzipping and reading the XML cost more per file
    const pays = (pace: number[], left: number) => workersPayOff(pace, left, 250);
    expect(pays(text, 980)).toBe(false); // ≈ 3.9 s: 1,000 text reports stay on one thread
    expect(pays(text, 1_200)).toBe(false); // ≈ 4.8 s: where a worker breaks even
    expect(pays(text, 1_980)).toBe(true); // ≈ 7.9 s: 2,000 get a worker
    expect(pays(word, 995)).toBe(true); // ≈ 19 s: 1,000 Word files get a worker
    expect(pays(word, 250)).toBe(false); // ≈ 4.8 s
    expect(pays([1, 1.2, 0.9], 4_000)).toBe(false); // tiny files: ≈ 4 s in all
    expect(pays([400, 350], 10)).toBe(false); // 10 PDFs: ≈ 3.8 s
    expect(pays([], 39)).toBe(true); // 40 PDFs, none finished: each takes at least the head start, ≈ 10 s
    expect(pays([], 15)).toBe(false); // ≈ 3.8 s at least
    expect(pays([], 0)).toBe(false);
  });

  it('raise the bar as much as this process started slower than a quiet machine does', () => {
    // The same 1,000 text reports in a phase twice as slow: the pace doubles, and so does a
    // worker's own start, so they stay on one thread; 3,000 still get a worker.
    const slowText = [8, 7, 6, 40, 9];
    const slowdown = slowdownOf(160);
    expect(slowdown).toBe(2);
    expect(workersPayOff(slowText, 980, 250)).toBe(true); // ≈ 7.8 s against the bar of 5
    expect(workersPayOff(slowText, 980, 250, slowdown)).toBe(false); // against 10
    expect(workersPayOff(slowText, 2_980, 250, slowdown)).toBe(true); // ≈ 24 s
    expect(workersPayOff([36, 38, 66], 995, 250, slowdown)).toBe(true); // Word files, ≈ 38 s
    // Not known (a library caller), or a start as fast as when the bar was measured, or faster: the bar as it is.
    expect(slowdownOf(undefined)).toBe(1);
    expect(slowdownOf(80)).toBe(1);
    expect(slowdownOf(40)).toBe(1);
    expect(slowdownOf(120)).toBe(1.5);
    expect(slowdownOf(5_000)).toBe(3); // a start held up by something else raises it only so far
  });

  it('a worker ended for a timeout hands the files queued on it to a fresh worker', () => {
    const big = path.join(tmp, 'big.txt');
    fs.writeFileSync(big, fs.readFileSync(path.join(ROOT, 'reports/xuantan-2024.txt'), 'utf8').repeat(1000));
    const pack = path.join(tmp, 'custom.yaml');
    fs.writeFileSync(pack, MINIMAL_PACK);
    // One worker (an untrusted pack always runs in workers): all three files are queued on it.
    const r = runCli([
      'check',
      big,
      'reports/taojia-2025.txt',
      'reports/gurtu-2024.txt',
      '--pack',
      pack,
      '--timeout',
      '0.3',
      '--jobs',
      '1',
      '-f',
      'json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`fazhi: ${big}: 检查超时（超过 0.3 秒），已中止`);
    const reports = (JSON.parse(r.stdout) as { reports: Array<{ file: string }> }).reports.map((x) => x.file);
    expect(reports).toEqual(['reports/taojia-2025.txt', 'reports/gurtu-2024.txt']);
  });

  it('checks on this thread and on workers give the same outputs as one thread alone', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'many-'));
    for (let i = 0; i < 20; i++)
      fs.copyFileSync(
        path.join(ROOT, 'reports', ['gurtu-2024.txt', 'taojia-2025.txt', 'xuantan-2024.txt'][i % 3] as string),
        path.join(dir, `town-${String(i).padStart(2, '0')}.txt`),
      );
    const one = runCli(['check', dir, '--no-config', '--fail-on', 'never', '-f', 'csv', '--jobs', '1']);
    const three = runCli(['check', dir, '--no-config', '--fail-on', 'never', '-f', 'csv', '--jobs', '3']);
    expect(one.code).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    expect(one.stdout.trim().split('\r\n')).toHaveLength(21);
  });

  it('workers that join at once (no head start for this thread) give the same reports, in input order', async () => {
    // The built library: a worker thread runs dist/run/worker.js.
    const lib = (await import(path.join(ROOT, 'dist/index.js'))) as typeof import('../src/index.js');
    const { Checker: BuiltChecker } = (await import(
      path.join(ROOT, 'dist/report/checker.js')
    )) as typeof import('../src/report/checker.js');
    const dir = fs.mkdtempSync(path.join(tmp, 'joined-'));
    for (let i = 0; i < 150; i++)
      fs.copyFileSync(
        path.join(ROOT, 'reports', ['draft-low-mediation.txt', 'taojia-2025.txt', 'gurtu-2024.txt'][i % 3] as string),
        path.join(dir, `town-${String(i).padStart(2, '0')}.txt`),
      );
    const checker = new BuiltChecker(lib.loadPackSet());
    const pool = { packs: lib.DEFAULT_PACKS, configFile: null, params: {} };
    const alone = await lib.runCheck([dir], checker, { jobs: 1 });
    const joined = await lib.runCheck([dir], checker, { jobs: 3, pool, workerDelayMs: 0 });
    // Workers only (as for packs from elsewhere): every report crosses a thread.
    const isolated = await lib.runCheck([dir], checker, { jobs: 2, pool, isolate: true });
    expect(joined.reports.map((r) => r.file)).toEqual(alone.reports.map((r) => r.file));
    expect(JSON.stringify(joined)).toBe(JSON.stringify(alone));
    expect(JSON.stringify(isolated)).toBe(JSON.stringify(alone));
  });
});
