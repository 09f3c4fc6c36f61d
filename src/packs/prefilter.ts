import type { AST, RegExpParser } from '@eslint-community/regexpp';

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

/**
 * What the analysis needs from where it runs (no I/O here, so a browser runs the same code):
 * the Node loader (packs/load.ts) reads the table built with the packs and loads the regex
 * parser on first use; the self-check page hands in its bundled copies.
 */
export interface NeedsHost {
  /** Needs analysed at build time, keyed `${flags}/${source}`, or null; asked once. */
  knownNeeds(): Record<string, Needs> | null;
  /** The regex parser (@eslint-community/regexpp), asked only for a regex the table lacks. */
  parser?(): typeof RegExpParser;
}

// With no host, every regex is simply scanned in full: slower, never wrong.
let host: NeedsHost | null = null;
let known: Record<string, Needs> | null | undefined;

export function useNeedsHost(next: NeedsHost): void {
  host = next;
  known = undefined;
}

function analyse(source: string, flags: string): Needs {
  if (flags.includes('i') || !host?.parser) return null;
  const unicode = flags.includes('u') || flags.includes('v');
  try {
    const pattern = new (host.parser())({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, {
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

export const needsKey = (source: string, flags: string): string => `${flags}/${source}`;

/** The literals a regex needs, from its source and flags; null when it needs none we can name. */
export function regexNeeds(source: string, flags: string, useKnown = true): Needs {
  if (useKnown && host) {
    if (known === undefined) known = host.knownNeeds();
    const key = needsKey(source, flags);
    if (known && Object.hasOwn(known, key)) return known[key] as Needs;
  }
  return analyse(source, flags);
}

/** The UTF-16 units at i and i + 1 as one int32. */
export const pairKey = (s: string, i: number): number => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

/**
 * A pair key's slot in a table of 2^bits: Fibonacci hashing, whose high bits spread keys
 * differing only in low bits.
 */
export const pairSlot = (key: number, bits: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - bits);

/** The size of a text's pair table (facts/presence.ts) as a power of two: 64 Ki bits, 8 KB. */
export const PRESENCE_PAIR_BITS = 16;

/**
 * Needs ready to test, end to end in one array: per literal, -1 and its character when it is one
 * character, else the number of its distinct pairs and each pair's slot in a text's pair table
 * (an empty literal has none, and every text holds it).
 * Hashed here, once per pattern, not at every report; one array of numbers, not an object per
 * literal of two shapes (the test ran for every pattern and concept of every report).
 */
export type CompiledNeeds = Int32Array;

/** In CompiledNeeds, where a literal's count of pairs would be: the literal is the one character after it. */
export const ONE_CHARACTER = -1;

/** The needs of a compiled regex, ready to test, or null (see regexNeeds). */
export function needsOf(re: RegExp): CompiledNeeds | null {
  const literals = regexNeeds(re.source, re.flags);
  return literals && compileNeeds(literals);
}

export function compileNeeds(literals: readonly string[]): CompiledNeeds {
  const out: number[] = [];
  for (const s of literals) {
    if (s.length === 1) {
      out.push(ONE_CHARACTER, s.charCodeAt(0));
      continue;
    }
    const slots = new Set<number>();
    for (let i = 0; i + 1 < s.length; i++) slots.add(pairSlot(pairKey(s, i), PRESENCE_PAIR_BITS));
    out.push(slots.size, ...slots);
  }
  return Int32Array.from(out);
}
