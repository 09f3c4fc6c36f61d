import stringWidth from 'string-width';

/**
 * Line wrapping for a terminal of a given width, for CJK and Latin text alike. Pure string
 * work: widths come from string-width (CJK and emoji take two columns, ANSI codes none).
 */

/** Terminal columns a string takes (ANSI colour codes take none). */
export const displayWidth = (text: string): number => stringWidth(text);

export type Style = (text: string) => string;

/**
 * - `words`: prose; breaks between CJK characters or at spaces (a space at a break is dropped),
 *   never before closing punctuation (，。）” …) or after opening punctuation;
 * - `exact`: text a reader copies (quotes, paths); breaks at any character, drops nothing;
 * - `atom`: never broken (rule ids, labels); may carry its own ANSI codes.
 */
export type Mode = 'words' | 'exact' | 'atom';

export interface Span {
  text: string;
  mode?: Mode;
  /** Applied per line to the span's piece on that line (same function: adjacent spans share one code). */
  style?: Style;
  /** A separator that is dropped where the line breaks (spaces, ` · `). */
  separator?: boolean;
}

// A visible() escape (\x1b, \u202e) is one unit: never broken.
const ESCAPE = /\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}/g;
const OPENERS = new Set([...'“‘（《「『【〔〈([{']);
const CLOSERS = new Set([...'，。、；：？！）》」』】〕〉”’…·%,.;:?!)]}']);

let segmenter: Intl.Segmenter | null = null;

/** Grapheme clusters (never half a surrogate pair or an emoji sequence), escapes whole. */
export function units(text: string): string[] {
  const graphemes = (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
  const out: string[] = [];
  const plain = (part: string) => {
    for (const { segment } of graphemes.segment(part)) out.push(segment);
  };
  let last = 0;
  for (const m of text.matchAll(ESCAPE)) {
    plain(text.slice(last, m.index));
    out.push(m[0]);
    last = m.index + m[0].length;
  }
  plain(text.slice(last));
  return out;
}

interface Chunk {
  /** The units of the chunk; one unit: never split. */
  units: string[];
  drop: boolean;
  span: number;
}

/** A span as its smallest unbreakable pieces. */
function chunksOf(span: Span, index: number): Chunk[] {
  const mode = span.mode ?? 'words';
  if (span.separator) return [{ units: [span.text], drop: true, span: index }];
  if (mode === 'atom') return [{ units: [span.text], drop: false, span: index }];
  const us = units(span.text);
  if (mode === 'exact') return us.map((u) => ({ units: [u], drop: false, span: index }));
  const out: Chunk[] = [];
  let cur: string[] = [];
  let word = false;
  let open = false;
  const flush = () => {
    if (cur.length > 0) out.push({ units: cur, drop: false, span: index });
    cur = [];
    word = false;
  };
  for (const u of us) {
    if (u === ' ') {
      flush();
      const prev = out[out.length - 1];
      if (prev?.drop) prev.units.push(u);
      else out.push({ units: [u], drop: true, span: index });
      open = false;
    } else if (CLOSERS.has(u) || open) {
      // Glued to what comes before it (closing punctuation) or after it (opening punctuation).
      cur.push(u);
      // After a wide closer (，、。) the line may break again; after a narrow one (e.g.) not.
      if (!CLOSERS.has(u) || displayWidth(u) >= 2) word = displayWidth(u) < 2;
      open = OPENERS.has(u);
    } else if (OPENERS.has(u)) {
      flush();
      cur = [u];
      open = true;
    } else if (displayWidth(u) >= 2) {
      flush();
      cur = [u];
    } else if (word) {
      cur.push(u);
    } else {
      flush();
      cur = [u];
      word = true;
    }
  }
  flush();
  return out;
}

interface Piece {
  text: string;
  span: number;
}

/**
 * Lines of at most `width` columns (a chunk wider than a line on its own stays whole when it is an
 * atom, else is broken at characters); lines after the first start with `indent`.
 */
function layout(spans: readonly Span[], width: number, indent: string): Piece[][] {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let plain = '';
  let empty = true;
  let pending: Chunk[] = [];
  const put = (text: string, span: number) => {
    const last = line[line.length - 1];
    if (last && last.span === span) last.text += text;
    else line.push({ text, span });
    plain += text;
  };
  const newLine = () => {
    lines.push(line);
    line = [];
    plain = '';
    put(indent, -1);
    empty = true;
    pending = [];
  };
  const place = (chunk: Chunk): void => {
    const text = chunk.units.join('');
    const before = pending.map((p) => p.units.join('')).join('');
    if (empty || displayWidth(plain + before + text) <= width) {
      if (empty && displayWidth(plain + text) > width && chunk.units.length > 1) {
        // Wider than a whole line: broken at characters.
        for (const u of chunk.units) place({ units: [u], drop: false, span: chunk.span });
        return;
      }
      for (const p of pending) put(p.units.join(''), p.span);
      pending = [];
      put(text, chunk.span);
      empty = false;
      return;
    }
    newLine();
    place(chunk);
  };
  for (const chunk of spans.flatMap(chunksOf)) {
    if (chunk.drop) {
      if (!empty || lines.length === 0) pending.push(chunk);
      continue;
    }
    place(chunk);
  }
  lines.push(line);
  return lines;
}

/** Adjacent spans with the same style share one styled run (so unwrapped text is as before). */
function styled(pieces: readonly Piece[], spans: readonly Span[]): string {
  let out = '';
  let run = '';
  let style: Style | undefined;
  let started = false;
  for (const p of pieces) {
    const s = p.span < 0 ? undefined : spans[p.span]?.style;
    if (started && s !== style) {
      out += style ? style(run) : run;
      run = '';
    }
    style = s;
    started = true;
    run += p.text;
  }
  return started ? out + (style ? style(run) : run) : out;
}

/**
 * One output line made of spans: as it is when `width` is undefined (a pipe, a file, CI), else
 * wrapped to `width` columns with continuation lines starting with `indent`.
 */
export function wrapSpans(spans: readonly Span[], width: number | undefined, indent = ''): string {
  if (width === undefined)
    return styled(
      spans.map((s, i) => ({ text: s.text, span: i })),
      spans,
    );
  return layout(spans, width, indent)
    .map((pieces) => styled(pieces, spans))
    .join('\n');
}

/** Plain text as pieces of at most `width` columns (a table cell, a quote). */
export function wrapText(text: string, width: number, mode: Exclude<Mode, 'atom'> = 'words'): string[] {
  return layout([{ text, mode }], width, '').map((pieces) => pieces.map((p) => p.text).join(''));
}

/** Text cut to at most `width` columns, an ellipsis where it was cut (never half a character). */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const u of units(text)) {
    const w = displayWidth(u);
    if (used + w > width - 1) break;
    out += u;
    used += w;
  }
  return `${out}…`;
}
