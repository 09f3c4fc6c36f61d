/**
 * Which characters and character pairs a text contains: enough to tell, before a scan,
 * that a pattern needing literals the text cannot contain will find nothing.
 */

/** A needed literal, ready to test: a lone character, or the pairs a longer literal is made of. */
export type NeededLiteral = { char: number } | { pairs: Int32Array };

export function compileNeeds(literals: readonly string[]): NeededLiteral[] {
  return literals.map((s) => {
    if (s.length === 1) return { char: s.charCodeAt(0) };
    const pairs = new Set<number>();
    for (let i = 0; i + 1 < s.length; i++) pairs.add(pairKey(s, i));
    return { pairs: Int32Array.from(pairs) };
  });
}

const pairKey = (s: string, i: number): number => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

/** Texts longer than this are scanned by every pattern: their tables would cost more than they save. */
const MAX_TEXT = 1 << 18;

// Reused from text to text and cleared by bumping a generation.
const charStamps = new Int32Array(65536);
let pairKeys = new Int32Array(0);
let pairStamps = new Int32Array(0);
let bits = 0;
let generation = 0;

export interface Presence {
  /** False only when the text cannot contain any of the literals. */
  mayContainAny(needs: readonly NeededLiteral[]): boolean;
}

const EVERYTHING: Presence = { mayContainAny: () => true };

/** Index a text's characters and pairs. Valid until the next call (the tables are shared). */
export function presenceIn(text: string): Presence {
  if (text.length > MAX_TEXT) return EVERYTHING;
  generation = (generation + 1) | 0;
  const gen = generation;
  bits = Math.max(8, Math.ceil(Math.log2(text.length * 2 + 2)));
  const size = 1 << bits;
  if (pairKeys.length < size) {
    pairKeys = new Int32Array(size);
    pairStamps = new Int32Array(size);
  }
  const mask = size - 1;
  const shift = 32 - bits;
  for (let i = 0; i < text.length; i++) {
    charStamps[text.charCodeAt(i)] = gen;
    if (i + 1 === text.length) break;
    const key = pairKey(text, i);
    // Fibonacci hashing, linear probing: at most half full.
    let slot = Math.imul(key, 0x9e3779b1) >>> shift;
    while (pairStamps[slot] === gen && pairKeys[slot] !== key) slot = (slot + 1) & mask;
    pairStamps[slot] = gen;
    pairKeys[slot] = key;
  }
  const hasPair = (key: number): boolean => {
    let slot = Math.imul(key, 0x9e3779b1) >>> shift;
    while (pairStamps[slot] === gen) {
      if (pairKeys[slot] === key) return true;
      slot = (slot + 1) & mask;
    }
    return false;
  };
  return {
    mayContainAny(needs) {
      if (gen !== generation) throw new Error('presenceIn: tables reused by a later text');
      for (const need of needs) {
        if ('char' in need) {
          if (charStamps[need.char] === gen) return true;
          continue;
        }
        let all = true;
        for (const key of need.pairs) {
          if (!hasPair(key)) {
            all = false;
            break;
          }
        }
        if (all) return true;
      }
      return false;
    },
  };
}
