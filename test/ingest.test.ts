import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/shared/errors.js';
import { decodeText } from '../src/ingest/decode.js';
import { adapters, pickAdapter, readInput } from '../src/ingest/index.js';
import { textAdapter } from '../src/ingest/text.js';
import { expectInputError } from './helpers.js';

const SAMPLE =
  '一、主要举措和成效\r\n全年调解矛盾纠纷125件，调解成功率98%。\n二、存在的不足\n开展法治宣传“进村入户”活动12场次。\n';

const MSG_EMPTY = '文件为空';
const MSG_BINARY = '不是文本文件（疑似二进制文件）';
const MSG_UNKNOWN = '无法识别文本编码：既不是有效的 UTF-8，也不是 GBK/GB18030（请另存为 UTF-8）';

function utf16(text: string, le: boolean, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  const mark = le ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}

/** Deterministic bytes so the binary test cannot flake. */
function pseudoRandomBytes(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('decodeText: encodings', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['UTF-8', Buffer.from(SAMPLE, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]), 'utf-8-bom'],
    ['UTF-16LE with BOM', utf16(SAMPLE, true, true), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(SAMPLE, false, true), 'utf-16be'],
    ['UTF-16LE without BOM', utf16(SAMPLE, true, false), 'utf-16le'],
    ['UTF-16BE without BOM', utf16(SAMPLE, false, false), 'utf-16be'],
    ['GB18030', iconv.encode(SAMPLE, 'gb18030'), 'gb18030'],
    ['GBK', iconv.encode(SAMPLE, 'gbk'), 'gb18030'],
  ];
  for (const [label, bytes, encoding] of cases) {
    it(`${label} decodes to the same text`, () => {
      const decoded = decodeText(bytes, 'r.txt');
      expect(decoded.text).toBe(SAMPLE);
      expect(decoded.encoding).toBe(encoding);
    });
  }

  it('keeps \\r\\n line endings untouched', () => {
    expect(decodeText(Buffer.from('甲\r\n乙\r\n', 'utf8'), 'r.txt').text).toBe('甲\r\n乙\r\n');
  });

  it('plain ASCII is UTF-8', () => {
    expect(decodeText(Buffer.from('hello\n'), 'r.txt')).toEqual({ text: 'hello\n', encoding: 'utf-8' });
  });

  it('UTF-16 without BOM and without any ASCII (no NULs) is still found', () => {
    const decoded = decodeText(utf16('法治政府建设年度报告', true, false), 'r.txt');
    expect(decoded).toEqual({ text: '法治政府建设年度报告', encoding: 'utf-16le' });
  });

  it('GBK text with a few characters outside GB2312 is accepted', () => {
    const text = '镕基同志强调：依法行政是政府工作的基本准则，要坚持法治思维。'.repeat(3);
    expect(decodeText(iconv.encode(text, 'gbk'), 'r.txt')).toEqual({ text, encoding: 'gb18030' });
  });

  it('decodes a large GB18030 file whole', () => {
    const big = SAMPLE.repeat(40_000); // ~2.6 MB as GB18030
    expect(decodeText(iconv.encode(big, 'gb18030'), 'r.txt').text).toBe(big);
  });
});

describe('decodeText: rejections', () => {
  it('empty file', () => {
    expectInputError(() => decodeText(new Uint8Array(0), 'a.txt'), MSG_EMPTY, 'a.txt');
  });

  it('whitespace-only file (incl. ideographic space)', () => {
    expectInputError(() => decodeText(Buffer.from(' \r\n\t\n\u3000\n', 'utf8'), 'a.txt'), MSG_EMPTY, 'a.txt');
  });

  it('BOM only', () => {
    expectInputError(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf]), 'a.txt'), MSG_EMPTY, 'a.txt');
    expectInputError(() => decodeText(Buffer.from([0xff, 0xfe]), 'a.txt'), MSG_EMPTY, 'a.txt');
  });

  it('binary: PNG header + random bytes with NULs', () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      pseudoRandomBytes(4096),
      Buffer.alloc(64),
    ]);
    expectInputError(() => decodeText(png, 'img.txt'), MSG_BINARY, 'img.txt');
    // Odd length too, so the UTF-16 guess cannot even start.
    expectInputError(() => decodeText(png.subarray(0, png.length - 1), 'img.txt'), MSG_BINARY, 'img.txt');
  });

  it('binary: UTF-8 text with a stray NUL', () => {
    expectInputError(() => decodeText(Buffer.from('法治\u0000政府', 'utf8'), 'a.txt'), MSG_BINARY, 'a.txt');
  });

  it('binary: many control characters without NULs', () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 8) : 0x41)));
    expectInputError(() => decodeText(bytes, 'a.txt'), MSG_BINARY, 'a.txt');
  });

  it('invalid UTF-8 that is not GBK: UTF-8 Chinese with bytes flipped/truncated', () => {
    const good = Buffer.from(SAMPLE.repeat(2), 'utf8');
    const broken = Buffer.from(good);
    // Flip a few continuation bytes and cut the last sequence in half.
    for (const i of [1, 20, 41, 77]) broken[i] = broken[i]! ^ 0x40;
    const truncated = broken.subarray(0, broken.length - 2);
    expectInputError(() => decodeText(truncated, 'bad.txt'), MSG_UNKNOWN, 'bad.txt');
  });

  it('invalid UTF-8 that is not GBK: bytes C0 C1 F5–FF', () => {
    const bytes = Buffer.from([
      0x41, 0xc0, 0xc1, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff, 0x42,
    ]);
    expectInputError(() => decodeText(bytes, 'bad.txt'), MSG_UNKNOWN, 'bad.txt');
  });

  it('Latin-1 text is not mistaken for GBK', () => {
    expectInputError(() => decodeText(Buffer.from('caf\xe9 cr\xe8me\n', 'latin1'), 'a.txt'), MSG_UNKNOWN, 'a.txt');
  });

  it('UTF-8 BOM with invalid UTF-8 body', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(SAMPLE, 'gbk')]);
    expectInputError(() => decodeText(bytes, 'a.txt'), /BOM.*UTF-8/, 'a.txt');
  });

  it('mojibake: mostly U+FFFD', () => {
    const bytes = Buffer.from('\ufffd'.repeat(40) + '法治\n', 'utf8');
    expectInputError(() => decodeText(bytes, 'm.txt'), /乱码/, 'm.txt');
  });

  it('mojibake: UTF-8 misread as Latin-1 and saved as UTF-8', () => {
    const garbled = Buffer.from(Buffer.from(SAMPLE, 'utf8').toString('latin1'), 'utf8');
    expectInputError(() => decodeText(garbled, 'm.txt'), /乱码/, 'm.txt');
  });

  it('mojibake: 锟斤拷', () => {
    const bytes = Buffer.from('锟斤拷'.repeat(10) + '\n', 'utf8');
    expectInputError(() => decodeText(bytes, 'm.txt'), /乱码/, 'm.txt');
  });
});

describe('adapters', () => {
  it('text adapter is registered and picked by extension or as fallback', () => {
    expect(adapters).toContain(textAdapter);
    const bytes = Buffer.from('x');
    for (const f of ['a.txt', 'A.MD', 'b.markdown', 'c.text', 'noext', 'weird.xyz', '<stdin>']) {
      expect(pickAdapter(f, bytes).name).toBe('text');
    }
  });

  it('text adapter builds a SourceText', () => {
    expect(textAdapter.read(Buffer.from(SAMPLE), 'r.md')).toEqual({
      file: 'r.md',
      format: 'text',
      encoding: 'utf-8',
      text: SAMPLE,
    });
  });
});

describe('readInput', () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-ingest-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function expectReject(p: Promise<unknown>, message: string | RegExp, file: string): Promise<void> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
    expect(e.file).toBe(file);
  }

  it('reads UTF-8 and GB18030 files', async () => {
    const a = path.join(dir, 'utf8.txt');
    const b = path.join(dir, 'gbk.md');
    fs.writeFileSync(a, SAMPLE, 'utf8');
    fs.writeFileSync(b, iconv.encode(SAMPLE, 'gb18030'));
    expect(await readInput(a)).toEqual({ file: a, format: 'text', encoding: 'utf-8', text: SAMPLE });
    expect(await readInput(b)).toEqual({ file: b, format: 'text', encoding: 'gb18030', text: SAMPLE });
  });

  it('reads stdin as bytes, including chunks split inside a character', async () => {
    const bytes = Buffer.from(SAMPLE, 'utf8');
    const stdin = Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]);
    expect(await readInput('-', { stdin })).toEqual({
      file: '<stdin>',
      format: 'text',
      encoding: 'utf-8',
      text: SAMPLE,
    });
  });

  it('reads GB18030 from stdin', async () => {
    const stdin = Readable.from([iconv.encode(SAMPLE, 'gb18030')]);
    const src = await readInput('-', { stdin });
    expect(src.encoding).toBe('gb18030');
    expect(src.text).toBe(SAMPLE);
  });

  it('empty stdin', async () => {
    await expectReject(readInput('-', { stdin: Readable.from([]) }), MSG_EMPTY, '<stdin>');
  });

  it('empty file', async () => {
    const f = path.join(dir, 'empty.txt');
    fs.writeFileSync(f, '');
    await expectReject(readInput(f), MSG_EMPTY, f);
  });

  it('binary file', async () => {
    const f = path.join(dir, 'pic.png');
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), pseudoRandomBytes(512, 7)]));
    await expectReject(readInput(f), MSG_BINARY, f);
  });

  it('missing file', async () => {
    const f = path.join(dir, 'nope.txt');
    await expectReject(readInput(f), '文件不存在', f);
  });

  it('a directory', async () => {
    await expectReject(readInput(dir), '是目录，不是文件（目前请逐个指定文件）', dir);
  });

  // Root reads a mode-000 file anyway, so that case runs only for other users.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('unreadable file (mode 000)', async () => {
    const f = path.join(dir, 'secret.txt');
    fs.writeFileSync(f, SAMPLE);
    fs.chmodSync(f, 0o000);
    await expectReject(readInput(f), '没有读取权限', f);
  });

  // A write-only sysfs attribute refuses a read-only open with EACCES even to root, which is how CI runs.
  const WRITE_ONLY = ['/sys/bus/cpu/uevent', '/sys/bus/platform/uevent', '/sys/kernel/uevent_helper'].find((f) => {
    try {
      fs.closeSync(fs.openSync(f, 'r'));
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EACCES';
    }
  });
  it.skipIf(process.platform !== 'linux' || WRITE_ONLY === undefined)(
    'unreadable file, for root too (a write-only sysfs attribute)',
    async () => {
      await expectReject(readInput(WRITE_ONLY as string), '没有读取权限', WRITE_ONLY as string);
    },
  );

  it('a path through a regular file does not exist', async () => {
    const f = path.join(dir, 'plain.txt');
    fs.writeFileSync(f, SAMPLE);
    await expectReject(readInput(path.join(f, 'inner.txt')), '文件不存在', path.join(f, 'inner.txt'));
  });
});
