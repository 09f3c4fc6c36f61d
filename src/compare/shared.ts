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
import { comparable, jaccard, shingles } from './text.js';

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

const SEEDS = Array.from({ length: HASHES }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995) >>> 0);

/** The MinHash signature of a text's 3-character shingles, each shingle hashed from its char codes. */
function signature(text: string): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const last = Math.max(0, text.length - 3);
  for (let i = 0; i <= last; i++) {
    const base =
      (Math.imul(text.charCodeAt(i), 0x9e3779b1) ^
        Math.imul(text.charCodeAt(i + 1) | 0, 0x85ebca6b) ^
        Math.imul(text.charCodeAt(i + 2) | 0, 0xc2b2ae35)) >>>
      0;
    for (let k = 0; k < HASHES; k++) {
      let h = Math.imul(base ^ (SEEDS[k] as number), 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35) >>> 0;
      if (h < (sig[k] as number)) sig[k] = h;
    }
  }
  return sig;
}

/** A paragraph's signature, as sharedParagraphs computes it (a worker thread sends it with the text). */
export function paragraphSignature(text: string): Uint32Array {
  return signature(comparable(text));
}

/** A report's paragraph as it travels from where the report was checked: small, signed once. */
export interface ReportParagraph {
  line: number;
  text: string;
  sig: Uint32Array;
}

/** A report's comparable body paragraphs (bodyParagraphs: boilerplate and headings left out), signed. */
export function reportParagraphs(document: Document, packs: PackSet): ReportParagraph[] {
  return bodyParagraphs(document, packs).map((p) => ({ ...p, sig: paragraphSignature(p.text) }));
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
  const items = paragraphs.map((p) => ({
    p,
    sig: p.sig ?? paragraphSignature(p.text),
    set: null as Set<string> | null,
  }));
  // Shingle sets only for paragraphs some band brings together: most never need one.
  const setOf = (i: number): Set<string> => {
    const item = items[i]!;
    return (item.set ??= shingles(comparable(item.p.text)));
  };
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const buckets = new Map<number, number[]>();
  items.forEach((item, i) => {
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(item.sig, b);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
  });
  // Pairs found below the threshold once (they may meet again in another band).
  const checked = new Set<number>();
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const i = bucket[x] as number;
        const j = bucket[y] as number;
        if (items[i]!.p.id === items[j]!.p.id) continue;
        // Already in one group: comparing them changes nothing. A paragraph 200 towns share
        // costs 200 comparisons, not 20,000.
        if (find(i) === find(j)) continue;
        const key = i * items.length + j;
        if (checked.has(key)) continue;
        checked.add(key);
        const similarity = jaccard(setOf(i), setOf(j));
        if (similarity < SHARED_THRESHOLD) continue;
        parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });
  const out: SharedParagraph[] = [];
  for (const members of groups.values()) {
    const towns = new Set(members.map((i) => items[i]!.p.town || items[i]!.p.id));
    if (towns.size < 2) continue;
    const first = items[members[0] as number]!;
    out.push({
      text: first.p.text,
      reports: members.map((i) => ({ id: items[i]!.p.id, town: items[i]!.p.town, line: items[i]!.p.line })),
      similarity:
        Math.round(Math.min(...members.slice(1).map((i) => jaccard(setOf(members[0] as number), setOf(i)))) * 100) /
        100,
    });
  }
  return out.sort((a, b) => b.reports.length - a.reports.length || a.text.localeCompare(b.text));
}

/**
 * The paragraphs a run's reports share (check on several files), each report named by its file:
 * `reports` in input order, so the result never depends on which worker finished first.
 */
export function sharedTexts(
  reports: ReadonlyArray<{ file: string; town: string | null; paragraphs: readonly ReportParagraph[] }>,
): SharedText[] {
  const shared = sharedParagraphs(
    reports.flatMap((r, i) =>
      r.paragraphs.map((p) => ({ id: String(i), town: r.town ?? '', line: p.line, text: p.text, sig: p.sig })),
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
