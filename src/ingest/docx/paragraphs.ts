/** The text of word/document.xml: one line per non-empty paragraph, list labels included. */
import { ListNumbering, type ParagraphNumbering } from './numbering.js';
import { isOn, toInt, walkXml, type XmlSpan } from './xml.js';

export interface DocxParts {
  document: string;
  numbering?: string;
  styles?: string;
}

/** A run of document.xml: where it is, and its properties (copied when the run is split). */
export interface RunSpan {
  start: number;
  end: number;
  /** The raw w:rPr element, or '' when the run has none. */
  rPr: string;
  /** Inside a text box (drawn once as DrawingML, once as VML): not a place for annotations. */
  boxed: boolean;
}

/** A piece of a line's text and where it comes from in document.xml ([start, end) of the raw XML). */
export interface TextPiece {
  text: string;
  start: number;
  end: number;
  /** Text of a w:t (can be split at any character); otherwise an element such as w:tab. */
  inText: boolean;
  run: RunSpan;
}

/** How one line of the text maps back to document.xml (for annotations). */
export interface TracedLine {
  pieces: TextPiece[];
  /** Column (0-based) in the line of the first piece's first character: list label minus trimmed space. */
  offset: number;
}

interface Paragraph {
  parts: string[];
  pieces: TextPiece[];
  numbering: ParagraphNumbering;
  /** Tracked deletion of the paragraph mark: the text joins the next paragraph. */
  markDeleted: boolean;
}

/**
 * The document's non-empty paragraphs in order, each with its list label. Handles tables,
 * content controls (placeholder text skipped), text boxes (mc:Choice only, never the VML
 * fallback copy), tracked changes (deletions and moved-from text skipped), field codes
 * (result kept), hidden runs, tabs and soft breaks.
 */
export function extractParagraphs(parts: DocxParts, trace?: TracedLine[]): string[] {
  const numbering = new ListNumbering(parts.numbering, parts.styles);
  const lines: string[] = [];
  const paragraphs: Paragraph[] = [];
  const runHidden: boolean[] = [];
  const fields: boolean[] = []; // per open field: still in its instruction part
  let inCode = 0;
  const alternates: boolean[] = []; // per mc:AlternateContent: a branch was taken
  const placeholders: boolean[] = []; // per w:sdt: showing placeholder text
  let skipDepth = 0;
  let carry = '';
  let carryPieces: TextPiece[] = [];
  const runs: RunSpan[] = [];
  let boxes = 0;
  let rPrStart = -1;

  const emit = (s: string, at?: XmlSpan, inText = false): void => {
    const p = paragraphs[paragraphs.length - 1];
    if (!p || inCode !== 0 || runHidden[runHidden.length - 1]) return;
    p.parts.push(s);
    const run = runs[runs.length - 1];
    if (trace && at && run) p.pieces.push({ text: s, start: at.start, end: at.end, inText, run });
  };
  const finish = (p: Paragraph): void => {
    const text = carry + p.parts.join('');
    const pieces = trace ? carryPieces.concat(p.pieces) : carryPieces;
    if (p.markDeleted) {
      carry = text;
      carryPieces = pieces;
      return;
    }
    carry = '';
    carryPieces = [];
    const label = numbering.next(p.numbering);
    const line = (label + text.trim()).replace(/[\r\n\v\f\u0085\u2028\u2029]/g, ' ').trim();
    if (!line) return;
    lines.push(line);
    trace?.push({ pieces, offset: label.length - (text.length - text.trimStart().length) });
  };

  walkXml(parts.document, {
    open(name, attr, path, at) {
      if (skipDepth) return;
      const depth = path.length;
      const parent = path[depth - 2];
      const grand = path[depth - 3];
      const p = paragraphs[paragraphs.length - 1];
      switch (name) {
        case 'w:p':
          paragraphs.push({ parts: [], pieces: [], numbering: {}, markDeleted: false });
          return;
        case 'w:pStyle':
          if (p && parent === 'w:pPr') p.numbering.styleId = attr('val');
          return;
        case 'w:numId':
        case 'w:ilvl':
          if (p && parent === 'w:numPr' && grand === 'w:pPr') {
            p.numbering[name === 'w:numId' ? 'numId' : 'ilvl'] = toInt(attr('val'));
          }
          return;
        case 'w:del':
        case 'w:moveFrom':
          if (parent === 'w:rPr' && grand === 'w:pPr') {
            if (p) p.markDeleted = true;
          } else {
            skipDepth = depth;
          }
          return;
        case 'w:r':
          runHidden.push(false);
          if (trace) runs.push({ start: at.start, end: at.end, rPr: '', boxed: boxes > 0 });
          return;
        case 'w:rPr':
          if (parent === 'w:r') rPrStart = at.start;
          return;
        case 'w:txbxContent':
          boxes++;
          return;
        case 'w:vanish':
          if (parent === 'w:rPr' && grand === 'w:r') runHidden[runHidden.length - 1] = isOn(attr('val'));
          return;
        case 'w:fldChar': {
          const type = attr('fldCharType');
          if (type === 'begin') {
            fields.push(true);
            inCode++;
          } else if (type === 'separate' && fields[fields.length - 1]) {
            fields[fields.length - 1] = false;
            inCode--;
          } else if (type === 'end' && fields.length > 0) {
            if (fields.pop()) inCode--;
          }
          return;
        }
        case 'w:tab':
        case 'w:ptab':
          if (parent === 'w:r') emit('\t', at);
          return;
        case 'w:br':
        case 'w:cr':
          if (parent === 'w:r') emit(' ', at);
          return;
        case 'w:noBreakHyphen':
          if (parent === 'w:r') emit('-', at);
          return;
        case 'mc:AlternateContent':
          alternates.push(false);
          return;
        case 'mc:Choice':
        case 'mc:Fallback':
          if (parent !== 'mc:AlternateContent') return;
          if (alternates[alternates.length - 1]) skipDepth = depth;
          else alternates[alternates.length - 1] = true;
          return;
        case 'w:sdt':
          placeholders.push(false);
          return;
        case 'w:showingPlcHdr':
          if (parent === 'w:sdtPr') placeholders[placeholders.length - 1] = isOn(attr('val'));
          return;
        case 'w:sdtContent':
          if (placeholders[placeholders.length - 1]) skipDepth = depth;
          return;
        default:
          // Tracked property changes (w:pPrChange, w:rPrChange …) hold the old properties.
          if (name.startsWith('w:') && name.endsWith('Change')) skipDepth = depth;
      }
    },
    close(name, path, at) {
      if (skipDepth) {
        if (path.length === skipDepth) skipDepth = 0;
        return;
      }
      if (name === 'w:p') {
        const p = paragraphs.pop();
        if (p) finish(p);
      } else if (name === 'w:r') {
        runHidden.pop();
        const run = runs.pop();
        if (run) run.end = at.end;
      } else if (name === 'w:rPr' && trace && rPrStart >= 0 && path[path.length - 2] === 'w:r') {
        const run = runs[runs.length - 1];
        if (run) run.rPr = parts.document.slice(rPrStart, at.end);
        rPrStart = -1;
      } else if (name === 'w:txbxContent') boxes--;
      else if (name === 'mc:AlternateContent') alternates.pop();
      else if (name === 'w:sdt') placeholders.pop();
    },
    text(data, path, at) {
      // Only w:t carries text (w:delText, w:instrText and markup whitespace do not).
      if (!skipDepth && path[path.length - 1] === 'w:t' && path[path.length - 2] === 'w:r') emit(data, at, true);
    },
  });
  return lines;
}
