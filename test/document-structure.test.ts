import { describe, expect, it } from 'vitest';
import { matchHeading } from '../src/document/headings.js';
import { parseDocument, splitLines } from '../src/document/parse.js';
import { classifyHeading } from '../src/document/parts.js';
import type { Document } from '../src/document/model.js';

/** Headings, sections and parts at their boundaries; the report text is made up. */
const TITLE = '白沙镇2025年法治政府建设工作报告';

function parse(...lines: string[]): Document {
  return parseDocument({ file: 'structure.txt', format: 'text', encoding: null, text: [TITLE, ...lines].join('\n') });
}

const outline = (doc: Document) =>
  doc.headings.map((h) => {
    const section = doc.lines[h.line - 1]?.section;
    return [h.line, h.level, h.normTitle, h.runIn, section?.ownParts, section?.parts, section?.inferred];
  });

describe('matchHeading', () => {
  it('the title stops at the first sentence mark, not at a comma, and never passes 60 characters', () => {
    expect(matchHeading('一、加强领导,完善制度。全年开会')).toEqual({
      level: 1,
      marker: '一、',
      titleStart: 2,
      titleEnd: 11,
    });
    expect(matchHeading('(二)存在的问题:')).toMatchObject({ level: 2, titleStart: 3, titleEnd: 8 });
    expect(matchHeading('一、' + '法'.repeat(61))).toMatchObject({ titleEnd: 62 });
    expect(matchHeading('一、' + '法'.repeat(60))).toMatchObject({ titleEnd: 62 });
    expect(matchHeading('一、' + '法'.repeat(59))).toMatchObject({ titleEnd: 61 });
    expect(matchHeading('一、' + '法'.repeat(70) + '。')).toMatchObject({ titleEnd: 62 });
    expect(matchHeading('一、:')).toMatchObject({ titleStart: 2, titleEnd: 2 });
    expect(matchHeading('一、')).toBeNull();
    expect(matchHeading('加强领导')).toBeNull();
  });
});

describe('classifyHeading', () => {
  it.each([
    ['存在的问题和下一步工作打算', 1, ['shortcomings', 'next-year']],
    ['主要举措、存在不足及下步打算', 1, ['measures', 'shortcomings', 'next-year']],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', 1, ['first-responsible']],
    ['其他需要报告的情况', 1, ['other']],
    ['其他事项', 1, ['other']],
    ['做好其他事项', 1, []],
    ['短板弱项', 1, ['shortcomings']],
    ['困难和问题', 1, ['shortcomings']],
    ['今后工作', 1, ['next-year']],
    ['工作成效', 1, ['measures']],
    // Below the top level only the first clause counts.
    ['加强普法,明年继续', 2, []],
    ['加强普法,明年继续', 1, ['next-year']],
    ['加强普法、下一步打算', 2, []],
    ['下一步打算,加强普法', 2, ['next-year']],
  ])('%s (level %s) → %j', (title, level, parts) => {
    expect(classifyHeading(title, level, 2025)).toEqual(parts);
  });

  it('the next year named in a heading is the plan, for that report year only', () => {
    expect(classifyHeading('2026年重点任务', 1, 2025)).toEqual(['next-year']);
    expect(classifyHeading('2026年重点任务', 1, 2026)).toEqual([]);
    expect(classifyHeading('2026年重点任务', 1, null)).toEqual([]);
    expect(classifyHeading('2026年下一步打算', 1, 2025)).toEqual(['next-year']);
    expect(classifyHeading('加强普法,2026年重点任务', 2, 2025)).toEqual([]);
  });
});

describe('parseDocument: lines', () => {
  it('splits on \\r\\n, \\n and a lone \\r, numbering lines as editors do', () => {
    expect(splitLines('a\r\nb\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('a\n\r\nb')).toEqual(['a', '', 'b']);
    const doc = parseDocument({
      file: 'crlf.txt',
      format: 'text',
      encoding: null,
      text: `${TITLE}\r\n一、主要举措和成效\r开展普法12场。\r\n\r\n二、存在的问题`,
    });
    expect(doc.lines.map((l) => [l.number, l.kind])).toEqual([
      [1, 'title'],
      [2, 'heading'],
      [3, 'body'],
      [4, 'blank'],
      [5, 'heading'],
    ]);
    expect(doc.file).toBe('crlf.txt');
    expect(doc.format).toBe('text');
  });

  it('chrome and title lines belong to no section; blank lines to the one they stand in', () => {
    const doc = parse('一、主要举措和成效', '开展普法12场。', '', '打印本页 关闭窗口', '继续普法。');
    expect(doc.lines.map((l) => [l.kind, l.section?.heading.line ?? null, l.parts])).toEqual([
      ['title', null, []],
      ['heading', 2, ['measures']],
      ['body', 2, ['measures']],
      ['blank', 2, ['measures']],
      ['chrome', null, []],
      ['body', 2, ['measures']],
    ]);
  });

  it('a heading’s original title, its run-in state and its line', () => {
    const doc = parse('一、 主要举措和成效 ', '（一）存在的问题：', '二、加强学习。全年学习12次', '三、下一步工作打算');
    expect(doc.headings.map((h) => [h.line, h.marker, h.title, h.normTitle, h.runIn])).toEqual([
      [2, '一、', '主要举措和成效', '主要举措和成效', false],
      [3, '(一)', '存在的问题', '存在的问题', true],
      [4, '二、', '加强学习', '加强学习', true],
      [5, '三、', '下一步工作打算', '下一步工作打算', false],
    ]);
  });

  it('a heading holding a sentence mark after a long title runs in', () => {
    const doc = parse(`一、${'法'.repeat(65)}`, `二、${'法'.repeat(30)}？`);
    expect(doc.headings.map((h) => [h.normTitle.length, h.runIn])).toEqual([
      [60, true],
      [30, true],
    ]);
  });

  it('a source’s place function is kept, and only when there is one', () => {
    const place = (line: number, column: number) => ({ line, column });
    const withPlace = parseDocument({ file: 'x.txt', format: 'text', encoding: null, text: TITLE, place } as never);
    expect(withPlace.place).toBe(place);
    expect('place' in parse('一、主要举措')).toBe(false);
  });
});

describe('parseDocument: sections and parts', () => {
  it('combined headings and a run-in heading ending in a colon', () => {
    const doc = parse(
      '一、主要举措和成效：',
      '开展普法12场。',
      '二、存在的问题和下一步工作打算',
      '（一）存在的不足：',
      '意识不强。',
      '（二）下步打算',
      '继续普法。',
    );
    expect(outline(doc)).toEqual([
      [2, 1, '主要举措和成效', true, ['measures'], ['measures'], false],
      [4, 1, '存在的问题和下一步工作打算', false, ['shortcomings', 'next-year'], ['shortcomings', 'next-year'], false],
      [5, 2, '存在的不足', true, ['shortcomings'], ['shortcomings'], false],
      [7, 2, '下步打算', false, ['next-year'], ['next-year'], false],
    ]);
    // Children naming a part their parent already carries are not listed again.
    expect(doc.parts.map((p) => [p.id, p.line, p.level, p.topLevel, p.inferred])).toEqual([
      ['measures', 2, 1, true, false],
      ['shortcomings', 4, 1, true, false],
      ['next-year', 4, 1, true, false],
    ]);
  });

  it('run-in points below a section carry no part; at the top, or at level 2, they do', () => {
    const doc = parse(
      '一是下一步继续普法。全年开展12场',
      '二、主要举措和成效',
      '（一）存在的问题。部分干部意识不强',
      '一是下一步加强培训。',
      '二是下一步工作打算',
    );
    expect(outline(doc)).toEqual([
      [2, 3, '下一步继续普法', true, ['next-year'], ['next-year'], false],
      [3, 1, '主要举措和成效', false, ['measures'], ['measures'], false],
      [4, 2, '存在的问题', true, ['shortcomings'], ['shortcomings'], false],
      [5, 3, '下一步加强培训', true, [], ['shortcomings'], false],
      [6, 3, '下一步工作打算', false, ['next-year'], ['next-year'], false],
    ]);
  });

  it('a sub-heading with no parent is judged on its whole title', () => {
    const doc = parse('（一）加强普法,谋划下一步工作', '开展普法12场。');
    expect(doc.sections[0]?.ownParts).toEqual(['next-year']);
    const below = parse('一、主要举措和成效', '（一）加强普法,谋划下一步工作');
    expect(below.sections[0]?.children[0]?.ownParts).toEqual([]);
  });

  it('sections nest by level and close at the next heading of the same level or higher', () => {
    const doc = parse(
      '一、主要举措和成效', // 2
      '（一）完善制度', // 3
      '1.健全规则', // 4
      '（二）加强普法', // 5
      '二、存在的问题', // 6
      '意识不强。', // 7
    );
    const [first, second] = doc.sections;
    expect(doc.sections).toHaveLength(2);
    expect([first?.startLine, first?.endLine, first?.parent]).toEqual([2, 5, null]);
    const [a, b] = first?.children ?? [];
    expect([a?.startLine, a?.endLine, a?.parent]).toEqual([3, 4, first]);
    expect([a?.children[0]?.startLine, a?.children[0]?.endLine]).toEqual([4, 4]);
    expect([b?.startLine, b?.endLine]).toEqual([5, 5]);
    expect([second?.startLine, second?.endLine, second?.children]).toEqual([6, 7, []]);
  });

  it('unnamed sections before the problems are measures, with their unnamed children; named children keep theirs', () => {
    const doc = parse(
      '一、依法履行职能', // 2
      '（一）完善制度', // 3
      '（二）存在的问题', // 4
      '二、推进依法决策', // 5
      '三、存在的不足', // 6
      '四、强化队伍建设', // 7
      '五、下一步打算', // 8
    );
    expect(outline(doc)).toEqual([
      [2, 1, '依法履行职能', false, [], ['measures'], true],
      [3, 2, '完善制度', false, [], ['measures'], true],
      [4, 2, '存在的问题', false, ['shortcomings'], ['shortcomings'], false],
      [5, 1, '推进依法决策', false, [], ['measures'], true],
      [6, 1, '存在的不足', false, ['shortcomings'], ['shortcomings'], false],
      [7, 1, '强化队伍建设', false, [], [], false],
      [8, 1, '下一步打算', false, ['next-year'], ['next-year'], false],
    ]);
    expect(doc.parts.map((p) => [p.id, p.line, p.inferred, p.topLevel])).toEqual([
      ['measures', 2, true, true],
      ['shortcomings', 4, false, false],
      ['measures', 5, true, true],
      ['shortcomings', 6, false, true],
      ['next-year', 8, false, true],
    ]);
  });

  it('after an "other" or a plan section nothing is inferred either', () => {
    for (const later of ['一、其他需要报告的情况', '一、明年工作安排']) {
      const doc = parse(later, '二、强化队伍建设');
      expect(doc.sections[1]?.parts, later).toEqual([]);
    }
    // A first-responsible section does not stop the inference.
    const doc = parse('一、党政主要负责人履行第一责任人职责情况', '二、强化队伍建设');
    expect(doc.sections[1]?.parts).toEqual(['measures']);
  });

  it('lines before the first heading belong to no section', () => {
    const doc = parse('现将有关情况报告如下。', '一、主要举措和成效');
    expect([doc.lines[1]?.section, doc.lines[1]?.parts]).toEqual([null, []]);
  });
});
