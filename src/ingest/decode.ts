/**
 * Byte → text decoding for input reports: BOM sniffing, UTF-16 without BOM,
 * strict UTF-8, then GB18030/GBK (still common for township documents),
 * with rejection of binaries and mojibake so later stages see real text.
 * Line endings are left untouched on purpose (the next stage handles \r\n).
 */
import { lazy } from '../shared/lazy.js';

// Only GBK/GB18030 and UTF-16 detection need it: most reports are UTF-8.
const iconv = lazy<typeof import('iconv-lite')>('iconv-lite');
import { InputError } from '../shared/errors.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const MSG_EMPTY = '文件为空';
const MSG_BINARY = '不是文本文件（疑似二进制文件）';
const MSG_UNKNOWN = '无法识别文本编码：既不是有效的 UTF-8，也不是 GBK/GB18030（请另存为 UTF-8）';
const MSG_MOJIBAKE = '文本疑似乱码（大量替换字符“�”或异常字符），请确认原文件编码后另存为 UTF-8';

/** Share of non-ASCII characters that must be GB2312 for a GB18030 guess to be accepted. */
const GB_MIN_KNOWN = 0.95;
/** Real Chinese prose uses few level-2 hanzi; UTF-8 misread as GBK is dominated by them. */
const GB_MAX_LEVEL2 = 0.3;
/** Controls (other than \t\n\r\f) above this share of the input mean binary. */
const MAX_CONTROL_SHARE = 0.05;
/** Suspicious characters above this share of the non-ASCII text mean mojibake. */
const MAX_SUSPICIOUS_SHARE = 0.3;

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new InputError(MSG_EMPTY, file, 'input-empty');

  const bom = sniffBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    const text = bom.encoding === 'utf-8-bom' ? tryUtf8(body) : tryUtf16(body, bom.encoding === 'utf-16le');
    if (text === null) {
      throw new InputError(
        `文件开头的 BOM 标明为 ${bom.label}，但内容不是有效的 ${bom.label}（文件可能已损坏）`,
        file,
        'input-decode',
      );
    }
    return finish(text, bom.encoding, file);
  }

  // UTF-8 and GB18030 text never contains NUL, so NULs mean UTF-16 or binary.
  if (bytes.includes(0)) {
    const utf16 = guessUtf16WithNuls(bytes);
    if (utf16) return finish(utf16.text, utf16.encoding, file);
    throw new InputError(MSG_BINARY, file, 'input-decode');
  }

  // Control bytes cannot be part of a UTF-8 or GB18030 multi-byte sequence, so count them raw.
  if (countControlBytes(bytes) > bytes.length * MAX_CONTROL_SHARE)
    throw new InputError(MSG_BINARY, file, 'input-decode');

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8', file);

  const gb = decodeGb18030(bytes);
  if (isPlausibleGb(gb)) return finish(gb, 'gb18030', file);

  // Last resort: pure-CJK UTF-16 without BOM and without any ASCII has no NULs at all.
  if (bytes.length % 2 === 0) {
    for (const le of [true, false]) {
      const text = tryUtf16(bytes, le);
      if (text !== null && isPlausibleGb(text, true)) return finish(text, le ? 'utf-16le' : 'utf-16be', file);
    }
  }

  throw new InputError(MSG_UNKNOWN, file, 'input-decode');
}

/** Final checks shared by every path: emptiness, binary content, mojibake. */
function finish(text: string, encoding: TextEncoding, file: string): DecodedText {
  if (!/\S/.test(text)) throw new InputError(MSG_EMPTY, file, 'input-empty');
  const stats = scanText(text);
  if (stats.controls > text.length * MAX_CONTROL_SHARE) throw new InputError(MSG_BINARY, file, 'input-decode');
  if (stats.suspicious >= 3 && stats.suspicious > stats.nonAscii * MAX_SUSPICIOUS_SHARE) {
    throw new InputError(MSG_MOJIBAKE, file, 'input-decode');
  }
  return { text, encoding };
}

/** The byte-order mark the bytes start with, if any. */
export function sniffBom(bytes: Uint8Array): { encoding: TextEncoding; length: number; label: string } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8-bom', length: 3, label: 'UTF-8' };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2, label: 'UTF-16LE' };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2, label: 'UTF-16BE' };
  return null;
}

/** Strict UTF-8 decode (invalid bytes → null); a leading BOM is kept as U+FEFF. */
export function tryUtf8(bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: a second BOM after the sniffed one is content, not something to drop silently.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Strict UTF-16 decode (lone surrogates or an odd byte count → null). */
function tryUtf16(bytes: Uint8Array, littleEndian: boolean): string | null {
  if (bytes.length % 2 !== 0) return null;
  let src = bytes;
  if (!littleEndian) {
    // Swap to LE ourselves rather than rely on 'utf-16be' support in the ICU build.
    src = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 2) {
      src[i] = bytes[i + 1]!;
      src[i + 1] = bytes[i]!;
    }
  }
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(src);
  } catch {
    return null;
  }
}

/** GB18030 (a superset of GBK and GB2312); never fails, unknown bytes become U+FFFD. */
export function decodeGb18030(bytes: Uint8Array): string {
  return iconv().decode(bytes, 'gb18030');
}

/**
 * Lenient UTF-16 for sniffing a file's head: every code unit kept as is (lone surrogates
 * too, a BOM too), a trailing odd byte dropped.
 */
export function decodeUtf16Units(bytes: Uint8Array, littleEndian: boolean): string {
  const units = new Uint16Array(bytes.length >> 1);
  for (let i = 0; i < units.length; i++) {
    const a = bytes[2 * i] as number;
    const b = bytes[2 * i + 1] as number;
    units[i] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  return fromCodeUnits(units);
}

/** Latin-1 (ISO-8859-1, not windows-1252): byte n becomes U+00nn, so offsets stay byte offsets. */
export function decodeLatin1(bytes: Uint8Array): string {
  return fromCodeUnits(bytes);
}

function fromCodeUnits(units: Uint8Array | Uint16Array): string {
  const CHUNK = 8192; // String.fromCharCode takes its arguments on the stack
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK) out += String.fromCharCode(...units.subarray(i, i + CHUNK));
  return out;
}

/**
 * Lenient decode of an XML part inside a container (.docx): a UTF-16 BOM selects UTF-16,
 * anything else is UTF-8; a BOM is dropped and bad bytes become U+FFFD.
 */
export function decodeXmlPart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder().decode(bytes);
}

/**
 * ASCII in UTF-16LE puts NULs at odd offsets, in BE at even offsets. Try the
 * orientation the NULs point to first, and accept only text that looks like text,
 * since binaries are full of NULs too.
 */
function guessUtf16WithNuls(bytes: Uint8Array): { text: string; encoding: TextEncoding } | null {
  if (bytes.length % 2 !== 0) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const order = oddNuls >= evenNuls ? [true, false] : [false, true];
  for (const le of order) {
    const text = tryUtf16(bytes, le);
    if (text !== null && isPlausibleUtf16(text)) return { text, encoding: le ? 'utf-16le' : 'utf-16be' };
  }
  return null;
}

/** Nearly every code unit must be in a block that real documents use. */
function isPlausibleUtf16(text: string): boolean {
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCommonTextUnit(c)) good++;
  }
  return good >= text.length * 0.95;
}

function isCommonTextUnit(c: number): boolean {
  if (c >= 0x20 && c <= 0x7e) return true;
  if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) return true;
  return (
    (c >= 0xa0 && c <= 0x24f) || // Latin-1, Latin Extended
    (c >= 0x370 && c <= 0x4ff) || // Greek, Cyrillic (GB2312 has both)
    (c >= 0x2000 && c <= 0x27bf) || // punctuation, symbols, arrows, math, box drawing, shapes
    (c >= 0x2e80 && c <= 0x9fff) || // CJK radicals, punctuation, kana, ext. A, unified ideographs
    (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
    (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility forms
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0xd800 && c <= 0xdfff) // surrogates: strict decoding already guaranteed they pair up
  );
}

function countControlBytes(bytes: Uint8Array): number {
  let n = 0;
  // Indexed, not for…of: no iterator per byte on the path every report takes.
  for (let i = 0; i < bytes.length; i++) if (isBadControl(bytes[i] as number)) n++;
  return n;
}

/** C0 controls except \t \n \f \r, plus DEL. */
function isBadControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f;
}

// --- GB2312 lookup -------------------------------------------------------

/** 1 = symbol rows and level-1 hanzi, 2 = level-2 hanzi. Built once, on first use. */
let gb2312: Map<number, 1 | 2> | null = null;

function gb2312Table(): Map<number, 1 | 2> {
  if (gb2312) return gb2312;
  const table = new Map<number, 1 | 2>();
  // Rows A1–A9 are symbols, B0–D7 level-1 hanzi, D8–F7 level-2; trail bytes A1–FE.
  const addRows = (from: number, to: number, level: 1 | 2): void => {
    const buf = new Uint8Array((to - from + 1) * 94 * 2);
    let k = 0;
    for (let lead = from; lead <= to; lead++) {
      for (let trail = 0xa1; trail <= 0xfe; trail++) {
        buf[k++] = lead;
        buf[k++] = trail;
      }
    }
    // GBK and GB18030 map a few symbol cells differently (e.g. A1A4, A1AA): take both.
    for (const encoding of ['gbk', 'gb18030'] as const) {
      for (const ch of iconv().decode(buf, encoding)) {
        const cp = ch.codePointAt(0)!;
        // Unassigned cells decode to U+FFFD or private-use code points: not real text.
        if (cp !== 0xfffd && !(cp >= 0xe000 && cp <= 0xf8ff) && !table.has(cp)) table.set(cp, level);
      }
    }
  };
  addRows(0xa1, 0xa9, 1);
  addRows(0xb0, 0xd7, 1);
  addRows(0xd8, 0xf7, 2);
  // Common punctuation outside GB2312 that GBK documents still carry (•, ‧, 〝, full-width forms).
  for (const [from, to] of [
    [0x2010, 0x2027],
    [0x3000, 0x303f],
    [0xff01, 0xff5e],
  ] as const) {
    for (let cp = from; cp <= to; cp++) if (!table.has(cp)) table.set(cp, 1);
  }
  gb2312 = table;
  return table;
}

/**
 * GB18030 decodes almost any byte string, so accept the result only if it reads
 * like Chinese: nearly all non-ASCII characters in GB2312, and not dominated by
 * level-2 hanzi (the signature of UTF-8 bytes misread as GBK).
 */
function isPlausibleGb(text: string, requireCjk = false): boolean {
  const table = gb2312Table();
  let nonAscii = 0;
  let unknown = 0;
  let level2 = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (isBadControl(c)) unknown++;
      continue;
    }
    nonAscii++;
    const level = table.get(c);
    if (level === undefined) unknown++;
    else if (level === 2) level2++;
  }
  if (nonAscii === 0) return !requireCjk && unknown === 0;
  if (unknown > nonAscii * (1 - GB_MIN_KNOWN)) return false;
  if (level2 > 2 && level2 > nonAscii * GB_MAX_LEVEL2) return false;
  return true;
}

// --- mojibake ------------------------------------------------------------

/** cp1252 renderings of bytes 0x80–0x9F: how UTF-8 continuation bytes look when misread. */
const CP1252_HIGH = new Set(Array.from('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ', (ch) => ch.charCodeAt(0)));

interface TextStats {
  controls: number;
  nonAscii: number;
  suspicious: number;
}

/**
 * One pass over decoded text. Suspicious: U+FFFD, C1 controls, private use,
 * "锟斤拷" (U+FFFD bytes misread as GBK), and Latin-1 lead + continuation-looking
 * pairs such as "æ³" (UTF-8 Chinese misread as Latin-1/cp1252).
 */
function scanText(text: string): TextStats {
  let controls = 0;
  let nonAscii = 0;
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (isBadControl(c)) controls++;
      continue;
    }
    nonAscii++;
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f) || (c >= 0xe000 && c <= 0xf8ff)) {
      suspicious++;
    } else if (c >= 0xc2 && c <= 0xef) {
      const next = text.charCodeAt(i + 1);
      if ((next >= 0x80 && next <= 0xbf) || CP1252_HIGH.has(next)) {
        // Count the pair as two suspicious characters and skip its second half.
        suspicious += 2;
        nonAscii++;
        i++;
      }
    } else if (c === 0x951f && text.startsWith('锟斤拷', i)) {
      suspicious += 3;
    }
  }
  return { controls, nonAscii, suspicious };
}
