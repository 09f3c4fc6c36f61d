import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../src/ingest/inputs.js';

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
