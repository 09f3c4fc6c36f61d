// npm run bench:external -- DIR [--reports 1000] [--pairs 5]: the diverse case on paragraphs from outside the project.
// DIR holds .txt files of real reports (or excerpts of them) that fazhi was never written against; the corpus is made
// from them as the diverse one is from the project's texts (a title and 12 to 30 paragraphs drawn with a fixed seed,
// numbers varied), and fazhi is paired with textlint + prh on it. A check that the diverse figures are not the
// project's own texts flattering the memo or the prefilter.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { corpusBytes, makeDiverseCorpus, poolSize } from './corpus.mjs';
import { ensureTextlint, numberOption, paired } from './yardstick.mjs';

const [from, ...rest] = process.argv.slice(2);
const option = (name, fallback) => numberOption(rest, name, fallback);
if (!from || !existsSync(from)) {
  console.error('usage: node bench/external.mjs DIR [--reports 1000] [--pairs 5]   (DIR: .txt files of real reports)');
  process.exit(2);
}
const reports = option('reports', 1000);
const pairs = option('pairs', 5);
if (!ensureTextlint()) {
  console.error('textlint is not installed in bench/ (npm ci there)');
  process.exit(2);
}
const name = `external-${path.basename(path.resolve(from))}`;
const dir = makeDiverseCorpus(reports, { from: path.resolve(from), name });
const p = paired(dir, pairs);
console.log(
  `${reports} reports from ${poolSize(path.resolve(from))} paragraphs in ${from} (${(corpusBytes(dir) / 1e6).toFixed(1)} MB)`,
);
console.log(
  `fazhi -f json ${p.fazhi.seconds} s (${p.fazhi.cpuSeconds} s CPU, ${p.fazhi.peakRssMb} MB), ` +
    `textlint + prh ${p.textlint.seconds} s (${p.textlint.cpuSeconds} s CPU): ` +
    `wall ratio ${p.wallRatio}, CPU ratio ${p.cpuRatio} (median of ${pairs} pairs)`,
);
