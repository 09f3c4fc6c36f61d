// npm run bench:paired -- OTHER_ROOT: this build against another built checkout (for example the previous commit),
// in alternating runs on the same corpus. This machine's speed drifts by a third within minutes, so only runs
// taken side by side compare: the figure is the median of the per-pair ratios (this / other).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus, makeDiverseCorpus, work } from './corpus.mjs';
import { median, otherCheckout } from './yardstick.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { other, option, flag } = otherCheckout(
  'node bench/paired.mjs OTHER_ROOT [--pairs 7] [--reports 1000] [--jobs 1] [--diverse]',
  path.join('bin', 'fazhi.js'),
);
const pairs = option('pairs', 7);
const reports = option('reports', 1000);
const jobs = option('jobs', 1);
// The template copies by default (the case the memo and the prefilter thrive on), or the diverse corpus.
const dir = flag('diverse') ? makeDiverseCorpus(reports) : makeCorpus(reports);

/** One CLI run over the corpus: wall seconds. */
function run(root) {
  const args = [path.join(root, 'bin', 'fazhi.js'), 'check', dir, '--jobs', String(jobs), '--fail-on', 'never'];
  const out = path.join(work, `paired-${path.basename(root)}.json`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...args, '--no-progress', '-f', 'json', '-o', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${root}: fazhi exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

run(here); // warm the file cache for both
run(other);
const ratios = [];
const times = { here: [], other: [] };
for (let i = 0; i < pairs; i++) {
  // Alternate which goes first, so a drift within a pair does not favour one side.
  const order = i % 2 ? ['other', 'here'] : ['here', 'other'];
  const t = {};
  for (const side of order) t[side] = run(side === 'here' ? here : other);
  times.here.push(t.here);
  times.other.push(t.other);
  ratios.push(t.here / t.other);
  console.log(
    `pair ${i + 1}: this ${t.here.toFixed(2)} s, other ${t.other.toFixed(2)} s, ratio ${(t.here / t.other).toFixed(3)}`,
  );
}
const m = median(ratios);
console.log(
  `${reports} reports, ${jobs} job(s), ${pairs} pairs: median this ${median(times.here).toFixed(2)} s, ` +
    `other ${median(times.other).toFixed(2)} s, median ratio ${m.toFixed(3)} (${m <= 1.05 ? 'within' : 'OVER'} 5%)`,
);
