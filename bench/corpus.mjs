// The bench corpus: variants of the sample reports, made once per size with a fixed seed.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The diverse case: every report is a title plus 12 to 30 paragraphs drawn, with a fixed seed, from every real text
// in the project (the sample reports, the openings corpus, the test fixtures), their numbers varied. Reports made of
// different real paragraphs are what a province's archive looks like; the template copies above flatter any cache.
const SOURCE_DIRS = ['reports', 'test/corpus/openings', 'test/fixtures/compare'];

/** Body paragraphs of the .txt files in `dirs` (openings' front matter and very short lines left out), deduplicated. */
function paragraphPool(dirs = SOURCE_DIRS.map((d) => path.join(root, d))) {
  const seen = new Set();
  const pool = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.txt')) continue;
      let text = readFileSync(path.join(dir, name), 'utf8');
      const front = text.indexOf('\n---\n');
      if (text.startsWith('url:') && front >= 0) text = text.slice(front + 5);
      for (const line of text.split('\n')) {
        const p = line.trim();
        if ([...p].length < 6 || seen.has(p)) continue;
        seen.add(p);
        pool.push(p);
      }
    }
  }
  return pool;
}

const varyNumbers = (text, random) =>
  text.replace(/\d+/g, (d) =>
    /^20\d\d$/.test(d) ? d : String(Math.max(1, Math.round(Number(d) * (0.6 + random() * 0.8)))),
  );

function diverseReport(pool, random) {
  const name = `${SYLLABLES[Math.floor(random() * SYLLABLES.length)]}${SYLLABLES[Math.floor(random() * SYLLABLES.length)]}${random() < 0.8 ? '镇' : '乡'}`;
  const year = 2021 + Math.floor(random() * 5);
  const count = 12 + Math.floor(random() * 19);
  const lines = [`${name}${year}年法治政府建设年度报告`, ''];
  for (let k = 0; k < count; k++) lines.push(varyNumbers(pool[Math.floor(random() * pool.length)], random));
  return `${lines.join('\n')}\n`;
}

/**
 * N different reports (no two share their full text), written once per size under the bench's work folder.
 * `from`: draw the paragraphs from the .txt files of another folder instead (bench/external.mjs), under `name`.
 */
export function makeDiverseCorpus(n, { from, name = 'diverse' } = {}) {
  const dir = path.join(work, `${name}-${n}`);
  if (existsSync(path.join(dir, '.done'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pool = paragraphPool(from ? [from] : undefined);
  if (pool.length < 2) throw new Error(`${from}: fewer than two paragraphs to draw from`);
  const random = rng(0x5eed + n);
  const texts = new Set();
  let bytes = 0;
  while (texts.size < n) {
    const text = diverseReport(pool, random);
    if (texts.has(text)) continue;
    texts.add(text);
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(dir, `r${String(texts.size - 1).padStart(5, '0')}.txt`), text);
  }
  writeFileSync(path.join(dir, '.done'), String(bytes));
  return dir;
}

export const poolSize = (from) => paragraphPool(from ? [from] : undefined).length;
