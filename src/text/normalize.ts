/**
 * Normalisation for matching only. Rules and metrics see the normalised form;
 * evidence is always mapped back to the original text through `map`.
 *
 * - full-width ASCII (U+FF01–FF5E: digits, letters, brackets, ，：；％) → half-width
 * - ideographic space and all other whitespace removed (Chinese needs no spaces,
 *   and "法律 顾问" must match 法律顾问)
 * - a few look-alikes folded: 〔〕→[], ﹪→%, ．→.
 * - traditional characters folded to simplified (script.ts), only on lines that hold any
 */

import { hasTraditional, toSimplified } from './script.js';

export interface NormalizedText {
  /** The normalised string. */
  text: string;
  /**
   * map[i] = offset in the original of normalised char i; map[text.length] is the
   * original length, so a normalised span [s, e) maps to original [map[s], map[e-1]+1).
   */
  map: Int32Array;
}

const FOLD: Record<string, string> = {
  '〔': '[',
  '〕': ']',
  '﹪': '%',
  '．': '.',
  '﹐': ',',
  '﹔': ';',
  '﹕': ':',
};

const UTF16 = new TextDecoder('utf-16le');
const REMOVE = -1;

const REMOVABLE_SPACES = [0x20, 0x09, 0x0b, 0x0c, 0x0d, 0xa0, 0x3000, 0xfeff, 0x202f, 0x205f];

/**
 * What each UTF-16 code unit becomes: 0 for itself, REMOVE, or the unit it turns into. One
 * table lookup per character instead of a chain of comparisons and a map lookup. Zero means
 * "unchanged" so that building the table at start-up touches only the few units that change.
 */
const TABLE = (() => {
  const table = new Int32Array(0x10000);
  for (let code = 0xff01; code <= 0xff5e; code++) table[code] = code - 0xfee0;
  for (const [from, to] of Object.entries(FOLD)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  for (const code of REMOVABLE_SPACES) table[code] = REMOVE;
  for (let code = 0x2000; code <= 0x200b; code++) table[code] = REMOVE;
  return table;
})();

// Scratch buffers reused line after line; each line gets its own exact-size copy of the map.
let units = new Uint16Array(1024);
let offsets = new Int32Array(1025);

/**
 * Normalise one line (no newlines expected, but they are kept if present).
 * `skip` lists sorted, non-overlapping original spans to leave out (editor artefacts).
 */
export function normalize(original: string, skip: ReadonlyArray<{ start: number; end: number }> = []): NormalizedText {
  if (units.length < original.length) {
    units = new Uint16Array(original.length);
    offsets = new Int32Array(original.length + 1);
  }
  let n = 0;
  let k = 0;
  for (let i = 0; i < original.length; i++) {
    if (k < skip.length) {
      while (k < skip.length && i >= (skip[k] as { end: number }).end) k++;
      const cut = skip[k];
      if (cut && i >= cut.start) continue;
    }
    const code = original.charCodeAt(i);
    // Between 〕 and the small forms nothing changes (CJK ideographs, most of a report): the
    // table is 256 KB and a lookup per ideograph misses the cache.
    const mapped = code > 0x3015 && code < 0xfe50 ? 0 : (TABLE[code] as number);
    const to = mapped === 0 ? code : mapped;
    if (to === REMOVE) continue;
    units[n] = to;
    offsets[n++] = i;
  }
  offsets[n] = original.length;
  const norm = { text: UTF16.decode(units.subarray(0, n)), map: offsets.slice(0, n + 1) };
  // Traditional script is matched in simplified form; the check is a bit test per unit.
  return hasTraditional(units, n) ? toSimplified(norm) : norm;
}

/** Original [start, end) for a normalised span [start, end). */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  const s = norm.map[Math.min(start, norm.map.length - 1)] ?? 0;
  const e = end > start ? (norm.map[end - 1] ?? s) + 1 : s;
  return [s, e];
}

/** Normalise a pattern-side string the same way (used for phrase lists in packs). */
export function normalizePhrase(phrase: string): string {
  return normalize(phrase).text;
}
