/**
 * A PDF's text layer rebuilt into paragraphs (pure: the CLI's pdf.js loader is pdf.ts, the page's web/page/pdf.ts).
 *
 * 1. Lines: per page, text items are grouped by baseline (transform[5]) top to bottom and
 *    ordered by x within a line. Items are glued without spaces; a space survives only between
 *    two non-CJK characters (a Latin word or a number next to another one, with a visible gap).
 * 2. Running page numbers (`- 3 -`, `第3页`, `3`, `3/12`, `第3页 共12页`) are dropped when they
 *    are the first or last lines of a page.
 * 3. Paragraphs: line k+1 continues line k unless
 *    - line k+1 is indented against line k (first-line indent, 首行缩进), or changes font or size;
 *    - line k is not "full": its end is further from the right edge of the text block than 10 %
 *      of the block width and than the first unbreakable piece of line k+1 would need;
 *    - line k ends a sentence (。！？：；… or ASCII !?:;, closing quotes/brackets skipped);
 *    - line k+1 starts with a heading marker (一、 （一） 一是 第一章 1. 1、 （1） ① 【…) that
 *      fits the numbering so far (first of its kind, counting up, or 1 again after a
 *      higher-level heading) — so a wrapped line that happens to start with 一、 still joins.
 *    A full line ending with a digit and a next line starting with a digit or % always join
 *    (a number is never split). The same test applies across a page break: the last line of a
 *    page joins the first line of the next page when the sentence runs on.
 *    The text block (left/right edge) is measured over the whole document.
 *
 * `place(line, column)` maps a column of a joined paragraph back to the page and the 1-based
 * line on that page (counting every text line on the page, page numbers included).
 */
import { InputError } from '../shared/errors.js';
import { headingMarker, type HeadingMarker } from '../text/heading-markers.js';
import type { SourcePlace, SourceText } from './index.js';

export const MSG_NO_TEXT = '无文字层（可能是扫描件），请提供 Word 或文本版本';
export const MSG_ENCRYPTED = 'PDF 已加密，请提供未加密的版本';
export const MSG_CORRUPT = 'PDF 文件已损坏，无法读取';

/** Fewer non-space characters than this over the whole file (page numbers aside) counts as "no text layer". */
const MIN_TEXT_CHARS = 20;

/** One positioned piece of text (a pdf.js text item, reduced to what line building needs). */
export interface PdfTextItem {
  str: string;
  /** Left x of the item, PDF units. */
  x: number;
  /** Baseline y (PDF units, growing upwards). */
  y: number;
  width: number;
  fontSize: number;
  /** pdf.js font id (bold and regular faces differ). */
  font?: string;
}

/** A rebuilt text line of one page. */
export interface PdfLine {
  /** 1-based page. */
  page: number;
  /** 1-based line on that page, top to bottom. */
  pageLine: number;
  text: string;
  /** Start and end x of the line. */
  x0: number;
  x1: number;
  fontSize: number;
  /** The font carrying most of the line's characters, when known. */
  font?: string;
}

/** Where a joined paragraph's pieces came from: `start` is the 0-based offset in the paragraph. */
export interface PdfSegment {
  start: number;
  page: number;
  pageLine: number;
}

export interface PdfParagraph {
  text: string;
  segments: PdfSegment[];
}

// ---------------------------------------------------------------------------------------------
// Characters

/** CJK ideographs, kana, CJK and full-width punctuation, curly quotes, dashes, ellipsis. */
const WIDE =
  /[\u2E80-\u2FFF\u3000-\u30FF\u3100-\u31FF\u3200-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE10-\uFE1F\uFE30-\uFE4F\uFF00-\uFFEF\u2018\u2019\u201C\u201D\u2014\u2026\u00B7\u2460-\u24FF\u2776-\u2793]|[\uD840-\uD87F][\uDC00-\uDFFF]/u;
const SPACE = /[\s\u00A0\u3000\u2000-\u200B\uFEFF]+/gu;
const ENDS_SENTENCE = /[。！？：；!?:;…]$/u;
/** Closing marks that may follow the sentence end: 。” 。） 。》 */
const TRAILING_CLOSERS = /[”’"'）)》」』】〕\]]+$/u;
const CLOSING = /[，。、；：！？”’）》」』】〕,.;:!?)\]%％]/u;
const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9０-９]/;

export function isHeadingStart(text: string): boolean {
  return headingMarker(text) !== null;
}

/** Running page numbers: `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 12 页`, `3`, `3/12`, `Page 3`. */
const PAGE_NUMBER = new RegExp(
  '^(?:' +
    [
      '[-—–－~·•]*\\s*[0-9]{1,4}\\s*[-—–－~·•]*',
      '第\\s*[0-9]{1,4}\\s*页(?:\\s*[,，/／]?\\s*共\\s*[0-9]{1,4}\\s*页)?',
      '[0-9]{1,4}\\s*[/／]\\s*[0-9]{1,4}',
      '(?:page|p\\.)\\s*[0-9]{1,4}(?:\\s*(?:of|/)\\s*[0-9]{1,4})?',
    ].join('|') +
    ')$',
  'iu',
);

export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

function endsSentence(text: string): boolean {
  return ENDS_SENTENCE.test(text.replace(TRAILING_CLOSERS, ''));
}

function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

/** Collapses whitespace; keeps one space only between two non-CJK characters ("PDF 1.7"). */
export function tidySpaces(text: string): string {
  return text.replace(SPACE, (run: string, offset: number, whole: string) => {
    const prev = lastChar(whole.slice(Math.max(0, offset - 2), offset));
    const next = firstChar(whole.slice(offset + run.length, offset + run.length + 2));
    if (prev === undefined || next === undefined) return '';
    return isWide(prev) || isWide(next) ? '' : ' ';
  });
}

function firstChar(text: string): string | undefined {
  const cp = text.codePointAt(0);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

function lastChar(text: string): string | undefined {
  return Array.from(text).pop();
}

// ---------------------------------------------------------------------------------------------
// Lines

/**
 * Groups the items of one page into lines (top to bottom, left to right within a line).
 * Whitespace-only items only mark gaps.
 */
export function buildLines(items: PdfTextItem[], page: number): PdfLine[] {
  const visible = items.filter((it) => it.str.replace(SPACE, '') !== '');
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  let baseline = Number.NaN;
  for (const item of sorted) {
    const tolerance = 0.5 * Math.max(1, Math.min(item.fontSize, current[0]?.fontSize ?? item.fontSize));
    if (current.length > 0 && Math.abs(item.y - baseline) <= tolerance) {
      current.push(item);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [item];
    baseline = item.y;
  }
  if (current.length > 0) groups.push(current);

  return groups.map((group, i) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const item of group) {
      const str = item.str;
      const prev = lastChar(text.trimEnd().slice(-2));
      const next = firstChar(str.trimStart());
      const gap = item.x - end;
      if (prev !== undefined && next !== undefined && !isWide(prev) && !isWide(next) && gap > 0.2 * item.fontSize) {
        text += ' ';
      }
      text += str;
      end = Math.max(end, item.x + item.width);
    }
    const first = group[0]!;
    const line: PdfLine = {
      page,
      pageLine: i + 1,
      text: tidySpaces(text),
      x0: first.x,
      x1: end,
      fontSize: group.reduce((m, it) => Math.max(m, it.fontSize), 0),
    };
    const font = dominantFont(group);
    if (font !== undefined) line.font = font;
    return line;
  });
}

function dominantFont(items: PdfTextItem[]): string | undefined {
  const weight = new Map<string, number>();
  for (const it of items) {
    if (it.font === undefined) continue;
    weight.set(it.font, (weight.get(it.font) ?? 0) + it.str.replace(SPACE, '').length);
  }
  let best: string | undefined;
  let most = 0;
  for (const [font, n] of weight) {
    if (n > most) [best, most] = [font, n];
  }
  return best;
}

/** Drops running page numbers at the top and bottom of each page. */
export function dropPageNumbers(lines: PdfLine[]): PdfLine[] {
  const byPage = new Map<number, PdfLine[]>();
  for (const line of lines) {
    const list = byPage.get(line.page) ?? [];
    list.push(line);
    byPage.set(line.page, list);
  }
  const out: PdfLine[] = [];
  for (const list of byPage.values()) {
    let start = 0;
    let end = list.length;
    // At most two at each end (a header "第3页" and a footer "- 3 -" on a one-line page, say).
    for (let n = 0; n < 2 && start < end && isPageNumberLine(list[start]!.text); n++) start++;
    for (let n = 0; n < 2 && end > start && isPageNumberLine(list[end - 1]!.text); n++) end--;
    for (let k = start; k < end; k++) out.push(list[k] as (typeof list)[number]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

/** Rough width of the first unbreakable piece of a line (a number, a word, a char + closing marks). */
function firstChunkWidth(text: string, fontSize: number): number {
  const chars = Array.from(text);
  let i = 0;
  let width = 0;
  const narrow = /[A-Za-z0-9０-９.,%％+\-_/@#&]/u;
  if (chars[0] !== undefined && narrow.test(chars[0])) {
    while (i < chars.length && narrow.test(chars[i]!)) {
      width += 0.55 * fontSize;
      i++;
    }
  } else if (chars[0] !== undefined) {
    // An opening mark sticks to the character after it.
    while (i < chars.length && /[“‘《（(「『【〔]/u.test(chars[i]!)) {
      width += fontSize;
      i++;
    }
    if (i < chars.length) {
      width += isWide(chars[i]!) ? fontSize : 0.55 * fontSize;
      i++;
    }
  }
  while (i < chars.length && CLOSING.test(chars[i]!)) {
    width += isWide(chars[i]!) ? fontSize : 0.55 * fontSize;
    i++;
  }
  return width;
}

interface Block {
  left: number;
  right: number;
}

function measureBlock(lines: PdfLine[]): Block {
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const line of lines) {
    left = Math.min(left, line.x0);
    right = Math.max(right, line.x1);
  }
  return { left, right };
}

/**
 * Heading numbering seen so far, to tell a real heading from a wrapped line that happens to
 * start with 一、 (…执法标准统 / 一、执法文书统一…): a marker is a heading when it is the first
 * of its kind, goes up, or restarts at 1 after a higher-level heading (（一） after 二、).
 * Kinds rank by first appearance.
 */
class HeadingSequence {
  private rank = new Map<string, number>();
  private last = new Map<string, { value: number; at: number }>();
  private count = 0;

  plausible(marker: HeadingMarker): boolean {
    const last = this.last.get(marker.kind);
    if (!last || marker.value === 0 || marker.value > last.value) return true;
    if (marker.value !== 1) return false;
    const rank = this.rank.get(marker.kind) ?? Number.POSITIVE_INFINITY;
    for (const [kind, seen] of this.last) {
      if ((this.rank.get(kind) ?? Number.POSITIVE_INFINITY) < rank && seen.at > last.at) return true;
    }
    return false;
  }

  record(marker: HeadingMarker): void {
    if (!this.rank.has(marker.kind)) this.rank.set(marker.kind, this.rank.size);
    this.last.set(marker.kind, { value: marker.value, at: ++this.count });
  }
}

/** Is `line` full, i.e. did the text wrap at its end rather than the paragraph end there? */
function isFull(line: PdfLine, next: PdfLine, block: Block): boolean {
  const width = block.right - block.left;
  if (!(width > 0)) return false;
  const gap = block.right - line.x1;
  return gap <= 0.1 * width || gap < firstChunkWidth(next.text, next.fontSize || line.fontSize);
}

/** Does `next` continue `line` (a wrapped line of the same paragraph)? */
function continues(line: PdfLine, next: PdfLine, block: Block, headings: HeadingSequence): boolean {
  const a = line.text;
  const b = next.text;
  if (a === '' || b === '') return false;
  // First-line indent: an indented line after a less indented one opens a paragraph.
  const size = next.fontSize || line.fontSize || 10;
  if (next.x0 - line.x0 >= 1.5 * size) return false;
  // A change of face or size (a bold or 黑体 heading, then body text) opens a paragraph.
  if (line.font !== undefined && next.font !== undefined && line.font !== next.font) return false;
  if (Math.abs(next.fontSize - line.fontSize) > 0.15 * Math.max(next.fontSize, line.fontSize)) return false;
  if (!isFull(line, next, block)) return false;
  // A number broken over two lines is always one number.
  if (DIGIT.test(a.slice(-1)) && /^[0-9０-９%％]/u.test(b)) return true;
  if (endsSentence(a)) return false;
  const marker = headingMarker(b);
  return !(marker && headings.plausible(marker));
}

/** English wrapped at a space: "the Word" / "version", "law." / "Annual" (never inside a number). */
function latinBreak(before: string, after: string): boolean {
  if (LATIN.test(before)) return LATIN.test(after) || DIGIT.test(after);
  if (/[,;:!?)]/.test(before)) return LATIN.test(after) || DIGIT.test(after);
  return before === '.' && LATIN.test(after);
}

/**
 * Joins wrapped lines into paragraphs (see the module comment). Lines must be in reading
 * order over all pages; page numbers should already be dropped (see dropPageNumbers).
 */
export function joinLines(lines: PdfLine[]): PdfParagraph[] {
  const body = lines.filter((l) => l.text !== '');
  const block = measureBlock(body);
  const headings = new HeadingSequence();
  const paragraphs: PdfParagraph[] = [];
  let current: PdfParagraph | null = null;
  let prev: PdfLine | null = null;
  for (const line of body) {
    if (current && prev && continues(prev, line, block, headings)) {
      const sep = latinBreak(current.text.slice(-1), line.text.charAt(0)) ? ' ' : '';
      current.text += sep;
      current.segments.push({ start: current.text.length, page: line.page, pageLine: line.pageLine });
      current.text += line.text;
    } else {
      current = { text: line.text, segments: [{ start: 0, page: line.page, pageLine: line.pageLine }] };
      paragraphs.push(current);
      const marker = headingMarker(line.text);
      if (marker) headings.record(marker);
    }
    prev = line;
  }
  return paragraphs;
}

/** The page and page line where a 1-based column of a paragraph falls. */
export function placeIn(paragraph: PdfParagraph, column: number): SourcePlace {
  const offset = Math.max(0, column - 1);
  let seg = paragraph.segments[0];
  for (const s of paragraph.segments) {
    if (s.start <= offset) seg = s;
    else break;
  }
  return seg ? { page: seg.page, pageLine: seg.pageLine } : {};
}

export interface RawItem {
  str?: unknown;
  transform?: unknown;
  width?: unknown;
  height?: unknown;
  fontName?: unknown;
}

export function toItem(raw: RawItem): PdfTextItem | null {
  if (typeof raw.str !== 'string' || !Array.isArray(raw.transform)) return null;
  const t = raw.transform as number[];
  const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || (typeof raw.height === 'number' ? raw.height : 0) || 10;
  const item: PdfTextItem = {
    str: raw.str,
    x: t[4] ?? 0,
    y: t[5] ?? 0,
    width: typeof raw.width === 'number' ? raw.width : 0,
    fontSize: size,
  };
  if (typeof raw.fontName === 'string') item.font = raw.fontName;
  return item;
}

/** `%PDF-` at the start, or after a few leading bytes (a BOM, a blank line, junk). */
/** Just what a page of pdf.js's document offers here: its text items, and cleanup after. */
export interface PdfPageLike {
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup(): unknown;
}

/** The lines of one page, in reading order (Node's reader and the self-check page's share this). */
export async function pageLines(page: PdfPageLike, number: number): Promise<PdfLine[]> {
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const raw of content.items as RawItem[]) {
    const item = toItem(raw);
    if (item) items.push(item);
  }
  page.cleanup();
  return buildLines(items, number);
}

export function sniffPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 16 + 5);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The report text of a PDF's extracted lines (page numbers dropped, paragraphs joined). The
 * self-check page extracts the lines with pdf.js's browser build and reads them here too.
 */
export function pdfTextFromLines(extracted: PdfLine[], file: string): SourceText {
  const lines = dropPageNumbers(extracted);
  // Page numbers alone (a scan with a numbered footer) are no text layer either.
  const chars = lines.reduce((n, l) => n + l.text.replace(SPACE, '').length, 0);
  if (chars < MIN_TEXT_CHARS) throw new InputError(MSG_NO_TEXT, file, 'input-empty');
  const paragraphs = joinLines(lines);
  return {
    file,
    format: 'pdf',
    encoding: null,
    text: paragraphs.map((p) => p.text).join('\n'),
    place(line: number, column: number): SourcePlace {
      const paragraph = paragraphs[Math.min(Math.max(line, 1), paragraphs.length) - 1];
      return paragraph ? placeIn(paragraph, column) : {};
    },
  };
}
