import type { DocLine, Document, PartId } from '../document/model.js';

/**
 * The sentences of a document's text, the unit in which a concepts check looks for its concepts
 * together. Segmented with Intl.Segmenter (sentence granularity), then at semicolons, which in
 * reports separate items as full stops do ("一是……；二是……").
 */
export interface Sentence {
  line: DocLine;
  /** [start, end) in the line's normalised text. */
  start: number;
  end: number;
  text: string;
  parts: readonly PartId[];
  inTitle: boolean;
}

let segmenter: Intl.Segmenter | null = null;
const bySentence = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('zh', { granularity: 'sentence' }));

const cache = new WeakMap<Document, Sentence[]>();

/** The sentences that can be evidence: body text, run-in text after a heading, the title. */
export function sentencesOf(document: Document): Sentence[] {
  let found = cache.get(document);
  if (found) return found;
  found = [];
  const headingAt = new Map(document.headings.map((h) => [h.line, h]));
  for (const line of document.lines) {
    if (line.kind !== 'body' && line.kind !== 'heading' && line.kind !== 'title') continue;
    const text = line.norm.text;
    let from = 0;
    const heading = line.kind === 'heading' ? headingAt.get(line.number) : undefined;
    if (heading) {
      // A heading alone is a topic, not a deed; after a top-level heading's first stop the text is a paragraph.
      if (heading.level <= 2 || !heading.runIn) {
        const at = text.indexOf(heading.normTitle);
        from = at < 0 ? text.length : at + heading.normTitle.length;
        while (from < text.length && '。:;!?'.includes(text[from] as string)) from++;
      }
    }
    if (from >= text.length) continue;
    for (const segment of bySentence().segment(text.slice(from))) {
      let start = from + segment.index;
      const stop = start + segment.segment.length;
      for (let i = start; i <= stop; i++) {
        if (i === stop || text[i] === ';') {
          if (i > start) pushSentence(found, line, start, i);
          start = i + 1;
        }
      }
    }
  }
  cache.set(document, found);
  return found;
}

function pushSentence(into: Sentence[], line: DocLine, start: number, end: number): void {
  const text = line.norm.text.slice(start, end);
  if (text.trim().length === 0) return;
  into.push({ line, start, end, text, parts: line.parts, inTitle: line.kind === 'title' });
}
