/**
 * Which characters and character pairs a text contains: enough to tell, before a scan,
 * that a pattern needing literals the text cannot contain will find nothing.
 */

import { isTextLine, type Document } from '../document/model.js';
import { ONE_CHARACTER, pairSlot, PRESENCE_PAIR_BITS, type CompiledNeeds } from '../packs/prefilter.js';

// Two small bitsets per text: the characters present (exact for UTF-16 units), and the pairs
// present as a one-hash Bloom filter. A false positive only means a scan for nothing; nothing
// present is ever missed. Each Presence owns its bitsets (16 KB), so it stays valid as long as
// its document is checked: the concepts consult it lazily, after the patterns' scan.
const pairBit = (key: number): number => pairSlot(key, PRESENCE_PAIR_BITS);

export interface Presence {
  /** False only when the text cannot contain any of the literals. */
  mayContainAny(needs: CompiledNeeds): boolean;
}

/** Index a text's characters and pairs. */
export function presenceIn(text: string): Presence {
  const chars = new Uint32Array(65536 / 32);
  const pairs = new Uint32Array((1 << PRESENCE_PAIR_BITS) / 32);
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
  return {
    mayContainAny(needs) {
      for (let i = 0; i < needs.length;) {
        const count = needs[i] as number;
        if (count === ONE_CHARACTER) {
          const c = needs[i + 1] as number;
          if ((((chars[c >>> 5] as number) >>> (c & 31)) & 1) === 1) return true;
          i += 2;
          continue;
        }
        const end = i + 1 + count;
        let at = i + 1;
        while (at < end) {
          const bit = needs[at] as number;
          if ((((pairs[bit >>> 5] as number) >>> (bit & 31)) & 1) === 0) break;
          at++;
        }
        if (at === end) return true;
        i = end;
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
