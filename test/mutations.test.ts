import { describe, expect, it } from 'vitest';
import { checkText } from '../src/report/text.js';
import { builtinRules, readReport } from './helpers.js';

/**
 * Mutation tests on real reports: removing or altering the evidence must flip a rule;
 * saying the same thing in other words (同义改写) must not.
 */
const rules = builtinRules();

async function status(text: string, ruleId: string): Promise<string | undefined> {
  return (await checkText(text, rules)).findings.find((f) => f.ruleId === ruleId)?.status;
}

/** Replace every occurrence; at least one must exist, so a mutation cannot silently do nothing. */
function replaceAll(text: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, 'g')) ?? []).length;
  if (count === 0) throw new Error(`mutation target not found: ${String(from)}`);
  return typeof from === 'string' ? text.split(from).join(to) : text.replace(new RegExp(from.source, 'g'), to);
}

/** Drop the lines [from, to] (1-based, inclusive). */
function dropLines(text: string, from: number, to: number): string {
  const lines = text.split('\n');
  lines.splice(from - 1, to - from + 1);
  return lines.join('\n');
}

const TAOJIA = readReport('taojia-2025.txt');
const XUANTAN = readReport('xuantan-2024.txt');
const GURTU = readReport('gurtu-2024.txt');

// [rule, report, original verdict, mutated text, verdict after]
type Case = [string, string, string, string, string];

const FLIPS: Case[] = [
  // each statutory part deleted
  ['structure/measures', 'taojia', 'pass', dropLines(TAOJIA, 3, 23), 'fail'],
  ['structure/first-responsible', 'taojia', 'pass', dropLines(TAOJIA, 24, 25), 'fail'],
  ['structure/shortcomings', 'taojia', 'pass', dropLines(TAOJIA, 26, 36), 'fail'],
  ['structure/next-year', 'taojia', 'pass', dropLines(TAOJIA, 37, 51), 'fail'],
  ['structure/other', 'taojia', 'pass', dropLines(TAOJIA, 52, 53), 'fail'],
  ['structure/first-responsible', 'xuantan', 'pass', dropLines(XUANTAN, 2, 5), 'fail'],
  ['structure/next-year', 'gurtu', 'pass', dropLines(GURTU, 14, 17), 'fail'],
  // the first-responsible part demoted to a passing mention inside another section
  [
    'structure/first-responsible',
    'taojia',
    'pass',
    replaceAll(TAOJIA, '二、2025年党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况\n', ''),
    'fail',
  ],
  // 三项制度: the statement removed, then 法制审核 dropped from the three named
  ['enforcement/three-systems', 'taojia', 'pass', replaceAll(TAOJIA, '落实行政执法“三项制度”,', ''), 'fail'],
  [
    'enforcement/three-systems',
    'xuantan',
    'pass',
    // Two of the three named still pass: 法制审核 and 全过程记录 both dropped.
    replaceAll(replaceAll(replaceAll(XUANTAN, /“三项制度”/, '规范'), '法制审核', '审查'), /全过程(记录|留痕)/, '过程'),
    'fail',
  ],
  // the three systems moved into the plan
  ['enforcement/three-systems', 'gurtu', 'pass', replaceAll(GURTU, '认真贯彻落实行政执法“三项制度”，', ''), 'fail'],
  // legal adviser: use removed; only the plan mentions it
  [
    'counsel/legal-adviser',
    'taojia',
    'pass',
    // The advisers in the villages' mediation scheme are at work too: that mention goes as well.
    replaceAll(replaceAll(TAOJIA, '全年组织法律顾问参与合同审查136件次', '全年审查合同136件次'), '法律顾问+', ''),
    'fail',
  ],
  [
    'counsel/legal-adviser',
    'taojia',
    'pass',
    replaceAll(replaceAll(TAOJIA, '全年组织法律顾问参与合同审查136件次', '法律顾问作用发挥不充分'), '法律顾问+', ''),
    'fail',
  ],
  // mediation rate changed to 85%, counts to match
  [
    'mediation/success-rate',
    'xuantan',
    'pass',
    replaceAll(replaceAll(XUANTAN, '成功调解162件', '成功调解140件'), /调解成功率(高达)?98%/, '调解成功率85%'),
    'fail',
  ],
  ['mediation/success-rate', 'gurtu', 'pass', replaceAll(GURTU, '调解率达98%', '调解率达85%'), 'fail'],
  // taojia reports no rate: adding resolved counts makes it computable and passing
  [
    'mediation/success-rate',
    'taojia',
    'fail',
    replaceAll(TAOJIA, '全年调解矛盾纠纷125件', '全年调解矛盾纠纷125件,成功调解122件'),
    'pass',
  ],
];

const PARAPHRASES: Case[] = [
  [
    'structure/measures',
    'taojia',
    'pass',
    replaceAll(TAOJIA, '一、2025年推进法治政府建设的主要举措和成效', '一、2025年法治政府建设主要做法及成效'),
    'pass',
  ],
  [
    'structure/shortcomings',
    'taojia',
    'pass',
    replaceAll(TAOJIA, '三、2025年推进法治政府建设存在的不足和原因', '三、存在的问题及原因分析'),
    'pass',
  ],
  [
    'structure/next-year',
    'taojia',
    'pass',
    replaceAll(TAOJIA, '四、2026年推进法治政府建设的主要安排', '四、下一步工作打算'),
    'pass',
  ],
  ['structure/other', 'taojia', 'pass', replaceAll(TAOJIA, '五、其他需要报告的情况', '五、其他需要报告的事项'), 'pass'],
  [
    'structure/first-responsible',
    'taojia',
    'pass',
    replaceAll(
      TAOJIA,
      '二、2025年党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况',
      '二、党政主要负责人履行法治建设第一责任人职责情况',
    ),
    'pass',
  ],
  [
    'enforcement/three-systems',
    'taojia',
    'pass',
    replaceAll(
      TAOJIA,
      '落实行政执法“三项制度”',
      '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度',
    ),
    'pass',
  ],
  [
    'enforcement/three-systems',
    'taojia',
    'pass',
    replaceAll(TAOJIA, '落实行政执法“三项制度”', '严格执行行政执法三项制度'),
    'pass',
  ],
  [
    'counsel/legal-adviser',
    'taojia',
    'pass',
    replaceAll(TAOJIA, '全年组织法律顾问参与合同审查136件次', '全年由法律顾问审核合同136件次'),
    'pass',
  ],
  [
    'counsel/legal-adviser',
    'taojia',
    'pass',
    replaceAll(TAOJIA, '全年组织法律顾问参与合同审查136件次', '全年公职律师参与合同审查136件次'),
    'pass',
  ],
  [
    'mediation/success-rate',
    'xuantan',
    'pass',
    replaceAll(XUANTAN, /调解成功率(高达)?98%/, '矛盾纠纷化解率为百分之九十八'),
    'pass',
  ],
  ['mediation/success-rate', 'gurtu', 'pass', replaceAll(GURTU, '调解率达98%', '调解成功率达９８％'), 'pass'],
];

const REPORTS: Record<string, string> = { taojia: TAOJIA, xuantan: XUANTAN, gurtu: GURTU };

describe('mutations flip the verdict', () => {
  it.each(FLIPS)('%s on %s: %s → %s', async (ruleId, report, before, mutated, after) => {
    expect(await status(REPORTS[report] as string, ruleId)).toBe(before);
    expect(await status(mutated, ruleId)).toBe(after);
  });
});

describe('paraphrases keep the verdict', () => {
  it.each(PARAPHRASES)('%s on %s stays %s', async (ruleId, report, before, mutated, after) => {
    expect(await status(REPORTS[report] as string, ruleId)).toBe(before);
    expect(await status(mutated, ruleId)).toBe(after);
  });
});
