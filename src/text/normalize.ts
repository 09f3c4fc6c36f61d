/**
 * Normalisation for matching only. Rules and metrics see the normalised form;
 * evidence is always mapped back to the original text through `map`.
 *
 * - full-width ASCII (U+FF01–FF5E: digits, letters, brackets, ，：；％) → half-width
 * - ideographic space and all other whitespace removed (Chinese needs no spaces,
 *   and "法律 顾问" must match 法律顾问)
 * - a few look-alikes folded: 〔〕→[], ﹪→%, ．→.
 */

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

const FOLD_CODES = new Map(Object.entries(FOLD).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]));
const UTF16 = new TextDecoder('utf-16le');

function isRemovableSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x205f
  );
}

/**
 * Normalise one line (no newlines expected, but they are kept if present).
 * `skip` lists sorted, non-overlapping original spans to leave out (editor artefacts).
 */
export function normalize(original: string, skip: ReadonlyArray<{ start: number; end: number }> = []): NormalizedText {
  // Code units into a typed buffer, decoded once: far cheaper than building a string per character.
  const out = new Uint16Array(original.length);
  const map = new Int32Array(original.length + 1);
  let n = 0;
  let k = 0;
  for (let i = 0; i < original.length; i++) {
    while (k < skip.length && i >= (skip[k] as { end: number }).end) k++;
    const cut = skip[k];
    if (cut && i >= cut.start) continue;
    const code = original.charCodeAt(i);
    if (isRemovableSpace(code)) continue;
    out[n] = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : (FOLD_CODES.get(code) ?? code);
    map[n++] = i;
  }
  map[n] = original.length;
  return { text: UTF16.decode(out.subarray(0, n)), map: map.subarray(0, n + 1) };
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
