/**
 * An output file is the writer's texts, UTF-8 encoded, byte for byte: whatever their sizes
 * (the appender's buffer is 256 KB, a text may need up to three bytes a unit), characters
 * outside the BMP, and lone surrogates (written as U+FFFD, as Node's own encoder does).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputSink } from '../src/cli/output.js';
import type { FormatWriter } from '../src/formatters/index.js';
import type { RunSummary } from '../src/report/result.js';

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
    it(`holds every text, UTF-8 encoded, in order: ${name}`, () => {
      const file = path.join(dir, `${name.length}.json`);
      const sink = new OutputSink(file, writer(head), () => {});
      for (const t of texts) sink.write(t);
      sink.finish(run);
      expect(sink.error).toBeNull();
      const expected = Buffer.from(`头[${texts.filter((t) => t !== '').join(',')}尾\n`, 'utf8');
      expect(fs.readFileSync(file).equals(expected)).toBe(true);
    });
  }
});
