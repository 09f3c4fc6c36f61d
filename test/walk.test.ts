import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs, isOwnOutput } from '../src/ingest/inputs.js';
import { ROOT, runCli } from './helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-walk-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a folder walk', () => {
  it('skips Word lock files (~$…), in folders and globs, but not a lock file named on purpose', async () => {
    fs.writeFileSync(path.join(dir, '报告.docx'), 'x');
    fs.writeFileSync(path.join(dir, '~$报告.docx'), Buffer.from([0x05, 0x00]));
    fs.writeFileSync(path.join(dir, 'b.txt'), 'x');
    const walked = await expandInputs([dir]);
    expect(walked.files.map((f) => path.basename(f))).toEqual(['b.txt', '报告.docx']);
    expect(walked.skipped.map((f) => path.basename(f))).toEqual(['~$报告.docx']);
    const globbed = await expandInputs([`${dir}/*.docx`]);
    expect(globbed.files.map((f) => path.basename(f))).toEqual(['报告.docx']);
    const named = await expandInputs([path.join(dir, '~$报告.docx')]);
    expect(named.files).toHaveLength(1);
  });
});

describe("a folder walk skips fazhi's own outputs", () => {
  const TAOJIA = fs.readFileSync(path.join(ROOT, 'reports', 'taojia-2025.txt'));

  function submissions(): string {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-own-'));
    fs.mkdirSync(path.join(work, 'submissions'));
    fs.writeFileSync(path.join(work, 'submissions', '陶家镇.txt'), TAOJIA);
    return work;
  }
  const reportsOf = (stdout: string) =>
    (JSON.parse(stdout) as { reports: Array<{ file: string; score: { total: number } }> }).reports;

  it.each([
    ['HTML', ['-o', 'submissions/审核意见.html']],
    ['Markdown', ['-f', 'markdown', '-o', 'submissions/反馈意见.md']],
    ['terminal text', ['-f', 'stylish', '-o', 'submissions/结果.txt']],
  ])('%s written into the folder is not a report on the next run', (_kind, output) => {
    const work = submissions();
    const args = ['check', 'submissions/', ...output, '-f', 'json'];
    const first = runCli(args, { cwd: work });
    expect(first.stderr).toBe('');
    const second = runCli(args, { cwd: work });
    expect(second.code).toBe(first.code);
    expect(second.stderr).toBe('');
    expect(reportsOf(second.stdout).map((r) => r.file)).toEqual(['submissions/陶家镇.txt']);
    expect(reportsOf(second.stdout)[0]!.score).toEqual(reportsOf(first.stdout)[0]!.score);
    // Another run without that -o still knows the file for fazhi's own.
    const other = runCli(['check', 'submissions/', '-f', 'json'], { cwd: work });
    const run = JSON.parse(other.stdout) as { reports: Array<{ file: string }>; skipped: string[] };
    expect(run.reports.map((r) => r.file)).toEqual(['submissions/陶家镇.txt']);
    expect(run.skipped).toEqual([`submissions/${path.basename(output.at(-1)!)}`]);
    // Named on purpose, it is read.
    const named = runCli(['check', output.at(-1)!, '-f', 'json'], { cwd: work });
    expect(reportsOf(named.stdout)).toHaveLength(1);
  });

  it('the baseline is left out of a walk; an -o target that is a real report stays an input, so it is protected', async () => {
    const work = submissions();
    const inside = (name: string) => path.join(work, 'submissions', name);
    fs.writeFileSync(inside('基线.txt'), '{"version":2,"findings":[]}\n');
    const walked = await expandInputs([path.join(work, 'submissions')], {
      exclude: [path.relative(process.cwd(), inside('基线.txt'))],
    });
    expect(walked.files.map((f) => path.basename(f))).toEqual(['陶家镇.txt']);
    expect(walked.skipped.map((f) => path.basename(f))).toEqual(['基线.txt']);
    fs.writeFileSync(inside('旧意见.md'), '# 旧意见\n\n一份手写的反馈。\n');
    const r = runCli(['check', 'submissions/', '-f', 'markdown', '-o', 'submissions/旧意见.md'], { cwd: work });
    expect(r.code).toBe(2);
    expect(fs.readFileSync(inside('旧意见.md'), 'utf8')).toBe('# 旧意见\n\n一份手写的反馈。\n');
  });

  it('knows its outputs by their first bytes, and a report that only looks alike is still read', () => {
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    expect(isOwnOutput(write('o.html', '<!DOCTYPE html>\n<head>\n<meta name="generator" content="fazhi 9.9.9">'))).toBe(
      true,
    );
    expect(isOwnOutput(write('p.html', '<html><meta name="generator" content="WordPress 6.4">'))).toBe(false);
    expect(isOwnOutput(write('o.md', '# 关于《某镇2025年法治政府建设情况的报告》的审核意见\n\n某镇'))).toBe(true);
    expect(isOwnOutput(write('r.md', '# 某镇关于2025年法治政府建设情况的报告\n\n一、主要举措'))).toBe(false);
    expect(isOwnOutput(write('o.txt', 'a.txt\n某镇报告 · 某镇 · 2025年度\n结构：✓主要举措和成效(3行)\n'))).toBe(true);
    expect(isOwnOutput(write('r.txt', '某镇关于2025年法治政府建设情况的报告\n结构调整：优化机构设置。\n'))).toBe(false);
    expect(isOwnOutput(write('o.docx', '结构：✓'))).toBe(false);
  });
});
