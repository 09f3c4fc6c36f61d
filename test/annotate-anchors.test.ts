import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markRanges, type CommentRange } from '../src/annotate/anchors.js';
import { extractParagraphs, type TracedLine } from '../src/ingest/docx/paragraphs.js';
import { coveredText } from './annotate-helpers.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const doc = (body: string): string => `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function trace(xml: string): { lines: string[]; traced: TracedLine[] } {
  const traced: TracedLine[] = [];
  const lines = extractParagraphs({ document: xml }, traced);
  return { lines, traced };
}

describe('comment ranges in document.xml', () => {
  const xml = doc(
    '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>一、主要</w:t></w:r><w:r><w:t>举措和成效</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t xml:space="preserve">  调解矛盾纠纷</w:t><w:tab/><w:t>125件&amp;成功</w:t></w:r></w:p>',
  );
  const { lines, traced } = trace(xml);

  it('reads the lines the .docx reader reads, with the leading space trimmed', () => {
    expect(lines).toEqual(['一、主要举措和成效', '调解矛盾纠纷\t125件&成功']);
    expect(traced[1]?.offset).toBe(-2);
  });

  it.each<[string, CommentRange, string]>([
    [
      'inside one run (split at both ends)',
      { id: 1, from: { line: 1, column: 1 }, to: { line: 1, column: 3 } },
      '、主',
    ],
    ['a whole run (no split)', { id: 1, from: { line: 1, column: 4 }, to: { line: 1, column: 9 } }, '举措和成效'],
    ['across two runs', { id: 1, from: { line: 1, column: 2 }, to: { line: 1, column: 6 } }, '主要举措'],
    ['across a tab', { id: 1, from: { line: 2, column: 4 }, to: { line: 2, column: 9 } }, '纠纷\t12'],
    ['over an entity', { id: 1, from: { line: 2, column: 10 }, to: { line: 2, column: 13 } }, '件&成'],
    // The second paragraph's leading space, which the reader trims, lies inside such a range.
    ['across paragraphs', { id: 1, from: { line: 1, column: 7 }, to: { line: 2, column: 2 } }, '成效  调解'],
  ])('marks %s', (_, range, covered) => {
    const marked = markRanges(xml, traced, [range]);
    expect(coveredText(marked).get(1)).toBe(covered);
    // The text reads exactly as before: markers add no text, splits lose none.
    expect(trace(marked).lines).toEqual(lines);
  });

  it('keeps the run properties on both halves of a split run', () => {
    const marked = markRanges(xml, traced, [{ id: 7, from: { line: 1, column: 1 }, to: { line: 1, column: 2 } }]);
    expect(marked.match(/<w:rPr><w:b\/><\/w:rPr>/g)).toHaveLength(3);
  });

  it('puts an end before a start at the same place, so ranges that touch do not overlap', () => {
    const marked = markRanges(xml, traced, [
      { id: 1, from: { line: 1, column: 0 }, to: { line: 1, column: 2 } },
      { id: 2, from: { line: 1, column: 2 }, to: { line: 1, column: 4 } },
    ]);
    expect(marked).toContain(
      '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:commentRangeStart w:id="2"/>',
    );
    const covered = coveredText(marked);
    expect([covered.get(1), covered.get(2)]).toEqual(['一、', '主要']);
  });

  it('clamps a range that starts in a list label to the first character of the text', () => {
    const numbered = doc(
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>主要举措</w:t></w:r></w:p>',
    );
    const numbering =
      `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
      '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const traced: TracedLine[] = [];
    expect(extractParagraphs({ document: numbered, numbering }, traced)).toEqual(['一、主要举措']);
    const marked = markRanges(numbered, traced, [{ id: 3, from: { line: 1, column: 0 }, to: { line: 1, column: 4 } }]);
    expect(coveredText(marked).get(3)).toBe('主要');
  });

  it('writes markers with the prefix the document uses', () => {
    const other = `<x:document xmlns:x="${W}"><x:body><x:p><x:r><x:t>法治</x:t></x:r></x:p></x:body></x:document>`;
    const t: TracedLine[] = [];
    extractParagraphs({ document: other }, t);
    const marked = markRanges(other, t, [{ id: 0, from: { line: 1, column: 0 }, to: { line: 1, column: 1 } }], 'x:');
    expect(marked).toContain('<x:commentRangeStart x:id="0"/>');
    expect(marked).not.toContain('<w:');
  });
});

/** Random paragraphs of random runs (some bold, some with entities and tabs). */
const runArb = fc.record({
  text: fc.stringMatching(/^[法治政府建设调解纠纷件&<>a-z0-9 ]{1,8}$/),
  bold: fc.boolean(),
  tab: fc.boolean(),
});
const paragraphArb = fc.array(runArb, { minLength: 1, maxLength: 5 });

function build(paragraphs: Array<Array<{ text: string; bold: boolean; tab: boolean }>>): string {
  return doc(
    paragraphs
      .map(
        (runs) =>
          '<w:p>' +
          runs
            .map(
              (r) =>
                `<w:r>${r.bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(r.text)}</w:t>` +
                `${r.tab ? '<w:tab/>' : ''}</w:r>`,
            )
            .join('') +
          '</w:p>',
      )
      .join(''),
  );
}

describe('comment ranges, for any runs and any quotes', () => {
  it('cover exactly the quoted text, and change nothing the reader sees', () => {
    fc.assert(
      fc.property(
        fc.array(paragraphArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
        (paragraphs, picks) => {
          const xml = build(paragraphs);
          const { lines, traced } = trace(xml);
          if (lines.length === 0) return;
          const ranges: CommentRange[] = [];
          const expected = new Map<number, string>();
          picks.forEach(([a, b, c], id) => {
            // A quote on one line: the text the checker would quote between two columns.
            const line = (a % lines.length) + 1;
            const text = lines[line - 1] as string;
            const from = b % text.length;
            const to = from + 1 + (c % (text.length - from));
            ranges.push({ id, from: { line, column: from }, to: { line, column: to } });
            expected.set(id, text.slice(from, to));
          });
          const marked = markRanges(xml, traced, ranges);
          expect(coveredText(marked)).toEqual(expected);
          expect(trace(marked).lines).toEqual(lines);
        },
      ),
      { numRuns: 300 },
    );
  });
});
