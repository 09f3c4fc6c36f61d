import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHROME_GUARDS,
  CHROME_LINE_PATTERNS,
  CHROME_LINE_TESTS,
  findArtefacts,
  foldLabels,
  isChromeLine,
  META_LABELS_LONG,
  META_LABELS_SHORT,
  startsAnchored,
} from '../src/document/chrome.js';

/** Page chrome and editor artefacts at their boundaries; the lines are made up. */

describe('foldLabels', () => {
  it.each([
    ['nothing to fold', '青石镇法治建设', '青石镇法治建设'],
    ['empty', '', ''],
    ['traditional label characters', '發布時間鎮鄉報告', '发布时间镇乡报告'],
    ['full-width ASCII', '２０２６－０３：', '2026-03:'],
    ['the first full-width form (！)', '！鎮', '!镇'],
    ['the last full-width form (～)', '～鎮', '~镇'],
    ['just past the full-width range (｟) stays', '｟鎮', '｟镇'],
    ['just before it (U+FF00) stays', '\uff00鎮', '\uff00镇'],
    ['an ideographic space is no full-width ASCII', '\u3000鎮', '\u3000镇'],
  ])('%s', (_why, text, folded) => {
    expect(foldLabels(text)).toBe(folded);
    expect(foldLabels(text)).toHaveLength(text.length);
  });

  it('tells a text with nothing to fold exactly: every unit alone folds as it does beside one that folds', () => {
    // Alone, a unit is folded only if the quick table says the text has something to fold; beside
    // 鎮 the fold runs whatever the table says.
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      expect(`${foldLabels(ch)}镇`, code.toString(16)).toBe(foldLabels(`${ch}鎮`));
    }
  });
});

describe('isChromeLine: rows of page metadata', () => {
  const field = (label: string, value: string) => `[${label}]${value}`;
  const long = (n: number) => '甲'.repeat(n);

  it('two long labels make a metadata row however long it is, up to 240 characters', () => {
    const row = field('索引号', long(100)) + field('发布机构', long(60));
    expect(row.length).toBeGreaterThan(120);
    expect(isChromeLine(row)).toBe(true);
    const at240 = row + long(240 - row.length);
    expect(at240).toHaveLength(240);
    expect(isChromeLine(at240)).toBe(true);
    expect(isChromeLine(at240 + '甲')).toBe(false);
  });

  it('one long label over 120 characters is no row', () => {
    expect(isChromeLine(field('索引号', long(130)))).toBe(false);
  });

  it.each(['。', ';', '!', '?'])('a sentence mark (%s) makes it text', (mark) => {
    const row = field('索引号', long(100)) + mark + field('发布机构', long(60));
    expect(isChromeLine(row)).toBe(false);
  });

  it('traditional labels are folded first', () => {
    expect(isChromeLine(field('索引號', long(100)) + field('發布機構', long(60)))).toBe(true);
  });
});

describe('isChromeLine: line length', () => {
  it('the empty line is no chrome', () => {
    expect(isChromeLine('')).toBe(false);
  });

  it('a furniture line counts up to 120 characters', () => {
    const line = (n: number) => `版权所有${'甲'.repeat(n - 4)}`;
    expect(isChromeLine(line(120))).toBe(true);
    expect(isChromeLine(line(121))).toBe(false);
  });
});

describe('isChromeLine: breadcrumbs', () => {
  it.each([
    ['three segments', '政务公开>法治建设>年度报告', true],
    ['two segments, no navigation head', '政务公开>法治建设', false],
    ['continued from the line above: >>', '>>政务公开>>法治建设', true],
    ['continued: one >', '>政务公开', true],
    ['continued: »', '»政务公开', true],
    ['continued: ›', '›政务公开', true],
    ['continued, with a full stop', '>政务公开。', false],
    ['continued, with a percentage', '>满意度95%', false],
    ['continued, 80 characters', `>${'甲'.repeat(79)}`, true],
    ['continued, 81 characters', `>${'甲'.repeat(80)}`, false],
    ['a segment of 24 characters', `政务公开>${'甲'.repeat(24)}>年度报告`, true],
    ['a segment of 25 characters', `政务公开>${'甲'.repeat(25)}>年度报告`, false],
    ['a segment with a comma', '政务公开>法治,建设>年度报告', false],
    ['a segment with a percentage', '政务公开>满意度95%>年度报告', false],
    ['an empty segment is not counted', '政务公开>>>法治建设', false],
    ['» and › join segments', '政务公开»法治建设›年度报告', true],
    ['two segments after a navigation head', '位置»政务公开', true],
    ['a navigation head with nothing after it', '位置»', false],
    ['slashes after a navigation head', '位置/政务公开/法治建设', true],
    ['two slashed segments are too few', '位置/政务公开', false],
    ['slashes without a navigation head', '政务公开/法治建设/年度报告', false],
    ['满意度>95% has no such shape', '群众满意度>95%', false],
  ])('%s', (_why, line, chrome) => {
    expect(isChromeLine(line)).toBe(chrome);
  });
});

describe('isChromeLine: a dated label or a site address after other text', () => {
  const site = '青石镇人民政府门户网站';
  it.each([
    ['a site line with its date', `${site}发布时间:2025-04-03`, true],
    ['a short label with its date', `${site}日期:2025.4.3`, true],
    ['the date after a bracketed label', `${site}[发布日期]2025年4月`, true],
    ['a title with its date stays a title', '青石镇2025年法治政府建设工作报告发布时间:2025-04-03', false],
    ['总结 before the date', '青石镇法治建设工作总结发布时间:2025-04-03', false],
    ['汇报 before the date', '青石镇法治建设工作汇报发布时间:2025-04-03', false],
    ['a report word after the date does not count', `${site}日期:2025-04-03工作报告`, true],
    ['a sentence with a date', `${site}发布时间:2025-04-03。`, false],
    ['a question with a date', `${site}发布时间:2025-04-03?`, false],
    ['a label without a date', `${site}发布时间:近日`, false],
    ['an address', '青石镇人民政府www.qingshi.example', true],
    ['an address in capitals', '青石镇人民政府WWW.QINGSHI.EXAMPLE', true],
    ['a link', '青石镇人民政府https://qingshi.example', true],
    ['a plain link', '青石镇人民政府http://qingshi.example', true],
    ['a government domain', '青石镇人民政府qingshi.gov.cn', true],
    ['a report with its address stays a title', '青石镇法治政府建设报告www.qingshi.gov.cn', false],
    ['a sentence with an address', '详见青石镇人民政府网站www.qingshi.gov.cn。', false],
  ])('%s', (_why, line, chrome) => {
    expect(isChromeLine(line)).toBe(chrome);
  });

  it('a dated line of 100 characters is furniture, of 101 is text', () => {
    const line = (n: number) => `${site}${'甲'.repeat(n - site.length - 15)}发布时间:2025-04-03`;
    expect(line(100)).toHaveLength(100);
    expect(isChromeLine(line(100))).toBe(true);
    expect(isChromeLine(line(101))).toBe(false);
  });
});

describe('findArtefacts', () => {
  it.each([
    ['plain text', '开展普法宣传12场', []],
    ['a bracket, a less-than and an ampersand that are text', '依据[2024]3号，a<b & c', []],
    ['a Word bookmark', '[bookmark: _GoBack]开展', [{ start: 0, end: 19 }]],
    ['a font face', '开展fontface=宋体>普法', [{ start: 2, end: 14 }]],
    ['a hyperlink field', 'HYPERLINK "a"b开展', [{ start: 0, end: 13 }]],
    ['a page field', '第PAGE \\* MERGEFORMAT页', [{ start: 1, end: 20 }]],
    ['a field code after text', '开展MERGEFORMAT', [{ start: 2, end: 13 }]],
    ['a field code inside a word is none', '开展XMERGEFORMAT', []],
    ['a field code after a space', '开展 MERGEFORMAT', [{ start: 3, end: 14 }]],
    ['an entity', '开展&nbsp;普法', [{ start: 2, end: 8 }]],
    ['a numeric entity', '&#12288;开展', [{ start: 0, end: 8 }]],
    ['a hex entity', '&#x3000;开展', [{ start: 0, end: 8 }]],
    [
      'adjacent tags stay two spans',
      '<b></b>开展',
      [
        { start: 0, end: 3 },
        { start: 3, end: 7 },
      ],
    ],
    ['a tag inside a bookmark is merged into it', '[bookmark: <b>]开展', [{ start: 0, end: 15 }]],
    ['overlapping spans are merged to the further end', '<a title="[bookmark: x]">开展', [{ start: 0, end: 25 }]],
    [
      'spans come in the order of the line, whatever the pattern',
      '<b>开展</b>[bookmark: x]&amp;',
      [
        { start: 0, end: 3 },
        { start: 5, end: 9 },
        { start: 9, end: 22 },
        { start: 22, end: 27 },
      ],
    ],
  ])('%s', (_why, line, spans) => {
    expect(findArtefacts(line)).toEqual(spans);
  });

  it('the same line gives the same spans twice (no state is kept between calls)', () => {
    const line = '<b>开展</b>普法<i>宣传</i>';
    expect(findArtefacts(line)).toEqual(findArtefacts(line));
    expect(findArtefacts(line)).toHaveLength(4);
  });
});

describe('the chrome line tests, grouped and guarded for speed, still say what the patterns say', () => {
  it.each([
    ['anchored, no alternation', /^首页/, true],
    ['alternation inside a group', /^(首页|主页)$/, true],
    ['alternation at the top: the second branch may match anywhere', /^首页|版权所有/, false],
    ['alternation after a nested group', /^(a(b|c))|d/, false],
    ['a bar in a class', /^[|:]+$/, true],
    ['an escaped bar', /^\|(?:[^|]*\|)*?x/, true],
    ['an escaped bracket before a bar in a class', /^[\]|]x/, true],
    ['no anchor', /(字体|字号)大/, false],
    ['an anchor that is not first', /a^/, false],
  ])('startsAnchored: %s', (_why, re, anchored) => {
    expect(startsAnchored(re)).toBe(anchored);
  });

  it('the anchored patterns are tried at the line start alone, the others anywhere', () => {
    const anchored = CHROME_LINE_PATTERNS.filter(startsAnchored);
    expect(anchored.length).toBeGreaterThan(10);
    expect(anchored.length).toBeLessThan(CHROME_LINE_PATTERNS.length);
    const starts = CHROME_LINE_TESTS.filter((re) => re.source.startsWith('^(?:'));
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((re) => !startsAnchored(re) === false)).toBe(true);
  });

  // Lines made of the pieces the patterns look for: labels, marks, dates, footer words.
  const piece = fc.constantFrom(
    ...META_LABELS_LONG.split('|'),
    ...META_LABELS_SHORT.split('|'),
    ...'[]【】():|/>»›→＞-*•·。,'.split(''),
    ' ',
    '2024-05-06',
    '2023年3月',
    '星期二',
    '首页',
    '当前位置',
    '位置',
    '联系电话',
    '主办',
    '打印本页',
    '版权所有',
    'ICP备',
    '字体',
    '大',
    '中',
    '小',
    '登录',
    'www.',
    '.gov.cn',
    '青石镇',
    '开展普法宣传',
    '甲'.repeat(30),
    // fields of a metadata row, as portals print them
    '[索引号]',
    '【发布机构】',
    ' 发布日期:',
    '|主题分类|',
    ' 信息来源:',
  );
  const line = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join(''));

  it('the grouped regexes match a line exactly when one of the patterns does', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(CHROME_LINE_TESTS.some((re) => re.test(l))).toBe(CHROME_LINE_PATTERNS.some((re) => re.test(l)));
      }),
      { numRuns: 3000 },
    );
  });

  it.each(CHROME_GUARDS.map((g) => [g.name, g] as const))('a guard never turns a line away: %s', (_name, g) => {
    let passed = 0;
    fc.assert(
      fc.property(line, (l) => {
        if (g.full(l)) {
          passed++;
          expect(g.guard.test(l)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(passed).toBeGreaterThan(30); // the lines do reach the costly test
  });
});
