import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AST } from '@eslint-community/regexpp';
import { lazy } from '../shared/lazy.js';
import { fromRoot } from '../shared/paths.js';

const regexpp = lazy<typeof import('@eslint-community/regexpp')>('@eslint-community/regexpp');

/**
 * Literals of which every match of a regex contains at least one, or null when no such
 * set is known. A report that contains none of them cannot match: its scan is skipped.
 * Most pack patterns match in under a third of reports, and each full scan of a report
 * costs as much for a pattern that finds nothing as for one that does.
 */
export type Needs = string[] | null;

/** What a node can match: exactly one of these strings (when few), or strings containing one of `need`. */
interface Info {
  exact: string[] | null;
  need: string[] | null;
}

const MAX_EXACT = 64;
const MAX_CLASS = 16;
const NOTHING: Info = { exact: null, need: null };
const EMPTY: Info = { exact: [''], need: null };

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

/** A need is useful only if every literal is non-empty (the empty string is in every text). */
const usable = (set: string[] | null): string[] | null =>
  set && set.length > 0 && set.every((s) => s.length > 0) ? set : null;

/** The more selective of two needs: longer shortest literal, then fewer literals. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a) return b;
  if (!b) return a;
  const shortest = (s: string[]) => Math.min(...s.map((x) => x.length));
  if (shortest(a) !== shortest(b)) return shortest(a) > shortest(b) ? a : b;
  return a.length <= b.length ? a : b;
}

const needOf = (info: Info): string[] | null => usable(info.exact) ?? usable(info.need);

function alternatives(alts: AST.Alternative[], unicode: boolean): Info {
  const infos = alts.map((a) => sequence(a, unicode));
  let exact: string[] | null = [];
  const need = new Set<string>();
  let needed = true;
  for (const info of infos) {
    exact =
      exact && info.exact && exact.length + info.exact.length <= MAX_EXACT
        ? [...new Set([...exact, ...info.exact])]
        : null;
    const n = needOf(info);
    if (n) for (const s of n) need.add(s);
    else needed = false;
  }
  return { exact, need: needed ? [...need] : null };
}

function sequence(alt: AST.Alternative, unicode: boolean): Info {
  let run: string[] = [''];
  let broken = false;
  let best: string[] | null = null;
  for (const element of alt.elements) {
    const info = elementInfo(element, unicode);
    const joined = info.exact ? cross(run, info.exact) : null;
    if (joined) {
      run = joined;
      continue;
    }
    broken = true;
    best = better(best, usable(run));
    best = better(best, needOf(info));
    run = info.exact ?? [''];
  }
  if (!broken) return { exact: run, need: null };
  return { exact: null, need: better(best, usable(run)) };
}

function characterClass(node: AST.CharacterClass, unicode: boolean): Info {
  if (node.negate || node.unicodeSets) return NOTHING;
  const chars: string[] = [];
  for (const e of node.elements) {
    if (e.type === 'Character') chars.push(text(e.value, unicode));
    else if (e.type === 'CharacterClassRange' && e.max.value - e.min.value < MAX_CLASS) {
      for (let c = e.min.value; c <= e.max.value; c++) chars.push(text(c, unicode));
    } else return NOTHING;
    if (chars.length > MAX_CLASS) return NOTHING;
  }
  return { exact: [...new Set(chars)], need: null };
}

const text = (value: number, unicode: boolean): string =>
  unicode ? String.fromCodePoint(value) : String.fromCharCode(value);

function elementInfo(node: AST.Element, unicode: boolean): Info {
  switch (node.type) {
    case 'Character':
      return { exact: [text(node.value, unicode)], need: null };
    case 'CharacterClass':
      return characterClass(node, unicode);
    case 'Group':
      // (?i:…) changes what the letters match: say nothing rather than something wrong.
      if (node.modifiers) return NOTHING;
      return alternatives(node.alternatives, unicode);
    case 'CapturingGroup':
      return alternatives(node.alternatives, unicode);
    case 'Quantifier': {
      if (node.min === 0) return NOTHING;
      const inner = elementInfo(node.element, unicode);
      let exact: string[] | null = null;
      if (inner.exact && node.min === node.max && node.min <= 4) {
        exact = [''];
        for (let i = 0; i < node.min && exact; i++) exact = cross(exact, inner.exact);
      }
      return { exact, need: needOf(inner) };
    }
    case 'Assertion':
      // Zero-width: ^ $ \b and lookarounds consume nothing, whatever they test.
      return EMPTY;
    default:
      // ., \d, \w, \p{…}, backreferences, class expressions: could be anything.
      return NOTHING;
  }
}

function analyse(source: string, flags: string): Needs {
  if (flags.includes('i')) return null;
  const unicode = flags.includes('u') || flags.includes('v');
  try {
    const { RegExpParser } = regexpp();
    const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, {
      unicode: flags.includes('u'),
      unicodeSets: flags.includes('v'),
    });
    const need = needOf(alternatives(pattern.alternatives, unicode));
    return need ? [...need].sort() : null;
  } catch {
    // Unparsable, or nested past the stack: such a pattern is simply always scanned.
    return null;
  }
}

/** The built-in packs' regexes analysed at build time: a run on them loads no regex parser. */
export const NEEDS_CACHE_FILE = fromRoot('dist', 'builtin-regex-needs.json');
let cache: Record<string, Needs> | null | undefined;
const cacheKey = (source: string, flags: string): string => `${flags}/${source}`;

/** The literals a regex needs, from its source and flags; null when it needs none we can name. */
export function regexNeeds(source: string, flags: string, useCache = true): Needs {
  if (useCache) {
    if (cache === undefined)
      cache =
        !process.env.FAZHI_NO_BUILTIN_CACHE && existsSync(NEEDS_CACHE_FILE)
          ? (JSON.parse(readFileSync(NEEDS_CACHE_FILE, 'utf8')) as Record<string, Needs>)
          : null;
    const key = cacheKey(source, flags);
    if (cache && Object.hasOwn(cache, key)) return cache[key] as Needs;
  }
  return analyse(source, flags);
}

/** Build step: store the analysis of these regexes (the built-in packs' patterns). */
export function writeNeedsCache(regexes: ReadonlyArray<{ source: string; flags: string }>): number {
  const entries: Record<string, Needs> = {};
  for (const { source, flags } of regexes) entries[cacheKey(source, flags)] = analyse(source, flags);
  const keys = Object.keys(entries).sort();
  writeFileSync(NEEDS_CACHE_FILE, `${JSON.stringify(Object.fromEntries(keys.map((k) => [k, entries[k]])))}\n`);
  cache = undefined;
  return keys.length;
}
