/**
 * Text measures the year-over-year comparison shares: character shingles for near-duplicate
 * paragraphs, and the content bigrams of a plan item once its words of aim are set aside.
 */

const KEPT = /^[\p{L}\p{N}%.]$/u;

/** Per UTF-16 code unit of the BMP: 0 not yet asked, 1 kept, 2 dropped (a batch meets a few thousand). */
const keptUnit = new Uint8Array(0x10000);

function keeps(code: number): boolean {
  let known = keptUnit[code] as number;
  if (known === 0) keptUnit[code] = known = KEPT.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/**
 * Letters and digits only: punctuation, spaces and list markers never make two texts differ.
 * The same as removing /[^\p{L}\p{N}%.]/gu, with each code unit's answer remembered: the regex's
 * Unicode tables cost several times more per character, on every paragraph of a batch.
 */
export function comparable(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      // A surrogate: an astral letter is kept whole, a lone surrogate is dropped.
      const pair = code <= 0xdbff && i + 1 < text.length ? text.slice(i, i + 2) : '';
      if (pair.length === 2 && (pair.charCodeAt(1) & 0xfc00) === 0xdc00) {
        if (!KEPT.test(pair)) {
          out += text.slice(runStart, i);
          runStart = i + 2;
        }
        i++;
        continue;
      }
    } else if (keeps(code)) continue;
    out += text.slice(runStart, i);
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/** The set of k-character shingles of a text (a text shorter than k is its own shingle). */
export function shingles(text: string, k = 3): Set<string> {
  const out = new Set<string>();
  if (text.length <= k) {
    if (text) out.add(text);
    return out;
  }
  for (let i = 0; i + k <= text.length; i++) out.add(text.slice(i, i + k));
  return out;
}

/** Jaccard similarity of two sets, 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  // Look up the smaller set's members in the larger one.
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The bigrams of what a plan item is about: its Han characters with the words of aim removed
 * (`aim`: the `aim` concept's regex from rules/concepts.yaml, global).
 */
export function topicBigrams(text: string, aim: RegExp | null): Set<string> {
  const letters = comparable(text);
  const han = aim ? letters.replace(aim, ' ') : letters;
  const out = new Set<string>();
  for (const run of han.split(/[^\p{Script=Han}]+/u)) {
    for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

/** How much of `item`'s topic a text covers (its `comparable` form): the share of its bigrams found there. */
export function topicCover(item: ReadonlySet<string>, text: string): number {
  if (item.size === 0) return 0;
  let found = 0;
  for (const b of item) if (text.includes(b)) found++;
  return found / item.size;
}
