import path from 'node:path';
import { PackError } from '../shared/errors.js';
import { displayPath } from './model.js';
import type { WrittenRegex } from './patterns.js';
import { PackErrors } from './yaml-file.js';
import { lazy } from '../shared/lazy.js';

/** The ReDoS analyser, loaded only when a pack not checked at build time is loaded. */
const recheck = lazy<typeof import('recheck')>('recheck');

let skipNoticeShown = false;

/**
 * The analyser, or null when the optional dependency is not installed (`npm install
 * --omit=optional`): packs still load, and their regexes still run under the per-report time
 * limit in worker threads; fazhi says once that the static check was skipped.
 */
function analyser(): typeof import('recheck') | null {
  try {
    return recheck();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') throw error;
    if (!skipNoticeShown) {
      skipNoticeShown = true;
      process.stderr.write(
        'fazhi: 未安装可选依赖 recheck，已跳过规则包正则表达式的静态检查（ReDoS）；' +
          '外部规则包仍在限时的工作线程中运行（--timeout）\n',
      );
    }
    return null;
  }
}

/** An unescaped *, + or {n,} outside a character class: repetition without a bound. */
export function hasUnboundedRepetition(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '*' || ch === '+') return true;
    else if (ch === '{' && /^\{\d+,\}/.test(source.slice(i))) return true;
  }
  return false;
}

/**
 * How long the analyser may think about one regex. recheck's automaton checker is exact and
 * fast (milliseconds) for the regexes packs write; an undecided ("unknown") verdict is
 * accepted, with the per-report time budget as the backstop.
 */
const ANALYSIS_TIMEOUT_MS = 2000;

/**
 * Reject regexes that can backtrack catastrophically (ReDoS), with file:line:col, before any
 * report is read. Uses recheck (native analyser when available). `trusted` skips regexes
 * already analysed at build time (the cached built-in packs).
 */
export async function assertSafeRegexes(
  regexes: WrittenRegex[],
  trusted: (file: string) => boolean = () => false,
): Promise<void> {
  const seen = new Set<string>();
  const todo = regexes.filter((r) => {
    const key = `${r.flags}/${r.source}`;
    if (seen.has(key) || trusted(r.origin.file)) return false;
    seen.add(key);
    return true;
  });
  if (todo.length === 0) return;
  const loaded = analyser();
  if (!loaded) return;
  const { check } = loaded;
  const verdicts = await Promise.all(
    todo.map((r) =>
      check(r.source, r.flags.replace(/[gy]/g, ''), { timeout: ANALYSIS_TIMEOUT_MS, checker: 'automaton' }),
    ),
  );
  const errors: PackError[] = [];
  verdicts.forEach((v, i) => {
    if (v.status !== 'vulnerable') return;
    const { origin, source } = todo[i] as WrittenRegex;
    // Bounded repetition ({0,40}) caps backtracking at a constant factor: only exponential
    // blow-up, or polynomial blow-up through unbounded repetition, is a real risk.
    if (v.complexity.type === 'polynomial' && !hasUnboundedRepetition(source)) return;
    const attack = v.attack ? `，例如长度 ${v.attack.string.length} 的输入` : '';
    errors.push(
      new PackError(
        `${displayPath(origin.path)}: regex can backtrack catastrophically (ReDoS, ${v.complexity.type})（正则表达式存在灾难性回溯风险${attack}，请改写）`,
        origin.file,
        origin.locate(origin.path),
      ),
    );
  });
  if (errors.length > 0) throw errors.length === 1 ? (errors[0] as PackError) : new PackErrors(errors);
}

export function isBuiltinFile(file: string, builtinDir: string): boolean {
  return path.dirname(path.resolve(file)) === path.resolve(builtinDir);
}
