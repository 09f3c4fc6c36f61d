import { describe, expect, it } from 'vitest';
import { parseDocument, type Document } from '../src/index.js';

/** Heading markers, levels, titles and the statutory parts they name, through parseDocument. */
const TITLE = '青石镇2025年法治政府建设工作报告';

function parse(...lines: string[]): Document {
  return parseDocument({ file: 'headings.txt', format: 'text', encoding: null, text: [TITLE, ...lines].join('\n') });
}

function headingAt(doc: Document, line: number) {
  return doc.headings.find((h) => h.line === line) ?? null;
}

describe('heading markers and levels', () => {
  it.each([
    ['一、', '一、主要举措和成效', 1, '一、', '主要举措和成效'],
    ['一. (ASCII dot)', '一.主要举措和成效', 1, '一.', '主要举措和成效'],
    ['十二、 (two numerals)', '十二、其他事项', 1, '十二、', '其他事项'],
    ['第一部分', '第一部分 主要举措和成效', 1, '第一部分', '主要举措和成效'],
    ['第二部分：', '第二部分：存在的问题', 1, '第二部分:', '存在的问题'],
    ['（一）', '（一）完善制度体系', 2, '(一)', '完善制度体系'],
    ['（二）、', '（二）、完善制度体系', 2, '(二)、', '完善制度体系'],
    ['一是', '一是完善制度体系', 3, '一是', '完善制度体系'],
    ['二是：', '二是：完善制度体系', 3, '二是:', '完善制度体系'],
    ['1、', '1、完善制度体系', 4, '1、', '完善制度体系'],
    ['12.', '12.完善制度体系', 4, '12.', '完善制度体系'],
    ['（1）', '（1）完善制度体系', 4, '(1)', '完善制度体系'],
    ['①', '①完善制度体系', 4, '①', '完善制度体系'],
    ['# Markdown', '# 完善制度体系', 1, '#', '完善制度体系'],
    ['## Markdown', '## 完善制度体系', 2, '##', '完善制度体系'],
    ['### Markdown', '### 完善制度体系', 3, '###', '完善制度体系'],
    ['#### Markdown', '#### 完善制度体系', 4, '####', '完善制度体系'],
    ['## 一、 (the Chinese number gives the level)', '## 一、主要举措和成效', 1, '##一、', '主要举措和成效'],
  ])('%s', (_why, line, level, marker, normTitle) => {
    const doc = parse('现将有关情况报告如下。', line, '开展普法12场。');
    const h = headingAt(doc, 3);
    expect(h).not.toBeNull();
    expect(h?.level).toBe(level);
    expect(h?.marker).toBe(marker);
    expect(h?.normTitle).toBe(normTitle);
  });

  it.each([
    ['a bare marker with nothing after it', '一、'],
    ['a decimal number (1.5万) is no heading', '1.5万人次参加活动。'],
    ['three digits are no list number', '123、完善制度体系'],
    ['a Chinese numeral without 、', '一项制度得到完善。'],
    ['a number inside the line', '全年开展（一）次活动。'.slice(2)],
  ])('not a heading: %s', (_why, line) => {
    const doc = parse('现将有关情况报告如下。', line);
    expect(headingAt(doc, 3)).toBeNull();
  });

  it.each([
    ['the title stops at the first full stop', '一、加强学习。全年组织学习12次', '加强学习'],
    ['at a semicolon', '一、加强学习；全年组织学习12次', '加强学习'],
    ['at a colon', '一、加强学习：全年组织学习12次', '加强学习'],
    ['at an exclamation mark', '一、加强学习！全年组织学习12次', '加强学习'],
    ['at a question mark', '一、加强学习？全年组织学习12次', '加强学习'],
    ['a comma does not stop it', '一、加强学习，提升能力', '加强学习,提升能力'],
  ])('run-in titles: %s', (_why, line, normTitle) => {
    const h = headingAt(parse(line), 2);
    expect(h?.normTitle).toBe(normTitle);
  });

  it('a run-in title is cut at 60 characters, a 60-character one is whole', () => {
    const sixty = '法'.repeat(60);
    expect(headingAt(parse(`一、${sixty}`), 2)?.normTitle).toBe(sixty);
    expect(headingAt(parse(`一、${sixty}治`), 2)?.normTitle).toBe(sixty);
    expect(headingAt(parse(`一、${'法'.repeat(59)}`), 2)?.normTitle).toBe('法'.repeat(59));
  });

  it('runIn: a heading followed by text, or holding a sentence mark, runs in; a plain one does not', () => {
    const doc = parse('一、主要举措和成效', '（一）加强学习。全年组织学习12次', '（二）完善制度', '（三）深化普法；');
    expect(headingAt(doc, 2)?.runIn).toBe(false);
    expect(headingAt(doc, 3)?.runIn).toBe(true);
    expect(headingAt(doc, 4)?.runIn).toBe(false);
    expect(headingAt(doc, 5)?.runIn).toBe(true);
  });

  it('the heading title is the original text of the title span, trimmed', () => {
    const h = headingAt(parse('一、 主要举措和成效（２０２５）'), 2);
    expect(h?.title).toBe('主要举措和成效（２０２５）');
    expect(h?.normTitle).toBe('主要举措和成效(2025)');
  });
});

describe('parts named by headings', () => {
  it.each([
    ['主要举措和成效', ['measures']],
    ['主要做法', ['measures']],
    ['工作开展情况', ['measures']],
    ['主要工作及成效', ['measures']],
    ['取得的成效', ['measures']],
    ['存在的问题', ['shortcomings']],
    ['存在主要不足', ['shortcomings']],
    ['存在的短板', ['shortcomings']],
    ['不足和原因', ['shortcomings']],
    ['问题及原因', ['shortcomings']],
    ['短板弱项', ['shortcomings']],
    ['差距和不足', ['shortcomings']],
    ['困难和问题', ['shortcomings']],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', ['first-responsible']],
    ['主要负责人履行法治建设职责', ['first-responsible']],
    ['下一年度工作安排', ['next-year']],
    ['下一步工作打算', ['next-year']],
    ['下步工作', ['next-year']],
    ['主要计划', ['next-year']],
    ['明年工作', ['next-year']],
    ['今后的工作', ['next-year']],
    ['努力方向', ['next-year']],
    ['2026年工作要点', ['next-year']],
    ['其他需要报告的事项', ['other']],
    ['其他有关情况', ['other']],
    ['其他事项', ['other']],
    ['存在的问题和下一步工作打算', ['shortcomings', 'next-year']],
    ['2025年重点工作', []],
    ['依法全面履行政府职能', []],
  ])('一、%s → %j', (title, parts) => {
    const doc = parse('现将有关情况报告如下。', `一、${title}`, '开展普法12场。');
    const section = doc.lines[3]?.section;
    expect(section?.ownParts).toEqual(parts);
  });

  it('a sub-heading is judged on its first clause only', () => {
    const doc = parse('一、主要举措和成效', '（一）加强普法宣传，为下一步工作打好基础', '开展普法12场。');
    expect(doc.lines[2]?.section?.ownParts).toEqual([]);
    expect(doc.lines[3]?.parts).toEqual(['measures']);
  });

  it('a top-level heading is judged on its whole title', () => {
    const doc = parse('一、加强普法宣传，谋划下一步工作', '开展普法12场。');
    expect(doc.lines[2]?.parts).toEqual(['next-year']);
  });

  it('a run-in point (一是……) below a section does not carry a part, a plain one does', () => {
    const doc = parse(
      '一、主要举措和成效',
      '一是存在的问题得到整改。全年整改问题5个。',
      '二、其他事项',
      '（一）存在的问题',
      '部分干部法治意识不强。',
    );
    expect(doc.lines[2]?.parts).toEqual(['measures']);
    expect(doc.lines[5]?.parts).toEqual(['shortcomings']);
  });

  it('unnamed top-level sections before the problems are measures (inferred), after them they are not', () => {
    const doc = parse(
      '一、依法全面履行政府职能',
      '开展普法12场。',
      '二、存在的问题',
      '意识不强。',
      '三、强化队伍建设',
      '培训干部。',
    );
    expect(doc.lines[2]?.parts).toEqual(['measures']);
    expect(doc.lines[2]?.section?.inferred).toBe(true);
    expect(doc.lines[4]?.parts).toEqual(['shortcomings']);
    expect(doc.lines[4]?.section?.inferred).toBe(false);
    // After the problems, an unnamed section is not guessed to be anything.
    expect(doc.lines[6]?.parts).toEqual([]);
    expect(doc.parts.map((p) => [p.id, p.line, p.inferred, p.topLevel])).toEqual([
      ['measures', 2, true, true],
      ['shortcomings', 4, false, true],
    ]);
  });

  it('a sub-section inherits its parent’s part and is not listed again', () => {
    const doc = parse('一、主要举措和成效', '（一）完善制度', '开展普法12场。', '（二）下一步工作', '继续普法。');
    expect(doc.lines[3]?.parts).toEqual(['measures']);
    expect(doc.lines[5]?.parts).toEqual(['next-year']);
    expect(doc.parts.map((p) => [p.id, p.line, p.level, p.topLevel])).toEqual([
      ['measures', 2, 1, true],
      ['next-year', 5, 2, false],
    ]);
  });

  it('section ranges: each ends before the next heading of its level or higher', () => {
    const doc = parse('一、主要举措和成效', '（一）完善制度', '开展普法12场。', '二、存在的问题', '意识不强。');
    const [first, second] = doc.sections;
    expect([first?.startLine, first?.endLine]).toEqual([2, 4]);
    expect([first?.children[0]?.startLine, first?.children[0]?.endLine]).toEqual([3, 4]);
    expect([second?.startLine, second?.endLine]).toEqual([5, 6]);
  });
});
