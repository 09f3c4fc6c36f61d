// The yardstick: fazhi and textlint + prh (62 domain phrases, bench/prh.yml) on the same files, in paired,
// alternating runs. This shared VM drifts by a third within minutes, so only runs taken side by side compare: each
// pair's ratio is fazhi's wall time over textlint's, and the figure is the median ratio.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { work } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const textlintBin = path.join(here, 'node_modules', 'textlint', 'bin', 'textlint.js');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** textlint lives in bench/'s own install (bench/package.json), so the project's install does not carry it. */
export function ensureTextlint() {
  if (existsSync(textlintBin)) return true;
  const r = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
  return r.status === 0 && existsSync(textlintBin);
}

/** One process: wall seconds, CPU seconds (user + system) and peak RSS of the process tree, from GNU time. */
export function timed(args) {
  const started = process.hrtime.bigint();
  const r = timeBin
    ? spawnSync(timeBin, ['-f', '%U %S %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${path.basename(args[0])} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const [user, system, rssKb] = timeBin ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds, cpu: user + system, rssMb: rssKb / 1024 };
}

export const fazhiRun = (dir, { jobs = 'auto', format = 'json', bin = path.join(root, 'bin', 'fazhi.js') } = {}) =>
  timed([
    bin,
    'check',
    dir,
    ...(jobs === 'auto' ? [] : ['--jobs', String(jobs)]),
    '--fail-on',
    'never',
    '--no-progress',
    '-f',
    format,
    '-o',
    path.join(work, `out.${format}`),
  ]);

export const textlintRun = (dir) =>
  timed([
    textlintBin,
    '--config',
    path.join(here, '.textlintrc.json'),
    '--format',
    'json',
    '-o',
    path.join(work, 'textlint.json'),
    path.join(dir, '*.txt'),
  ]);

/**
 * The other built checkout a comparing script (paired, interleaved) was given, as an absolute path, and its
 * options; with none, or one not built (`built`: a file a build makes there), the usage and exit 2.
 */
export function otherCheckout(usage, built) {
  const [otherArg, ...rest] = process.argv.slice(2);
  if (!otherArg || !existsSync(path.join(otherArg, built))) {
    console.error(`usage: ${usage}`);
    console.error('OTHER_ROOT: a built checkout of fazhi (npm run build there first)');
    process.exit(2);
  }
  return {
    other: path.resolve(otherArg),
    option: (name, fallback) => numberOption(rest, name, fallback),
    flag: (name) => rest.includes(`--${name}`),
  };
}

/** A numeric `--name N` among a script's arguments, or the fallback. */
export function numberOption(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/** The median (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `pairs` alternating runs of fazhi (--format json) and textlint on one folder; medians of each and of the ratios. */
export function paired(dir, pairs, fazhiOptions = {}) {
  fazhiRun(dir, fazhiOptions); // warm the file cache and the code cache for both
  textlintRun(dir);
  const fazhi = [];
  const textlint = [];
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    const first = i % 2 === 0;
    const a = first ? fazhiRun(dir, fazhiOptions) : textlintRun(dir);
    const b = first ? textlintRun(dir) : fazhiRun(dir, fazhiOptions);
    const [f, t] = first ? [a, b] : [b, a];
    fazhi.push(f);
    textlint.push(t);
    ratios.push(f.seconds / t.seconds);
  }
  const summary = (runs) => ({
    seconds: +median(runs.map((r) => r.seconds)).toFixed(3),
    cpuSeconds: +median(runs.map((r) => r.cpu)).toFixed(3),
    peakRssMb: +Math.max(...runs.map((r) => r.rssMb)).toFixed(0),
  });
  return {
    pairs,
    fazhi: summary(fazhi),
    textlint: summary(textlint),
    wallRatio: +median(ratios).toFixed(3),
    cpuRatio: +median(fazhi.map((f, i) => f.cpu / textlint[i].cpu)).toFixed(3),
  };
}
