/**
 * Just enough of the zip format to read a few parts of an OOXML package: the central
 * directory (zip64 included) and stored or deflated entries, inflated under a size cap.
 */
import { lazy } from '../../shared/lazy.js';

const fflate = lazy<typeof import('fflate')>('fflate');

/** Not a zip, or a zip whose structures point outside the file. */
export class CorruptZip extends Error {}

/** An entry would inflate beyond its cap (a zip bomb, or far larger than any real part). */
export class PartTooLarge extends Error {
  constructor(readonly part: string) {
    super(part);
  }
}

export interface ZipEntry {
  /** The part name as stored (the directory's key is lower-cased). */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  crc: number;
  /** General-purpose flags, DOS time and date: kept when an entry is copied into a new zip. */
  flags: number;
  time: number;
  date: number;
}

/** Central directory, keyed by lower-cased part name (OPC part names are case-insensitive). */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number): number => dv.getUint16(o, true);
  const u32 = (o: number): number => dv.getUint32(o, true);
  const u64 = (o: number): number => Number(dv.getBigUint64(o, true));
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new CorruptZip();
  let count = u16(eocd + 10);
  let o = u32(eocd + 16);
  if (eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z = u64(eocd - 12);
    if (z + 56 <= bytes.length && u32(z) === 0x06064b50) {
      count = u64(z + 32);
      o = u64(z + 48);
    }
  }
  const names = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (u32(o) !== 0x02014b50) throw new CorruptZip();
    const nameLength = u16(o + 28);
    const extraLength = u16(o + 30);
    const nameEnd = o + 46 + nameLength;
    if (nameEnd > bytes.length) throw new CorruptZip();
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(o + 46, nameEnd)).replace(/\\/g, '/'),
      method: u16(o + 10),
      compressedSize: u32(o + 20),
      size: u32(o + 24),
      offset: u32(o + 42),
      crc: u32(o + 16),
      flags: u16(o + 8),
      time: u16(o + 12),
      date: u16(o + 14),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.offset === 0xffffffff) {
      readZip64Extra(dv, nameEnd, nameEnd + extraLength, entry);
    }
    entries.set(entry.name.toLowerCase(), entry);
    o = nameEnd + extraLength + u16(o + 32);
  }
  return entries;
}

function readZip64Extra(dv: DataView, start: number, end: number, entry: ZipEntry): void {
  for (let p = start; p + 4 <= end; p += 4 + dv.getUint16(p + 2, true)) {
    if (dv.getUint16(p, true) !== 1) continue;
    let q = p + 4;
    const next = (): number => {
      const v = Number(dv.getBigUint64(q, true));
      q += 8;
      return v;
    };
    if (entry.size === 0xffffffff) entry.size = next();
    if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
    if (entry.offset === 0xffffffff) entry.offset = next();
    return;
  }
}

/** An entry's data as stored (compressed or not), found through its local header. */
export function storedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const o = entry.offset;
  if (o + 30 > bytes.length || dv.getUint32(o, true) !== 0x04034b50) throw new CorruptZip();
  const start = o + 30 + dv.getUint16(o + 26, true) + dv.getUint16(o + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new CorruptZip();
  return bytes.subarray(start, end);
}

/** Inflate one entry, never producing more than `limit` bytes (checked as it streams). */
export function extractEntry(bytes: Uint8Array, entry: ZipEntry, part: string, limit: number): Uint8Array {
  const data = storedData(bytes, entry);
  if (entry.method === 0) {
    if (data.length > limit) throw new PartTooLarge(part);
    return data;
  }
  if (entry.method !== 8) throw new CorruptZip();
  if (entry.size > limit) throw new PartTooLarge(part);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new (fflate().Inflate)((chunk) => {
    total += chunk.length;
    if (total > limit) throw new PartTooLarge(part);
    chunks.push(chunk);
  });
  // Small steps bound what one push can inflate before the limit is checked (~1000:1 at most).
  const STEP = 16 * 1024;
  let i = 0;
  do {
    inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    i += STEP;
  } while (i < data.length);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
