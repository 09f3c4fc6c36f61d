/**
 * Issue 15 against the real binary (bin/fazhi.js → dist/, built by `npm test`'s pretest):
 * how formats pair with files, outputs that would destroy what the user owns, FIFOs, signals,
 * and file names that are workflow commands. Every hostile input is built in a scratch folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandLines } from '../src/shared/safe-text.js';
import { FORMAT_NAMES } from '../src/formatters/index.js';
import { MINIMAL_PACK, ROOT, runCli } from './helpers.js';

const BIN = path.join(ROOT, 'bin', 'fazhi.js');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'reports', 'taojia-2025.txt'), 'utf8');
// One line on stderr, ending with the usage error's machine code.
const USAGE = /^fazhi: [^\n]*\[usage\]\n$/;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-hostile-output-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A fresh scratch folder holding one report, `r.txt`. */
function scratch(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'r.txt'), SAMPLE);
  return dir;
}

const listing = (dir: string) => fs.readdirSync(dir).sort();

describe('-f and -o pairing', () => {
  it('binds -o to the -f just before it: -f json -f sarif -o out.sarif puts SARIF in the file, JSON on stdout', () => {
    const dir = scratch('pair');
    const r = runCli(['check', 'r.txt', '-f', 'json', '-f', 'sarif', '-o', 'out.sarif'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toHaveProperty('schemaVersion');
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
  });

  it('lets an -o with no -f just before it take its format from its extension, whatever comes after', () => {
    const dir = scratch('pair-ext');
    const r = runCli(['check', 'r.txt', '-o', 'a.json', '-f', 'markdown', '--format=csv', '-o', 'b.txt'], {
      cwd: dir,
    });
    expect(r.code).not.toBe(2);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'a.json'), 'utf8'))).toHaveProperty('schemaVersion');
    expect(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8').startsWith('\uFEFF文件,')).toBe(true);
    expect(r.stdout).toContain('# 关于《');
  });

  it('refuses two formats on standard output: one Chinese line, exit 2, nothing written', () => {
    const dir = scratch('pair-two');
    for (const args of [
      ['-f', 'json', '-f', 'sarif'],
      ['-f', 'json', '-o', 'a.json', '-o', 'b.sarif', '-f', 'stylish', '-f', 'csv'],
    ]) {
      const r = runCli(['check', 'r.txt', ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(USAGE);
      expect(r.stderr).toContain('标准输出');
      expect(r.stdout).toBe('');
      expect(listing(dir)).toEqual(['r.txt']);
    }
  });
});

describe('outputs that would destroy what the user owns', () => {
  /** Run with `args`; assert exit 2, one usage line naming `why`, and the folder exactly as before. */
  function refused(dir: string, args: string[], why: string): void {
    const files = listing(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile());
    const before = new Map(files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    const names = listing(dir);
    const r = runCli(['check', ...args], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(USAGE);
    expect(r.stderr).toContain(why);
    expect(r.stdout).toBe('');
    expect(listing(dir)).toEqual(names);
    for (const [f, text] of before) expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).toBe(text);
  }

  it('refuses an output that is an input report, directly, through a symlink, a hard link or a folder walk', () => {
    const dir = scratch('own-input');
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), SAMPLE);
    fs.symlinkSync('r.txt', path.join(dir, 'link.txt'));
    fs.linkSync(path.join(dir, 'r.txt'), path.join(dir, 'hard.txt'));
    refused(dir, ['r.txt', '-f', 'json', '-o', 'r.txt'], '输入的报告');
    refused(dir, ['r.txt', '-f', 'json', '-o', './sub/../r.txt'], '输入的报告');
    refused(dir, ['hard.txt', '-f', 'json', '-o', 'link.txt'], '输入的报告');
    fs.rmSync(path.join(dir, 'hard.txt'));
    fs.rmSync(path.join(dir, 'link.txt'));
    refused(dir, ['.', '-f', 'stylish', '-o', 'sub/b.txt'], '输入的报告');
  });

  it('refuses an output that is a pack, the config or the baseline, and a folder', () => {
    const dir = scratch('own-files');
    fs.writeFileSync(path.join(dir, 'pack.yaml'), MINIMAL_PACK);
    fs.writeFileSync(path.join(dir, 'cfg.yaml'), 'failOn: warning\n');
    fs.writeFileSync(path.join(dir, 'base.json'), '');
    fs.symlinkSync('pack.yaml', path.join(dir, 'pack-link.json'));
    refused(dir, ['r.txt', '-p', 'pack.yaml', '-o', 'pack-link.json'], '规则包');
    refused(dir, ['r.txt', '-c', 'cfg.yaml', '-f', 'json', '-o', 'cfg.yaml'], '配置文件');
    fs.rmSync(path.join(dir, 'base.json'));
    runCli(['check', 'r.txt', '--baseline', 'base.json', '--update-baseline', '-f', 'json'], { cwd: dir });
    expect(fs.existsSync(path.join(dir, 'base.json'))).toBe(true);
    refused(dir, ['r.txt', '--baseline', 'base.json', '-o', 'base.json'], '基线文件');
    fs.mkdirSync(path.join(dir, 'folder.json'));
    refused(dir, ['r.txt', '-o', 'folder.json'], '目录');
  });

  it('refuses two outputs that are the same file, before writing either', () => {
    const dir = scratch('own-twice');
    refused(dir, ['r.txt', '-f', 'json', '-o', 'x.json', '-f', 'sarif', '-o', './x.json'], '同一个文件');
    fs.writeFileSync(path.join(dir, 'old.json'), '{}');
    fs.linkSync(path.join(dir, 'old.json'), path.join(dir, 'old2.json'));
    refused(dir, ['r.txt', '-o', 'old.json', '-o', 'old2.json'], '同一个文件');
  });
});

/** Run the CLI without blocking this process (a FIFO's reader or a signal must act meanwhile). */
function start(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

describe.skipIf(!hasMkfifo)('a FIFO as -o', () => {
  for (const format of ['json', 'markdown']) {
    it(`is written to as a stream, never replaced by a file (${format})`, async () => {
      const dir = scratch(`fifo-${format}`);
      const temp = path.join(dir, 'tmp');
      fs.mkdirSync(temp);
      const fifo = path.join(dir, 'pipe');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      // The reader copies whatever comes through the FIFO into a file of its own.
      const reader = spawn('sh', ['-c', 'cat "$0" > "$1"', fifo, path.join(dir, 'got')]);
      const readerDone = new Promise((resolve) => reader.on('close', resolve));
      const { done } = start(['check', 'r.txt', '-f', format, '-o', 'pipe'], dir, { TMPDIR: temp });
      const r = await done;
      await readerDone;
      expect(r.stderr).toBe('');
      expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
      const got = fs.readFileSync(path.join(dir, 'got'), 'utf8');
      if (format === 'json') expect(JSON.parse(got)).toHaveProperty('schemaVersion');
      else expect(got).toContain('# 关于《');
      expect(listing(dir)).toEqual(['got', 'pipe', 'r.txt', 'tmp']);
      expect(listing(temp)).toEqual([]);
    });
  }
});

describe('a signal during a run', () => {
  const COUNT = 200;
  let dir: string;
  beforeAll(() => {
    dir = path.join(tmp, 'signal');
    fs.mkdirSync(path.join(dir, 'in'), { recursive: true });
    for (let i = 0; i < COUNT; i++) fs.writeFileSync(path.join(dir, 'in', `r${i}.txt`), SAMPLE);
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal}: removes every temporary file, keeps outputs whole or absent, says how far it got, exits ${code}`, async () => {
      const out = path.join(dir, `out-${signal}`);
      const temp = path.join(dir, `tmp-${signal}`);
      fs.mkdirSync(out);
      fs.mkdirSync(temp);
      // A finished output from an earlier run: it stays as it was.
      fs.writeFileSync(path.join(out, 'r.json'), '{"earlier": true}\n');
      const args = ['check', 'in', '-j', '1', '-f', 'junit'];
      args.push('-f', 'json', '-o', path.join(out, 'r.json'), '-f', 'markdown', '-o', path.join(out, 'r.md'));
      const { child, done } = start(args, dir, { TMPDIR: temp });
      // Wait until the outputs' temporary files exist (the run has started writing), then a little more.
      const deadline = Date.now() + 30_000;
      while (fs.readdirSync(out).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(fs.readdirSync(out).length).toBeGreaterThanOrEqual(3);
      expect(fs.readdirSync(temp).length).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 300));
      child.kill(signal);
      const r = await done;
      expect(r.code).toBe(code);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      const m = /^fazhi: 已中断：已检查 (\d+)\/(\d+) 份$/.exec(lines[0] as string);
      expect(m, r.stderr).not.toBeNull();
      expect(Number(m![2])).toBe(COUNT);
      expect(Number(m![1])).toBeLessThan(COUNT);
      expect(listing(out)).toEqual(['r.json']);
      expect(fs.readFileSync(path.join(out, 'r.json'), 'utf8')).toBe('{"earlier": true}\n');
      expect(listing(temp)).toEqual([]);
    }, 60_000);
  }
});

describe('file names and titles that are workflow commands', () => {
  it('never start a workflow command in any format, on stdout or stderr', () => {
    const dir = scratch('commands');
    const name = '::error file=README.md::pwned.txt';
    const titled = `::error file=README.md,line=1::x\n${SAMPLE}`;
    fs.writeFileSync(path.join(dir, name), titled);
    fs.writeFileSync(path.join(dir, '::warning::bad.pdf'), 'not a pdf');
    for (const format of FORMAT_NAMES) {
      const r = runCli(['check', '.', '-f', format], { cwd: dir });
      expect(r.stdout, format).not.toBe('');
      expect(commandLines(r.stderr), format).toEqual([]);
      const commands = commandLines(r.stdout);
      if (format !== 'github') expect(commands, format).toEqual([]);
      // Every command fazhi meant: an annotation on a file, or the gate's verdict (title=fazhi 门禁).
      else
        for (const line of commands)
          expect(line).toMatch(/^::(error|warning|notice) (file=(%3A%3A|r\.txt,)|title=fazhi 门禁::)/);
    }
  });

  it('shows control characters in file names visibly on stderr', () => {
    const dir = scratch('controls');
    fs.writeFileSync(path.join(dir, 'a\x1b[2Jb\nc.pdf'), 'not a pdf');
    const r = runCli(['check', '.', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toContain('a\\x1b[2Jb\\x0ac.pdf');
    expect(r.stderr).not.toContain('\x1b');
  });
});
