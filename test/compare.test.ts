import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareReports, COPY_THRESHOLD, type ComparedReport } from '../src/compare/index.js';
import { comparable, jaccard, shingles, topicBigrams, topicCover } from '../src/compare/text.js';
import { compileConcept, compileRuleSet } from '../src/engine/compile.js';
import { readInput } from '../src/ingest/index.js';
import { DEFAULT_PACKS, loadPackSet } from '../src/packs/load.js';
import { analyseSource } from '../src/report/pipeline.js';
import { ROOT, runCli } from './helpers.js';

const packs = loadPackSet(DEFAULT_PACKS);
const ruleSet = compileRuleSet(packs);
const FIXTURES = path.join(ROOT, 'test/fixtures/compare');

async function analyse(text: string, file = 'r.txt'): Promise<ComparedReport> {
  return analyseSource({ file, format: 'text', encoding: null, text }, ruleSet);
}
const fixture = async (name: string) => analyseSource(await readInput(path.join(FIXTURES, name)), ruleSet);

/** A report of the given measures, plans and shortcomings, in the statutory parts. */
function report(year: number, parts: { measures: string[]; shortcomings?: string[]; plans?: string[] }): string {
  return [
    `白沙镇关于${year}年法治政府建设情况的报告`,
    '一、主要举措和成效',
    ...parts.measures,
    '二、存在的不足和原因',
    ...(parts.shortcomings ?? ['基层法治力量薄弱，原因是人员编制少。']),
    '三、党政主要负责人履行推进法治建设第一责任人职责情况',
    '镇党委书记、镇长主持召开法治建设专题会议2次。',
    `四、${year + 1}年推进法治政府建设的主要安排`,
    ...(parts.plans ?? []),
    '五、其他需要报告的情况',
    '无。',
  ].join('\n');
}

describe('plans against results (planted pair: 青石镇 2023 → 2024)', async () => {
  const c = compareReports(await fixture('2023.txt'), await fixture('2024.txt'), packs);
  const status = (start: string) => c.plans.find((p) => p.text.startsWith(start))?.status;

  it.each([
    ['加强法律顾问队伍建设', 'done', 'done in other words: 聘请2名律师担任镇政府法律顾问'],
    ['创新法治宣传教育方式', 'done', 'done as 送法进村、以案说法等活动12场'],
    ['全面落实行政执法公示', 'not-reported', 'nothing this year on the three enforcement systems'],
    ['组织开展防汛和森林防火应急演练', 'again', 'only planned again (组织开展防汛应急演练)'],
    ['一是法治宣传形式比较单一', 'done', 'a shortcoming remedied by this year’s varied campaigns'],
    ['二是执法人员业务能力有待提高', 'again', 'the same shortcoming written again this year'],
  ])('%s → %s (%s)', (start, expected) => {
    expect(status(start)).toBe(expected);
  });

  it('quotes this year’s evidence with its line', () => {
    const counsel = c.plans.find((p) => p.text.startsWith('加强法律顾问队伍建设'))!;
    expect(counsel.evidence[0]).toEqual({
      quote: expect.stringContaining('聘请2名律师担任镇政府法律顾问'),
      line: 9,
    });
    expect(counsel.concepts).toContain('法律顾问、公职律师');
  });

  it('finds the copied paragraph, and not the one rewritten on the same topic (a near-miss)', () => {
    expect(c.copied).toHaveLength(1);
    expect(c.copied[0]).toMatchObject({ line: 11, lastLine: 9, similarity: 1 });
    expect(c.copied.some((p) => p.quote.includes('集体学法'))).toBe(false);
  });

  it('flags the mediation rate written again, but not 100% nor the copied paragraph’s figures', () => {
    expect(c.repeatedNumbers.map((n) => [n.value, n.line, n.lastLine])).toEqual([['98%', 15, 11]]);
  });
});

describe('plans against results: the words of aim never match by themselves', () => {
  it('"加强" anywhere does not do a plan to strengthen the legal advisers', async () => {
    const last = await analyse(report(2023, { measures: ['开展普法活动5场。'], plans: ['加强法律顾问队伍建设。'] }));
    const current = await analyse(
      report(2024, { measures: ['加强组织领导，开展普法活动6场。', '加强执法队伍建设。'] }),
    );
    const [plan] = compareReports(last, current, packs).plans;
    expect(plan).toMatchObject({ text: '加强法律顾问队伍建设。', status: 'not-reported', evidence: [] });
  });

  it('a mention that is itself a plan does not do it', async () => {
    const last = await analyse(report(2023, { measures: ['开展普法活动5场。'], plans: ['加强法律顾问队伍建设。'] }));
    const current = await analyse(
      report(2024, { measures: ['开展普法活动6场。', '下一步将聘请法律顾问。'], plans: ['聘请法律顾问。'] }),
    );
    expect(compareReports(last, current, packs).plans[0]?.status).toBe('again');
  });

  it('a plan no concept names is matched by what it is about', async () => {
    const last = await analyse(
      report(2023, { measures: ['开展普法活动5场。'], plans: ['完成镇便民服务中心改造提升。'] }),
    );
    const done = await analyse(report(2024, { measures: ['投入资金80万元完成便民服务中心改造。'] }));
    const not = await analyse(report(2024, { measures: ['开展普法活动6场。'] }));
    expect(compareReports(last, done, packs).plans[0]?.status).toBe('done');
    expect(compareReports(last, not, packs).plans[0]?.status).toBe('not-reported');
  });

  it('under a heading of both problems and plans, a paragraph with 有待 is a shortcoming, the others plans', async () => {
    const text = [
      '白沙镇关于2023年法治政府建设情况的报告',
      '一、主要举措和成效',
      '开展普法活动5场。',
      '二、存在的问题及下一步打算',
      '执法人员业务能力有待提高。',
      '组织执法人员参加业务培训。',
    ].join('\n');
    const c = compareReports(await analyse(text), await analyse(report(2024, { measures: ['开展普法6场。'] })), packs);
    expect(c.plans.map((p) => [p.kind, p.text])).toEqual([
      ['plan', '组织执法人员参加业务培训。'],
      ['shortcoming', '执法人员业务能力有待提高。'],
    ]);
  });
});

describe('copied paragraphs: the threshold and what is never compared', () => {
  const long =
    '依托镇政府门户网站和村务公开栏及时公开财政预决算惠民补贴发放重大项目建设等信息全年主动公开政府信息三百余条';

  it('counts a paragraph at the threshold and not one just below it', () => {
    const a = shingles(comparable(long));
    expect(jaccard(a, a)).toBe(1);
    // Changing characters lowers the similarity step by step; the threshold sits between two steps.
    const variants = [1, 2, 3, 4, 5, 6].map((n) => long.slice(0, -n * 3) + '改'.repeat(n * 3));
    const scores = variants.map((v) => jaccard(a, shingles(comparable(v))));
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(scores.some((s) => s >= COPY_THRESHOLD)).toBe(true);
    expect(scores.some((s) => s < COPY_THRESHOLD)).toBe(true);
  });

  it('ignores punctuation and spacing, but not changed figures', () => {
    expect(comparable('全年，公开 信息320条。')).toBe('全年公开信息320条');
    expect(comparable('全年公开信息320条')).not.toBe(comparable('全年公开信息321条'));
  });

  it('keeps exactly what /[\\p{L}\\p{N}%.]/u keeps, astral letters and lone surrogates included', () => {
    const byRegex = (text: string) => text.replace(/[^\p{L}\p{N}%.]/gu, '');
    // Code units from every range that matters: ASCII, CJK and its punctuation, full-width forms, surrogates.
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0x2fff }),
      fc.integer({ min: 0x3000, max: 0x9fff }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.integer({ min: 0xe000, max: 0xffff }),
    );
    const text = fc.array(
      fc.oneof(
        unit.map((c) => String.fromCharCode(c)),
        fc.constantFrom('𠀀', '𝟘', '😀', '𐌰'),
      ),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(text, (parts) => {
        const t = parts.join('');
        expect(comparable(t)).toBe(byRegex(t));
      }),
      { numRuns: 2000 },
    );
    expect(comparable('a\ud800b\udc00c𠀀。')).toBe('abc𠀀');
  });

  it('never counts boilerplate, headings or short paragraphs', async () => {
    const same = [
      '现将我镇法治政府建设情况报告如下，请审阅，特此报告，如有不妥之处敬请批评指正谢谢。',
      '开展普法活动5场。',
    ];
    const c = compareReports(
      await analyse(report(2023, { measures: same })),
      await analyse(report(2024, { measures: same })),
      packs,
    );
    expect(c.copied).toEqual([]);
  });
});

describe('topic measures', () => {
  // The words of aim are the `aim` concept of rules/concepts.yaml.
  const aim = compileConcept(packs.concepts.get('aim')!, () => null).re;
  it('set the words of aim aside', () => {
    expect([...topicBigrams('进一步加强法律顾问队伍建设', aim)]).toEqual(['法律', '律顾', '顾问', '问队', '队伍']);
    expect(topicCover(topicBigrams('加强法律顾问队伍建设', aim), comparable('聘请法律顾问2名'))).toBeCloseTo(3 / 5);
    expect(topicBigrams('持续加强，深入推进', aim)).toEqual(new Set());
  });
});

describe('fazhi compare (command line)', () => {
  const a = 'test/fixtures/compare/2023.txt';
  const b = 'test/fixtures/compare/2024.txt';

  it('prints a readable comparison', () => {
    const run = runCli(['compare', a, b]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^对比：青石镇 2023年度（.+2023\.txt） → 青石镇 2024年度/);
    expect(run.stdout).toContain('去年的下一年度安排（5 项：已报告完成 3，未见报告 1，再次列为计划 1）');
    expect(run.stdout).toContain('↻ 仍列为不足  第16行：二是执法人员业务能力有待提高');
    expect(run.stdout).toContain('与去年相同的数字：1 处');
  });

  it('prints one JSON object with --format json', () => {
    const run = runCli(['compare', a, b, '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['last', 'current', 'plans', 'copied', 'repeatedNumbers', 'copyThreshold']);
    const plans = json.plans as Array<Record<string, unknown>>;
    expect(Object.keys(plans[0]!)).toEqual(['text', 'line', 'kind', 'status', 'evidence', 'concepts']);
    expect((json.repeatedNumbers as Array<{ value: string }>)[0]?.value).toBe('98%');
  });

  it.each([
    [['compare', a, 'test/fixtures/compare/none.txt'], /^fazhi: test\/fixtures\/compare\/none\.txt: /],
    [['compare', a, b, '--format', 'xml'], /^fazhi: 用法错误：.*xml/],
    [['compare', a], /^fazhi: 用法错误：/],
  ])('refuses bad input with one Chinese line and exit code 2: %j', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});
