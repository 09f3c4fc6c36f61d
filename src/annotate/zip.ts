/**
 * Writes a zip the same way every time: entries in the given order, each part that is copied
 * keeps its stored bytes, CRC and time (so images, fonts and untouched XML are the original
 * bytes); a new or changed part is deflated with a fixed time. No data descriptors, no extras.
 * restampZip gives another library's zip (the audit's workbook) the same treatment, every
 * entry copied with a fixed time.
 */
import { readZipDirectory, storedData } from '../ingest/docx/zip.js';
import { lazy } from '../shared/lazy.js';

const fflate = lazy<typeof import('fflate')>('fflate');

export type ZipOutEntry =
  | {
      kind: 'copy';
      name: string;
      method: number;
      crc: number;
      size: number;
      flags: number;
      time: number;
      date: number;
      /** The stored (possibly compressed) data. */
      data: Uint8Array;
    }
  | { kind: 'new'; name: string; content: Uint8Array };

/** 1980-01-01 00:00, the first time a zip can hold: new parts carry no clock time. */
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;
const FIXED_TIME = 0;
/** Bit 11: the name is UTF-8. Bit 3 (sizes after the data) is dropped: they are in the header. */
const UTF8_NAMES = 0x0800;
const DATA_DESCRIPTOR = 0x0008;

let crcTable: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  const table = (crcTable ??= makeCrcTable());
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = (table[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function makeCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

interface Prepared {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  flags: number;
  time: number;
  date: number;
  data: Uint8Array;
}

function prepare(entry: ZipOutEntry): Prepared {
  const name = new TextEncoder().encode(entry.name);
  if (entry.kind === 'copy') {
    return {
      name,
      method: entry.method,
      crc: entry.crc,
      compressedSize: entry.data.length,
      size: entry.size,
      flags: (entry.flags & ~DATA_DESCRIPTOR) | UTF8_NAMES,
      time: entry.time,
      date: entry.date,
      data: entry.data,
    };
  }
  const crc = crc32(entry.content);
  const data = deflated(entry.name, entry.content, crc);
  return {
    name,
    method: 8,
    crc,
    compressedSize: data.length,
    size: entry.content.length,
    flags: UTF8_NAMES,
    time: FIXED_TIME,
    date: FIXED_DATE,
    data,
  };
}

/**
 * Small parts recur byte for byte in every package of a run (a new document's content types,
 * relationships and styles): deflating each costs a tenth of a millisecond, mostly fflate
 * setting up its tables, so their deflated bytes are kept. Deflate is deterministic, so a kept
 * result is exactly what deflating again would give.
 */
const RECURRING_MAX_BYTES = 4096;
const RECURRING_KEPT = 64;
const recurring = new Map<string, { content: Uint8Array; data: Uint8Array }>();

function deflated(name: string, content: Uint8Array, crc: number): Uint8Array {
  if (content.length > RECURRING_MAX_BYTES) return fflate().deflateSync(content, { level: 6 });
  const key = `${crc}:${content.length}:${name}`;
  const kept = recurring.get(key);
  if (kept && sameBytes(kept.content, content)) return kept.data;
  const data = fflate().deflateSync(content, { level: 6 });
  if (recurring.size >= RECURRING_KEPT) recurring.delete(recurring.keys().next().value as string);
  recurring.set(key, { content: content.slice(), data });
  return data;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A zip another library wrote, with every entry's time fixed (and no data descriptors), its
 * stored bytes kept: the same package gives the same bytes, without inflating and deflating
 * it again.
 */
export function restampZip(zip: Uint8Array): Uint8Array {
  return writeZip(
    [...readZipDirectory(zip).values()].map((entry) => ({
      kind: 'copy',
      name: entry.name,
      method: entry.method,
      crc: entry.crc,
      size: entry.size,
      flags: entry.flags,
      time: FIXED_TIME,
      date: FIXED_DATE,
      data: storedData(zip, entry),
    })),
  );
}

export function writeZip(entries: readonly ZipOutEntry[]): Uint8Array {
  const prepared = entries.map(prepare);
  const localSize = prepared.reduce((n, p) => n + 30 + p.name.length + p.data.length, 0);
  const centralSize = prepared.reduce((n, p) => n + 46 + p.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const dv = new DataView(out.buffer);
  let o = 0;
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(o);
    dv.setUint32(o, 0x04034b50, true);
    dv.setUint16(o + 4, 20, true);
    writeCommon(dv, o + 6, p);
    dv.setUint16(o + 26, p.name.length, true);
    dv.setUint16(o + 28, 0, true);
    out.set(p.name, o + 30);
    out.set(p.data, o + 30 + p.name.length);
    o += 30 + p.name.length + p.data.length;
  }
  const central = o;
  prepared.forEach((p, i) => {
    dv.setUint32(o, 0x02014b50, true);
    dv.setUint16(o + 4, 20, true);
    dv.setUint16(o + 6, 20, true);
    writeCommon(dv, o + 8, p);
    dv.setUint16(o + 28, p.name.length, true);
    // Extra, comment, disk, attributes: all zero.
    dv.setUint32(o + 42, offsets[i] as number, true);
    out.set(p.name, o + 46);
    o += 46 + p.name.length;
  });
  dv.setUint32(o, 0x06054b50, true);
  dv.setUint16(o + 8, prepared.length, true);
  dv.setUint16(o + 10, prepared.length, true);
  dv.setUint32(o + 12, o - central, true);
  dv.setUint32(o + 16, central, true);
  return out;
}

/** The fields local and central headers share, from "flags" to the uncompressed size. */
function writeCommon(dv: DataView, o: number, p: Prepared): void {
  dv.setUint16(o, p.flags, true);
  dv.setUint16(o + 2, p.method, true);
  dv.setUint16(o + 4, p.time, true);
  dv.setUint16(o + 6, p.date, true);
  dv.setUint32(o + 8, p.crc, true);
  dv.setUint32(o + 12, p.compressedSize, true);
  dv.setUint32(o + 16, p.size, true);
}
