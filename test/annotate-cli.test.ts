import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-annotate-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function workspace(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/docx/taojia-2025.docx'), path.join(dir, '陶家镇.docx'));
  fs.copyFileSync(path.join(ROOT, 'reports/draft-low-mediation.txt'), path.join(dir, '草稿.txt'));
  return dir;
}

const PK = Buffer.from('PK\x03\x04');

describe('fazhi annotate (command line)', () => {
  it('writes 原文件名.批注.docx beside the report by default, and leaves the original as it was', () => {
    const dir = workspace('default');
    const before = fs.readFileSync(path.join(dir, '陶家镇.docx'));
    const run = runCli(['annotate', '陶家镇.docx'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^已写入批注版：陶家镇\.批注\.docx（原文档的副本，原文件未改动）\n {2}得分 \d+\.\d \/ 100 {2}\S+；批注 \d+ 条/,
    );
    expect(fs.readFileSync(path.join(dir, '陶家镇.批注.docx')).subarray(0, 4).equals(PK)).toBe(true);
    expect(fs.readFileSync(path.join(dir, '陶家镇.docx')).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['草稿.txt', '陶家镇.docx', '陶家镇.批注.docx']);
  });

  it('makes a new Word document from a text report, into a folder it creates', () => {
    const dir = workspace('text');
    const run = runCli(['annotate', '草稿.txt', '-o', 'out/草稿.批注.docx'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('（由原文生成的新 Word 文档）');
    expect(fs.existsSync(path.join(dir, 'out/草稿.批注.docx'))).toBe(true);
  });

  it('reads standard input when given -o', () => {
    const dir = workspace('stdin');
    const run = runCli(['annotate', '-', '-o', 'a.docx'], {
      cwd: dir,
      input: fs.readFileSync(path.join(dir, '草稿.txt')),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.docx')).subarray(0, 4).equals(PK)).toBe(true);
  });

  it('writes the same bytes on every run', () => {
    const dir = workspace('same');
    runCli(['annotate', '陶家镇.docx', '-o', 'a.docx'], { cwd: dir });
    runCli(['annotate', '陶家镇.docx', '-o', 'b.docx'], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, 'a.docx')).equals(fs.readFileSync(path.join(dir, 'b.docx')))).toBe(true);
  });

  it.each([
    [
      'the report itself as the output',
      ['陶家镇.docx', '-o', '陶家镇.docx'],
      /^fazhi: -o 陶家镇\.docx: 是输入的报告 陶家镇\.docx，不会被覆盖/,
    ],
    [
      'an output that is not .docx',
      ['草稿.txt', '-o', '草稿.txt.out'],
      /^fazhi: -o 草稿\.txt\.out: 批注版是 Word 文件，文件名应以 \.docx 结尾/,
    ],
    ['standard input without -o', ['-'], /^fazhi: 从标准输入（-）读取时请用 -o 指定批注版的文件名/],
    ['a missing report', ['没有.docx', '-o', 'x.docx'], /^fazhi: 没有\.docx: /],
    ['a corrupt Word file', ['坏.docx', '-o', 'x.docx'], /^fazhi: 坏\.docx: Word 文档已损坏/],
    ['an empty file', ['空.txt', '-o', 'x.docx'], /^fazhi: 空\.txt: 文件为空/],
  ])('refuses %s with one Chinese line and exit code 2, writing nothing', (_, args, message) => {
    const dir = workspace(`bad-${args.join('')}`);
    fs.writeFileSync(path.join(dir, '坏.docx'), 'PK\x03\x04 not really');
    fs.writeFileSync(path.join(dir, '空.txt'), '');
    const before = fs.readdirSync(dir).sort();
    const run = runCli(['annotate', ...args], { cwd: dir, input: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it('keeps an earlier copy whole when a run fails', () => {
    const dir = workspace('keep');
    expect(runCli(['annotate', '草稿.txt', '-o', 'a.docx'], { cwd: dir }).code).toBe(0);
    const first = fs.readFileSync(path.join(dir, 'a.docx'));
    fs.writeFileSync(path.join(dir, '草稿.txt'), '');
    expect(runCli(['annotate', '草稿.txt', '-o', 'a.docx'], { cwd: dir }).code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'a.docx')).equals(first)).toBe(true);
  });

  it('is listed in the help, in Chinese', () => {
    const run = runCli(['help', 'annotate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('写出带批注的 Word 副本');
    expect(run.stdout).toContain('-o, --output <file>');
  });
});
