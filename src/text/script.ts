/**
 * Traditional → simplified folding of a line's matching form. Packs are written in simplified
 * characters; a report mirrored in traditional script ("認真落實行政執法") would match nothing.
 *
 * The conversion is OpenCC's own `{ from: 't', to: 'cn' }` (its `t2s` configuration: compatibility
 * ideographs folded, then the TSPhrases/TSCharacters trie), walked segment by segment here so
 * that the line's map to original offsets stays exact where a phrase changes length.
 *
 * Cost: the tables take a few ms to build (7 ms cold) and a traditional report a fraction of a
 * millisecond to convert, so both run only for lines that hold a traditional-only character.
 * Spotting one is a bit test per code unit against a set derived from the same tables, generated
 * ahead of time because deriving it would cost every run, simplified or not, more than checking
 * a report does.
 */
import * as OpenCCModule from 'opencc-js/t2cn';
import type { NormalizedText } from './normalize.js';
import { TRADITIONAL_ONLY } from './traditional-chars.js';
import type { UnitSet } from './unit-set.js';

/** Dictionaries as OpenCC ships them: "src dst|src dst|…" strings or [src, dst] pairs. */
type Dict = string | readonly (readonly [string, string])[];
type Group = readonly Dict[];

interface T2sConfig {
  normalizationChain?: readonly Group[];
  conversionChain: readonly Group[];
}

interface Trie {
  addWord(word: string, value: string): void;
  matchPrefix(text: string, offset: number): { end: number; value: string } | null;
}

// The package's declaration files import './core' without an extension, which NodeNext cannot
// resolve, so the parts used here are typed by hand.
const OpenCC = OpenCCModule as unknown as {
  Locale: { configs: Record<string, T2sConfig | undefined> };
  Trie: new () => Trie;
};

/** The configuration `Converter({ from: 't', to: 'cn' })` builds (the library names it t2s). */
function t2sConfig(): T2sConfig {
  const config = OpenCC.Locale.configs['t2s'];
  if (!config) throw new Error('opencc-js: no t2s configuration');
  return config;
}

/** Each entry of a dictionary, scanned in place (splitting and iterating sets cost ~20 ms cold). */
function forEachEntry(dict: Dict, visit: (from: string, to: string) => void): void {
  if (typeof dict !== 'string') {
    for (const [from, to] of dict) visit(from, to);
    return;
  }
  for (let i = 0; i < dict.length;) {
    const space = dict.indexOf(' ', i);
    if (space < 0) break;
    let bar = dict.indexOf('|', space);
    if (bar < 0) bar = dict.length;
    visit(dict.slice(i, space), dict.slice(space + 1, bar));
    i = bar + 1;
  }
}

/** 2 where a surrogate pair starts at `i`, else 1: the units of the character there. */
const charWidth = (text: string, i: number): number => ((text.codePointAt(i) as number) > 0xffff ? 2 : 1);

interface TraditionalSet {
  /** One bit per BMP code unit: a traditional-only character, or a high surrogate of one. */
  bits: Uint32Array;
  /** Traditional-only characters outside the BMP, as code points. */
  astral: Set<number>;
}

let traditional: TraditionalSet | null = null;

/**
 * Characters that the conversion changes on their own and that simplified text never uses: a
 * single-character key whose value differs, unless the character is itself produced by the
 * conversion (乾 in 乾坤, 麽 as a variant of 么), which simplified reports may well contain.
 * In code point order. Deriving them takes ~5–15 ms of scanning the tables, so the result is
 * generated into traditional-chars.ts (scripts/traditional-chars.mjs) and a test keeps it equal.
 */
export function deriveTraditionalOnly(): string {
  const config = t2sConfig();
  const produced = new Set<number>();
  for (const group of config.conversionChain)
    for (const dict of group)
      forEachEntry(dict, (_, to) => Array.from(to, (ch) => produced.add(ch.codePointAt(0) as number)));
  const found = new Set<number>();
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain])
    for (const dict of group)
      forEachEntry(dict, (from, to) => {
        const code = from.codePointAt(0) as number;
        if (from !== to && from.length === charWidth(from, 0) && !produced.has(code)) found.add(code);
      });
  return String.fromCodePoint(...[...found].sort((a, b) => a - b));
}

/** The generated set as a bitset (about 4,000 characters read once: well under a millisecond). */
export function traditionalOnly(): TraditionalSet {
  if (traditional) return traditional;
  const bits = new Uint32Array(0x10000 >>> 5);
  const astral = new Set<number>();
  for (let i = 0; i < TRADITIONAL_ONLY.length; i++) {
    const unit = TRADITIONAL_ONLY.charCodeAt(i);
    bits[unit >>> 5] = (bits[unit >>> 5] as number) | (1 << (unit & 31));
    if (unit >= 0xd800 && unit <= 0xdbff) astral.add(TRADITIONAL_ONLY.codePointAt(i++) as number);
  }
  traditional = { bits, astral };
  return traditional;
}

/** Whether units [start, end) hold a traditional-only character: one bit test per unit. */
export function hasTraditional(units: ArrayLike<number>, end = units.length, start = 0): boolean {
  const { bits, astral } = traditional ?? traditionalOnly();
  for (let i = start; i < end; i++) {
    const unit = units[i] as number;
    if ((((bits[unit >>> 5] as number) >>> (unit & 31)) & 1) === 0) continue;
    if (unit < 0xd800 || unit > 0xdbff) return true;
    const low = i + 1 < end ? (units[i + 1] as number) : 0;
    if (astral.has(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) return true;
  }
  return false;
}

/** A stage of the conversion: its trie, and the code units a key of it can start with. */
interface Stage {
  trie: Trie;
  /** The first unit of each key (an astral key's high surrogate). */
  starts: UnitSet;
  /**
   * Per BMP character that is a key on its own, starts no longer key and becomes one BMP unit
   * (four in five of the t2s characters): that unit, the trie's answer without walking it; else 0.
   */
  single: Uint16Array;
}

let stages: Stage[] | null = null;

/**
 * A group's entries as the library's trie holds them: it loads a group's dictionaries last to first, each entry
 * replacing the value before it, so the first dictionary's wins.
 */
function groupEntries(group: Group): Map<string, string> {
  const entries = new Map<string, string>();
  for (let d = group.length - 1; d >= 0; d--) forEachEntry(group[d] as Dict, (from, to) => entries.set(from, to));
  return entries;
}

/**
 * The stages of the t2s conversion. A character that is a key of its own, starts no longer key and becomes one unit
 * goes in the table; every other key in a trie loaded as the library loads it, so that a walk from any character that
 * starts a longer key meets every key the library's would. Loading all 5,000 keys into the trie took 10–20 ms of a
 * cold start, about a tenth of checking one report in traditional script.
 */
function converterStages(): Stage[] {
  if (stages) return stages;
  const config = t2sConfig();
  stages = [...(config.normalizationChain ?? []), ...config.conversionChain].map((group) => {
    const entries = groupEntries(group);
    const startsLonger = new Set<number>();
    for (const from of entries.keys()) if (from.length > charWidth(from, 0)) startsLonger.add(from.charCodeAt(0));
    const trie = new OpenCC.Trie();
    const starts = new Uint8Array(0x10000);
    const single = new Uint16Array(0x10000);
    for (const [from, to] of entries) {
      const first = from.charCodeAt(0);
      if (from.length > 0) starts[first] = 1;
      const alone = from.length === 1 && !isSurrogate(first) && !startsLonger.has(first);
      if (alone && to.length === 1 && !isSurrogate(to.charCodeAt(0))) single[first] = to.charCodeAt(0);
      else trie.addWord(from, to);
    }
    return { trie, starts, single };
  });
  return stages;
}

const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;

/**
 * Map the units of `to`, which replaces `from` at `at`, into out[outAt…] (one offset per unit of `to`). Character
 * for character where both have as many code points (every t2s entry: only a unit count may change, as in 二噁英 →
 * 二𫫇英), both units of a character mapping to its original. Otherwise in order, the last unit onto the segment's
 * last, so that a span covering the segment maps to all of it.
 */
function mapSegment(from: string, to: string, map: Int32Array, at: number, out: Int32Array, outAt: number): void {
  const fromChars = Array.from(from);
  const toChars = Array.from(to);
  let o = outAt;
  if (fromChars.length === toChars.length) {
    let unit = at;
    for (let c = 0; c < toChars.length; c++) {
      const width = (fromChars[c] as string).length;
      const chars = (toChars[c] as string).length;
      // A two-unit original read as one unit keeps its first offset: only the compatibility
      // supplement (U+2F800…) does that, which reports do not use.
      for (let j = 0; j < chars; j++) out[o++] = map[unit + Math.min(j, width - 1)] as number;
      unit += width;
    }
    return;
  }
  const k = from.length;
  for (let j = 0; j < to.length; j++) out[o++] = map[at + (j === to.length - 1 ? k - 1 : Math.min(j, k - 1))] as number;
}

// A converted line's units and offsets, written here and copied out once: reused from line to line
// (grown when a line needs more), where a string and an array grown per character cost most of the
// conversion.
let outUnits = new Uint16Array(1024);
let outOffsets = new Int32Array(1025);

/** Room for `size` units (and the closing offset), what was written kept. */
function reserve(size: number): void {
  if (outUnits.length >= size) return;
  const length = Math.max(size, outUnits.length * 2);
  const units = new Uint16Array(length);
  units.set(outUnits);
  const offsets = new Int32Array(length + 1);
  offsets.set(outOffsets);
  outUnits = units;
  outOffsets = offsets;
}

/** The string of units [0, n): in chunks, whatever their surrogates (a decoder would replace a lone one). */
function unitsToString(units: Uint16Array, n: number): string {
  let out = '';
  for (let at = 0; at < n; at += 4096)
    out += String.fromCharCode.apply(null, units.subarray(at, Math.min(n, at + 4096)) as unknown as number[]);
  return out;
}

/** One stage of the conversion over (text, map), as Trie.convert walks it. */
function convertStage({ trie, starts, single }: Stage, text: string, map: Int32Array): NormalizedText {
  let n = 0;
  // text[copyFrom, i) is unchanged and not yet written.
  let copyFrom = 0;
  let changed = false;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    // Most characters of a line start no key: no trie walk for them.
    if (starts[code] !== 1) {
      i += charWidth(text, i);
      continue;
    }
    const one = single[code] as number;
    const match = one === 0 ? trie.matchPrefix(text, i) : null;
    if (one === 0 && !match) {
      i += charWidth(text, i);
      continue;
    }
    const end = match ? match.end : i + 1;
    reserve(n + (i - copyFrom) + (match ? match.value.length : 1) + (text.length - end));
    const units = outUnits;
    const offsets = outOffsets;
    for (let j = copyFrom; j < i; j++) {
      units[n] = text.charCodeAt(j);
      offsets[n++] = map[j] as number;
    }
    if (match) {
      const { value } = match;
      for (let j = 0; j < value.length; j++) units[n + j] = value.charCodeAt(j);
      mapSegment(text.slice(i, end), value, map, i, offsets, n);
      n += value.length;
    } else {
      units[n] = one;
      offsets[n++] = map[i] as number;
    }
    i = copyFrom = end;
    changed = true;
  }
  if (!changed) return { text, map };
  reserve(n + (text.length - copyFrom));
  for (let j = copyFrom; j < text.length; j++) {
    outUnits[n] = text.charCodeAt(j);
    outOffsets[n++] = map[j] as number;
  }
  outOffsets[n] = map[text.length] as number;
  return { text: unitsToString(outUnits, n), map: outOffsets.slice(0, n + 1) };
}

/** The simplified matching form of a normalised line, its map still pointing at the original. */
export function toSimplified(norm: NormalizedText): NormalizedText {
  let result = norm;
  for (const stage of converterStages()) result = convertStage(stage, result.text, result.map);
  return result;
}

/** Fold a whole string (pattern-side phrases, tests): converted only if it holds traditional. */
export function simplify(text: string): string {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  if (!hasTraditional(units)) return text;
  return toSimplified({ text, map: Int32Array.from({ length: text.length + 1 }, (_, i) => i) }).text;
}
