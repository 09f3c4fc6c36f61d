/**
 * Which characters and character pairs a text contains: enough to tell, before a scan,
 * that a pattern needing literals the text cannot contain will find nothing.
 */

import { isTextLine, type Document } from '../document/model.js';
import { pairKey, type NeededLiteral } from '../packs/prefilter.js';

export { pairKey };

/**
 * A pair key's slot in a table of 2^bits: Fibonacci hashing, whose high bits spread keys
 * differing only in low bits.
 */
export const pairSlot = (key: number, bits: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - bits);

// Two small bitsets per text: the characters present (exact for UTF-16 units), and the pairs
// present as a one-hash Bloom filter. A false positive only means a scan for nothing; nothing
// present is ever missed. Each Presence owns its bitsets (16 KB), so it stays valid as long as
// its document is checked: the concepts consult it lazily, after the patterns' scan.
const PAIR_BITS = 16;
const pairBit = (key: number): number => pairSlot(key, PAIR_BITS);

export interface Presence {
  /** False only when the text cannot contain any of the literals. */
  mayContainAny(needs: readonly NeededLiteral[]): boolean;
}

/** Index a text's characters and pairs. */
export function presenceIn(text: string): Presence {
  const chars = new Uint32Array(65536 / 32);
  const pairs = new Uint32Array((1 << PAIR_BITS) / 32);
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    chars[c >>> 5] = (chars[c >>> 5] as number) | (1 << (c & 31));
    if (previous >= 0) {
      const bit = pairBit((previous << 16) | c);
      pairs[bit >>> 5] = (pairs[bit >>> 5] as number) | (1 << (bit & 31));
    }
    previous = c;
  }
  const has = (set: Uint32Array, bit: number): boolean => ((set[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  return {
    mayContainAny(needs) {
      for (const need of needs) {
        if ('char' in need) {
          if (has(chars, need.char)) return true;
          continue;
        }
        let all = true;
        for (const key of need.pairs) {
          if (!has(pairs, pairBit(key))) {
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

const PRESENCE = Symbol('presence');

/**
 * The presence of a document's text lines joined by \n, computed once per document; `joined` is
 * that text when the caller has it already.
 */
export function documentPresence(document: Document, joined?: string): Presence {
  let presence = document.derived.get(PRESENCE) as Presence | undefined;
  if (!presence) {
    const text =
      joined ??
      document.lines
        .filter(isTextLine)
        .map((l) => l.norm.text)
        .join('\n');
    document.derived.set(PRESENCE, (presence = presenceIn(text)));
  }
  return presence;
}
