import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxAdapter, MAX_PART_BYTES } from '../src/ingest/docx/index.js';
import { formatNumber } from '../src/ingest/docx/number-format.js';
import { ListNumbering } from '../src/ingest/docx/numbering.js';
import { extractParagraphs } from '../src/ingest/docx/paragraphs.js';
import { expectInputErrorAsync, REPORTS, ROOT } from './helpers.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/docx');
const fixture = (name: string): Uint8Array => readFileSync(path.join(FIXTURES, name));

const MSG_CORRUPT = 'Word 文档已损坏或不是 .docx 格式（无法解压）';
const MSG_NO_DOCUMENT = 'Word 文档已损坏或不是 .docx 格式（压缩包中没有 word/document.xml）';
const MSG_NO_TEXT = 'Word 文档中没有文字';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

const documentXml = (body: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W} ${MC}><w:body>${body}<w:sectPr/></w:body></w:document>`;
const numberingXml = (inner: string): string => `<w:numbering ${W}>${inner}</w:numbering>`;
const stylesXml = (inner: string): string => `<w:styles ${W}>${inner}</w:styles>`;

/** A paragraph of plain runs; `ppr` goes into w:pPr. */
const p = (text: string, ppr = ''): string =>
  `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numPr = (numId: number, ilvl?: number): string =>
  `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;

const lvl = (ilvl: number, numFmt: string, lvlText: string, extra = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${lvlText}"/>${extra}</w:lvl>`;
const num = (numId: number, abstractId: number, inner = ''): string =>
  `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${inner}</w:num>`;
/** The usual Chinese report outline: 一、 / （一） / 1. */
const OUTLINE = numberingXml(
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）', '<w:suff w:val="nothing"/>')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>${num(1, 0)}`,
);

function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files))
    entries[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries, { mtime: new Date('2025-01-01T00:00:00Z') });
}

const lines = (body: string, numbering?: string, styles?: string): string[] =>
  extractParagraphs({ document: documentXml(body), numbering, styles });

async function readDocx(bytes: Uint8Array, file = 'r.docx'): Promise<string> {
  return (await docxAdapter.read(bytes, file)).text;
}

/** The report's non-empty lines, trimmed; half-width (一) as Word renders （%2）. */
function expectedLines(report: string): string[] {
  return readFileSync(path.join(REPORTS, report), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.replace(/^\(([一二三四五六七八九十]+)\)/, '（$1）'));
}

describe('docx adapter: generated reports (numbering from Word lists)', () => {
  for (const name of ['taojia-2025', 'xuantan-2024']) {
    it(`${name}.docx reads back as the report, headings numbered`, async () => {
      const source = await docxAdapter.read(fixture(`${name}.docx`), `${name}.docx`);
      expect(source.format).toBe('docx');
      expect(source.encoding).toBeNull();
      expect(source.file).toBe(`${name}.docx`);
      expect(source.text.split('\n')).toEqual(expectedLines(`${name}.txt`));
    });
  }

  it('the heading text itself carries no label: it comes from w:numPr', () => {
    const xml = strFromU8(unzipSync(fixture('taojia-2025.docx'))['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('>2025年推进法治政府建设的主要举措和成效<');
    expect(xml).not.toContain('一、2025年');
    expect(xml).not.toMatch(/[（(]一[）)]深入学习/);
    expect(xml).toContain('<w:numPr>');
  });

  it('headings, sub-headings and restarted 1. 2. items', async () => {
    const text = await readDocx(fixture('taojia-2025.docx'));
    const all = text.split('\n');
    expect(all).toContain('一、2025年推进法治政府建设的主要举措和成效');
    expect(all).toContain('（十）完善法治政府建设推进机制');
    expect(all).toContain('五、其他需要报告的情况');
    const i = all.indexOf('（二）原因分析');
    expect(all[i + 1]).toMatch(/^1\. 对法治建设新形势/);
  });

  it('place() maps a line to its paragraph', async () => {
    const source = await docxAdapter.read(fixture('taojia-2025.docx'), 't.docx');
    expect(source.place?.(12, 3)).toEqual({ paragraph: 12 });
    expect(source.place?.(1, 1)).toEqual({ paragraph: 1 });
  });

  it('adapter identity', () => {
    expect(docxAdapter.name).toBe('docx');
    expect(docxAdapter.extensions).toEqual(['.docx']);
  });
});

describe('docx adapter: sniffing and bad input', () => {
  it('sniffs only zips that hold word/document.xml', () => {
    expect(docxAdapter.sniff?.(fixture('xuantan-2024.docx'))).toBe(true);
    expect(docxAdapter.sniff?.(fixture('not-word.docx'))).toBe(false);
    expect(docxAdapter.sniff?.(fixture('truncated.docx'))).toBe(false);
    expect(docxAdapter.sniff?.(strToU8('一、主要举措和成效\n'))).toBe(false);
    expect(docxAdapter.sniff?.(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
    expect(docxAdapter.sniff?.(new Uint8Array(0))).toBe(false);
  });

  it('truncated zip', async () => {
    await expectDocxError(fixture('truncated.docx'), MSG_CORRUPT);
  });

  it('not a zip at all', async () => {
    await expectDocxError(strToU8('一、主要举措和成效\n'), MSG_CORRUPT);
    await expectDocxError(new Uint8Array(0), MSG_CORRUPT);
  });

  it('a zip without word/document.xml', async () => {
    await expectDocxError(fixture('not-word.docx'), MSG_NO_DOCUMENT);
  });

  it('a document without text', async () => {
    await expectDocxError(fixture('empty-text.docx'), MSG_NO_TEXT, 'empty.docx');
    await expectDocxError(
      zip({ 'word/document.xml': documentXml('<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>') }),
      MSG_NO_TEXT,
    );
  });

  it('absurdly deep XML is refused (the XML parser would go quadratic)', async () => {
    const depth = 20000;
    const body = `${'<w:sdt><w:sdtContent>'.repeat(depth)}${p('深处')}${'</w:sdtContent></w:sdt>'.repeat(depth)}`;
    await expectDocxError(
      zip({ 'word/document.xml': documentXml(body) }),
      'Word 文档已损坏或不是 .docx 格式（XML 嵌套过深）',
    );
  });

  it('corrupt deflate data', async () => {
    const bytes = zip({ 'word/document.xml': documentXml(p('正文'.repeat(200))) });
    const broken = Uint8Array.from(bytes);
    for (let i = 60; i < 120; i++) broken[i] = 0xff;
    await expectDocxError(broken, MSG_CORRUPT);
  });

  describe('zip bomb', () => {
    const huge = new Uint8Array(MAX_PART_BYTES + 1024).fill(0x20);
    const bomb = zipSync({ 'word/document.xml': huge }, { level: 1, mtime: new Date('2025-01-01T00:00:00Z') });

    it('is refused by its declared size', async () => {
      expect(bomb.length).toBeLessThan(1024 * 1024);
      await expectDocxError(bomb, /^Word 文档解压后过大（word\/document\.xml 超过 50 MB），疑似压缩炸弹$/);
    });

    it('is refused while inflating when it lies about its size', async () => {
      const lying = Uint8Array.from(bomb);
      const dv = new DataView(lying.buffer);
      // Patch the uncompressed size in the local header (offset 22) and central directory (+24).
      dv.setUint32(22, 100, true);
      for (let i = lying.length - 22; i >= 0; i--) {
        if (dv.getUint32(i, true) === 0x02014b50) {
          dv.setUint32(i + 24, 100, true);
          break;
        }
      }
      await expectDocxError(lying, /疑似压缩炸弹/);
    });
  });
});

describe('formatNumber', () => {
  it('chineseCounting', () => {
    const got = Array.from({ length: 12 }, (_, i) => formatNumber(i + 1, 'chineseCounting'));
    expect(got).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']);
    expect(formatNumber(20, 'chineseCounting')).toBe('二十');
    expect(formatNumber(21, 'chineseCounting')).toBe('二十一');
    expect(formatNumber(99, 'chineseCounting')).toBe('九十九');
    expect(formatNumber(100, 'chineseCounting')).toBe('一〇〇');
  });

  it('chineseCountingThousand and chineseLegalSimplified', () => {
    expect([1, 10, 11, 20, 101, 110, 1005].map((n) => formatNumber(n, 'chineseCountingThousand'))).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '一百零一',
      '一百一十',
      '一千零五',
    ]);
    expect([1, 2, 3, 10, 11, 20, 101].map((n) => formatNumber(n, 'chineseLegalSimplified'))).toEqual([
      '壹',
      '贰',
      '叁',
      '壹拾',
      '壹拾壹',
      '贰拾',
      '壹佰零壹',
    ]);
  });

  it('ideographs: heavenly stems, zodiac, sexagenary cycle', () => {
    expect(Array.from({ length: 10 }, (_, i) => formatNumber(i + 1, 'ideographTraditional')).join('')).toBe(
      '甲乙丙丁戊己庚辛壬癸',
    );
    expect(formatNumber(11, 'ideographTraditional')).toBe('11');
    expect(formatNumber(12, 'ideographZodiac')).toBe('亥');
    expect(formatNumber(13, 'ideographZodiac')).toBe('13');
    expect(formatNumber(11, 'ideographZodiacTraditional')).toBe('甲戌');
  });

  it('enclosed, full-width, letters, roman, fallbacks', () => {
    expect(formatNumber(1, 'decimalEnclosedCircle')).toBe('①');
    expect(formatNumber(20, 'decimalEnclosedCircleChinese')).toBe('⑳');
    expect(formatNumber(21, 'decimalEnclosedCircle')).toBe('21');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(3, 'decimalZero')).toBe('03');
    expect([1, 26, 27, 53].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'aaa']);
    expect(formatNumber(2, 'upperLetter')).toBe('B');
    expect(formatNumber(1999, 'upperRoman')).toBe('MCMXCIX');
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatNumber(7, 'decimal')).toBe('7');
    expect(formatNumber(7, 'somethingNew')).toBe('7');
    expect(formatNumber(1e9, 'lowerLetter')).toBe('1000000000');
    expect(formatNumber(1, 'bullet')).toBe('');
    expect(formatNumber(1, 'none')).toBe('');
  });
});

describe('ListNumbering', () => {
  it('counts per level and restarts deeper levels', () => {
    const n = new ListNumbering(OUTLINE);
    const seq = [0, 1, 1, 2, 2, 1, 2, 0, 1, 2].map((ilvl) => n.next({ numId: 1, ilvl }));
    expect(seq).toEqual(['一、', '（一）', '（二）', '1. ', '2. ', '（三）', '1. ', '二、', '（一）', '1. ']);
  });

  it('fills multi-level text (%1.%2) with each level in its own format', () => {
    const xml = numberingXml(
      `<w:abstractNum w:abstractNumId="3">${lvl(0, 'chineseCounting', '第%1章')}${lvl(1, 'decimal', '%1.%2')}${lvl(2, 'decimal', '%1.%2.%3', '<w:isLgl/>')}</w:abstractNum>${num(4, 3)}`,
    );
    const n = new ListNumbering(xml);
    expect([0, 1, 1, 2, 0, 1].map((ilvl) => n.next({ numId: 4, ilvl }))).toEqual([
      '第一章',
      '一.1 ',
      '一.2 ',
      '1.2.1 ',
      '第二章',
      '二.1 ',
    ]);
  });

  it('w:lvlRestart 0 never restarts; w:start and w:startOverride set the first value', () => {
    const xml = numberingXml(
      `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl>${lvl(1, 'lowerLetter', '%2)', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
        `${num(1, 0)}${num(2, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride>')}`,
    );
    const n = new ListNumbering(xml);
    expect([0, 1, 0, 1].map((ilvl) => n.next({ numId: 1, ilvl }))).toEqual(['3) ', 'a) ', '4) ', 'b) ']);
    expect(n.next({ numId: 2, ilvl: 0 })).toBe('7) ');
  });

  it('instances of one abstractNum continue each other; overridden instances restart', () => {
    const xml = numberingXml(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum>${num(1, 0)}${num(2, 0)}` +
        num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
    );
    const n = new ListNumbering(xml);
    expect([1, 2, 1, 3, 3].map((numId) => n.next({ numId, ilvl: 0 }))).toEqual([
      '一、',
      '二、',
      '三、',
      '一、',
      '二、',
    ]);
  });

  it('numbering inherited from the paragraph style, following w:basedOn', () => {
    const styles = stylesXml(
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
        `<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr>${numPr(1, 0)}</w:pPr></w:style>` +
        '<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>' +
        `<w:style w:type="paragraph" w:styleId="Heading2"><w:pPr>${numPr(1, 1)}</w:pPr></w:style>`,
    );
    const n = new ListNumbering(OUTLINE, styles);
    expect(n.next({ styleId: 'Heading1' })).toBe('一、');
    expect(n.next({ styleId: 'Heading2' })).toBe('（一）');
    expect(n.next({ styleId: 'MyHeading' })).toBe('二、');
    expect(n.next({})).toBe(''); // Normal: no numbering
    expect(n.next({ styleId: 'Heading1', ilvl: 1 })).toBe('（一）'); // direct ilvl wins
  });

  it('numId 0 switches numbering off, even against the style', () => {
    const styles = stylesXml(`<w:style w:type="paragraph" w:styleId="H1"><w:pPr>${numPr(1, 0)}</w:pPr></w:style>`);
    const n = new ListNumbering(OUTLINE, styles);
    expect(n.next({ styleId: 'H1', numId: 0 })).toBe('');
    expect(n.next({ numId: 0, ilvl: 0 })).toBe('');
    expect(n.next({ styleId: 'H1' })).toBe('一、');
  });

  it('a level linked to a style (w:lvl/w:pStyle) gives the level', () => {
    const xml = numberingXml(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="H1"/>')}${lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="H2"/>')}</w:abstractNum>${num(5, 0)}`,
    );
    const styles = stylesXml(
      `<w:style w:type="paragraph" w:styleId="H1"><w:pPr>${numPr(5)}</w:pPr></w:style><w:style w:type="paragraph" w:styleId="H2"><w:pPr>${numPr(5)}</w:pPr></w:style>`,
    );
    const n = new ListNumbering(xml, styles);
    expect([n.next({ styleId: 'H1' }), n.next({ styleId: 'H2' }), n.next({ styleId: 'H2' })]).toEqual([
      '一、',
      '（一）',
      '（二）',
    ]);
  });

  it('bullets, unknown lists and missing levels give no label', () => {
    const xml = numberingXml(`<w:abstractNum w:abstractNumId="0">${lvl(0, 'bullet', '●')}</w:abstractNum>${num(1, 0)}`);
    const n = new ListNumbering(xml);
    expect(n.next({ numId: 1, ilvl: 0 })).toBe('');
    expect(n.next({ numId: 9, ilvl: 0 })).toBe('');
    expect(n.next({ numId: 1, ilvl: 4 })).toBe('');
    expect(n.next({ numId: 1, ilvl: 99 })).toBe('');
    expect(new ListNumbering().next({ numId: 1, ilvl: 0 })).toBe('');
  });

  it('a list style (w:numStyleLink) leads to its definition', () => {
    const xml = numberingXml(
      `<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="ReportList"/>${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ReportList"/></w:abstractNum>${num(1, 0)}${num(2, 1)}`,
    );
    const styles = stylesXml(`<w:style w:type="numbering" w:styleId="ReportList"><w:pPr>${numPr(1)}</w:pPr></w:style>`);
    expect(new ListNumbering(xml, styles).next({ numId: 2, ilvl: 0 })).toBe('一、');
  });
});

describe('extractParagraphs: WordprocessingML features', () => {
  it('labels go before the text; the paragraph text itself is kept', () => {
    expect(lines(p('主要举措和成效', numPr(1, 0)) + p('正文。') + p('学习贯彻', numPr(1, 1)), OUTLINE)).toEqual([
      '一、主要举措和成效',
      '正文。',
      '（一）学习贯彻',
    ]);
  });

  it('field codes: instruction dropped, result kept, nested fields too', () => {
    const run = (inner: string): string => `<w:r>${inner}</w:r>`;
    const field = (instr: string, result: string): string =>
      run('<w:fldChar w:fldCharType="begin"/>') +
      run(`<w:instrText xml:space="preserve">${instr}</w:instrText>`) +
      run('<w:fldChar w:fldCharType="separate"/>') +
      run(`<w:t>${result}</w:t>`) +
      run('<w:fldChar w:fldCharType="end"/>');
    const nestedInCode =
      run('<w:fldChar w:fldCharType="begin"/>') +
      run('<w:instrText> IF </w:instrText>') +
      field(' PAGE ', '9') +
      run('<w:fldChar w:fldCharType="separate"/>') +
      run('<w:t>结果</w:t>') +
      run('<w:fldChar w:fldCharType="end"/>');
    expect(
      lines(
        `<w:p>${run('<w:t>第</w:t>')}${field(' PAGE \\* MERGEFORMAT ', '3')}${run('<w:t>页</w:t>')}</w:p>` +
          `<w:p>${nestedInCode}</w:p>` +
          `<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2025年1月1日</w:t></w:r></w:fldSimple></w:p>`,
      ),
    ).toEqual(['第3页', '结果', '2025年1月1日']);
  });

  it('tracked changes: deletions and moved-from text dropped, insertions kept', () => {
    expect(
      lines(
        '<w:p><w:r><w:t>调解</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>成功</w:delText></w:r></w:del>' +
          '<w:ins w:id="2" w:author="a"><w:r><w:t>纠纷</w:t></w:r></w:ins><w:r><w:t>125件</w:t></w:r>' +
          '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom></w:p>',
      ),
    ).toEqual(['调解纠纷125件']);
  });

  it('a deleted paragraph mark joins the paragraph to the next one', () => {
    const deletedMark = '<w:rPr><w:del w:id="9" w:author="a"/></w:rPr>';
    expect(lines(p('前半句，', deletedMark) + p('后半句。') + p('另起一段。'))).toEqual([
      '前半句，后半句。',
      '另起一段。',
    ]);
  });

  it('old properties of a tracked change (w:pPrChange) do not number the paragraph', () => {
    const ppr = `<w:pPrChange w:id="4" w:author="a"><w:pPr>${numPr(1, 0)}</w:pPr></w:pPrChange>`;
    expect(lines(p('不编号', ppr) + p('编号', numPr(1, 0)), OUTLINE)).toEqual(['不编号', '一、编号']);
  });

  it('tabs, soft breaks, non-breaking hyphens and spaces', () => {
    expect(
      lines(
        '<w:p><w:r><w:t xml:space="preserve">甲 乙</w:t><w:tab/><w:t>丙</w:t><w:br/><w:t>丁</w:t><w:cr/><w:t>戊</w:t>' +
          '<w:noBreakHyphen/><w:t>己</w:t></w:r></w:p>',
      ),
    ).toEqual(['甲 乙\t丙 丁 戊-己']);
  });

  it('tab stops in paragraph properties are not tabs', () => {
    expect(lines(p('正文', '<w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs>'))).toEqual(['正文']);
  });

  it('table cells give one line per paragraph, in order', () => {
    const cell = (...texts: string[]): string => `<w:tc><w:tcPr/>${texts.map((t) => p(t)).join('')}</w:tc>`;
    expect(
      lines(
        p('表前') +
          `<w:tbl><w:tblPr/><w:tr>${cell('指标', '说明')}${cell('调解成功率')}</w:tr><w:tr>${cell('98%')}${cell('')}</w:tr></w:tbl>` +
          p('表后'),
      ),
    ).toEqual(['表前', '指标', '说明', '调解成功率', '98%', '表后']);
  });

  it('text boxes: the mc:Choice copy only, never the VML fallback', () => {
    const box = `<w:txbxContent>${p('文本框内容')}</w:txbxContent>`;
    const drawing =
      '<w:r><mc:AlternateContent>' +
      `<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback>` +
      '</mc:AlternateContent></w:r>';
    expect(lines(`<w:p><w:r><w:t>正文</w:t></w:r>${drawing}</w:p>`)).toEqual(['文本框内容', '正文']);
    // An old VML-only text box is read.
    expect(lines(`<w:p><w:r><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></w:r></w:p>`)).toEqual([
      '文本框内容',
    ]);
  });

  it('content controls: content read, placeholder text skipped', () => {
    expect(
      lines(
        `<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>${p('陶家镇报告')}</w:sdtContent></w:sdt>` +
          `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${p('单击或点击此处输入文字。')}</w:sdtContent></w:sdt>` +
          `<w:p><w:sdt><w:sdtContent><w:r><w:t>行内</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>控件</w:t></w:r></w:p>`,
      ),
    ).toEqual(['陶家镇报告', '行内控件']);
  });

  it('hidden runs, footnote references and empty paragraphs leave nothing', () => {
    expect(
      lines(
        '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>可见</w:t></w:r>' +
          '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也可见</w:t></w:r>' +
          '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>' +
          '<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>',
      ),
    ).toEqual(['可见也可见']);
  });

  it('an empty numbered paragraph still shows (and uses) its number', () => {
    expect(
      lines(p('甲', numPr(1, 0)) + '<w:p><w:pPr>' + numPr(1, 0) + '</w:pPr></w:p>' + p('丙', numPr(1, 0)), OUTLINE),
    ).toEqual(['一、甲', '二、', '三、丙']);
  });

  it('line breaks smuggled into w:t cannot split a paragraph', () => {
    expect(lines(p('第一行&#10;仍是同一段&#13;。'))).toEqual(['第一行 仍是同一段 。']);
  });

  it('entities are decoded', () => {
    expect(lines(p('A&amp;B &lt;法&gt; &#x4E00;'))).toEqual(['A&B <法> 一']);
  });

  it('other prefixes and Strict OOXML namespaces', () => {
    const xml =
      '<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body>' +
      '<x:p><x:pPr><x:numPr><x:ilvl x:val="0"/><x:numId x:val="1"/></x:numPr></x:pPr><x:r><x:t>标题</x:t></x:r></x:p>' +
      '</x:body></x:document>';
    expect(extractParagraphs({ document: xml, numbering: OUTLINE })).toEqual(['一、标题']);
  });

  it('nesting as deep as real documents get is fine', () => {
    const depth = 60;
    const xml = documentXml(
      `${'<w:sdt><w:sdtContent>'.repeat(depth)}${p('深处')}${'</w:sdtContent></w:sdt>'.repeat(depth)}`,
    );
    expect(extractParagraphs({ document: xml })).toEqual(['深处']);
  });
});

describe('docx adapter: a whole package', () => {
  it('reads document, numbering and styles parts from the zip', async () => {
    const styles = stylesXml(`<w:style w:type="paragraph" w:styleId="H1"><w:pPr>${numPr(1, 0)}</w:pPr></w:style>`);
    const bytes = zip({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': documentXml(
        p('主要举措和成效', '<w:pStyle w:val="H1"/>') + p('正文。') + p('存在的不足', '<w:pStyle w:val="H1"/>'),
      ),
      'word/numbering.xml': OUTLINE,
      'word/styles.xml': styles,
    });
    expect(docxAdapter.sniff?.(bytes)).toBe(true);
    expect(await readDocx(bytes)).toBe('一、主要举措和成效\n正文。\n二、存在的不足');
  });

  it('stored (uncompressed) entries and a UTF-16 part', async () => {
    const xml = documentXml(p('法治政府建设'));
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    const bytes = zipSync({ 'word/document.xml': [utf16, { level: 0 }] }, { mtime: new Date('2025-01-01T00:00:00Z') });
    expect(await readDocx(bytes)).toBe('法治政府建设');
  });
});

function expectDocxError(bytes: Uint8Array, message: string | RegExp, file = 'bad.docx'): Promise<void> {
  return expectInputErrorAsync(() => docxAdapter.read(bytes, file), message, file);
}
