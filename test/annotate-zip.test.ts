import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { readZipDirectory } from '../src/ingest/docx/zip.js';
import { restampZip, writeZip } from '../src/annotate/zip.js';

const SMALL = '<?xml version="1.0"?><Types><Default Extension="xml"/></Types>';
const LARGE = Array.from({ length: 400 }, (_, i) => `<w:p><w:t>第${i}段：落实行政执法三项制度</w:t></w:p>`).join('');

const contents = (zip: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));

describe('writeZip', () => {
  it('gives the same bytes for the same parts, however often a small part recurs', () => {
    const parts = () => [
      { kind: 'new' as const, name: '[Content_Types].xml', content: strToU8(SMALL) },
      { kind: 'new' as const, name: 'word/document.xml', content: strToU8(LARGE) },
    ];
    const first = writeZip(parts());
    for (let i = 0; i < 3; i++) expect(Buffer.from(writeZip(parts())).equals(Buffer.from(first))).toBe(true);
    expect(contents(first)).toEqual({ '[Content_Types].xml': SMALL, 'word/document.xml': LARGE });
  });

  it('never serves a kept part for different content (same name and length, or a buffer changed after use)', () => {
    const content = strToU8(SMALL);
    const before = contents(writeZip([{ kind: 'new', name: 'a.xml', content }]));
    content[content.length - 2] = 'X'.charCodeAt(0); // the same buffer, the same length, one byte changed
    const after = contents(writeZip([{ kind: 'new', name: 'a.xml', content }]));
    expect(before['a.xml']).toBe(SMALL);
    expect(after['a.xml']).toBe(`${SMALL.slice(0, -2)}X>`);
  });
});

describe('restampZip', () => {
  const files = { 'xl/workbook.xml': strToU8(SMALL), 'xl/worksheets/sheet1.xml': strToU8(LARGE) };
  const at = (mtime: Date) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([n, c]) => [n, [c, { mtime }]])), { level: 6 });

  it('keeps every part and its order, with the time fixed: two zips made at different times give the same bytes', () => {
    const monday = restampZip(at(new Date(2026, 0, 5, 9, 30)));
    const friday = restampZip(at(new Date(2026, 0, 9, 17, 45)));
    expect(Buffer.from(monday).equals(Buffer.from(friday))).toBe(true);
    expect(contents(monday)).toEqual(contents(at(new Date())));
    const entries = [...readZipDirectory(monday).values()];
    expect(entries.map((e) => e.name)).toEqual(Object.keys(files));
    // 1980-01-01 00:00, as writeZip stamps the parts it deflates itself.
    expect(entries.map((e) => [e.date, e.time])).toEqual(entries.map(() => [(0 << 9) | (1 << 5) | 1, 0]));
  });

  it('copies the stored bytes instead of deflating again', () => {
    const source = at(new Date(2026, 0, 5));
    const stored = [...readZipDirectory(source).values()].map((e) => e.compressedSize);
    expect([...readZipDirectory(restampZip(source)).values()].map((e) => e.compressedSize)).toEqual(stored);
  });

  it('reads a streamed zip (sizes in data descriptors, as write-excel-file writes) and writes the sizes in the headers', () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    for (const [name, content] of Object.entries(files)) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(content, true);
    }
    zip.end();
    const streamed = new Uint8Array(Buffer.concat(chunks));
    expect([...readZipDirectory(streamed).values()].every((e) => (e.flags & 0x0008) !== 0)).toBe(true);
    const restamped = restampZip(streamed);
    expect([...readZipDirectory(restamped).values()].some((e) => (e.flags & 0x0008) !== 0)).toBe(false);
    expect(contents(restamped)).toEqual(contents(at(new Date())));
  });
});
