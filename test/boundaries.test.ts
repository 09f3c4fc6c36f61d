import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseSource, checkText, loadPackFile, PackError, parseDocument, readInput } from '../src/index.js';
import type { Document } from '../src/index.js';
import { builtinRules, MINIMAL_PACK } from './helpers.js';

/**
 * Tests at the edges where hand-made mutations of the core went unnoticed: each case sits exactly
 * on a boundary (a deadline, a tolerance, a length threshold, a separator) or on both sides of it.
 */
const rules = builtinRules();
const TITLE = '白沙乡2025年法治政府建设工作报告';

function parse(text: string): Document {
  return parseDocument({ file: 'boundary.txt', format: 'text', encoding: null, text });
}

async function analyse(text: string) {
  return analyseSource({ file: 'boundary.txt', format: 'text', encoding: null, text }, rules);
}

async function statusOf(text: string, ruleId: string): Promise<string | undefined> {
  return (await checkText(text, rules)).findings.find((f) => f.ruleId === ruleId)?.status;
}

function sectionOfLine(doc: Document, lineNumber: number) {
  const line = doc.lines[lineNumber - 1];
  if (!line?.section) throw new Error(`line ${lineNumber} has no section`);
  return line.section;
}

describe('headings: where a run-in title stops', () => {
  const report = (point: string) => [TITLE, '一、主要举措和成效', point, '开展普法宣传12场。'].join('\n');

  it.each([
    [
      'a colon ends the title, so 明年 after it stays in the paragraph',
      '（一）深化法治宣传：明年将继续开展普法进村',
      '深化法治宣传',
    ],
    ['a full stop ends it too', '（一）深化法治宣传。明年将继续开展普法进村', '深化法治宣传'],
    ['a semicolon ends it too', '（一）深化法治宣传；明年将继续开展普法进村', '深化法治宣传'],
  ])('%s', (_why, point, title) => {
    const doc = parse(report(point));
    const section = sectionOfLine(doc, 3);
    expect(section.heading.normTitle).toBe(title);
    expect(section.parts).toEqual(['measures']);
  });

  it('a sub-heading that is a plan (2026年工作安排) does carry the next-year part', () => {
    const doc = parse(
      [TITLE, '一、主要举措和成效', '开展普法12场。', '二、2026年工作安排', '开展普法15场。'].join('\n'),
    );
    expect(sectionOfLine(doc, 5).parts).toEqual(['next-year']);
  });
});

describe('metrics: a combined heading (存在的问题和下一步) makes its numbers targets', () => {
  const text = (withMeasures: boolean) =>
    [
      TITLE,
      '一、主要举措和成效',
      withMeasures ? '全年排查矛盾纠纷40件，成功调解38件，调解成功率95%。' : '开展普法宣传12场。',
      '二、存在的问题和下一步工作打算',
      '部分村调解员业务能力不足。下一步力争调解成功率达到99%。',
    ].join('\n');

  it('the planned 99% is a target, and the year keeps its 95%', async () => {
    const { facts, document } = await analyse(text(true));
    expect(document.lines[3]?.parts).toEqual(['shortcomings', 'next-year']);
    const planned = facts.metrics.find((m) => m.id === 'mediation.rate' && m.value === 99);
    expect(planned?.target).toBe(true);
    expect(planned?.part).toBe('shortcomings');
    expect(facts.achieved.get('mediation.rate')?.value).toBe(95);
    expect(facts.values['metric.mediation.rate']).toBe(95);
  });

  it('with no rate stated for the year, the planned 99% does not become the year’s rate', async () => {
    const { facts, result } = await analyse(text(false));
    expect(facts.values['metric.mediation.rate']).toBeNull();
    expect(result.findings.find((f) => f.ruleId === 'numbers/rate-has-counts')?.status).toBe('not-applicable');
  });
});

describe('meta: year and issuing township', () => {
  it.each([
    [
      'a count before the year (20000余人) is not the year 2000',
      '全乡20000余人参加普法活动，现将2025年度工作报告如下。',
      2025,
    ],
    [
      'a four-digit count glued to 年 is still no year unless it starts with 20',
      '现将1999年以来的工作和2024年度情况报告如下。',
      2024,
    ],
    ['a space before 年 is allowed', '现将2024 年法治政府建设情况报告如下。', 2024],
  ])('%s', (_why, opening, year) => {
    const doc = parse(['白沙乡法治政府建设工作报告', opening, '一、主要举措和成效', '开展普法12场。'].join('\n'));
    expect(doc.meta.year).toBe(year);
  });

  it.each([
    ['区 (九龙坡区) is cut off', '重庆市九龙坡区陶家镇2025年法治政府建设工作报告', '陶家镇'],
    ['县 is cut off', '四川省泸县玄滩镇2024年法治政府建设工作报告', '玄滩镇'],
    ['旗 is cut off', '阿拉善左旗巴彦浩特镇2024年法治政府建设工作报告', '巴彦浩特镇'],
    ['州 is cut off', '黔东南州三棵树镇2024年法治政府建设工作报告', '三棵树镇'],
    ['盟 is cut off', '锡林郭勒盟赛汉塔拉镇2024年法治政府建设工作报告', '赛汉塔拉镇'],
    ['市 is cut off', '乌苏市古尔图镇2024年法治政府建设工作报告', '古尔图镇'],
    ['省 is cut off', '海南省博鳌镇2024年法治政府建设工作报告', '博鳌镇'],
    ['关于 … 的 is cut off', '中共某某委员会关于青石乡的2024年法治政府建设情况报告', '青石乡'],
    ['a 街道 keeps its name', '某某市某某区白云街道2024年法治政府建设工作报告', '白云街道'],
    ['a 苏木 keeps its name', '某某旗巴音苏木2024年法治政府建设工作报告', '巴音苏木'],
  ])('body: %s', (_why, title, body) => {
    const doc = parse([title, '现将有关情况报告如下。', '一、主要举措和成效', '开展普法12场。'].join('\n'));
    expect(doc.meta.body).toBe(body);
  });
});

describe('numbers with separators and multipliers', () => {
  const numbersIn = async (sentence: string) =>
    (await analyse([TITLE, '一、主要举措和成效', sentence].join('\n'))).facts.numbers
      .filter((n) => n.span.line === 3)
      .map((n) => [n.value, n.unit]);

  it.each([
    ['a thousands comma before three digits', '服务群众120,000人次。', [[120000, '人次']]],
    ['two thousands commas', '投入资金1,234,567元。', [[1234567, '元']]],
    ['one digit before the comma', '发放资料5,000份。', [[5000, '份']]],
    [
      'a comma after four digits is a list separator',
      '受理1234,567件。',
      [
        [1234, ''],
        [567, '件'],
      ],
    ],
    [
      'a comma before two digits is a list separator',
      '开展12,34场。',
      [
        [12, ''],
        [34, '场'],
      ],
    ],
    [
      'a comma before four digits is a list separator',
      '开展12,3456场。',
      [
        [12, ''],
        [3456, '场'],
      ],
    ],
    ['a decimal point and 万', '覆盖3.5万人次。', [[35000, '人次']]],
    ['a sentence-end dot is no decimal point', '共5件.', [[5, '件']]],
    ['a comma group then a decimal', '支出1,200.5元。', [[1200.5, '元']]],
    [
      'Chinese numerals with a unit',
      '开展十二场，发放一百零五份。',
      [
        [12, '场'],
        [105, '份'],
      ],
    ],
    [
      '两 and a colloquial tail',
      '培训两千余人次，覆盖三千五人。',
      [
        [2000, '人次'],
        [3500, '人'],
      ],
    ],
    ['百分之 with Chinese numerals', '满意率百分之九十八点五。', [[98.5, '%']]],
    [
      '3千余 and 1.5万',
      '发放3千余份，覆盖1.5万人。',
      [
        [3000, '份'],
        [15000, '人'],
      ],
    ],
    ['ordinals are no quantities', '第3次会议，第十二次会议。', []],
    ['digits glued to letters are codes', '执行GB50016标准。', []],
    ['an 18-digit run is an identifier', '编号123456789012345678。', []],
    ['a Chinese numeral without a unit is no number', '一是加强学习，统一思想。', []],
    ['一次性 is no count', '一次性告知。', []],
  ])('%s', async (_why, sentence, expected) => {
    expect(await numbersIn(sentence)).toEqual(expected);
  });
});

describe('numbers/rate-matches-counts: rates on both sides of the computed one', () => {
  // 190 of 200 is 95.0%; the default tolerance is 0.5 points either way.
  const text = (rate: string) => `全年排查矛盾纠纷200件，成功调解190件，调解成功率${rate}%。`;

  it.each([
    ['the computed rate itself', '95', 'pass'],
    ['0.5 above (the tolerance, inclusive)', '95.5', 'pass'],
    ['0.5 below (the tolerance, inclusive)', '94.5', 'pass'],
    ['0.6 above', '95.6', 'fail'],
    ['0.6 below', '94.4', 'fail'],
    ['far below: a gap of -5 is a gap too', '90', 'fail'],
    ['far above', '99', 'fail'],
  ])('%s: %s → %s', async (_why, rate, verdict) => {
    expect(await statusOf(text(rate), 'numbers/rate-matches-counts')).toBe(verdict);
  });

  it('the message names the computed rate, rounded to one decimal', async () => {
    const r = await checkText('全年排查矛盾纠纷165件，成功调解150件，调解成功率98%。', rules);
    const f = r.findings.find((x) => x.ruleId === 'numbers/rate-matches-counts');
    expect(f?.status).toBe('fail');
    expect(f?.message).toContain('计算为90.9%');
  });
});

describe('numbers/resolved-within-cases: the part equal to the whole, and one over', () => {
  it.each([
    ['resolved = cases', 80, 'pass'],
    ['resolved = cases − 1', 79, 'pass'],
    ['resolved = cases + 1', 81, 'fail'],
  ])('%s', async (_why, resolved, verdict) => {
    const text = `全年受理矛盾纠纷80件，成功调解${resolved}件。`;
    expect(await statusOf(text, 'numbers/resolved-within-cases')).toBe(verdict);
  });
});

describe('hygiene/duplicate-sentences: sentence length at the 40-character threshold', () => {
  const sentenceOf = (length: number): string => {
    const base =
      '本乡组织全体干部职工系统学习宪法民法典行政处罚法行政复议法等法律法规并开展专题研讨交流活动进一步提升依法行政能力';
    if (base.length < length) throw new Error('base sentence too short');
    return base.slice(0, length);
  };
  it.each([
    [39, 'pass'],
    [40, 'fail'],
    [41, 'fail'],
  ])('a %i-character sentence printed twice → %s', async (length, verdict) => {
    const s = sentenceOf(length);
    expect(s).toHaveLength(length);
    const text = [TITLE, '一、主要举措和成效', `${s}。`, '开展普法宣传12场。', `${s}。`].join('\n');
    expect(await statusOf(text, 'hygiene/duplicate-sentences')).toBe(verdict);
  });
});

describe('structure/published-on-time: the deadline day and the day after', () => {
  // Written for this test: a portal page whose article is long enough to count as the report.
  const article = [
    '白沙乡2025年法治政府建设工作报告',
    [
      '现将白沙乡2025年法治政府建设情况报告如下。',
      '全年组织干部职工集中学习法律法规10次，覆盖800余人次，组织12名执法人员参加行政执法培训和考试，执法队伍能力明显提升。',
      '修订突发事件应急预案，开展防汛和消防演练8场，覆盖群众3000余人次。',
    ].join(''),
    '完善矛盾纠纷排查调处机制，全年调解矛盾纠纷60件。严格执行规范性文件管理制度，法律顾问参与合同审查45件次，重大决策合法性审查覆盖率达100%。开展执法检查150家次，落实行政执法三项制度，开展行政处罚案卷评查10次。',
    [
      '健全乡村两级公共法律服务网络，每个村配备法律顾问，全年提供法律咨询320人次，办理法律援助案件9件。',
      '推进政务公开，在乡政府网站主动公开政策文件、财政预决算和行政执法信息180条，接受群众监督。',
      '组织召开法治政府建设专题会议4次，研究解决依法行政中的重点难点问题，推动各项任务落到实处。',
    ].join(''),
  ];
  const page = (date: string) =>
    `<!DOCTYPE html><html><head><meta name="PubDate" content="${date}"></head><body><div id="zoom">` +
    article.map((p) => `<p>${p}</p>`).join('') +
    '</div></body></html>';

  it.each([
    ['long before the deadline', '2026-01-15', 'pass'],
    ['the day before', '2026-03-31', 'pass'],
    ['on 1 April itself', '2026-04-01', 'pass'],
    ['on 2 April, one day late', '2026-04-02', 'fail'],
    ['a year late', '2027-03-31', 'fail'],
  ])('%s (%s) → %s', async (_why, date, verdict) => {
    const r = await checkText(page(date), rules, 'baisha.html');
    expect(r.meta.published).toBe(date);
    expect(r.meta.year).toBe(2025);
    expect(r.findings.find((f) => f.ruleId === 'structure/published-on-time')?.status).toBe(verdict);
  });

  it('an on-time report says so, and a draft without a date is not judged', async () => {
    const r = await checkText(page('2026-04-01'), rules, 'baisha.html');
    expect(r.findings.find((x) => x.ruleId === 'structure/published-on-time')?.message).toBe(
      '报告于2026-04-01发布，未晚于2026-04-01',
    );
    expect(await statusOf(article.join('\n'), 'structure/published-on-time')).toBe('not-applicable');
  });

  it('a page without a report year cannot be judged: it fails, saying why (no longer not-applicable)', async () => {
    const noYear = page('2026-04-02').replaceAll('2025年', '');
    const r = await checkText(noYear, rules, 'baisha.html');
    expect(r.meta.year).toBeNull();
    const f = r.findings.find((x) => x.ruleId === 'structure/published-on-time');
    expect(f?.status).toBe('fail');
    expect(f?.message).toMatch(/^无法判断：未能读出报告年度/);
  });

  it('a late report says by how many days', async () => {
    const r = await checkText(page('2026-04-03'), rules, 'baisha.html');
    const f = r.findings.find((x) => x.ruleId === 'structure/published-on-time');
    expect(f?.message).toBe('报告于2026-04-03发布，晚于2026-04-01（逾期2天）');
  });
});

describe('UTF-16 without a BOM: the byte order the NULs point to', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-utf16-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Letters, digits, spaces, : and ; read the wrong way round are CJK, kana and punctuation, all plausible:
  // only the position of the NULs tells the two byte orders apart.
  const TEXT = 'Baisha town 2025 report: 12 sessions for 800 people; 40 cases with 38 resolved\n';

  it.each([
    ['utf-16le', (s: string) => Buffer.from(s, 'utf16le')],
    ['utf-16be', (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ] as const)('%s', async (encoding, encode) => {
    const file = path.join(dir, `${encoding}.txt`);
    fs.writeFileSync(file, encode(TEXT));
    const source = await readInput(file);
    expect(source.encoding).toBe(encoding);
    expect(source.text).toBe(TEXT);
  });
});

describe('pack grades: listed from the highest minimum down, no two alike', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-grades-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const withGrades = (mins: number[]) =>
    MINIMAL_PACK + 'grades:\n' + mins.map((min, i) => `  - { name: 档${i}, min: ${min} }\n`).join('');

  it.each([
    ['context only', '{ title: 件数, units: [件], context: "受理" }', true],
    ['after only', '{ title: 件数, units: [件], after: "^受理" }', true],
    ['neither context nor after', '{ title: 件数, units: [件] }', false],
  ])('a metric with %s → %s', (_why, metric, ok) => {
    const file = path.join(dir, `metric-${String(ok)}-${metric.length}.yaml`);
    fs.writeFileSync(file, MINIMAL_PACK.replace('areas:', `metrics:\n  demo.cases: ${metric}\nareas:`));
    if (ok) expect(loadPackFile(file).metrics.map((m) => m.id)).toEqual(['demo.cases']);
    else expect(() => loadPackFile(file)).toThrow(/a metric needs context or after/);
  });

  it.each([
    ['strictly descending', [90, 60, 0], true],
    ['two grades with the same minimum', [90, 60, 60, 0], false],
    ['the first two equal', [90, 90, 0], false],
    ['ascending', [0, 60, 90], false],
    ['a single grade', [0], true],
  ])('%s → %s', (_why, mins, ok) => {
    const file = path.join(dir, `grades-${mins.join('-')}.yaml`);
    fs.writeFileSync(file, withGrades(mins));
    if (ok) {
      expect(loadPackFile(file).grades?.map((g) => g.min)).toEqual(mins);
    } else {
      expect(() => loadPackFile(file)).toThrow(PackError);
      expect(() => loadPackFile(file)).toThrow(/grades must be listed from the highest min down/);
    }
  });
});

describe('metric thresholds: exactly on the bound, and just past it', () => {
  it.each([
    ['numbers/training-hours', '执法人员全年人均参加培训60学时。', 'pass'],
    ['numbers/training-hours', '执法人员全年人均参加培训59学时。', 'fail'],
    ['numbers/training-hours', '执法人员全年人均参加培训59.5学时。', 'fail'],
    ['numbers/training-hours', '开展普法宣传12场。', 'not-applicable'],
    ['numbers/certified-rate', '行政执法人员持证率100%。', 'pass'],
    ['numbers/certified-rate', '行政执法人员持证率99.9%。', 'fail'],
    ['numbers/legality-review-rate', '重大决策合法性审查覆盖率100%。', 'pass'],
    ['numbers/legality-review-rate', '重大决策合法性审查覆盖率99%。', 'fail'],
    ['numbers/rate-max-100', '群众满意率100%。', 'pass'],
    ['numbers/rate-max-100', '群众满意率100.1%。', 'fail'],
    ['numbers/rate-max-100', '群众满意率百分之一百零一。', 'fail'],
    ['numbers/rate-max-100', '办件量同比增长120%。', 'pass'],
  ])('%s: %s → %s', async (ruleId, sentence, verdict) => {
    expect(await statusOf(sentence, ruleId)).toBe(verdict);
  });

  it('the shortfall message names the value and the threshold', async () => {
    const r = await checkText('执法人员全年人均参加培训59.5学时。', rules);
    expect(r.findings.find((f) => f.ruleId === 'numbers/training-hours')?.message).toBe(
      '执法人员培训59.5学时，少于纲要要求的60学时',
    );
  });

  it.each([
    ['49 cases, 100%: under the caseload, not flagged', 49, 49, '100', 'not-applicable'],
    ['50 cases, 100%: at the caseload, flagged', 50, 50, '100', 'fail'],
    ['50 cases, 98%: at the caseload, plausible', 50, 49, '98', 'pass'],
  ])('numbers/perfect-rate-large-caseload: %s', async (_why, cases, resolved, rate, verdict) => {
    const text = `全年排查矛盾纠纷${cases}件，成功调解${resolved}件，调解成功率${rate}%。`;
    expect(await statusOf(text, 'numbers/perfect-rate-large-caseload')).toBe(verdict);
  });
});

describe('evidence: the clause quoted around a number', () => {
  const evidenceOf = async (text: string) =>
    (await checkText(text, rules)).findings.find((f) => f.ruleId === 'numbers/rate-max-100')?.evidence;

  it.each([
    ['a comma ends the clause and is not quoted', '开展普法12场，群众满意率105%，覆盖全乡。', 9, 18, '群众满意率105%'],
    [
      'a full stop ends it and is quoted; full-width text maps back',
      '开展普法１２场，群众满意率１０５％。其后',
      9,
      19,
      '群众满意率１０５％。',
    ],
    ['a colon ends it', '满意率105%：较好', 1, 8, '满意率105%'],
    ['spaces around the line are not quoted', '  满意率105%  ', 3, 10, '满意率105%'],
    [
      'at most 40 characters either side of the number',
      `${'甲'.repeat(50)}满意率105%${'乙'.repeat(50)}`,
      14,
      98,
      `${'甲'.repeat(37)}满意率105%${'乙'.repeat(40)}`,
    ],
  ])('%s', async (_why, text, column, endColumn, quote) => {
    expect(await evidenceOf(text)).toEqual([{ line: 1, column, endLine: 1, endColumn, quote }]);
  });
});

describe('metrics: derived rates, targets and the first stated value', () => {
  const achieved = async (...lines: string[]) => (await analyse([TITLE, ...lines].join('\n'))).facts.achieved;

  it('a rate derived from the counts, to one decimal, from the year’s figures', async () => {
    const rate = (await achieved('一、主要举措和成效', '全年排查矛盾纠纷3件，成功调解2件。')).get('mediation.rate');
    expect(rate).toMatchObject({ value: 66.7, unit: '%', derived: true, target: false, approx: false });
    expect(rate?.from?.map((m) => m.id)).toEqual(['mediation.cases', 'mediation.resolved']);
  });

  it('an approximate count makes the derived rate approximate', async () => {
    const rate = (await achieved('一、主要举措和成效', '全年排查矛盾纠纷40余件，成功调解38件。')).get('mediation.rate');
    expect(rate).toMatchObject({ value: 95, derived: true, approx: true });
  });

  it('no rate is derived from zero cases', async () => {
    expect((await achieved('一、主要举措和成效', '全年排查矛盾纠纷0件，成功调解0件。')).has('mediation.rate')).toBe(
      false,
    );
  });

  it('a stated rate wins over the derived one', async () => {
    const rate = (await achieved('一、主要举措和成效', '全年排查矛盾纠纷3件，成功调解2件，调解成功率67%。')).get(
      'mediation.rate',
    );
    expect(rate).toMatchObject({ value: 67, derived: false });
  });

  it('the first stated value of the year counts, a later one does not replace it', async () => {
    const cases = (await achieved('一、主要举措和成效', '受理矛盾纠纷12件。', '另受理矛盾纠纷30件。')).get(
      'mediation.cases',
    );
    expect(cases?.value).toBe(12);
    expect(cases?.span.line).toBe(3);
  });

  it('counts only in the plan give no achieved value, and no derived rate', async () => {
    const map = await achieved(
      '一、主要举措和成效',
      '开展普法。',
      '二、下一步工作打算',
      '力争受理矛盾纠纷全部调解，成功调解50件。',
    );
    expect(map.has('mediation.resolved')).toBe(false);
    expect(map.has('mediation.rate')).toBe(false);
  });
});

describe('hygiene/duplicate-sentences: reworded copies at the 0.7 similarity threshold', () => {
  // 41 characters, 40 distinct character pairs.
  const BASE = '全年组织干部职工学习宪法民法典和行政复议法等法律法规十二次并邀请律师开展专题讲座提';
  const pairs = (s: string) => new Set([...s].slice(1).map((c, i) => (s[i] as string) + c));
  /** BASE with the characters at these offsets replaced by ones it does not contain. */
  const reworded = (at: number[]) =>
    [...BASE].map((c, i) => (at.includes(i) ? '甲乙丙丁戊己庚'[at.indexOf(i)] : c)).join('');

  it('the base sentence is what the cases below assume', () => {
    expect(BASE).toHaveLength(41);
    expect(pairs(BASE).size).toBe(40);
  });

  it.each([
    ['6 changes inside: 28 of 40 pairs shared (0.7) → a copy', [3, 9, 15, 21, 27, 33], 28, 'fail'],
    ['6 inside and the last character: 27 of 40 (0.675) → not a copy', [3, 9, 15, 21, 27, 33, 40], 27, 'pass'],
    ['1 change: 38 of 40 → a copy', [20], 38, 'fail'],
  ])('%s', async (_why, at, shared, verdict) => {
    const copy = reworded(at);
    const common = [...pairs(copy)].filter((p) => pairs(BASE).has(p)).length;
    expect(common).toBe(shared);
    const text = [TITLE, '一、主要举措和成效', `${BASE}。`, '开展普法宣传12场。', `${copy}。`].join('\n');
    const r = await checkText(text, rules);
    const f = r.findings.find((x) => x.ruleId === 'hygiene/duplicate-sentences');
    expect(f?.status).toBe(verdict);
    if (verdict === 'fail') {
      expect(f?.evidence).toHaveLength(1);
      expect(f?.evidence[0]?.line).toBe(5);
      expect(f?.evidence[0]?.note).toBe(`与第3行内容相近（${Math.round((shared / 40) * 100)}%）`);
    }
  });

  it('an identical copy is named as such, and a copy in the plan is not compared', async () => {
    const same = [TITLE, '一、主要举措和成效', `${BASE}。`, '开展普法宣传12场。', `${BASE}！`].join('\n');
    const f = (await checkText(same, rules)).findings.find((x) => x.ruleId === 'hygiene/duplicate-sentences');
    expect(f?.evidence[0]?.note).toBe('与第3行重复');
    const plan = [TITLE, '一、主要举措和成效', `${BASE}。`, '二、下一步工作打算', `${BASE}。`].join('\n');
    expect(await statusOf(plan, 'hygiene/duplicate-sentences')).toBe('pass');
  });
});

describe('years relative to the report year', () => {
  const done = (sentence: string) => `${TITLE}\n一、主要举措和成效\n${sentence}`;
  const withPlan = (sentence: string) => `${TITLE}\n一、主要举措和成效\n开展普法。\n二、下一步工作打算\n${sentence}`;

  it.each([
    ['the report year itself', 'pass', done('2025年开展执法检查30次。')],
    ['the year after, as done', 'fail', done('2026年开展执法检查30次。')],
    ['two years after, as done', 'fail', done('2027年开展执法检查30次。')],
    ['the year before', 'pass', done('2024年开展执法检查30次。')],
    ['a later year as a goal (到)', 'pass', done('到2026年基本建成。')],
    ['early in the next year (2026年3月)', 'pass', done('截至2026年3月，办结案件12件。')],
    ['April of the next year, as done', 'fail', done('2026年4月办结案件12件。')],
    ['a later year in the plan', 'pass', withPlan('2026年开展执法检查30次。')],
    ['a number of 年 that is no calendar year', 'fail', done('服务群众2100年。')],
    ['beyond 2100 is no year', 'pass', done('累计2101年。')],
  ])('structure/no-later-year-done: %s → %s', async (_why, verdict, text) => {
    expect(await statusOf(text, 'structure/no-later-year-done')).toBe(verdict);
  });

  it.each([
    ['the plan names the next year', 'pass', withPlan('2026年开展执法检查30次。')],
    ['the plan names the report year only', 'fail', withPlan('2025年继续开展执法检查。')],
    ['the plan names the year after next only', 'fail', withPlan('2027年开展执法检查30次。')],
    ['the plan says 明年', 'pass', withPlan('明年继续开展执法检查。')],
  ])('structure/next-year-named: %s → %s', async (_why, verdict, text) => {
    expect(await statusOf(text, 'structure/next-year-named')).toBe(verdict);
  });

  it.each([
    ['今年 with the report year', 'pass', done('今年（2025年）开展普法12场。')],
    ['今年 with the year before', 'fail', done('今年（2024年）开展普法12场。')],
    ['今年 with two years before', 'fail', done('今年（2023年）开展普法12场。')],
    ['今年 with three years before (out of range)', 'pass', done('今年（2022年）开展普法12场。')],
    ['今年 with the next year, as done', 'fail', done('今年（2026年）开展普法12场。')],
    ['a comparison with the year before', 'pass', done('今年开展普法12场，较2024年增长20%。')],
    ['今年 in the plan may be the next year', 'pass', withPlan('今年（2026年）将开展普法15场。')],
    ['今年 in the plan with the year before', 'fail', withPlan('今年（2024年）将开展普法15场。')],
  ])('structure/this-year-consistent: %s → %s', async (_why, verdict, text) => {
    expect(await statusOf(text, 'structure/this-year-consistent')).toBe(verdict);
  });
});

describe('personal data: identity numbers at the edges of a valid date, and mobile numbers', () => {
  /** An 18-digit identity number with the right GB 11643 check digit for these first 17 digits. */
  const withCheck = (first17: string) => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] as number), 0);
    return first17 + ('10X98765432'[sum % 11] as string);
  };
  const id = (date: string) => withCheck(`110101${date}123`);
  const wrongCheck = (s: string) => s.slice(0, 17) + (s[17] === '0' ? '1' : '0');

  it.each([
    ['a valid number', id('19900307'), 'fail'],
    ['the check digit wrong', wrongCheck(id('19900307')), 'pass'],
    ['born in 1900', id('19000101'), 'fail'],
    ['born in 1899', id('18991231'), 'pass'],
    ['born in 2100', id('21001231'), 'fail'],
    ['born in 2101', id('21010101'), 'pass'],
    ['month 12', id('19901201'), 'fail'],
    ['month 13', id('19901301'), 'pass'],
    ['month 00', id('19900001'), 'pass'],
    ['day 31', id('19900131'), 'fail'],
    ['day 32', id('19900132'), 'pass'],
    ['day 00', id('19900100'), 'pass'],
    ['a mobile number', '13812345678', 'fail'],
    ['a mobile number starting 19', '19912345678', 'fail'],
    ['11 digits starting 12 are no mobile number', '12812345678', 'pass'],
  ])('%s (%s) → %s', async (_why, number, verdict) => {
    expect(await statusOf(`联系人李某，号码${number}，已办结。`, 'hygiene/personal-data')).toBe(verdict);
  });

  it('an X check digit is read in either case', async () => {
    // 17 digits whose check digit is X.
    let first17 = '';
    for (let n = 0; !first17; n++) {
      const candidate = `110101199003070${String(n).padStart(2, '0')}`;
      if (withCheck(candidate).endsWith('X')) first17 = candidate;
    }
    expect(await statusOf(`号码${first17}X。`, 'hygiene/personal-data')).toBe('fail');
    expect(await statusOf(`号码${first17}x。`, 'hygiene/personal-data')).toBe('fail');
  });
});

describe('part checks: top-level headings, sub-headings and inferred parts', () => {
  const find = async (text: string, ruleId: string) =>
    (await checkText(text, rules)).findings.find((f) => f.ruleId === ruleId);

  it('a top-level heading counts, and its evidence is the heading line', async () => {
    const f = await find(`${TITLE}\n一、主要举措和成效\n开展普法。`, 'structure/measures');
    expect(f?.status).toBe('pass');
    expect(f?.evidence.map((e) => [e.line, e.quote, e.note])).toEqual([[2, '一、主要举措和成效', undefined]]);
  });

  it('an inferred part passes with a note that says so', async () => {
    const f = await find(
      `${TITLE}\n一、依法全面履行政府职能\n开展普法。\n二、存在的问题\n不足。`,
      'structure/measures',
    );
    expect(f?.status).toBe('pass');
    expect(f?.evidence[0]?.line).toBe(2);
    expect(f?.evidence[0]?.note).toContain('按位置推定');
  });

  it('a sub-heading is enough for the first-responsible part (headings: any), not for the others', async () => {
    const text = `${TITLE}\n一、主要举措和成效\n（一）主要负责人履行推进法治建设职责情况\n亲自部署。\n（二）下一步工作打算\n继续。`;
    expect((await find(text, 'structure/first-responsible'))?.status).toBe('pass');
    expect((await find(text, 'structure/first-responsible'))?.evidence[0]?.line).toBe(3);
    expect((await find(text, 'structure/next-year'))?.status).toBe('fail');
    expect((await find(text, 'structure/next-year'))?.evidence).toEqual([]);
  });

  it('a heading line quoted as evidence is cut at 60 characters', async () => {
    const long = `一、主要举措和成效${'甲'.repeat(70)}`;
    const f = await find(`${TITLE}\n${long}\n开展普法。`, 'structure/measures');
    expect(f?.evidence[0]?.quote).toBe(long.slice(0, 60));
  });

  it('absent: every hit is quoted and each label named once', async () => {
    const f = await find(`${TITLE}\n一、主要举措和成效\nXX镇开展普法。\nXX乡开展普法。`, 'hygiene/template-residue');
    expect(f?.status).toBe('fail');
    expect(f?.evidence.map((e) => e.line)).toEqual([3, 4]);
  });
});

describe('--param overrides: the allowed range, inclusive', () => {
  // numbers/rate-matches-counts.tolerance: 0 to 10; hygiene/duplicate-sentences.minLength: from 10.
  it.each([
    ['numbers/rate-matches-counts', 'tolerance', '0', true],
    ['numbers/rate-matches-counts', 'tolerance', '10', true],
    ['numbers/rate-matches-counts', 'tolerance', ' 2.5 ', true],
    ['numbers/rate-matches-counts', 'tolerance', 3, true],
    ['numbers/rate-matches-counts', 'tolerance', '-0.1', false],
    ['numbers/rate-matches-counts', 'tolerance', '10.1', false],
    ['numbers/rate-matches-counts', 'tolerance', '', false],
    ['numbers/rate-matches-counts', 'tolerance', 'abc', false],
    ['hygiene/duplicate-sentences', 'minLength', '10', true],
    ['hygiene/duplicate-sentences', 'minLength', '9', false],
    ['hygiene/duplicate-sentences', 'minLength', '100000', true],
  ] as const)('%s.%s=%j → %s', (ruleId, name, value, ok) => {
    const make = () => builtinRules({ [ruleId]: { [name]: value } });
    if (ok) expect(make().rules.find((r) => r.rule.id === ruleId)?.params[name]).toBe(Number(value));
    else expect(make).toThrow(value === '' || value === 'abc' ? /应为数字/ : /超出允许范围/);
  });

  it('the range is named in the error', () => {
    expect(() => builtinRules({ 'numbers/rate-matches-counts': { tolerance: '11' } })).toThrow(
      '--param numbers/rate-matches-counts.tolerance=11: 超出允许范围 0–10',
    );
    expect(() => builtinRules({ 'hygiene/duplicate-sentences': { minLength: '5' } })).toThrow('超出允许范围 10–∞');
  });

  it('an unknown param names the ones there are; an unknown rule is refused', () => {
    expect(() => builtinRules({ 'numbers/rate-matches-counts': { tol: '1' } })).toThrow('（可用：tolerance）');
    expect(() => builtinRules({ 'numbers/certified-rate': { min: '1' } })).toThrow('（该规则无参数）');
    expect(() => builtinRules({ 'no/such-rule': { x: '1' } })).toThrow('没有这条规则');
  });

  it('a wider tolerance turns a failing rate into a passing one', async () => {
    const text = '全年排查矛盾纠纷200件，成功调解190件，调解成功率96%。';
    const wide = builtinRules({ 'numbers/rate-matches-counts': { tolerance: '1' } });
    const status = async (ruleSet = rules) =>
      (await checkText(text, ruleSet)).findings.find((f) => f.ruleId === 'numbers/rate-matches-counts')?.status;
    expect(await status()).toBe('fail');
    expect(await status(wide)).toBe('pass');
  });
});

describe('approximate figures', () => {
  const casesOf = async (phrase: string) =>
    (
      await analyse([TITLE, '一、主要举措和成效', `全年排查矛盾纠纷${phrase}，成功调解30件。`].join('\n'))
    ).facts.achieved.get('mediation.cases');

  it.each([
    ['40件', 40, false],
    ['近40件', 40, true],
    ['约40件', 40, true],
    ['超40件', 40, true],
    ['超过40件', 40, true],
    ['逾40件', 40, true],
    ['40余件', 40, true],
    ['40多件', 40, true],
    ['40件左右', 40, true],
    ['4万余件', 40000, true],
    ['四十余件', 40, true],
  ])('%s → %d, approximate: %s', async (phrase, value, approx) => {
    expect(await casesOf(phrase)).toMatchObject({ value, approx });
  });
});
