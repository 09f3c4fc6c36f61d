/**
 * Text measures the year-over-year comparison shares: character shingles for near-duplicate
 * paragraphs, and the content bigrams of a plan item once its words of aim are set aside.
 */

/** Letters and digits only: punctuation, spaces and list markers never make two texts differ. */
export function comparable(text: string): string {
  return text.replace(/[^\p{L}\p{N}%.]/gu, '');
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
