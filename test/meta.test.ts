import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanNorm, cleanTitle } from '../src/document/meta.js';
import { parseDocument, type Document } from '../src/index.js';
import { normalize } from '../src/text/normalize.js';

/** Title block, chrome lines and editor artefacts, through parseDocument. */
function parse(...lines: string[]): Document {
  return parseDocument({ file: 'meta.txt', format: 'text', encoding: null, text: lines.join('\n') });
}

const BODY = ['现将有关情况报告如下。', '一、主要举措和成效', '开展普法12场。'];

describe('the title block', () => {
  it.each([
    ['one line', ['青石镇2025年法治政府建设工作报告'], '青石镇2025年法治政府建设工作报告', 1, [1]],
    ['broken over two lines', ['青石镇2025年法治政府', '建设工作报告'], '青石镇2025年法治政府建设工作报告', 1, [1, 2]],
    [
      'three lines at most',
      ['中共青石镇委员会', '青石镇人民政府', '关于2025年法治政府建设情况的报告'],
      '中共青石镇委员会青石镇人民政府关于2025年法治政府建设情况的报告',
      1,
      [1, 2, 3],
    ],
    ['after a blank line', ['', '青石镇2025年法治建设工作报告'], '青石镇2025年法治建设工作报告', 2, [2]],
    ['a Markdown # title', ['# 青石镇2025年法治政府建设工作报告'], '青石镇2025年法治政府建设工作报告', 1, [1]],
  ])('%s', (_why, head, title, line, lines) => {
    const doc = parse(...head, ...BODY);
    expect(doc.meta.title).toBe(title);
    expect(doc.meta.titleLine).toBe(line);
    expect(doc.lines.filter((l) => l.kind === 'title').map((l) => l.number)).toEqual(lines);
  });

  it.each([
    ['a title that names no report', ['青石镇工作总结']],
    ['a sentence, not a title', ['青石镇2025年法治政府建设工作报告如下。']],
    ['a line ending in a colon', ['青石镇2025年法治政府建设工作报告：']],
    ['a line ending in a comma', ['青石镇2025年法治政府建设工作报告，']],
    ['a line with a semicolon inside', ['青石镇2025年法治；政府建设工作报告']],
    ['现将… opens the body', ['现将2025年法治政府建设情况报告']],
    ['a numbered heading first', ['一、2025年法治政府建设工作报告']],
    ['a line over 60 characters', [`青石镇2025年法治政府建设工作报告${'甲'.repeat(43)}`]],
  ])('no title: %s', (_why, head) => {
    const doc = parse(...head, ...BODY);
    expect(doc.meta.title).toBeNull();
    expect(doc.meta.titleLine).toBeNull();
  });

  it('a 60-character line is still a title', () => {
    const title = `青石镇2025年法治政府建设工作报告${'甲'.repeat(42)}`;
    expect(title).toHaveLength(60);
    expect(parse(title, ...BODY).meta.title).toBe(title);
  });

  it('a title broken over four lines is read whole, a fifth line is not part of it', () => {
    const doc = parse('中共青石镇委员会', '青石镇人民政府', '2025年法治政府建设', '情况报告', ...BODY);
    expect(doc.meta.title).toBe('中共青石镇委员会青石镇人民政府2025年法治政府建设情况报告');
    const five = parse('青石镇', '中共青石镇委员会', '青石镇人民政府', '2025年法治政府建设', '情况报告', ...BODY);
    expect(five.meta.title).toBe('中共青石镇委员会青石镇人民政府2025年法治政府建设情况报告');
  });

  it('the year and the township come from the title before the opening paragraph', () => {
    const doc = parse('青石镇2025年法治政府建设工作报告', '白沙乡2024年度工作报告如下。', ...BODY.slice(1));
    expect(doc.meta.year).toBe(2025);
    expect(doc.meta.body).toBe('青石镇');
  });

  it('without them in the title, the first two paragraphs give them', () => {
    const doc = parse('法治政府建设工作报告', '今年以来，', '白沙乡2024年度工作报告如下。', ...BODY.slice(1));
    expect(doc.meta.year).toBe(2024);
    expect(doc.meta.body).toBe('白沙乡');
    // Beyond the opening, the year and the township the text keeps naming.
    const later = parse('法治政府建设工作报告', '今年以来，', '各项工作有序推进。', '白沙乡2024年度工作如下。');
    expect(later.meta.year).toBe(2024);
    expect(later.meta.body).toBe('白沙乡');
    const none = parse('法治政府建设工作报告', '今年以来，', '各项工作有序推进。', '全乡工作如下。');
    expect(none.meta.year).toBeNull();
    expect(none.meta.body).toBeNull();
  });

  it.each([
    ['我镇 is no name', '我镇2025年法治政府建设工作报告', null],
    ['全乡 is no name', '全乡2025年法治政府建设工作报告', null],
    ['城乡 is no name', '推进城乡2025年法治政府建设工作报告', null],
    ['镇村 is no township', '青石镇村2025年法治政府建设工作报告', null],
    ['关于 before the name is cut', '关于白沙乡2025年法治政府建设工作报告', '白沙乡'],
  ])('township: %s', (_why, title, body) => {
    expect(parse(title, ...BODY).meta.body).toBe(body);
  });
});

it('township after 与 (我镇与白沙乡…) is 白沙乡', () => {
  expect(parse('我镇与白沙乡2025年法治政府建设工作报告', ...BODY).meta.body).toBe('白沙乡');
});

describe('chrome lines and artefacts', () => {
  it.each([
    ['索引号：11500107MB1234567X/2026-00012'],
    ['发布日期：2026-03-20'],
    ['来源：青石镇人民政府'],
    ['浏览次数：1024'],
    ['主办：青石镇人民政府 承办：青石镇党政办'],
    ['版权所有 © 青石镇人民政府'],
    ['渝ICP备12345678号'],
    ['联系电话：023-12345678'],
    ['网站地图 | 联系我们'],
    ['【字体：大 中 小】'],
    ['[大][中][小]'],
    ['【打印】【关闭】'],
    ['首页>政务公开>法治政府建设'],
    ['账号+密码登录'],
    ['用户登录'],
  ])('chrome: %s', (line) => {
    const doc = parse('青石镇2025年法治政府建设工作报告', line, ...BODY);
    expect(doc.lines[1]?.kind).toBe('chrome');
  });

  it.each([
    ['a report sentence mentioning 来源', '坚持把群众满意作为工作的来源和动力。'],
    ['登录 inside a sentence', '群众可登录政务服务网办理。'],
    ['a long line with a phone number', `联系电话：023-12345678，${'甲'.repeat(50)}`],
  ])('body, not chrome: %s', (_why, line) => {
    const doc = parse('青石镇2025年法治政府建设工作报告', line, ...BODY);
    expect(doc.lines[1]?.kind).toBe('body');
  });

  it.each([
    ['a Word bookmark', '[bookmark: _GoBack]开展普法', '开展普法'],
    ['an HTML tag pair', '<b>开展</b>普法', '开展普法'],
    ['an HTML entity', '开展&nbsp;普法&#12288;', '开展普法'],
    ['a field code', '开展普法 MERGEFORMAT', '开展普法'],
    ['overlapping artefacts', '<span>[bookmark: x]</span>开展普法', '开展普法'],
  ])('artefacts are cut from the matching text: %s', (_why, line, norm) => {
    const doc = parse('青石镇2025年法治政府建设工作报告', line);
    expect(doc.lines[1]?.norm.text).toBe(norm);
    expect(doc.lines[1]?.artefacts.length).toBeGreaterThan(0);
  });

  it('a bracket that is no artefact is kept', () => {
    const doc = parse('青石镇2025年法治政府建设工作报告', '依据[2024]3号文件和a<b的比较');
    expect(doc.lines[1]?.norm.text).toBe('依据[2024]3号文件和a<b的比较');
    expect(doc.lines[1]?.artefacts).toEqual([]);
  });
});

describe('a cleaned title line is matched in its own normalised form when cleaning only trimmed it', () => {
  it('gives what normalising the cleaned text gives, for lines of every kind', () => {
    const pieces = [
      '　　',
      ' ',
      '\t',
      '\u200b',
      '\u2028',
      '# ',
      '青石镇',
      '2025年',
      '法治政府建设',
      '報告',
      '的报告',
      '情况',
      '。',
      '；',
      ' 发布时间：2026-01-05',
      ' | 浏览量:3',
      '【打印】',
      'ＡＢ',
      '乡',
      // Editor artefacts, cut out of the line's matching form.
      ' MERGEFORMAT ',
      '&nbsp;',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const [line] = parse(text).lines;
        if (!line) return;
        const clean = cleanTitle(line.original);
        expect(cleanNorm(line, clean)).toBe(normalize(clean).text);
      }),
      { numRuns: 2000 },
    );
  });
});
