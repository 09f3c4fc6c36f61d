import { describe, expect, it } from 'vitest';
import { findBody, findYear } from '../src/document/meta.js';
import { parseDocument } from '../src/document/parse.js';
import { normalize, toOriginalSpan } from '../src/text/normalize.js';

const parse = (text: string) => parseDocument({ file: 't.txt', format: 'text', encoding: null, text });

describe('normalize', () => {
  it('folds full-width forms and drops spaces, keeping a map to the original', () => {
    const n = normalize('（一）调解成功率　９８．５％ ，共 1，234件');
    expect(n.text).toBe('(一)调解成功率98.5%,共1,234件');
    const at = n.text.indexOf('98.5%');
    const [s, e] = toOriginalSpan(n, at, at + 5);
    expect('（一）调解成功率　９８．５％ ，共 1，234件'.slice(s, e)).toBe('９８．５％');
  });

  it('leaves out skipped spans (artefacts) and maps around them', () => {
    const original = '[bookmark: _GoBack]（二）健全机制';
    const n = normalize(original, [{ start: 0, end: 19 }]);
    expect(n.text).toBe('(二)健全机制');
    expect(n.map[0]).toBe(19);
  });
});

describe('headings', () => {
  it('recognises the four levels real reports use', () => {
    const d = parse(
      '一、主要举措和成效\n（一）学法\n一是集中学法。二是自学。\n1. 学法12次\n（2）述法\n二、存在的不足和原因',
    );
    expect(d.headings.map((h) => [h.level, h.marker, h.title])).toEqual([
      [1, '一、', '主要举措和成效'],
      [2, '(一)', '学法'],
      [3, '一是', '集中学法'],
      [4, '1.', '学法12次'],
      [4, '(2)', '述法'],
      [1, '二、', '存在的不足和原因'],
    ]);
    expect(d.sections.map((s) => s.heading.title)).toEqual(['主要举措和成效', '存在的不足和原因']);
    const xue = d.sections[0]?.children[0];
    expect(xue?.children.map((c) => c.heading.marker)).toEqual(['一是']);
    expect(xue?.children[0]?.children.map((c) => c.heading.marker)).toEqual(['1.', '(2)']);
  });

  it('cuts a run-in heading at its first full stop', () => {
    const d = parse('三、依法全面履职尽责。今年召开专题会议2次');
    expect(d.headings[0]?.title).toBe('依法全面履职尽责');
  });

  it('does not take a decimal or a year for a heading', () => {
    const d = parse('1.5万元用于普法\n2024年，我镇开展工作');
    expect(d.headings).toEqual([]);
  });
});

describe('statutory parts', () => {
  it('classifies the usual headings, including a year-named plan', () => {
    const d = parse(
      '陶家镇2025年法治政府建设情况报告\n一、2025年推进法治政府建设的主要举措和成效\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n三、存在的不足和原因\n四、2026年重点工作\n五、其他需要报告的情况',
    );
    expect(d.parts.map((p) => p.id)).toEqual(['measures', 'first-responsible', 'shortcomings', 'next-year', 'other']);
  });

  it('lets one heading carry two parts', () => {
    const d = parse('一、主要工作成效\n二、存在的问题及下一步工作打算');
    expect(d.parts.filter((p) => p.line === 2).map((p) => p.id)).toEqual(['shortcomings', 'next-year']);
  });

  it('infers unnamed sections before the problems as measures, not those after', () => {
    const d = parse('一、提高政治站位\n二、依法化解矛盾\n三、存在的不足\n四、附件说明');
    expect(d.parts.map((p) => [p.id, p.line, p.inferred])).toEqual([
      ['measures', 1, true],
      ['measures', 2, true],
      ['shortcomings', 3, false],
    ]);
  });

  it('puts every line of a section in its parts, and the preamble in none', () => {
    const d = parse('前言段落。\n一、下一步工作计划\n（一）加强学法\n继续学法。');
    expect(d.lines.map((l) => l.parts)).toEqual([[], ['next-year'], ['next-year'], ['next-year']]);
  });
});

describe('chrome and artefacts', () => {
  it('keeps portal furniture out of the body', () => {
    const d = parse(
      '索引号：11510521/2025-00012\n发布机构：玄滩镇\n【字体：大 中 小】\n正文第一段。\n主办：泸县人民政府  承办：泸县大数据中心\n浏览次数：123\n账号+密码登录\n立即注册',
    );
    expect(d.lines.map((l) => l.kind)).toEqual([
      'chrome',
      'chrome',
      'chrome',
      'body',
      'chrome',
      'chrome',
      'chrome',
      'chrome',
    ]);
  });

  it('does not take body text that mentions a phone number for chrome', () => {
    const d = parse('开通法律援助联系电话，全年接听群众咨询电话300余次，解答法律问题，办理援助案件12件，群众满意。');
    expect(d.lines[0]?.kind).toBe('body');
  });

  it('cuts Word and HTML artefacts out of the matching text only', () => {
    const d = parse('普法宣传fontface=宋体>活动5场&nbsp;，覆盖<span>群众</span>');
    expect(d.lines[0]?.norm.text).toBe('普法宣传活动5场,覆盖群众');
    expect(d.lines[0]?.original).toContain('fontface=宋体>');
  });
});

describe('meta', () => {
  it.each([
    ['乌苏市古尔图镇2024年法治政府建设工作报告', '古尔图镇'],
    ['玉龙县虎跳峡镇2025年法治政府建设年度报告', '虎跳峡镇'],
    ['陶家镇关于2025年法治政府建设情况的报告', '陶家镇'],
    ['和平街道2025年法治政府建设工作报告', '和平街道'],
    ['统筹城乡发展，推进乡村振兴', null],
  ])('issuing body of %s is %s', (text, body) => {
    expect(findBody(text)).toBe(body);
  });

  it('joins a title broken over two lines and reads body and year from it', () => {
    const d = parse('乌苏市古尔图镇2024年法治政府\n建设工作报告\n\n2024年，古尔图镇坚持……');
    expect(d.meta).toMatchObject({
      title: '乌苏市古尔图镇2024年法治政府建设工作报告',
      body: '古尔图镇',
      year: 2024,
      titleLine: 1,
    });
  });

  it('reads body and year from the first paragraph when there is no title', () => {
    const d = parse(
      '2024年,在县委、县政府的坚强领导下,玄滩镇按照工作安排推进法治建设。现将2024年度情况报告如下:\n一、主要举措和成效',
    );
    expect(d.meta).toMatchObject({ title: null, body: '玄滩镇', year: 2024 });
  });

  it('finds no year where none is written', () => {
    expect(findYear('法治政府建设工作报告')).toBeNull();
  });
});

describe('Markdown reports', () => {
  it('reads # as the title and ## headings with Chinese numbering at their numbering level', () => {
    const d = parse(
      '# 青石镇2025年法治政府建设工作报告\n\n## 一、主要举措和成效\n\n### （一）学法\n\n学法12次。\n\n## 二、党政主要负责人履行推进法治建设第一责任人职责情况\n\n书记主持会议。',
    );
    expect(d.meta).toMatchObject({ title: '青石镇2025年法治政府建设工作报告', body: '青石镇', year: 2025 });
    expect(d.headings.map((h) => [h.level, h.title])).toEqual([
      [1, '主要举措和成效'],
      [2, '学法'],
      [1, '党政主要负责人履行推进法治建设第一责任人职责情况'],
    ]);
    expect(d.parts.map((p) => p.id)).toEqual(['measures', 'first-responsible']);
  });

  it('takes unnumbered ## headings as the top level', () => {
    const d = parse('# 报告\n## 存在的问题\n字。\n## 下一步工作计划\n字。');
    expect(d.parts.map((p) => p.id)).toEqual(['shortcomings', 'next-year']);
  });
});
