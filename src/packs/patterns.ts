import { PackError } from '../shared/errors.js';
import { withoutCaptures } from '../shared/regex-source.js';
import { normalizePhrase } from '../text/normalize.js';
import { displayPath, type Locator, type Validator } from './model.js';
import { needsOf, type CompiledNeeds } from './prefilter.js';
import { VALIDATORS } from './validators.js';

/** A pattern compiled once per run and shared by every rule that uses it. */
export interface CompiledPattern {
  key: string;
  source: string;
  re: RegExp;
  /** A hit whose clause matches this is discarded (negation: 未聘请法律顾问). */
  not: RegExp | null;
  /** Match the original line (artefacts included), not the normalised text. */
  raw: boolean;
  /** A hit counts only if this accepts the matched text (ID check digits). */
  validate: ((text: string) => boolean) | null;
  /** Literals every match contains one of (see prefilter.ts); null: scan every text. */
  needs: CompiledNeeds | null;
}

export interface PatternOptions {
  not?: string | undefined;
  raw?: boolean;
  validator?: Validator | undefined;
}

/** Where a pattern was written, so a bad regex reports file:line:col. */
export interface PatternOrigin {
  file: string;
  locate: Locator;
  path: Array<string | number>;
}

/** Add \n to every negated character class ([^。;] → [^\n。;]), skipping escaped brackets. */
export function withinParagraph(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (!inClass && ch === '[') {
      inClass = true;
      if (source[i + 1] === '^') {
        out += '[^\\n';
        i++;
        continue;
      }
    } else if (inClass && ch === ']') inClass = false;
    out += ch;
  }
  return out;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every regex a pack set compiled, with where it was written (for the ReDoS check). */
export interface WrittenRegex {
  source: string;
  flags: string;
  origin: PatternOrigin;
}
const written: WrittenRegex[] = [];

/** The regexes compiled since the last call (compileRuleSet collects them per rule set). */
export function takeWrittenRegexes(): WrittenRegex[] {
  return written.splice(0, written.length);
}

function compile(source: string, origin: PatternOrigin, flags: string): RegExp {
  try {
    const re = new RegExp(source, flags);
    written.push({ source, flags, origin });
    const matchOnly = withoutCaptures(source, flags);
    return matchOnly === null ? re : new RegExp(matchOnly, flags);
  } catch (e) {
    const reason = (e as Error).message.replace(/^Invalid regular expression: /, '');
    throw new PackError(
      `${displayPath(origin.path)}: invalid regex（正则表达式无效）: ${reason}`,
      origin.file,
      origin.locate(origin.path),
    );
  }
}

/**
 * Collects every pattern of a pack set, deduplicated: the facts stage runs each
 * distinct pattern once per line, however many rules use it.
 */
export class PatternRegistry {
  private readonly byKey = new Map<string, CompiledPattern>();
  private readonly bySource = new Map<string, string>();

  /** A regex written against the normalised text (or the original, with raw). */
  regex(source: string, options: PatternOptions, origin: PatternOrigin): string {
    const { not, raw = false, validator } = options;
    const id = [source, not ?? '', raw ? 'raw' : '', validator ?? ''].join('\u0000');
    const existing = this.bySource.get(id);
    if (existing) return existing;
    const key = `p${this.byKey.size}`;
    // Patterns run over a whole document at once (paragraphs joined by \n): a negated class
    // must not step over a paragraph break, and ^ $ mean the start and end of a paragraph.
    const re = compile(withinParagraph(source), origin, 'gm');
    const notRe =
      not === undefined ? null : compile(not, { ...origin, path: [...origin.path.slice(0, -1), 'not'] }, '');
    // Patterns on the original text are always scanned (see computeFacts).
    this.byKey.set(key, {
      key,
      source,
      re,
      not: notRe,
      raw,
      validate: validator ? VALIDATORS[validator] : null,
      needs: raw ? null : needsOf(re),
    });
    this.bySource.set(id, key);
    return key;
  }

  /** Literal phrases (normalised like the text, so ，and , are the same; as written with raw). */
  phrases(phrases: string[], options: PatternOptions, origin: PatternOrigin): string {
    const source = phrases.map((p) => escapeRegex(options.raw ? p : normalizePhrase(p))).join('|');
    return this.regex(source, options, origin);
  }

  get(key: string): CompiledPattern {
    const p = this.byKey.get(key);
    if (!p) throw new Error(`unknown pattern ${key}`);
    return p;
  }

  all(): CompiledPattern[] {
    return [...this.byKey.values()];
  }

  /** Compile a single regex outside any rule (metric contexts). */
  static compileOne(source: string, origin: PatternOrigin, flags = ''): RegExp {
    return compile(source, origin, flags);
  }
}
