/**
 * An output file is the writer's texts, UTF-8 encoded, byte for byte: whatever their sizes
 * (the appender's buffer is 256 KB, a text may need up to three bytes a unit), characters
 * outside the BMP, and lone surrogates (written as U+FFFD, as Node's own encoder does).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputSink } from '../src/cli/output.js';
import type { FormatWriter } from '../src/formatters/index.js';
import type { RunSummary } from '../src/report/result.js';
import { ROOT } from './helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-sink-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const writer = (head: FormatWriter['head']): FormatWriter => ({
  head,
  report: () => '',
  separator: ',',
  tail: (_run, empty) => (empty ? '空' : '尾\n'),
});
const run = {} as RunSummary;

// Sizes around the buffer's edges: a text that just fits, one that does not, one larger than
// the whole buffer (written directly), one whose units fit and bytes do not; in ASCII, CJK
// (3 bytes a unit) and astral characters (4 bytes a pair).
const texts = [
  'a',
  '法治政府'.repeat(21_000),
  'x'.repeat(87_380),
  '𠀀'.repeat(30_000),
  '行政执法'.repeat(30_000),
  '\ud800孤\udfff',
  'y'.repeat(150_000),
  '依法行政'.repeat(12_500),
  'b'.repeat(262_144),
  '',
  '尾段',
];

describe('an output file through the appender', () => {
  for (const [name, head] of [
    ['head known at the start', '头['],
    ['head from the whole run (reports held in a temporary file)', () => '头['],
  ] as const) {
    it(`holds every text, UTF-8 encoded, in order: ${name}`, async () => {
      const file = path.join(dir, `${name.length}.json`);
      const sink = new OutputSink(file, writer(head), () => {});
      for (const t of texts) sink.write(t);
      await sink.finish(run);
      expect(sink.error).toBeNull();
      const expected = Buffer.from(`头[${texts.filter((t) => t !== '').join(',')}尾\n`, 'utf8');
      expect(fs.readFileSync(file).equals(expected)).toBe(true);
    });
  }
});

describe('an output file that cannot be written to the end', () => {
  it('fails the run with exit 2 and one line, leaves the earlier output as it was and no temporary file', () => {
    // The writes fail part way: the file size limit (EFBIG; the signal it would send ignored)
    // stops the first 256 KB buffer, written on Node's thread pool, after 200 KB.
    const work = fs.mkdtempSync(path.join(dir, 'limit-'));
    fs.mkdirSync(path.join(work, 'in'));
    for (let i = 0; i < 40; i++)
      fs.copyFileSync(path.join(ROOT, 'reports', 'taojia-2025.txt'), path.join(work, 'in', `town-${i}.txt`));
    fs.writeFileSync(path.join(work, 'out.json'), '{"earlier":true}\n');
    const cli = JSON.stringify(path.join(ROOT, 'bin', 'fazhi.js'));
    const r = spawnSync(
      'bash',
      [
        '-c',
        `trap '' XFSZ; ulimit -f 200; exec ${JSON.stringify(process.execPath)} ${cli} check in -f json -o out.json`,
      ],
      { cwd: work, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('fazhi: out.json: 无法写入输出文件：EFBIG [output-write]\n');
    expect(fs.readFileSync(path.join(work, 'out.json'), 'utf8')).toBe('{"earlier":true}\n');
    expect(fs.readdirSync(work).sort()).toEqual(['in', 'out.json']);
  });
});
