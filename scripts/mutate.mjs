// Mutation testing one core folder at a time (npm run mutate -- [folder ...] [--ignore-static] [--concurrency N]).
// Each folder keeps its own incremental file in test/mutation/, so a run over one folder never drops the results of
// another, and the summary below is read from those files: the score of every folder, measured or not yet.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const FOLDERS = ['text', 'document', 'facts', 'engine', 'score', 'packs'];
const THRESHOLD = 80;

const args = process.argv.slice(2);
const ignoreStatic = args.includes('--ignore-static');
const concurrencyAt = args.indexOf('--concurrency');
const concurrency = concurrencyAt >= 0 ? args[concurrencyAt + 1] : '2';
const chosen = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--concurrency');
const unknown = chosen.filter((folder) => !FOLDERS.includes(folder));
if (unknown.length > 0) {
  console.error(`未知的目录：${unknown.join('、')}（可选：${FOLDERS.join('、')}）`);
  process.exit(2);
}
const summaryOnly = args.includes('--summary');

const incrementalFileOf = (folder) => `test/mutation/${folder}.json`;
// A folder with its own config runs a subset of the tests (a lower bound on its score; see the config's comment).
const CONFIGS = { document: 'stryker.document.config.mjs', facts: 'stryker.facts.config.mjs' };

if (!summaryOnly) {
  for (const folder of chosen.length > 0 ? chosen : FOLDERS) {
    const run = spawnSync(
      'npx',
      [
        'stryker',
        'run',
        ...(CONFIGS[folder] ? [CONFIGS[folder]] : []),
        '--mutate',
        `src/${folder}/**/*.ts`,
        '--incrementalFile',
        incrementalFileOf(folder),
        '--concurrency',
        concurrency,
        ...(ignoreStatic ? ['--ignoreStatic'] : []),
      ],
      { stdio: 'inherit' },
    );
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

// Stryker's score: detected (killed, timed out) over valid mutants (detected, survived, no coverage); static mutants
// left out with --ignore-static are reported as Ignored and count in neither.
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
let failing = 0;
console.log('\n目录        已检出  未检出  忽略  变异得分');
for (const folder of FOLDERS) {
  const file = incrementalFileOf(folder);
  if (!existsSync(file)) {
    console.log(`${folder.padEnd(10)}  （尚未运行）`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let detected = 0;
  let undetected = 0;
  let ignored = 0;
  for (const result of Object.values(report.files)) {
    for (const mutant of result.mutants) {
      if (DETECTED.has(mutant.status)) detected++;
      else if (UNDETECTED.has(mutant.status)) undetected++;
      else ignored++;
    }
  }
  const score = (100 * detected) / Math.max(1, detected + undetected);
  if (score < THRESHOLD) failing++;
  console.log(
    `${folder.padEnd(10)}  ${String(detected).padStart(6)}  ${String(undetected).padStart(6)}  ${String(ignored).padStart(4)}  ${score.toFixed(1).padStart(7)}%`,
  );
}
process.exit(failing > 0 ? 1 : 0);
