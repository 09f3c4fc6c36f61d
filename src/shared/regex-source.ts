/** Rewriting a regex's source without changing what it matches. */

/**
 * The same regex with its capturing groups made non-capturing, or null where that could change
 * what it matches (a back-reference) or the source is not plainly read (the v flag). Nothing reads
 * the groups of a pack's regexes or the chrome tests, and without them a match costs a tenth
 * less (no registers to keep).
 */
export function withoutCaptures(source: string, flags = ''): string | null {
  if (flags.includes('v')) return null;
  // What is kept is copied a stretch at a time, up to each group opened.
  let out = '';
  let copied = 0;
  for (let i = 0; i < source.length;) {
    const c = source[i] as string;
    if (c === '\\') {
      if (/[1-9k]/.test(source[i + 1] ?? '')) return null;
      i += 2;
    } else if (c === '[') {
      i = classEnd(source, i);
    } else if (c === '(' && source[i + 1] !== '?') {
      out += `${source.slice(copied, i)}(?:`;
      copied = ++i;
    } else if (c === '(' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
      // A named group: (?<name>…)
      const close = source.indexOf('>', i);
      if (close < 0) return null;
      out += `${source.slice(copied, i)}(?:`;
      copied = i = close + 1;
    } else i++;
  }
  return copied === 0 ? null : out + source.slice(copied);
}

/** The index just past the character class that opens at `at`. */
export function classEnd(source: string, at: number): number {
  let i = at + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}
