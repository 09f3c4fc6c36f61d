import { describe, expect, it } from 'vitest';
import { cleanTitle, findBody, findYear } from '../src/document/meta.js';
import { parseDocument } from '../src/document/parse.js';
import type { Document } from '../src/document/model.js';
import type { SourceMeta } from '../src/ingest/index.js';

/** Title, body, year and publication date at their boundaries; the report lines are made up. */
function parse(lines: string[], meta?: SourceMeta): Document {
  return parseDocument({ file: 'meta.txt', format: 'text', encoding: null, text: lines.join('\n'), meta });
}

const kinds = (doc: Document) => doc.lines.map((l) => l.kind);

describe('cleanTitle', () => {
  it.each([
    ['a plain title', '青石镇2025年法治政府建设工作报告', '青石镇2025年法治政府建设工作报告'],
    ['spaces around it', '  青石镇法治建设工作报告  ', '青石镇法治建设工作报告'],
    ['a Markdown mark', '## 青石镇法治建设工作报告', '青石镇法治建设工作报告'],
    ['a date and a count after it', '青石镇法治建设工作报告 时间:2023-02-28 15:36 浏览量:1', '青石镇法治建设工作报告'],
    ['a table cell after it', '青石镇法治建设工作报告 | 青石镇人民政府', '青石镇法治建设工作报告'],
    ['a source after it', '青石镇法治建设工作报告 来源：青石镇', '青石镇法治建设工作报告'],
    ['a bare date after it', '青石镇法治建设工作报告 2025-03-01', '青石镇法治建设工作报告'],
    ['a print button after it', '青石镇法治建设工作报告【打印】', '青石镇法治建设工作报告'],
    ['the earliest furniture is the cut', '青石镇法治建设工作报告 作者：张三 【打印】', '青石镇法治建设工作报告'],
    ['an author alone after it', '青石镇法治建设工作报告 作者：张三', '青石镇法治建设工作报告'],
    ['furniture after a text that names no report stays', '青石镇工作 作者：张三', '青石镇工作 作者：张三'],
    ['furniture after the subject alone stays', '青石镇法治建设 作者：张三', '青石镇法治建设 作者：张三'],
    ['the same title twice in a row', '青石镇法治建设工作报告青石镇法治建设工作报告', '青石镇法治建设工作报告'],
    ['a site after the report word', '青石镇法治建设工作报告青石镇政府网站', '青石镇法治建设工作报告'],
    ['words after the report word that are no furniture', '青石镇法治建设报告会议纪要', '青石镇法治建设报告会议纪要'],
    ['a title ending in its report word', '关于法治政府建设情况的总结', '关于法治政府建设情况的总结'],
    ['a Markdown mark after spaces', '  # 青石镇法治建设工作报告', '青石镇法治建设工作报告'],
    ['a Markdown mark with no space', '#青石镇法治建设工作报告', '青石镇法治建设工作报告'],
    ['a # inside the title stays', '青石镇#1号法治建设报告', '青石镇#1号法治建设报告'],
    ['a cell after a text that names no report stays', '青石镇工作 | 法治报告', '青石镇工作 | 法治报告'],
    [
      'traditional furniture labels are folded',
      '青石鎮法治建設工作報告 發布時間：2025-01-02',
      '青石鎮法治建設工作報告',
    ],
  ])('%s', (_why, line, title) => {
    expect(cleanTitle(line)).toBe(title);
  });
});

describe('the title block', () => {
  const BODY = ['现将有关情况报告如下。', '一、主要举措和成效', '开展普法12场。'];

  it.each([
    ['a Markdown title with a report word only', ['# 青石镇年度工作报告'], '青石镇年度工作报告', [1]],
    ['a Markdown title with the subject only', ['# 青石镇法治建设'], '青石镇法治建设', [1]],
    [
      'a site name above a whole title naming its body',
      ['白沙乡门户', '青石镇2025年法治政府建设工作报告'],
      '青石镇2025年法治政府建设工作报告',
      [2],
    ],
    ['a title ending in 情况', ['青石镇2025年法治政府建设情况'], '青石镇2025年法治政府建设情况', [1]],
    [
      '情况 goes on with its genre',
      ['青石镇2025年法治政府建设情况', '的报告'],
      '青石镇2025年法治政府建设情况的报告',
      [1, 2],
    ],
    [
      'not with a line naming the subject again',
      ['青石镇2025年法治政府建设情况', '法治工作报告'],
      '青石镇2025年法治政府建设情况',
      [1, 2],
    ],
    ['not across a blank line', ['青石镇2025年法治政府建设情况', '', '的报告'], '青石镇2025年法治政府建设情况', [1]],
    ['not with a sentence', ['青石镇2025年法治政府建设情况', '的报告如下。'], '青石镇2025年法治政府建设情况', [1]],
    [
      'a title with its genre takes no next line',
      ['青石镇2025年法治政府建设报告', '的总结'],
      '青石镇2025年法治政府建设报告',
      [1],
    ],
    [
      'not with a line naming no report',
      ['青石镇2025年法治政府建设情况', '青石镇人民政府'],
      '青石镇2025年法治政府建设情况',
      [1],
    ],
    [
      'not with a chrome line',
      ['青石镇2025年法治政府建设情况', '来源：青石镇工作汇报'],
      '青石镇2025年法治政府建设情况',
      [1],
    ],
    [
      'a comma inside a title',
      ['青石镇2025年法治政府建设工作报告(一,二)'],
      '青石镇2025年法治政府建设工作报告(一,二)',
      [1],
    ],
    [
      'a line broken inside a word',
      ['青石镇2025年法', '治政府建设工作报告'],
      '青石镇2025年法治政府建设工作报告',
      [1, 2],
    ],
    [
      'a lone # above it is no part of it',
      ['#', '青石镇2025年法治政府', '建设工作报告'],
      '青石镇2025年法治政府建设工作报告',
      [2, 3],
    ],
    [
      'a line that is no title above a block',
      ['青石镇，', '中共青石镇委员会', '关于2025年法治政府建设情况的报告'],
      '中共青石镇委员会关于2025年法治政府建设情况的报告',
      [2, 3],
    ],
    [
      'a line of 80 characters above it',
      ['甲'.repeat(80), '青石镇2025年法治政府建设工作报告'],
      '青石镇2025年法治政府建设工作报告',
      [2],
    ],
    [
      'a repeat below a two-line title',
      ['青石镇人民政府', '2025年法治政府建设情况报告', '青石镇2025年法治政府建设情况报告'],
      '青石镇人民政府2025年法治政府建设情况报告',
      [1, 2, 3],
    ],
    [
      'a chrome line breaks the block',
      ['青石镇人民政府', '来源：青石镇', '2025年法治政府建设情况报告'],
      '2025年法治政府建设情况报告',
      [3],
    ],
  ])('%s', (_why, head, title, lines) => {
    const doc = parse([...head, ...BODY]);
    expect(doc.meta.title).toBe(title);
    expect(doc.meta.titleLine).toBe(lines[0]);
    expect(doc.lines.filter((l) => l.kind === 'title').map((l) => l.number)).toEqual(lines);
  });

  it.each([
    ['a Markdown line naming neither', ['# 青石镇概况']],
    ['情况 not at the end', ['青石镇2025年法治政府建设情况说明']],
    ['a Markdown heading line (# 一、)', ['# 一、法治建设报告']],
    ['a # inside a line is no Markdown mark', ['青石镇法治建设#1']],
    ['a line of 81 characters ends the head', ['甲'.repeat(81), '青石镇2025年法治政府建设工作报告']],
    [
      'a title below 60 lines of page furniture',
      [...Array<string>(60).fill('来源：青石镇'), '青石镇2025年法治政府建设工作报告'],
    ],
  ])('no title: %s', (_why, head) => {
    expect(parse([...head, ...BODY]).meta.title).toBeNull();
  });

  it('the title printed again below it, even after a blank line, is a title line too', () => {
    const doc = parse(['青石镇2025年法治政府建设工作报告', '', '青石镇2025年度法治政府建设工作报告', ...BODY]);
    expect(kinds(doc).slice(0, 4)).toEqual(['title', 'blank', 'title', 'body']);
    expect(doc.meta.title).toBe('青石镇2025年法治政府建设工作报告');
  });

  it('a chrome line between the title and its repeat is passed over', () => {
    const doc = parse([
      '青石镇2025年法治政府建设工作报告',
      '来源：青石镇',
      '青石镇2025年法治政府建设工作报告',
      ...BODY,
    ]);
    expect(kinds(doc).slice(0, 4)).toEqual(['title', 'chrome', 'title', 'body']);
  });

  it('a heading that reads like a title is no repeat', () => {
    const doc = parse(['青石镇2025年法治政府建设工作报告', '一、青石镇法治建设工作总结', '开展普法12场。']);
    expect(kinds(doc)).toEqual(['title', 'heading', 'body']);
  });

  it('the lines below the title that are no title end the repeats', () => {
    const doc = parse([
      '青石镇2025年法治政府建设工作报告',
      '青石镇人民政府',
      '青石镇2025年法治政府建设工作报告',
      ...BODY,
    ]);
    expect(kinds(doc).slice(0, 3)).toEqual(['title', 'body', 'body']);
  });
});

describe('a title run into the first line of text', () => {
  it.each([
    [
      'title, addressee and text on one line',
      '青石镇2025年法治政府建设工作报告 县委、县政府： 2025年，我镇坚持依法行政。',
      '青石镇2025年法治政府建设工作报告',
    ],
    [
      'a title in two parts',
      '青石镇2025年 法治政府建设工作报告 县委： 全年开展普法。',
      '青石镇2025年 法治政府建设工作报告',
    ],
    [
      'a title in three parts',
      '青石镇 2025年 法治政府建设工作报告 县委： 全年开展普法。',
      '青石镇 2025年 法治政府建设工作报告',
    ],
    ['a title in four parts is too long', '青石镇 2025年 法治政府 建设工作报告 县委： 全年开展普法。', null],
    ['a first part with a sentence mark', '全年开展普法，法治政府建设工作报告 其他。', null],
    ['a heading first', '一、法治政府建设工作报告 全年开展普法。', null],
    ['two parts', '青石镇2025年法治政府建设工作报告 2025年，我镇坚持依法行政。', '青石镇2025年法治政府建设工作报告'],
    ['leading spaces', '  青石镇2025年法治政府建设工作报告 县委： 全年开展普法。', '青石镇2025年法治政府建设工作报告'],
    [
      'two spaces between parts',
      '青石镇2025年  法治政府建设工作报告 县委： 全年开展普法。',
      '青石镇2025年 法治政府建设工作报告',
    ],
    ['a whole title not ending in its genre', '青石镇法治报告会议 县委： 全年开展普法。', null],
    ['a genre without the subject', '青石镇工作报告 县委： 全年开展普法。', null],
    ['one part only', '青石镇2025年法治政府建设工作报告县委：全年开展普法。', null],
    ['a subject with no genre', '青石镇法治政府建设 县委： 全年开展普法。', null],
    ['a first part over 80 characters', `${'甲'.repeat(71)}法治政府建设工作报告 县委： 全年开展普法。`, null],
  ])('%s', (_why, line, title) => {
    const doc = parse([line, '开展普法12场。']);
    expect(doc.meta.title).toBe(title);
    expect(doc.meta.titleLine).toBe(title === null ? null : 1);
    // The line stays text.
    expect(doc.lines[0]?.kind).toBe(title === null ? doc.lines[0]?.kind : 'body');
  });

  it('a title in four parts that fill the line is not read', () => {
    // 66 characters and no sentence mark: too long for a title line, yet no end of the head.
    expect(parse([`${'甲'.repeat(50)} 青石镇 2025年 法治政府建设报告`, '开展普法12场。']).meta.title).toBeNull();
  });

  it('the first line of text is looked for in the first 60 lines only', () => {
    const furniture = Array<string>(60).fill('来源：青石镇');
    expect(parse([...furniture, '青石镇2025年法治政府建设工作报告 县委： 全年开展普法。']).meta.title).toBeNull();
  });

  it('a page with no line of text has no title', () => {
    expect(parse(['来源：青石镇', '']).meta.title).toBeNull();
  });

  it('a title of 80 characters is still read', () => {
    const title = `${'甲'.repeat(70)}法治政府建设工作报告`;
    expect(title).toHaveLength(80);
    expect(parse([`${title} 县委： 全年开展普法。`]).meta.title).toBe(title);
  });

  it('the first line of text is looked for below chrome and blank lines', () => {
    const doc = parse(['来源：青石镇', '', '青石镇2025年法治政府建设工作报告 县委： 全年开展普法。']);
    expect(doc.meta.title).toBe('青石镇2025年法治政府建设工作报告');
    expect(doc.meta.titleLine).toBe(3);
  });
});

describe('findBody', () => {
  it.each([
    ['a township', '青石镇2025年法治政府建设工作报告', '青石镇'],
    ['a township after its city', '乌苏市古尔图镇', '古尔图镇'],
    ['a subdistrict after its government', '鲤城区人民政府金龙街道', '金龙街道'],
    ['the last of several boundaries', '青石县人民政府白沙镇', '白沙镇'],
    ['a township after a preposition', '在下太镇开展普法', '下太镇'],
    ['a name that starts with a function word', '和平镇', '和平镇'],
    ['a preposition before such a name', '在和平镇', '和平镇'],
    ['a run of ten characters at most', '三四五六七八九十百千万镇', '四五六七八九十百千万镇'],
    ['the township before its county', '青石县白沙镇', '白沙镇'],
    ['the first township of two', '青石县白沙镇 红石乡', '白沙镇'],
    ['a county when no township', '青石县2025年法治政府建设工作报告', '青石县'],
    ['a city when nothing more local', '青石市2025年法治政府建设工作报告', '青石市'],
    ['a one-character name after a higher unit', '某县石镇', '石镇'],
    ['a 苏木', '白音苏木', '白音苏木'],
    ['a 旗', '青石旗', '青石旗'],
    ['traditional script, as written', '青石鎮法治建設報告', '青石鎮'],
    ['a space is a boundary', '中共白沙镇委员会 白沙镇人民政府', '白沙镇'],
    ['a space before the name', '青石 白沙镇', '白沙镇'],
    ['Latin letters before the name', 'ab青石镇', '青石镇'],
    ['a function word inside a name after a boundary', '青石县和平里镇', '和平里镇'],
    ['a name starting with 全', '全胜镇', '全胜镇'],
    ['a name starting with 村', '村口镇', '村口镇'],
    ['a 乡 after a 村', '青石村乡', '青石村乡'],
  ])('%s', (_why, text, body) => {
    expect(findBody(text)).toBe(body);
  });

  it.each([
    ['a one-character name', '石镇'],
    ['a bare unit', '镇'],
    ['a unit after a boundary with nothing between', '关于镇党委的报告'],
    ['乡村', '开展乡村振兴'],
    ['区域', '青石区域合作'],
    ['县级', '青石县级部门'],
    ['红旗手', '青石旗手'],
    ['市场', '青石市场'],
    ['镇级', '青石镇级'],
    ['村镇', '青石村镇'],
    ['社区', '社区'],
    ['a one-character county after a city', '某市石区'],
    ['我镇', '我镇'],
    ['城镇 after running text', '推进城镇'],
    ['a lone 城镇', '城镇'],
    ['城镇 after 全', '全城镇'],
    ['a 城镇 after its county', '青石县城镇'],
    ['a unit after 获', '荣获镇党委表彰'],
  ])('no body: %s', (_why, text) => {
    expect(findBody(text)).toBeNull();
  });

  it('a name before 城镇 is a place (通城镇)', () => {
    expect(findBody('通城镇')).toBe('通城镇');
  });
});

describe('findYear', () => {
  it.each([
    ['a year', '2025年法治政府建设', 2025],
    ['a space before 年', '2025 年法治政府建设', 2025],
    ['the first of two', '2024年和2025年', 2024],
    ['not inside a quoted title', '《青石镇规划（2021年）》2024年', 2024],
    ['a closing quote without an opening one', '》2024年', 2024],
    ['a stray closing quote does not open a quote', '》《规划2023年》2024年', 2024],
    ['nested quotes', '《甲《乙2021年》2022年》2023年', 2023],
    ['the start of a range', '2021年至2025年', 2021],
    ['after a range it is the next one', '2021-2025年，2024年', 2024],
    ['a year after 至 and a space', '至 2025年，2024年', 2024],
    ['a year after 至 and two spaces counts', '至  2025年', 2025],
    ['a dash two characters before', '-甲2025年', 2025],
    ['five digits are no year', '12025年', null],
    ['no 年', '2025', null],
  ])('%s', (_why, text, year) => {
    expect(findYear(text)).toBe(year);
  });

  it.each(['-', '—', '–', '~', '至', '到'])('not the end of a range (%s)', (dash) => {
    expect(findYear(`${dash}2025年`)).toBeNull();
  });
});

describe('the opening paragraphs', () => {
  // No body and no year in the title: they come from the first two paragraphs of text, else from what
  // the text keeps naming (here 红石镇 and 2023, twice each, so a wrong opening shows).
  const TITLE = '法治政府建设工作报告';
  const LATER = ['一、主要举措', '红石镇2023年开展普法。', '红石镇2023年开展调解。'];
  const read = (...opening: string[]) => {
    const doc = parse([TITLE, ...opening, ...LATER]);
    return [doc.meta.body, doc.meta.year];
  };

  it.each([
    ['a plain paragraph', ['白沙乡2024年工作如下。'], ['白沙乡', 2024]],
    ['the second paragraph', ['今年以来，各项工作有序推进。', '白沙乡2024年工作如下。'], ['白沙乡', 2024]],
    [
      'not the third',
      ['今年以来，各项工作有序推进。', '全乡上下齐心协力。', '白沙乡2024年工作如下。'],
      ['红石镇', 2023],
    ],
    [
      'an addressee line is passed over',
      ['县委：', '今年以来，各项工作有序推进。', '白沙乡2024年工作如下。'],
      ['白沙乡', 2024],
    ],
    [
      'an addressee line of 40 characters is passed over',
      [`${'甲'.repeat(39)}：`, '今年以来，各项工作有序推进。', '白沙乡2024年工作如下。'],
      ['白沙乡', 2024],
    ],
    [
      'a line of 41 ending in a colon is a paragraph',
      [`${'甲'.repeat(40)}：`, '今年以来，各项工作有序推进。', '白沙乡2024年工作如下。'],
      ['红石镇', 2023],
    ],
    [
      'a short line without punctuation is passed over',
      ['青山乡人民政府', '今年以来，各项工作有序推进。', '白沙乡2024年工作如下。'],
      ['白沙乡', 2024],
    ],
    [
      'a line of ten characters is a paragraph',
      ['青山乡人民政府办公室', '今年以来，各项工作有序推进。', '白沙乡2024年工作如下。'],
      ['青山乡', 2023],
    ],
    ['a line with a colon inside is a paragraph', ['县委：白沙乡2024年工作如下。'], ['白沙乡', 2024]],
    [
      'a chrome line is no paragraph',
      ['版权所有 白沙乡人民政府', '今年以来，各项工作有序推进。', '全镇上下齐心协力。'],
      ['红石镇', 2023],
    ],
    ['a short line with a comma is a paragraph', ['今年以来，', '白沙乡2024年工作如下。'], ['白沙乡', 2024]],
    [
      'a short line with a full stop is a paragraph',
      ['综述。', '今年以来，', '白沙乡2024年工作如下。'],
      ['红石镇', 2023],
    ],
  ])('%s', (_why, opening, expected) => {
    expect(read(...opening)).toEqual(expected);
  });

  it.each([
    ['2024年，鹤龙街坚持依法行政。', '鹤龙街'],
    ['2024年度，鹤龙街认真履职。', '鹤龙街'],
    ['一年来，青石区深入推进法治建设。', '青石区'],
    ['今年以来，在县委的领导下，青石县全面推进法治建设。', '青石县'],
    ['工作平稳。2024年，鹤龙街坚持依法行政。', '鹤龙街'],
    ['2024年，全县坚持依法行政。', null],
    ['2024年，推进街坚持依法行政。', null],
    ['鹤龙街坚持依法行政。', null],
  ])('the subject of the opening sentence: %s → %s', (opening, body) => {
    expect(parse([TITLE, opening, '一、主要举措', '开展普法活动十二场。']).meta.body).toBe(body);
  });

  it('the two paragraphs of the opening are read apart', () => {
    // Joined without a break, 情况白沙乡 would run into one name and 122024年 would be no year.
    expect(read('各项工作有序推进的有关情况', '白沙乡2024年工作如下。')).toEqual(['白沙乡', 2024]);
    expect(read('全年开展普法宣传活动场次12', '2024年，白沙乡坚持依法行政。')).toEqual(['白沙乡', 2024]);
  });

  it('a plan the opening cites gives the year, last of all', () => {
    const doc = parse([TITLE, '对照《2025年全县法治政府建设工作要点》抓落实。', '一、主要举措', '开展普法。']);
    expect(doc.meta.year).toBe(2025);
  });
});

describe('what the text keeps naming', () => {
  const TITLE = '法治政府建设工作报告';
  const OPENING = ['今年以来，各项工作有序推进。', '全镇上下齐心协力。', '一、主要举措'];

  it.each([
    ['the most named township', ['白沙镇开展普法。', '红石镇开展调解。', '红石镇开展宣传。'], '红石镇'],
    ['a tie goes to the first', ['白沙镇开展普法。', '红石镇开展调解。'], '白沙镇'],
    ['a tie goes to the longer name', ['白沙镇开展普法。', '青红石镇开展调解。'], '青红石镇'],
    ['a shorter form votes for the longer name', ['列入下太镇。', '在下太镇开展。', '红石镇。'], '下太镇'],
    [
      'a mention votes for the shorter names it ends in',
      ['白沙镇开展普法。', '大青石镇开展调解。', '青石镇开展宣传。'],
      '青石镇',
    ],
    ['more votes beat a longer name', ['红石镇开展普法。', '红石镇开展调解。', '大白沙镇开展宣传。'], '红石镇'],
    ['a county is not counted', ['青石县开展普法。', '青石县开展调解。', '白沙镇开展宣传。'], '白沙镇'],
    [
      'chrome lines are not counted',
      ['版权所有 红石镇人民政府', '版权所有 红石镇人民政府', '白沙镇开展宣传。'],
      '白沙镇',
    ],
    ['nothing named', ['开展普法。'], null],
  ])('body: %s', (_why, text, body) => {
    expect(parse([TITLE, ...OPENING, ...text]).meta.body).toBe(body);
  });

  it.each([
    ['the most named year', ['2023年开展普法。', '2024年开展调解。', '2024年开展宣传。'], 2024],
    ['a tie goes to the first', ['2023年开展普法。', '2024年开展调解。'], 2023],
    [
      'years after the plans heading are not counted',
      ['2023年开展普法。', '二、下一步工作计划', '2026年开展调解。', '2026年开展宣传。'],
      2023,
    ],
    [
      'a plan word in a line of text does not stop the count',
      ['2023年开展普法。', '下一步计划2026年开展调解，2026年开展宣传。', '2026年开展培训。'],
      2026,
    ],
    ['chrome lines are not counted', ['版权所有 2026年', '版权所有 2026年', '2023年开展普法。'], 2023],
    ['a heading with no plan word does not stop it', ['二、强化监督', '2026年开展调解。'], 2026],
    ['nothing named', ['开展普法。'], null],
  ])('year: %s', (_why, text, year) => {
    expect(parse([TITLE, ...OPENING, ...text]).meta.year).toBe(year);
  });

  it('the title and its repeat are neither the opening nor counted', () => {
    const doc = parse(['法治政府建设工作报告', '青石镇法治政府建设工作报告', ...OPENING, '红石镇开展普法。']);
    expect(doc.lines[1]?.kind).toBe('title');
    expect(doc.meta.body).toBe('红石镇');
  });

  it('a label in a line of text is no issuer', () => {
    const doc = parse([
      '法治政府建设工作报告',
      ...OPENING,
      '据信息来源：白沙乡人民政府提供的数据显示，全年开展普法。',
      '红石镇开展调解。',
      '红石镇开展宣传。',
    ]);
    expect(doc.meta.body).toBe('红石镇');
  });
});

describe('the page’s own metadata', () => {
  const BODY = ['今年以来，各项工作有序推进。', '一、主要举措', '开展普法。'];

  it('the portal title gives the body and the year when the text does not', () => {
    const doc = parse(['法治政府建设工作报告', ...BODY], { title: '白沙乡2024年法治政府建设工作报告' });
    expect([doc.meta.body, doc.meta.year, doc.meta.title]).toEqual(['白沙乡', 2024, '法治政府建设工作报告']);
  });

  it('the portal issuer gives the body after the portal title', () => {
    const doc = parse(['法治政府建设工作报告', ...BODY], { title: '年度报告', issuer: '青石县白沙乡人民政府' });
    expect(doc.meta.body).toBe('白沙乡');
  });

  it('the portal’s title stands in when the text has none', () => {
    const doc = parse(BODY, { title: '白沙乡2024年法治政府建设工作报告' });
    expect(doc.meta.title).toBe('白沙乡2024年法治政府建设工作报告');
  });

  it.each([
    ['发布机构：青石县白沙乡人民政府', '白沙乡'],
    ['发布机构：青石县人民政府', '青石县'],
    ['发布机构：青石市人民政府', null],
    ['來源：白沙鄉人民政府', '白沙鄉'],
    ['发布机构：党政办 | 来源：白沙乡人民政府', '白沙乡'],
  ])('an issuer line: %s → %s', (line, body) => {
    expect(parse(['法治政府建设工作报告', line, ...BODY]).meta.body).toBe(body);
  });

  it.each([
    ['| 标题: | 白沙乡2024年法治政府建设年度报告 |', '白沙乡2024年法治政府建设年度报告'],
    ['标题：白沙乡2024年法治政府建设年度报告', '白沙乡2024年法治政府建设年度报告'],
    ['标题：白沙乡概况', null],
  ])('a labelled title: %s', (line, title) => {
    expect(parse([line, ...BODY]).meta.title).toBe(title);
  });

  it('a labelled title is trimmed', () => {
    expect(parse(['标题：白沙乡2024年法治政府建设年度报告 ', ...BODY]).meta.title).toBe(
      '白沙乡2024年法治政府建设年度报告',
    );
  });

  it('a labelled title in traditional script is kept as written', () => {
    expect(parse(['標題：白沙鄉2024年法治政府建設年度報告', ...BODY]).meta.title).toBe(
      '白沙鄉2024年法治政府建設年度報告',
    );
  });
});

describe('the publication date', () => {
  const TITLE = '青石镇2025年法治政府建设工作报告';
  const BODY = ['今年以来，各项工作有序推进。', '一、主要举措', '开展普法。'];
  const published = (...head: string[]) => parse([TITLE, ...head, ...BODY]).meta.published;

  it.each([
    [['发布日期：2024-1-5'], '2024-01-05'],
    [['发布时间：2025年12月31日'], '2025-12-31'],
    [['日期：2023.05.11'], '2023-05-11'],
    [['[发布日期]2026/02/10'], '2026-02-10'],
    [['成文日期：2024-01-02', '发布日期：2024-01-09'], '2024-01-09'],
    [['成文日期：2024-01-02'], '2024-01-02'],
    [['成文日期：2024-01-02', '更新时间：2024-03-04'], '2024-01-02'],
    [['发布日期：2024-01-09', '发布日期：2024-02-09'], '2024-01-09'],
    [['发布日期：2024-13-01'], null],
    [['发布日期：2024-00-01'], null],
    [['发布日期：2024-12-32'], null],
    [['发布日期：2024-12-00'], null],
    [['发布日期：2024-1-1'], '2024-01-01'],
    [['发布日期：2024-13-01', '发布日期：2024-02-03'], '2024-02-03'],
    [[], null],
  ])('%j → %s', (head, date) => {
    expect(published(...head)).toBe(date);
  });

  it.each([
    ['a line of the head below the title', [TITLE, '青石镇工作报告 发布时间：2025-04-03', ...BODY], '2025-04-03'],
    [
      'below a chrome line ending in a colon',
      [TITLE, '索引号：', '青石镇工作报告 发布时间：2025-04-03', ...BODY],
      '2025-04-03',
    ],
    ['the head when no line of text ends it', [TITLE, '青石镇工作报告 发布时间：2025-04-03'], '2025-04-03'],
    [
      'not when the first line of text ends the head',
      ['今年以来，各项工作有序推进。', '按发布日期2025年3月1日前完成整改。'],
      null,
    ],
    [
      'a Markdown title line (a heading too)',
      ['# 青石镇2025年法治政府建设工作报告 发布时间：2025-04-03', ...BODY],
      '2025-04-03',
    ],
  ])('%s', (_why, lines, date) => {
    expect(parse(lines).meta.published).toBe(date);
  });

  it('a date on the title line is read', () => {
    expect(parse([`${TITLE} 发布时间：2025-04-03`, ...BODY]).meta.published).toBe('2025-04-03');
  });

  it('a date in the text is not', () => {
    expect(parse([TITLE, ...BODY, '按发布日期2025年3月1日前完成整改。']).meta.published).toBeNull();
  });

  it('the source’s own date comes first', () => {
    expect(parse([TITLE, '发布日期：2024-01-09', ...BODY], { published: '2024-02-01' }).meta.published).toBe(
      '2024-02-01',
    );
  });
});
