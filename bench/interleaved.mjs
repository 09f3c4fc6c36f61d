// npm run bench:interleaved -- OTHER_ROOT: this build's per-report path (parse, facts, rules) against another built
// checkout's, in one process, report by report: each report is checked by both, in an order that flips from one
// report to the next. Drift in this VM's speed (a third within minutes) then falls on both sides alike, and a
// difference of 1–2 % shows, where alternating CLI runs (bench:paired) vary by a fifth. It measures warm code only:
// start-up, reading and writing are bench:paired's.
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

const sides = [await setup(here), await setup(other)];
// One pass each first: both warm, and both sides' code compiled before anything is timed.
for (const check of sides) for (const text of texts) await check(text);
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
