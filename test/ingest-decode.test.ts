import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeLatin1, decodeText, decodeUtf16Units, decodeXmlPart, sniffBom, tryUtf8 } from '../src/ingest/decode.js';
import { htmlAdapter, readHtml } from '../src/ingest/html.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16 = (s: string, le: boolean, bom: boolean): Uint8Array => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let at = 0;
  if (bom) out.set(le ? [0xff, 0xfe] : [0xfe, 0xff], (at += 2) - 2);
  for (let i = 0; i < s.length; i++, at += 2) {
    const c = s.charCodeAt(i);
    out[at + (le ? 0 : 1)] = c & 0xff;
    out[at + (le ? 1 : 0)] = c >> 8;
  }
  return out;
};
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

describe('sniffBom', () => {
  const table: Array<[string, number[], string | null]> = [
    ['UTF-8', [0xef, 0xbb, 0xbf, 0x41], 'utf-8-bom'],
    ['UTF-16LE', [0xff, 0xfe, 0x41, 0x00], 'utf-16le'],
    ['UTF-16BE', [0xfe, 0xff, 0x00, 0x41], 'utf-16be'],
    ['half a UTF-8 BOM', [0xef, 0xbb, 0x41], null],
    ['none', [0x3c, 0x68], null],
    ['empty', [], null],
  ];
  it.each(table)('%s', (_, bytes, expected) => {
    expect(sniffBom(new Uint8Array(bytes))?.encoding ?? null).toBe(expected);
  });
});

describe('the lenient decoders html.ts and the docx reader use', () => {
  it('decodeUtf16Units: LE and BE, BOM and lone surrogates kept, a trailing odd byte dropped', () => {
    expect(decodeUtf16Units(utf16('法治<html>', true, false), true)).toBe('法治<html>');
    expect(decodeUtf16Units(utf16('法治<html>', false, false), false)).toBe('法治<html>');
    expect(decodeUtf16Units(utf16('\ufeff甲', true, false), true)).toBe('\ufeff甲');
    expect(decodeUtf16Units(new Uint8Array([0x00, 0xd8, 0x41, 0x00]), true)).toBe('\ud800A');
    expect(decodeUtf16Units(new Uint8Array([0x41, 0x00, 0x42]), true)).toBe('A');
    expect(decodeUtf16Units(new Uint8Array([]), false)).toBe('');
  });

  it('decodeLatin1: byte n is U+00nn (ISO-8859-1, not windows-1252), at any length', () => {
    expect(decodeLatin1(new Uint8Array([0x3c, 0x80, 0x9f, 0xa0, 0xff]))).toBe('<\u0080\u009f\u00a0\u00ff');
    const big = new Uint8Array(40_000).map((_, i) => i % 256);
    const text = decodeLatin1(big);
    expect(text.length).toBe(40_000);
    expect(text.charCodeAt(39_999)).toBe(39_999 % 256);
  });

  it('decodeXmlPart: a BOM picks the encoding and is dropped; bad bytes become U+FFFD', () => {
    const xml = '<w:t>一、主要举措</w:t>';
    expect(decodeXmlPart(utf8(xml))).toBe(xml);
    expect(decodeXmlPart(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(xml)))).toBe(xml);
    expect(decodeXmlPart(utf16(xml, true, true))).toBe(xml);
    expect(decodeXmlPart(utf16(xml, false, true))).toBe(xml);
    expect(decodeXmlPart(new Uint8Array([0x41, 0xff, 0x42]))).toBe('A\ufffdB');
  });

  it('tryUtf8: strict, and keeps a BOM as content', () => {
    expect(tryUtf8(utf8('法治'))).toBe('法治');
    expect(tryUtf8(new Uint8Array([0xe6, 0xb3]))).toBeNull();
    expect(tryUtf8(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('甲')))).toBe('\ufeff甲');
  });
});

describe('decodeText: with and without BOM', () => {
  const SAMPLE = '一、主要举措和成效\n2025年调解纠纷120件，成功率98%。';
  const table: Array<[string, Uint8Array, string]> = [
    ['UTF-8', utf8(SAMPLE), 'utf-8'],
    ['UTF-8 BOM', concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(SAMPLE)), 'utf-8-bom'],
    ['UTF-16LE BOM', utf16(SAMPLE, true, true), 'utf-16le'],
    ['UTF-16BE BOM', utf16(SAMPLE, false, true), 'utf-16be'],
    ['UTF-16LE, no BOM', utf16(SAMPLE, true, false), 'utf-16le'],
    ['UTF-16BE, no BOM', utf16(SAMPLE, false, false), 'utf-16be'],
    ['GBK', iconv.encode(SAMPLE, 'gbk'), 'gb18030'],
  ];
  it.each(table)('%s', (_, bytes, encoding) => {
    expect(decodeText(bytes, 'r.txt')).toEqual({ text: SAMPLE, encoding });
  });
});

describe('HTML decoding goes through decode.ts and honours <meta charset>', () => {
  const PROSE = '镇党委政府坚持以习近平法治思想为指导，深入推进法治政府建设，全面落实重大行政决策程序制度。'.repeat(6);
  const page = (head: string): string =>
    `<!DOCTYPE html><html><head>${head}<title>报告</title></head><body>` +
    `<div id="zoom"><p>一、主要举措和成效</p><p>${PROSE}</p></div></body></html>`;
  const read = (bytes: Uint8Array): { encoding: string | null; text: string } => {
    expect(htmlAdapter.sniff!(bytes)).toBe(true);
    const { encoding, text } = readHtml(bytes, 'p.html');
    return { encoding, text };
  };

  it('GBK bytes declared gb2312 decode as GB18030', () => {
    const got = read(iconv.encode(page('<meta charset="gb2312">'), 'gbk'));
    expect(got.encoding).toBe('gb18030');
    expect(got.text).toContain('一、主要举措和成效');
  });

  it('only the declaration makes rare-character GBK readable (detection alone refuses it)', () => {
    // Level-2 hanzi only: the signature detection takes for UTF-8 misread as GBK.
    const rare = '亍丌兀丐廿卅丕亘丞鬲孬噩禺匕乇夭爻卮氐囟胤馗毓睾鼗亟鼐乜乩亓芈孛啬嘏仄厍厝厣厥厮靥赝'.repeat(6);
    const rarePage = (head: string): string =>
      `<!DOCTYPE html><html><head>${head}</head><body><div id="zoom"><p>${rare}</p></div></body></html>`;
    expect(() => readHtml(iconv.encode(rarePage(''), 'gbk'), 'p.html')).toThrow(/无法识别文本编码/);
    const got = read(iconv.encode(rarePage('<meta charset="gb2312">'), 'gbk'));
    expect(got).toEqual({ encoding: 'gb18030', text: expect.stringContaining(rare) });
  });

  it('GBK bytes declared through http-equiv decode as GB18030', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=GBK">';
    expect(read(iconv.encode(page(head), 'gbk')).encoding).toBe('gb18030');
  });

  it('a page re-saved as UTF-8 that still declares gb2312 is read as UTF-8', () => {
    const got = read(utf8(page('<meta charset="gb2312">')));
    expect(got.encoding).toBe('utf-8');
    expect(got.text).toContain(PROSE);
  });

  it('GBK bytes declared UTF-8 fall back to detection', () => {
    expect(read(iconv.encode(page('<meta charset="utf-8">'), 'gbk')).encoding).toBe('gb18030');
  });

  it('a BOM wins over the declaration', () => {
    const html = page('<meta charset="gbk">');
    expect(read(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(html))).encoding).toBe('utf-8-bom');
    expect(read(utf16(html, true, true))).toEqual({ encoding: 'utf-16le', text: expect.stringContaining(PROSE) });
    expect(read(utf16(html, false, true))).toEqual({ encoding: 'utf-16be', text: expect.stringContaining(PROSE) });
  });
});
