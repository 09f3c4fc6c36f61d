/**
 * Comment ranges in document.xml: a line-and-column range of the checked text becomes a
 * commentRangeStart before its first character and a commentRangeEnd (with the commentReference
 * run Word requires) after its last, splitting a run where the range starts or ends inside it.
 * Nothing else in the XML changes: the result is the original string with markup inserted.
 */
import type { RunSpan, TextPiece, TracedLine } from '../ingest/docx/paragraphs.js';

/** A place in the checked text: 1-based line, 0-based column (UTF-16 units). */
export interface TextPoint {
  line: number;
  column: number;
}

export interface CommentRange {
  id: number;
  from: TextPoint;
  to: TextPoint;
}

/** Where markup goes: between runs (`run` null), or inside `run`, which is closed and reopened. */
interface Cut {
  pos: number;
  run: RunSpan | null;
  inText: boolean;
}

interface Located {
  piece: TextPiece;
  /** Characters of the piece before the point. */
  offset: number;
  first: boolean;
  last: boolean;
}

/** The text of a traced line as the checker read it, from its first piece on. */
export function tracedText(line: TracedLine): string {
  let text = '';
  for (const piece of line.pieces) text += piece.text;
  return text;
}

/**
 * The piece holding a point of the line. A start point belongs to the piece it begins; an end
 * point to the piece it closes. Points in a list label or past the text are clamped to it.
 */
function locate(line: TracedLine, column: number, side: 'start' | 'end'): Located | null {
  const { pieces } = line;
  if (pieces.length === 0) return null;
  let at = column - line.offset;
  let total = 0;
  for (const piece of pieces) total += piece.text.length;
  at = Math.max(side === 'start' ? 0 : 1, Math.min(at, side === 'start' ? total - 1 : total));
  let before = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as TextPiece;
    const after = before + piece.text.length;
    if (side === 'start' ? at < after : at <= after) {
      return {
        piece,
        offset: at - before,
        first: pieces[i - 1]?.run !== piece.run,
        last: pieces[i + 1]?.run !== piece.run,
      };
    }
    before = after;
  }
  return null;
}

/** How far into a piece's raw XML its n-th character starts (an entity is one indivisible piece). */
function rawOffset(piece: TextPiece, n: number): number {
  const raw = piece.end - piece.start;
  if (raw === piece.text.length) return n;
  return n === 0 ? 0 : raw;
}

function startCut(at: Located): Cut {
  const { piece, offset } = at;
  if (offset === 0 && at.first) return { pos: piece.run.start, run: null, inText: false };
  return { pos: piece.start + rawOffset(piece, offset), run: piece.run, inText: piece.inText };
}

function endCut(at: Located): Cut {
  const { piece, offset } = at;
  if (offset === piece.text.length && at.last) return { pos: piece.run.end, run: null, inText: false };
  return { pos: piece.start + rawOffset(piece, offset), run: piece.run, inText: piece.inText };
}

/** Whether a range can carry a comment: inside a text box Word draws the text twice (DrawingML and VML). */
export function anchorable(lines: readonly TracedLine[], range: Omit<CommentRange, 'id'>): boolean {
  const from = lines[range.from.line - 1];
  const to = lines[range.to.line - 1];
  if (!from || !to || from.pieces.length === 0 || to.pieces.length === 0) return false;
  const a = locate(from, range.from.column, 'start');
  const b = locate(to, range.to.column, 'end');
  return a !== null && b !== null && !a.piece.run.boxed && !b.piece.run.boxed;
}

/**
 * document.xml with every range marked; ranges that are not anchorable must be left out by the
 * caller. `w` is the document's own prefix for the WordprocessingML namespace ('w:', or '' when default).
 */
export function markRanges(
  xml: string,
  lines: readonly TracedLine[],
  ranges: readonly CommentRange[],
  w = 'w:',
): string {
  const marks = new Map<number, { cut: Cut; ends: number[]; starts: number[] }>();
  const mark = (cut: Cut, id: number, side: 'starts' | 'ends'): void => {
    let entry = marks.get(cut.pos);
    if (!entry) marks.set(cut.pos, (entry = { cut, ends: [], starts: [] }));
    entry[side].push(id);
  };
  for (const range of ranges) {
    const from = locate(lines[range.from.line - 1] as TracedLine, range.from.column, 'start');
    const to = locate(lines[range.to.line - 1] as TracedLine, range.to.column, 'end');
    if (!from || !to) continue;
    mark(startCut(from), range.id, 'starts');
    mark(endCut(to), range.id, 'ends');
  }
  const out: string[] = [];
  let last = 0;
  for (const pos of [...marks.keys()].sort((a, b) => a - b)) {
    const { cut, ends, starts } = marks.get(pos) as { cut: Cut; ends: number[]; starts: number[] };
    out.push(xml.slice(last, pos));
    // Ends before starts: a range that ends where another begins does not overlap it.
    const markup =
      ends
        .map((id) => `<${w}commentRangeEnd ${w}id="${id}"/><${w}r><${w}commentReference ${w}id="${id}"/></${w}r>`)
        .join('') + starts.map((id) => `<${w}commentRangeStart ${w}id="${id}"/>`).join('');
    if (cut.run === null) out.push(markup);
    else if (cut.inText) out.push(`</${w}t></${w}r>${markup}<${w}r>${cut.run.rPr}<${w}t xml:space="preserve">`);
    else out.push(`</${w}r>${markup}<${w}r>${cut.run.rPr}`);
    last = pos;
  }
  out.push(xml.slice(last));
  return out.join('');
}
