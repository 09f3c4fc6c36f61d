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

/**
 * TABLE's entry for a unit. Between 〕 and the small forms nothing changes (CJK ideographs, most
 * of a report): the table is 256 KB and a lookup per ideograph misses the cache.
 */
const mappedOf = (code: number): number => (code > 0x3015 && code < 0xfe50 ? 0 : (TABLE[code] as number));

/** Whether normalising drops every unit of `text` (spaces of all widths, zero-width marks). */
export function allRemoved(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (mappedOf(text.charCodeAt(i)) !== REMOVE) return false;
  return true;
}

/** An original span an artefact covers: left out of the normalised text. */
export interface Skipped {
  start: number;
  end: number;
}

const NO_SKIP: ReadonlyArray<Skipped> = [];

// Scratch units reused from call to call: a normalised text is decoded from them.
let units = new Uint16Array(1024);

const unitsFor = (length: number): Uint16Array => {
  if (units.length < length) units = new Uint16Array(Math.max(length, units.length * 2));
  return units;
};

/**
 * Fold `original` into out[at…] and its offsets into map[mapAt…] (the closing entry left to the caller); returns the
 * number of units written.
 */
function foldInto(
  original: string,
  skip: ReadonlyArray<Skipped>,
  out: Uint16Array,
  at: number,
  map: Int32Array,
  mapAt: number,
): number {
  let n = 0;
  let k = 0;
  for (let i = 0; i < original.length; i++) {
    if (k < skip.length) {
      while (k < skip.length && i >= (skip[k] as Skipped).end) k++;
      const cut = skip[k];
      if (cut && i >= cut.start) continue;
    }
    const code = original.charCodeAt(i);
    const mapped = mappedOf(code);
    const to = mapped === 0 ? code : mapped;
    if (to === REMOVE) continue;
    out[at + n] = to;
    map[mapAt + n++] = i;
  }
  map[mapAt + n] = original.length;
  return n;
}

/**
 * Normalise one line (no newlines expected, but they are kept if present).
 * `skip` lists sorted, non-overlapping original spans to leave out (editor artefacts).
 */
export function normalize(original: string, skip: ReadonlyArray<Skipped> = NO_SKIP): NormalizedText {
  const out = unitsFor(original.length);
  const map = new Int32Array(original.length + 1);
  const n = foldInto(original, skip, out, 0, map, 0);
  const norm = { text: UTF16.decode(out.subarray(0, n)), map: n === original.length ? map : map.subarray(0, n + 1) };
  // Traditional script is matched in simplified form; the check is a bit test per unit.
  return hasTraditional(out, n) ? toSimplified(norm) : norm;
}

/**
 * Whether a line ends in a lone high surrogate and the next starts with a low one: decoded together they would make
 * one character, where each line alone decodes its half as U+FFFD.
 */
function pairsAcrossLines(out: Uint16Array, unitStart: Int32Array): boolean {
  for (let i = 1; i + 1 < unitStart.length; i++) {
    const at = unitStart[i] as number;
    if (at === 0 || at === unitStart[i + 1]) continue;
    const before = out[at - 1] as number;
    const after = out[at] as number;
    if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return true;
  }
  return false;
}

/**
 * Normalise a document's lines, each as `normalize` would (`skips[i]` for line i): decoded at once, each text a slice
 * of the whole and each map a view of one buffer. Line by line, a decoder's call and a map's allocation cost more
 * than the characters did (per 1,000 reports: 120–140 → 57–80 ms).
 */
export function normalizeLines(
  lines: readonly string[],
  skips: ReadonlyArray<ReadonlyArray<Skipped>> = [],
): NormalizedText[] {
  let total = 0;
  for (const line of lines) total += line.length;
  const out = unitsFor(total);
  const map = new Int32Array(total + lines.length);
  // Line i's units are [unitStart[i], unitStart[i + 1]); its map starts at unitStart[i] + i.
  const unitStart = new Int32Array(lines.length + 1);
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    unitStart[i] = n;
    n += foldInto(lines[i] as string, skips[i] ?? NO_SKIP, out, n, map, n + i);
  }
  unitStart[lines.length] = n;
  const whole = pairsAcrossLines(out, unitStart) ? null : UTF16.decode(out.subarray(0, n));
  const normalized: NormalizedText[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = unitStart[i] as number;
    const end = unitStart[i + 1] as number;
    const text = whole ? whole.slice(start, end) : UTF16.decode(out.subarray(start, end));
    const norm = { text, map: map.subarray(start + i, end + i + 1) };
    normalized.push(hasTraditional(out, end, start) ? toSimplified(norm) : norm);
  }
  return normalized;
}

/** Original [start, end) for a normalised span [start, end). */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  const s = toOriginalStart(norm, start);
  return [s, toOriginalEnd(norm, start, end, s)];
}

/** toOriginalSpan's start, without the pair (a report's hits and numbers are many). */
export function toOriginalStart(norm: NormalizedText, start: number): number {
  return norm.map[Math.min(start, norm.map.length - 1)] ?? 0;
}

/** toOriginalSpan's end, given its start. */
export function toOriginalEnd(norm: NormalizedText, start: number, end: number, originalStart: number): number {
  return end > start ? (norm.map[end - 1] ?? originalStart) + 1 : originalStart;
}

/** Normalise a pattern-side string the same way (used for phrase lists in packs). */
export function normalizePhrase(phrase: string): string {
  return normalize(phrase).text;
}
