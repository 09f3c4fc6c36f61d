/**
 * A plain Word document for a report that came as text, a web page or a PDF: one paragraph per
 * line, laid out as an official document (title in 小标宋, headings in 黑体, body in 仿宋 三号).
 * Annotated afterwards like any other .docx, so the comments land by the same code.
 */
import { escapeXml, W_NS, xmlSafe } from './package.js';

export interface NewDocxLayout {
  /** 1-based line numbers of the title and of the part headings. */
  titleLine: number | null;
  headingLines: ReadonlySet<number>;
}

const TITLE_PPR = '<w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr>';
const TITLE_RPR = '<w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr>';
const HEADING_PPR = '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>';
const HEADING_RPR = '<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr>';
const BODY_PPR = '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>';

function runs(text: string, rPr: string): string {
  // A tab is an element of its own in WordprocessingML (and reads back as a tab).
  return xmlSafe(text)
    .split('\t')
    .map(
      (piece, i) =>
        (i > 0 ? `<w:r>${rPr}<w:tab/></w:r>` : '') +
        (piece ? `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(piece)}</w:t></w:r>` : ''),
    )
    .join('');
}

export function newDocumentXml(lines: readonly string[], layout: NewDocxLayout): string {
  const body = lines
    .map((line, i) => {
      const n = i + 1;
      if (n === layout.titleLine) return `<w:p>${TITLE_PPR}${runs(line, TITLE_RPR)}</w:p>`;
      if (layout.headingLines.has(n)) return `<w:p>${HEADING_PPR}${runs(line, HEADING_RPR)}</w:p>`;
      return `<w:p>${BODY_PPR}${runs(line, '')}</w:p>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:document xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>` +
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>' +
    '</w:sectPr></w:body></w:document>'
  );
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>` +
  '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/>' +
  '<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>' +
  '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  '</w:styles>';

/** The parts of the new package, comments aside: annotateDocx adds those. */
export function newPackageParts(documentXml: string): Array<{ name: string; content: string }> {
  return [
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
        'Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', content: documentXml },
    {
      name: 'word/_rels/document.xml.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" ' +
        'Target="styles.xml"/></Relationships>',
    },
    { name: 'word/styles.xml', content: STYLES },
  ];
}
