// npm run bench:interleaved -- OTHER_ROOT: this build's per-report path (parse, facts, rules) against another built
// checkout's, in one process, report by report: each report is checked by both, in an order that flips from one
// report to the next. Drift in this VM's speed (a third within minutes) then falls on both sides alike, and a
// difference of 1–2 % shows, where alternating CLI runs (bench:paired) vary by a fifth. It measures warm code only:
// start-up, reading and writing are bench:paired's.
//
// The build set up first ran 2–7 % faster in A/A runs (the same commit on both sides) on 2026-12-07, whichever
// build it was: so the script runs itself twice, once with each build set up first, and gives each run's ratio and
// their geometric mean, in which that head start cancels out.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeCorpus, makeDiverseCorpus } from './corpus.mjs';
import { otherCheckout } from './yardstick.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { other, option, flag } = otherCheckout(
  'node bench/interleaved.mjs OTHER_ROOT [--passes 4] [--reports 1000] [--template]',
  path.join('dist', 'index.js'),
);
const passes = option('passes', 4);
const firstArg = process.argv.indexOf('--first');
const first = firstArg >= 0 ? process.argv[firstArg + 1] : null;
if (first === null) {
  // The parent: one child per setup order, then the mean of their ratios.
  const ratios = [];
  for (const order of ['this', 'other']) {
    const child = spawnSync(process.execPath, [...process.argv.slice(1), '--first', order], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
    console.log(child.stdout.trimEnd().replace(/^/gm, `[${order} set up first] `));
    ratios.push(Number(/ratio ([0-9.]+)\s*$/.exec(child.stdout)?.[1]));
  }
  const mean = Math.sqrt((ratios[0] ?? NaN) * (ratios[1] ?? NaN));
  console.log(`this / other, geometric mean of both orders: ${mean.toFixed(3)}`);
  process.exit(0);
}
const reports = option('reports', 1000);
const dir = flag('template') ? makeCorpus(reports) : makeDiverseCorpus(reports);
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(dir, f), 'utf8'));

/** A build's per-report path, with its own compiled rule set. */
async function setup(root) {
  const load = (file) => import(pathToFileURL(path.join(root, 'dist', file)).href);
  const { compileRuleSet, loadPackSet, parseDocument } = await load('index.js');
  const { computeFacts } = await load('facts/compute.js');
  const { evaluate } = await load('engine/evaluate.js');
  const ruleSet = compileRuleSet(loadPackSet());
  return async (text) => {
    const document = parseDocument({ file: 'x.txt', format: 'text', encoding: null, text });
    return evaluate(ruleSet, computeFacts(document, ruleSet.plan));
  };
}

// sides[0] is this build, sides[1] the other, whichever was set up first.
const sides = [];
if (first === 'other') {
  const otherSide = await setup(other);
  sides.push(await setup(here), otherSide);
} else sides.push(await setup(here), await setup(other));
// One pass first, in turns report by report as the timed ones: both warm, both sides' code compiled.
for (const [i, text] of texts.entries()) for (const side of i % 2 ? [1, 0] : [0, 1]) await sides[side](text);
const totals = [0, 0];
for (let pass = 0; pass < passes; pass++) {
  const times = [0, 0];
  for (let i = 0; i < texts.length; i++) {
    for (const side of (i + pass) % 2 ? [1, 0] : [0, 1]) {
      const started = performance.now();
      await sides[side](texts[i]);
      times[side] += performance.now() - started;
    }
  }
  totals[0] += times[0];
  totals[1] += times[1];
  console.log(
    `pass ${pass + 1}: this ${times[0].toFixed(0)} ms, other ${times[1].toFixed(0)} ms, ratio ${(times[0] / times[1]).toFixed(3)}`,
  );
}
console.log(
  `${texts.length} reports, ${passes} pass${passes === 1 ? '' : 'es'}: this ${(totals[0] / passes).toFixed(0)} ms a pass, ` +
    `other ${(totals[1] / passes).toFixed(0)} ms, ratio ${(totals[0] / totals[1]).toFixed(3)}`,
);
