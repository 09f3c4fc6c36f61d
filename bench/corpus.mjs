// The bench corpus: variants of the sample reports, made once per size with a fixed seed.
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const work = path.join(os.tmpdir(), 'fazhi-bench');

/** Deterministic pseudo-random numbers (mulberry32), so every run benches the same corpus. */
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLES = ['xuantan-2024', 'gurtu-2024', 'taojia-2025', 'draft-no-first-responsible', 'draft-low-mediation'].map(
  (n) => readFileSync(path.join(root, 'reports', `${n}.txt`), 'utf8'),
);
const SYLLABLES = '东西南北金石青白河山林水安平和兴隆新华阳泉桥湾溪岭坪'.split('');
const TOWNS = ['玄滩镇', '古尔图镇', '陶家镇', '青石镇', '白沙乡'];

/** A variant of a sample: another town name, other numbers, body paragraphs reordered within their sections. */
function variant(i, random) {
  const base = SAMPLES[i % SAMPLES.length];
  const name = `${SYLLABLES[Math.floor(random() * SYLLABLES.length)]}${SYLLABLES[Math.floor(random() * SYLLABLES.length)]}${random() < 0.8 ? '镇' : '乡'}`;
  let text = base;
  for (const town of TOWNS) text = text.split(town).join(name);
  text = text.replace(/\d+/g, (d) =>
    d.length === 4 && /^20\d\d$/.test(d) ? d : String(Math.max(1, Math.round(Number(d) * (0.6 + random() * 0.8)))),
  );
  const lines = text.split('\n');
  // Shuffle runs of body paragraphs between headings.
  let start = 0;
  const isHeading = (l) => /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/.test(l);
  for (let k = 0; k <= lines.length; k++) {
    if (k === lines.length || isHeading(lines[k])) {
      for (let a = k - 1; a > start + 1; a--) {
        const b = start + 1 + Math.floor(random() * (a - start));
        [lines[a], lines[b]] = [lines[b], lines[a]];
      }
      start = k;
    }
  }
  return lines.join('\n');
}

export function makeCorpus(n) {
  const dir = path.join(work, `corpus-${n}`);
  if (existsSync(path.join(dir, '.done'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = rng(n);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = variant(i, random);
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(dir, `r${String(i).padStart(5, '0')}.txt`), text);
  }
  writeFileSync(path.join(dir, '.done'), String(bytes));
  return dir;
}

export const corpusBytes = (dir) => Number(readFileSync(path.join(dir, '.done'), 'utf8'));
