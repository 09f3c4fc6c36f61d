/**
 * Usage errors in Chinese, one line each. Commander reports parsing errors in English with a
 * stable code; each code gets its Chinese sentence here, naming the flag or argument, with
 * commander's own "did you mean" turned into "您是否想用 …？".
 */

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate nearest to `word`, if it is near enough to be a likely typo: at most a third
 * of the word's letters differ (and at most 3), or the word begins the candidate. Ties go to
 * the earlier candidate.
 */
export function nearest(word: string, candidates: readonly string[]): string | null {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  // A word that a candidate starts with is an abbreviation (warn → warning).
  const prefixed =
    word.length >= 3 ? candidates.find((c) => c.toLowerCase().startsWith(word.toLowerCase())) : undefined;
  if (prefixed !== undefined && prefixed !== word) return prefixed;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const distance = editDistance(word.toLowerCase(), c.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [c, distance];
  }
  return best !== null && bestDistance <= limit && bestDistance < word.length ? best : null;
}

export const didYouMean = (suggestion: string | null): string => (suggestion ? `，您是否想用 ${suggestion}？` : '');

/** `'-f, --format <format>'` → `--format` (the long flag, else the short one). */
function flagName(flags: string): string {
  const words = flags.split(/[ ,|]+/).filter((w) => w.startsWith('-'));
  return words.find((w) => w.startsWith('--')) ?? words[0] ?? flags;
}

const quoted = (message: string): string[] => [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);

/**
 * Commander's error (code and English message) as one Chinese sentence, without the
 * `fazhi: 用法错误：` prefix. `where` names the command whose help explains the usage.
 */
export function chineseUsageError(
  code: string,
  message: string,
  where: string,
  describe: (argument: string) => string | undefined = () => undefined,
): string {
  const text = message.replace(/^error: /, '').trim();
  const names = quoted(text);
  const suggestion = /\(Did you mean (\S+?)\?\)/.exec(text)?.[1] ?? null;
  const help = `（用 ${where} --help 查看用法）`;
  switch (code) {
    case 'commander.unknownOption':
      return `未知选项 ${names[0]}${didYouMean(suggestion)}${help}`;
    case 'commander.unknownCommand':
      return `未知命令 ${names[0]}${didYouMean(suggestion)}${help}`;
    case 'commander.missingArgument':
      return `缺少参数 <${names[0]}>${describe(names[0] ?? '') ? `：${describe(names[0] ?? '')}` : ''}${help}`;
    case 'commander.optionMissingArgument':
      return `选项 ${flagName(names[0] ?? '')} 缺少取值${help}`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必需的选项 ${flagName(names[0] ?? '')}${help}`;
    case 'commander.conflictingOption':
      return `选项 ${flagName(names[0] ?? '')} 不能与 ${flagName(names[1] ?? '')} 同时使用${help}`;
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+)/.exec(text);
      const expected = counts ? `（应为 ${counts[1]} 个，实际 ${counts[2]} 个）` : '';
      return `参数过多${expected}${help}`;
    }
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+?)\.?$/.exec(text)?.[1]?.split(/,\s*/) ?? [];
      const [flags, value] = text.startsWith('command-argument') ? [`<${names[1]}>`, names[0]] : [names[0], names[1]];
      if (choices.length === 0) return `${flagName(flags ?? '')} 的取值 ${value} 无效${help}`;
      const guess = didYouMean(nearest(value ?? '', choices));
      return `${flagName(flags ?? '')} 的取值 ${value} 无效${guess}（可用：${choices.join('、')}）`;
    }
    default:
      return `${text}${help}`;
  }
}
