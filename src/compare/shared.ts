/**
 * Paragraphs shared between towns in one batch: the same or nearly the same body paragraph in
 * two or more towns' reports. A batch result, never a finding of one report (a report's verdicts
 * do not depend on the others). It scales by MinHash signatures and banded locality-sensitive
 * hashing: only paragraphs that share a band are compared, never all pairs.
 */
import type { Document } from '../document/model.js';
import type { PackSet } from '../packs/model.js';
import type { SharedText } from '../report/result.js';
import { bodyParagraphs, COPY_THRESHOLD } from './index.js';
import { comparable } from './text.js';
import { detached } from '../shared/detached.js';

export interface BatchParagraph {
  /** Which report (audit: its slug; check: its position) and town it is in. */
  id: string;
  town: string;
  line: number;
  text: string;
  /** Its MinHash signature (paragraphSignature), when computed where the report was checked. */
  sig?: Uint32Array;
}

export interface SharedParagraph {
  /** The paragraph as the first report (in input order) writes it. */
  text: string;
  /** Every report that has it, with its line there, in input order. */
  reports: Array<{ id: string; town: string; line: number }>;
  /** The lowest similarity between the first and any other (1 = the same). */
  similarity: number;
}

/** Two towns' paragraphs are the same text at the similarity that makes a year's paragraph last year's. */
export const SHARED_THRESHOLD = COPY_THRESHOLD;
const HASHES = 24;
const BANDS = 8; // 3 rows a band: pairs at 0.8 collide in some band with probability > 0.99
const ROWS = HASHES / BANDS;
/** A bucket no shingle fell into (values are 16 bits; borrowed ones carry the distance above them). */
const EMPTY = 0xffffffff;

/** The hash of the 3-character shingle at `i` (a 32-bit mix of its char codes). */
function shingleHash(text: string, i: number): number {
  return (
    (Math.imul(text.charCodeAt(i), 0x9e3779b1) ^
      Math.imul(text.charCodeAt(i + 1) | 0, 0x85ebca6b) ^
      Math.imul(text.charCodeAt(i + 2) | 0, 0xc2b2ae35)) >>>
    0
  );
}

/**
 * The MinHash signature of a text's 3-character shingles, by one-permutation hashing: each
 * shingle's hash goes to one of HASHES buckets (its top bits) and each bucket keeps its least, so
 * a shingle costs one hash, not one per row (that was a third of a report's time in a folder run).
 * An empty bucket (a short text) borrows the next filled one's value, offset by the distance, so
 * two texts agree on it as often as on a filled one (densification by rotation). Two texts with
 * Jaccard similarity J agree on each row with probability about J, as with HASHES permutations.
 */
function signature(text: string): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(EMPTY);
  const last = Math.max(0, text.length - 3);
  for (let i = 0; i <= last; i++) {
    let h = Math.imul(shingleHash(text, i), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    const bucket = Math.floor(((h >>> 16) * HASHES) / 0x10000);
    const value = h & 0xffff;
    if (value < (sig[bucket] as number)) sig[bucket] = value;
  }
  for (let k = 0; k < HASHES; k++) {
    if (sig[k] !== EMPTY) continue;
    for (let d = 1; d < HASHES; d++) {
      const from = sig[(k + d) % HASHES] as number;
      if (from < EMPTY && from < 0x10000) {
        sig[k] = 0x10000 * d + from;
        break;
      }
    }
  }
  return sig;
}

/**
 * A text's distinct shingles as sorted hashes: the same Jaccard similarity as sets of strings
 * (up to a 32-bit collision), in a tenth of the memory, for 80,000 paragraphs at a time.
 */
function shingleHashes(text: string): Uint32Array {
  const last = Math.max(0, text.length - 3);
  const out = new Uint32Array(text.length === 0 ? 0 : last + 1);
  for (let i = 0; i < out.length; i++) out[i] = shingleHash(text, i);
  out.sort();
  let k = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i] as number;
  return out.subarray(0, k);
}

/** Jaccard similarity of two sorted sets of hashes, 0 for two empty ones. */
function sortedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x <= y) i++;
    if (y <= x) j++;
    if (x === y) shared++;
  }
  return shared / (a.length + b.length - shared);
}

/** A paragraph's signature, as sharedParagraphs computes it (a worker thread sends it with the text). */
export function paragraphSignature(text: string): Uint32Array {
  return signature(comparable(text));
}

/**
 * A report's paragraphs as they travel from where the report was checked and wait for the
 * batch's end: their signatures end to end in one buffer, not one typed array a paragraph
 * (10,000 reports hold some 30,000 paragraphs; an array and its buffer cost 250 bytes apart).
 */
export interface ReportParagraphs {
  lines: number[];
  texts: string[];
  /** HASHES numbers a paragraph, in order. */
  sigs: Uint32Array;
}

/**
 * A report's comparable body paragraphs (bodyParagraphs: boilerplate and headings left out), signed;
 * their texts detached, since a batch keeps them until its last report is in.
 */
export function reportParagraphs(document: Document, packs: PackSet): ReportParagraphs {
  const body = bodyParagraphs(document, packs);
  const sigs = new Uint32Array(body.length * HASHES);
  body.forEach((p, i) => sigs.set(paragraphSignature(p.text), i * HASHES));
  return { lines: body.map((p) => p.line), texts: body.map((p) => detached(p.text)), sigs };
}

/** One band of a signature as a number (a collision of two different bands only costs a check). */
function bandKey(sig: Uint32Array, band: number): number {
  let h = Math.imul(band + 1, 0x27d4eb2f);
  for (let r = band * ROWS; r < band * ROWS + ROWS; r++) h = Math.imul(h ^ (sig[r] as number), 0x165667b1) >>> 0;
  return h;
}

/**
 * Groups of paragraphs found in two or more towns' reports (a town repeating itself is the
 * duplicate-sentences rule's business), largest group first. `paragraphs` must be body text with
 * boilerplate and headings already left out.
 */
export function sharedParagraphs(paragraphs: readonly BatchParagraph[]): SharedParagraph[] {
  const n = paragraphs.length;
  const sigs = paragraphs.map((p) => p.sig ?? paragraphSignature(p.text));
  // Each paragraph's band keys, to tell whether two met in an earlier band (and were compared there).
  const keys = new Uint32Array(n * BANDS);
  sigs.forEach((sig, i) => {
    for (let b = 0; b < BANDS; b++) keys[i * BANDS + b] = bandKey(sig, b);
  });
  // Shingle hashes only for paragraphs some band brings together, and kept only for the first
  // member of a group, which is compared again and again: kept for every candidate they were
  // 20 MB at the end of 10,000 diverse reports.
  const hashesOf = (i: number): Uint32Array => shingleHashes(comparable(paragraphs[i]!.text));
  const firstHashes = new Map<number, Uint32Array>();
  const firstHashesOf = (i: number): Uint32Array => {
    let h = firstHashes.get(i);
    if (!h) firstHashes.set(i, (h = hashesOf(i)));
    return h;
  };
  // A text the same as the first member's is as similar as it can be, or not at all when it has
  // nothing to compare: its hashes need not be made (in a batch, most shared paragraphs are copied
  // word for word).
  const similarTo = (first: number, i: number, hashes: () => Uint32Array): number =>
    paragraphs[i]!.text === paragraphs[first]!.text
      ? firstHashesOf(first).length > 0
        ? 1
        : 0
      : sortedJaccard(firstHashesOf(first), hashes());
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const metBefore = (i: number, j: number, band: number): boolean => {
    for (let b = 0; b < band; b++) if (keys[i * BANDS + b] === keys[j * BANDS + b]) return true;
    return false;
  };
  // One band at a time: a pair is compared in the first band it meets in, never again.
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const key = keys[i * BANDS + band] as number;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      // Each paragraph is compared with the first member of each group the bucket has shown so far
      // (not with every member): a paragraph 2,000 towns share costs 2,000 comparisons, not two million.
      const firsts: number[] = [];
      for (const j of bucket) {
        let joined = false;
        let own: Uint32Array | undefined;
        for (const i of firsts) {
          if (find(i) === find(j)) {
            joined = true;
            break;
          }
          if (paragraphs[i]!.id === paragraphs[j]!.id || metBefore(i, j, band)) continue;
          if (similarTo(i, j, () => (own ??= firstHashes.get(j) ?? hashesOf(j))) >= SHARED_THRESHOLD) {
            parent[find(j)] = find(i);
            joined = true;
            break;
          }
        }
        if (!joined) firsts.push(j);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  const out: SharedParagraph[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const towns = new Set(members.map((i) => paragraphs[i]!.town || paragraphs[i]!.id));
    if (towns.size < 2) continue;
    const first = members[0] as number;
    let similarity = 1;
    for (const i of members.slice(1))
      similarity = Math.min(
        similarity,
        similarTo(first, i, () => hashesOf(i)),
      );
    out.push({
      text: paragraphs[first]!.text,
      reports: members.map((i) => ({ id: paragraphs[i]!.id, town: paragraphs[i]!.town, line: paragraphs[i]!.line })),
      similarity: Math.round(similarity * 100) / 100,
    });
  }
  return out.sort((a, b) => b.reports.length - a.reports.length || a.text.localeCompare(b.text));
}

/**
 * The paragraphs a run's reports share (check on several files), each report named by its file:
 * `reports` in input order, so the result never depends on which worker finished first.
 */
export function sharedTexts(
  reports: ReadonlyArray<{ file: string; town: string | null; paragraphs: ReportParagraphs }>,
): SharedText[] {
  const shared = sharedParagraphs(
    reports.flatMap(({ town, paragraphs: { lines, texts, sigs } }, i) =>
      texts.map((text, k) => ({
        id: String(i),
        town: town ?? '',
        line: lines[k] as number,
        text,
        sig: sigs.subarray(k * HASHES, (k + 1) * HASHES),
      })),
    ),
  );
  return shared.map((g) => ({
    text: g.text,
    similarity: g.similarity,
    reports: g.reports.map((m) => {
      const r = reports[Number(m.id)]!;
      return { file: r.file, town: r.town, line: m.line };
    }),
  }));
}
