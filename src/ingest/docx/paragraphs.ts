/** The text of word/document.xml: one line per non-empty paragraph, list labels included. */
import { ListNumbering, type ParagraphNumbering } from './numbering.js';
import { isOn, toInt, walkXml } from './xml.js';

export interface DocxParts {
  document: string;
  numbering?: string;
  styles?: string;
}

interface Paragraph {
  parts: string[];
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
export function extractParagraphs(parts: DocxParts): string[] {
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

  const emit = (s: string): void => {
    const p = paragraphs[paragraphs.length - 1];
    if (p && inCode === 0 && !runHidden[runHidden.length - 1]) p.parts.push(s);
  };
  const finish = (p: Paragraph): void => {
    const text = carry + p.parts.join('');
    if (p.markDeleted) {
      carry = text;
      return;
    }
    carry = '';
    const line = (numbering.next(p.numbering) + text.trim()).replace(/[\r\n\v\f\u0085\u2028\u2029]/g, ' ').trim();
    if (line) lines.push(line);
  };

  walkXml(parts.document, {
    open(name, attr, path) {
      if (skipDepth) return;
      const depth = path.length;
      const parent = path[depth - 2];
      const grand = path[depth - 3];
      const p = paragraphs[paragraphs.length - 1];
      switch (name) {
        case 'w:p':
          paragraphs.push({ parts: [], numbering: {}, markDeleted: false });
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
          if (parent === 'w:r') emit('\t');
          return;
        case 'w:br':
        case 'w:cr':
          if (parent === 'w:r') emit(' ');
          return;
        case 'w:noBreakHyphen':
          if (parent === 'w:r') emit('-');
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
    close(name, path) {
      if (skipDepth) {
        if (path.length === skipDepth) skipDepth = 0;
        return;
      }
      if (name === 'w:p') {
        const p = paragraphs.pop();
        if (p) finish(p);
      } else if (name === 'w:r') runHidden.pop();
      else if (name === 'mc:AlternateContent') alternates.pop();
      else if (name === 'w:sdt') placeholders.pop();
    },
    text(data, path) {
      // Only w:t carries text (w:delText, w:instrText and markup whitespace do not).
      if (!skipDepth && path[path.length - 1] === 'w:t' && path[path.length - 2] === 'w:r') emit(data);
    },
  });
  return lines;
}
