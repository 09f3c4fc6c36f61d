import { describe, expect, it } from 'vitest';
import { isChromeLine } from '../src/document/chrome.js';
import { cleanTitle, findBody, findYear } from '../src/document/meta.js';
import { parseDocument, type Document } from '../src/index.js';
import { normalize } from '../src/text/normalize.js';
import { builtinRules } from './helpers.js';
import { checkText } from '../src/report/text.js';

/**
 * Portal pages read as an inspector reads them (issue 14): the report's own title without page
 * furniture, the reporting body's real name, the year reported on, the publication date wherever
 * the page prints it, and chrome that is never evidence. Every line here is invented.
 */
function parse(...lines: string[]): Document {
  return parseDocument({ file: 'portal.txt', format: 'text', encoding: null, text: lines.join('\n') });
}

const TITLE = '青禾镇2025年法治政府建设情况报告';
const OPENING = '2025年，青禾镇坚持依法行政，稳步推进法治政府建设。现将有关情况报告如下：';
const BODY = [OPENING, '一、主要举措和成效', '开展普法宣传12场。'];

const chrome = (line: string) => isChromeLine(normalize(line).text);

describe('the title, without page furniture', () => {
  it.each([
    ['a time and a view count', `${TITLE}时间:2026-02-27 15:36 浏览量:3`],
    ['a publication date label', `${TITLE}  发布日期：2026-03-01`],
    ['a bare date and time', `${TITLE} 2026-03-01 09:12`],
    ['a source', `${TITLE} 来源：青禾镇党政办`],
    ['a view count before a date', `${TITLE} 浏览：208次 时间：2026-03-01`],
    ['a table cell', `${TITLE}| 索引号 | 1234/2026-00017 |`],
    ['the site after the title', `${TITLE} 南岭县人民政府门户网站 www.nanling.example.gov.cn`],
    ['the title printed twice on one line', `${TITLE}${TITLE}`],
    ['a variant printed after it', `${TITLE}青禾镇2025年度法治政府建设情况报告`],
  ])('%s', (_why, line) => {
    expect(cleanTitle(line)).toBe(TITLE);
    expect(parse(line, ...BODY).meta.title).toBe(TITLE);
  });

  it('keeps what belongs to the title after 报告 (暨 next year’s plan)', () => {
    const title = '青禾镇2025年法治政府建设工作报告暨2026年工作计划';
    expect(cleanTitle(title)).toBe(title);
  });

  it('a title printed again on the next line is one title, and both lines are title lines', () => {
    const doc = parse(TITLE, '青禾镇2025年度法治政府建设情况报告', ...BODY);
    expect(doc.meta.title).toBe(TITLE);
    expect(doc.lines.filter((l) => l.kind === 'title').map((l) => l.number)).toEqual([1, 2]);
  });

  it('reads the title below breadcrumbs, a site name, index rows and a date line', () => {
    const doc = parse(
      '南岭县人民政府',
      '您当前所在位置：首页 > 政务公开 > 法治政府建设 > 乡镇',
      '',
      '| 索 引 号 | 1234/2026-00017 | 发布机构 | 青禾镇人民政府 |',
      '| 发布日期 | 2026-03-02 | 公开方式 | 主动公开 |',
      TITLE,
      '发布时间：2026-03-02 10:20  信息来源：青禾镇',
      TITLE,
      ...BODY,
    );
    expect(doc.meta).toMatchObject({ title: TITLE, body: '青禾镇', year: 2025, published: '2026-03-02', titleLine: 6 });
    expect(doc.lines.slice(1, 5).map((l) => l.kind)).toEqual(['chrome', 'blank', 'chrome', 'chrome']);
  });

  it('a site name directly above a title that names its body is no part of the title', () => {
    expect(parse('南岭县人民政府', TITLE, ...BODY).meta.title).toBe(TITLE);
  });

  it('a title line naming no body takes the line above it', () => {
    expect(parse('青禾镇人民政府', '关于法治政府建设的情况报告', ...BODY).meta.title).toBe(
      '青禾镇人民政府关于法治政府建设的情况报告',
    );
  });

  it('a title ending in 情况 takes its genre from the next line', () => {
    expect(parse('青禾镇2025年法治政府建设情况', '的报告', ...BODY).meta.title).toBe(`${TITLE.slice(0, -2)}的报告`);
  });

  it.each([
    ['only a breadcrumb', ['首页>政务公开>法治政府建设报告>乡镇街道']],
    ['only metadata', ['- 标 题：青禾镇2025年法治政府建设情况报告', '- 发布日期：2026-03-02']],
    ['only an addressee', ['南岭县人民政府：']],
    ['a site name', ['南岭县人民政府', '2026年3月2日星期一']],
  ])('no title when the excerpt carries none: %s', (_why, head) => {
    expect(parse(...head, ...BODY).meta.title).toBeNull();
  });

  it('reads full-width digits in the title and its furniture', () => {
    const doc = parse('青禾镇２０２５年法治政府建设情况报告　发布时间：２０２６－０３－０１', ...BODY);
    expect(doc.meta.title).toBe('青禾镇２０２５年法治政府建设情况报告');
    expect(doc.meta.year).toBe(2025);
    expect(doc.meta.published).toBe('2026-03-01');
  });

  it('keeps traditional script as written', () => {
    const doc = parse('青禾鎮2025年法治政府建設情況報告', '發布時間：2026-03-02 10:20 信息來源：南嶺縣青禾鎮', ...BODY);
    expect(doc.meta.title).toBe('青禾鎮2025年法治政府建設情況報告');
    expect(doc.meta.body).toBe('青禾鎮');
    expect(doc.meta.published).toBe('2026-03-02');
  });
});

describe('the reporting body', () => {
  it.each([
    ['南岭县人民政府青禾乡人民政府关于2025年法治政府建设情况的报告', '青禾乡'],
    ['中共青禾乡委员会 青禾乡人民政府关于2025年法治政府建设情况的报告', '青禾乡'],
    ['北湾市南岭区人民政府白鹭街道办事处关于2025年度法治政府建设情况的报告', '白鹭街道'],
    ['北湾市东岸区2025年度法治政府建设情况报告', '东岸区'],
    ['南岭县2025年法治政府建设年度报告', '南岭县'],
    ['北湾市长街街道2025年法治政府建设工作报告', '长街街道'],
    ['新市镇2025年法治政府建设工作报告', '新市镇'],
    ['中村乡2025年法治政府建设工作报告', '中村乡'],
    ['和平街道2025年法治政府建设工作报告', '和平街道'],
  ])('from the title %s: %s', (title, body) => {
    expect(findBody(title)).toBe(body);
  });

  it.each([
    ['为我镇经济发展提供法治保障', null],
    ['以促进全乡经济发展为目的', null],
    ['首页>法治政府建设报告>乡镇街道', null],
    ['全镇干部参加学法', null],
    ['本街道依法履职', null],
    ['由乡党委书记担任组长', null],
    ['围绕镇中心工作开展普法', null],
    ['完善依法治镇工作机制', null],
    ['统筹城乡发展，推进乡村振兴', null],
    ['社区和园区开展普法', null],
  ])('no name in %s', (text, body) => {
    expect(findBody(text)).toBe(body);
  });

  it('from the opening sentence, a short 街 form or a district as the subject', () => {
    const street = parse('2025年，青禾街坚持依法行政，推进法治建设。', '一、主要举措和成效');
    expect(street.meta.body).toBe('青禾街');
    const district = parse('2025年以来，东岸区深入推进法治政府建设。', '一、主要举措和成效');
    expect(district.meta.body).toBe('东岸区');
    const superior = parse('2025年，在区委、区政府的领导下，我镇推进法治建设。', '一、主要举措和成效');
    expect(superior.meta.body).toBeNull();
  });

  it('from the page metadata (发布机构) when title and opening name none', () => {
    const doc = parse('[ 发布机构 ] 南岭县青禾乡人民政府', '2025年，我乡推进法治建设。', '一、主要举措和成效');
    expect(doc.meta.body).toBe('青禾乡');
  });

  it('from the township the text keeps naming, the longest name its mentions share', () => {
    const doc = parse(
      '2025年，我镇推进法治建设，为我镇发展提供保障。',
      '一、主要举措和成效',
      '把普法列入青禾镇党校课程。',
      '在青禾镇开展宪法宣传。',
    );
    expect(doc.meta.body).toBe('青禾镇');
  });
});

describe('the year reported on', () => {
  it.each([
    ['the title', '南岭县青禾镇2025年度法治政府建设情况报告', 2025],
    ['not a quoted outline', '根据《法治政府建设实施纲要（2021—2025年）》，2024年我镇推进法治建设', 2024],
    ['not a range', '2021—2025年期间，2024年以来我镇推进法治建设', 2024],
    ['not a count', '全镇20000余人参加普法，2024年我镇推进法治建设', 2024],
  ])('%s', (_why, text, year) => {
    expect(findYear(text)).toBe(year);
  });

  it.each([
    ['2024年以来 in the opening', '2024年以来，青禾镇推进法治建设。'],
    ['2024年， in the opening', '2024年，我镇推进法治建设。'],
  ])('%s', (_why, opening) => {
    expect(parse(opening, '一、主要举措和成效', '开展普法。').meta.year).toBe(2024);
  });

  it('full-width digits in the opening', () => {
    expect(parse('２０２４年，我镇推进法治建设。', '一、主要举措和成效').meta.year).toBe(2024);
  });

  it('not the publication year on the page', () => {
    const doc = parse(
      '发布日期：2025-02-20',
      '青禾镇法治政府建设情况报告',
      '一年来，我镇推进法治建设。',
      '一、2024年主要举措',
      '2024年开展普法12场。',
    );
    expect(doc.meta.year).toBe(2024);
    expect(doc.meta.published).toBe('2025-02-20');
  });

  it('not a next-year plan year when the text has to be counted', () => {
    const doc = parse(
      '一、主要举措和成效',
      '全年开展普法。2024年完成调解40件。',
      '2024年办理复议3件。',
      '二、2025年工作计划',
      '2025年将深化普法。2025年开展培训。2025年完善制度。',
    );
    expect(doc.meta.year).toBe(2024);
  });

  it('the year of a plan the opening cites, when nothing else gives one', () => {
    const doc = parse('按照《2025年全县法治政府建设工作要点》，我镇推进法治建设。', '一、主要举措和成效');
    expect(doc.meta.year).toBe(2025);
  });
});

describe('the publication date', () => {
  it.each([
    ['a table row', '| 发布日期 | 2026-01-15 | 公开方式 | 主动公开 |', '2026-01-15'],
    ['a bracketed label', '[ 成文日期 ] 2026-01-10 [ 发布日期 ] 2026-01-15', '2026-01-15'],
    ['a Chinese date', '日期：2026年1月5日   作者：青禾镇党政办', '2026-01-05'],
    ['a site line', '南岭县人民政府门户网站 www.nanling.example.gov.cn 发布时间：2026-03-04 15:22', '2026-03-04'],
    ['only the date written, when nothing better', '- 成文时间：2026年01月21日', '2026-01-21'],
  ])('%s', (_why, line, date) => {
    expect(parse(line, TITLE, ...BODY).meta.published).toBe(date);
  });

  it('a header date without a label is not the publication date', () => {
    expect(parse('南岭县人民政府 2026年3月2日星期一', TITLE, ...BODY).meta.published).toBeNull();
  });
});

describe('chrome', () => {
  it.each([
    ['首页>政务公开>法治政府建设报告>乡镇街道'],
    ['首页 > 政务公开 > 法治政府建设'],
    ['首页 » 信息公开 » 工作报告'],
    ['南岭县 › 政务公开 › 法治政府建设 › 年度报告'],
    ['首页 ＞ 政务公开'],
    ['首页 / 政务公开 / 法治政府建设'],
    ['首页 >> 政府信息公开 >> 法定主动公开内容'],
    ['县司法局>专题专栏>法治政府建设工作情况报告'],
    ['您当前所在位置：首页>政务公开'],
    ['网站首页 政府信息公开 互动交流'],
    ['| 索 引 号 | 1234/2026-00017 | 公开方式 | 主动公开 |'],
    ['| 关键词 | 发布机构 | 青禾镇 | |'],
    ['|---|---|'],
    ['- [ 索引号 ] 1234/2026-00017'],
    ['[ 主题分类 ] 公安、安全、司法 [ 体裁分类 ] 工作报告'],
    ['- 索 引 号：370000/2026-00012'],
    ['- 标 题：青禾镇2025年法治政府建设情况报告'],
    ['浏览：320次 时间：2026-03-01 来源：本站'],
    ['来源：县司法局 时间：2026-03-02 10:31:00 浏览次数： 字号：[ ]'],
    ['- 日期：2026-02-12'],
    ['- 分享到 :'],
    ['大'],
    ['-'],
    ['南岭县人民政府 2026年3月2日星期一'],
    ['發布時間：2026-03-02 10:20 信息來源：青禾鎮'],
  ])('chrome: %s', (line) => {
    expect(chrome(line)).toBe(true);
  });

  it.each([
    ['a comparison', '群众满意度>95%，调解成功率>98%。'],
    ['a slash in a sentence', '建立镇/村两级法律顾问制度，全年提供咨询120次。'],
    ['a sentence about open government', '通过政务公开栏主动公开信息56条。'],
    ['a title with its date', `${TITLE} 发布时间：2026-03-02`],
    ['a sentence naming a time', '开展宪法宣传周活动，时间集中在12月。'],
  ])('not chrome: %s', (_why, line) => {
    expect(chrome(line)).toBe(false);
  });

  it('is never evidence: a breadcrumb and an index row do not pass open government', async () => {
    const rules = builtinRules();
    const page = [
      '首页>政务公开>法治政府建设报告>乡镇街道',
      '| 索 引 号 | 1234/2026-00017 | 公开方式 | 主动公开 |',
      TITLE,
      ...BODY,
    ].join('\n');
    const r = await checkText(page, rules, 'portal.txt');
    expect(r.findings.find((f) => f.ruleId === 'supervision/open-government')?.status).toBe('fail');
    const withText = await checkText(`${page}\n通过政务公开栏主动公开信息56条。`, rules, 'portal.txt');
    expect(withText.findings.find((f) => f.ruleId === 'supervision/open-government')?.status).toBe('pass');
  });
});

describe('page heads that hide the title', () => {
  it('reads past a metadata row of bracketed labels, however long its values', () => {
    const row =
      '[ 索引号 ]11520000000000000X/2026-00031 [ 发文字号 ] [ 发布机构 ]南岭县人民政府 ' +
      '[ 主题分类 ]其他 [ 成文日期 ]2026-02 [ 有效性 ]有效';
    expect(row.length).toBeGreaterThan(80);
    expect(chrome(row)).toBe(true);
    expect(parse('您当前的位置:首页>政务公开>2025年', row, '', TITLE, ...BODY).meta.title).toBe(TITLE);
  });

  it('a sentence that names two labels is text, not a metadata row', () => {
    expect(chrome('镇政府在发布日期前完成审核，索引号由县政府统一编排。')).toBe(false);
  });

  it('treats a breadcrumb continued from the line above as chrome, not as the title', () => {
    const d = parse('首页', '>> 政务公开 >> 法治政府建设年度报告', '', TITLE, ...BODY);
    expect(d.lines[1]?.kind).toBe('chrome');
    expect(d.meta.title).toBe(TITLE);
  });

  it('reads past a bulleted list of labels with their values on the next lines', () => {
    const d = parse(
      '• 信息索引号:',
      '1234/2026-00017',
      '• 审核程序:',
      '单位审核公开',
      '• 发布机构:',
      '青禾镇',
      '',
      TITLE,
      ...BODY,
    );
    expect(d.meta.title).toBe(TITLE);
  });

  it('takes the title from the page’s 标题 field when the text prints none', () => {
    const d = parse('| 索引号: | 1234/2026-00017 | 分类: | 其他 |', `| 标题: | ${TITLE} |`, ...BODY);
    expect(d.meta.title).toBe(TITLE);
  });

  it('a 标题 field that names no report is not a title', () => {
    expect(parse('| 标题: | 青禾镇开展普法宣传活动 |', ...BODY).meta.title).toBeNull();
  });

  it('reads a title run into the text of a flattened page, and keeps the text', async () => {
    const line = `中共青禾镇委员会 青禾镇人民政府关于2025年度法治政府建设情况的报告 南岭县委、县人民政府： ${OPENING}`;
    const d = parse(line, '一、主要举措和成效', '开展普法宣传12场。');
    expect(d.meta.title).toBe('中共青禾镇委员会 青禾镇人民政府关于2025年度法治政府建设情况的报告');
    expect(d.meta.body).toBe('青禾镇');
    const flat = parse(
      `青禾镇人民政府关于2025年度法治政府建设情况的报告 南岭县委、县人民政府： ${OPENING}`,
      '一、主要举措和成效',
    );
    expect(flat.meta.title).toBe('青禾镇人民政府关于2025年度法治政府建设情况的报告');
    expect(flat.meta.year).toBe(2025);
    expect(flat.lines[0]?.kind).not.toBe('title');
    // An opening sentence is no title, though it names rule of law and 报告.
    expect(parse(`${OPENING} 一、主要举措和成效`).meta.title).toBeNull();
  });
});

describe('the body, where a name ends like a word', () => {
  it.each([
    ['a name ending in 城 before 镇', '2025年，通禾城镇坚持依法行政。', '通禾城镇'],
    [
      'a name ending in 城 before 街道',
      '2025年，在区委、区政府的坚强领导下，东禾城街道深入推进依法行政。',
      '东禾城街道',
    ],
    [
      'the subject after a leadership clause, in its short form',
      '2025年，在区委、区政府的正确领导下，青禾街党工委坚持依法行政。',
      '青禾街',
    ],
  ])('%s', (_why, opening, body) => {
    expect(parse(TITLE.replace('青禾镇', ''), opening, '一、主要举措和成效').meta.body).toBe(body);
  });

  it.each([
    ['a verb before 街道', '定期召开街道'],
    ['a verb before 镇', '将习近平法治思想纳入镇'],
    ['城镇 as a word', '全面推进城镇'],
    ['a means before 镇', '以此为抓手，通过镇'],
    ['an award from the town', '相关工作获镇'],
  ])('is never running text: %s', (_why, phrase) => {
    expect(findBody(`${phrase}党委理论学习中心组学习计划`)).toBeNull();
  });
});
