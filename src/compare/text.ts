/**
 * Text measures the year-over-year comparison shares: character shingles for near-duplicate
 * paragraphs, and the content bigrams of a plan item once its words of aim are set aside.
 */

/** Words that say a plan is meant, not what it is about: shared by almost every plan item. */
const AIM_WORDS =
  /进一步|持续|不断|深入|深化|全面|切实|着力|继续|加强|加大|加快|强化|推进|推动|提升|提高|完善|健全|落实|抓好|做好|开展|扎实|大力|积极|认真|努力|工作|建设|力度|水平|能力|机制|体系|我镇|我乡|全镇|全乡|街道|明年|下一步|今后|计划|将/g;

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
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The bigrams of what a plan item is about: its Han characters with the words of aim removed. */
export function topicBigrams(text: string): Set<string> {
  const han = comparable(text).replace(AIM_WORDS, ' ');
  const out = new Set<string>();
  for (const run of han.split(/[^\p{Script=Han}]+/u)) {
    for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

/** How much of `item`'s topic a sentence covers: the share of its bigrams found in the sentence. */
export function topicCover(item: ReadonlySet<string>, sentence: string): number {
  if (item.size === 0) return 0;
  const text = comparable(sentence);
  let found = 0;
  for (const b of item) if (text.includes(b)) found++;
  return found / item.size;
}
