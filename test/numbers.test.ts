import { describe, expect, it } from 'vitest';
import { findNumbers, type NumberToken } from '../src/facts/numbers.js';
import { parseChineseNumeral } from '../src/text/numerals.js';

type Expected = [value: number, unit: string, approx: boolean, raw: string];

const pick = (t: NumberToken): Expected => [t.value, t.unit, t.approx, t.raw];

/** Every token must point back into the text, in order and without overlap. */
function checkInvariants(text: string, tokens: NumberToken[]): void {
  // Plain loop + one assertion: thousands of expect() calls make big inputs slow.
  const bad: NumberToken[] = [];
  let prevEnd = 0;
  for (const t of tokens) {
    const ok =
      t.raw === text.slice(t.start, t.end) && t.start >= prevEnd && t.end > t.start && Number.isFinite(t.value);
    if (!ok) bad.push(t);
    prevEnd = t.end;
  }
  expect(bad).toEqual([]);
}

describe('findNumbers: token table', () => {
  const cases: Array<[input: string, expected: Expected[]]> = [
    // At the text's very edges, where the scanner reads one past the end or one before the start
    ['165', [[165, '', false, '165']]],
    ['1,234', [[1234, '', false, '1,234']]],
    [
      '12,34',
      [
        [12, '', false, '12'],
        [34, '', false, '34'],
      ],
    ],
    ['共5.', [[5, '', false, '5']]],
    ['3千', [[3000, '', false, '3千']]],
    ['3万余', [[30000, '', true, '3万余']]],
    ['5%', [[5, '%', false, '5%']]],
    ['三点', []],
    ['一千余', []],
    ['3次', [[3, '次', false, '3次']]],
    // Arabic integers, thousands separators, comma as list separator
    ['共办理165件', [[165, '件', false, '165件']]],
    ['共1,234件', [[1234, '件', false, '1,234件']]],
    ['累计12,345,678元', [[12345678, '元', false, '12,345,678元']]],
    [
      '受理165件,成功调解162件',
      [
        [165, '件', false, '165件'],
        [162, '件', false, '162件'],
      ],
    ],
    [
      '分别为165,16件',
      [
        [165, '', false, '165'],
        [16, '件', false, '16件'],
      ],
    ],
    [
      '1,2345人',
      [
        [1, '', false, '1'],
        [2345, '人', false, '2345人'],
      ],
    ],
    [
      '1234,567件',
      [
        [1234, '', false, '1234'],
        [567, '件', false, '567件'],
      ],
    ],
    // Percentages
    ['调解成功率98.5%', [[98.5, '%', false, '98.5%']]],
    ['达98%', [[98, '%', false, '98%']]],
    ['实现100%全覆盖', [[100, '%', false, '100%']]],
    ['百分之九十八', [[98, '%', false, '百分之九十八']]],
    ['百分之九十八点五', [[98.5, '%', false, '百分之九十八点五']]],
    ['百分之百完成', [[100, '%', false, '百分之百']]],
    ['百分之98', [[98, '%', false, '百分之98']]],
    ['提高2.5个百分点', [[2.5, '个百分点', false, '2.5个百分点']]],
    // 万/亿 scaling, 余/多 approximations
    ['2万余人次', [[20000, '人次', true, '2万余人次']]],
    ['1500余件', [[1500, '件', true, '1500余件']]],
    ['发放资料5000余份', [[5000, '份', true, '5000余份']]],
    ['2.95万元', [[29500, '元', false, '2.95万元']]],
    ['639.33万元', [[6393300, '元', false, '639.33万元']]],
    ['1.5万元', [[15000, '元', false, '1.5万元']]],
    ['3.2亿元', [[320000000, '元', false, '3.2亿元']]],
    ['50余万元', [[500000, '元', true, '50余万元']]],
    ['3千余份', [[3000, '份', true, '3千余份']]],
    ['惠及2万人', [[20000, '人', false, '2万人']]],
    ['覆盖1万余', [[10000, '', true, '1万余']]],
    ['900多人', [[900, '人', true, '900多人']]],
    // Prefix markers set approx but the token starts at the number
    ['近300人', [[300, '人', true, '300人']]],
    ['约50户', [[50, '户', true, '50户']]],
    ['超过20场', [[20, '场', true, '20场']]],
    ['超3000人次', [[3000, '人次', true, '3000人次']]],
    ['100人左右', [[100, '人', true, '100人']]],
    ['最近3年', [[3, '年', false, '3年']]],
    ['节约3万元', [[30000, '元', false, '3万元']]],
    // Units: longest match, adjacent tokens
    [
      '136批279人次',
      [
        [136, '批', false, '136批'],
        [279, '人次', false, '279人次'],
      ],
    ],
    ['40学时', [[40, '学时', false, '40学时']]],
    ['26个村(社区)', [[26, '个', false, '26个']]],
    ['3个月', [[3, '个月', false, '3个月']]],
    ['5个工作日', [[5, '个工作日', false, '5个工作日']]],
    [
      '“12345”工单191件次',
      [
        [12345, '', false, '12345'],
        [191, '件次', false, '191件次'],
      ],
    ],
    [
      '2024年5月',
      [
        [2024, '年', false, '2024年'],
        [5, '月', false, '5月'],
      ],
    ],
    ['共5件.', [[5, '件', false, '5件']]],
    ['共5件。', [[5, '件', false, '5件']]],
    ['版本2.0', [[2, '', false, '2.0']]],
    ['V2.0版本', []],
    ['身份证号110101199003071234', []],
    ['GB50016标准', []],
    ['第3次会议', []],
    // Chinese numerals with a unit
    ['召开十二次', [[12, '次', false, '十二次']]],
    ['举办两场', [[2, '场', false, '两场']]],
    ['二十六个村', [[26, '个', false, '二十六个']]],
    ['开展三次', [[3, '次', false, '三次']]],
    ['十余次', [[10, '次', true, '十余次']]],
    ['二十多个', [[20, '个', true, '二十多个']]],
    ['一百零五人', [[105, '人', false, '一百零五人']]],
    ['三万余人', [[30000, '人', true, '三万余人']]],
    ['十余万元', [[100000, '元', true, '十余万元']]],
    ['百余家', [[100, '家', true, '百余家']]],
    ['千余份', [[1000, '份', true, '千余份']]],
    ['受益群众万余人', [[10000, '人', true, '万余人']]],
    ['千家万户', []],
    ['近十次', [[10, '次', true, '十次']]],
    ['两个百分点', [[2, '个百分点', false, '两个百分点']]],
    ['二〇二四年', [[2024, '年', false, '二〇二四年']]],
    ['唯一一次', [[1, '次', false, '一次']]],
    ['查处一起案件', [[1, '起', false, '一起']]],
    ['十二月', [[12, '月', false, '十二月']]],
    // Chinese negatives: ordinals, enumerations, words containing 一
    ['第一次', []],
    ['第三季度', []],
    ['第十二次会议', []],
    ['一是加强领导,二是完善制度', []],
    ['统一', []],
    ['统一部署', []],
    ['一站式服务', []],
    ['一体化平台', []],
    ['唯一', []],
    ['十四五规划', []],
    ['七五期间', []],
    ['八五普法', []],
    ['一次性告知', []],
    ['高效办成一件事', []],
    ['一条龙服务', []],
    ['一村(社区)一法律顾问', []],
    ['一户一档', []],
    ['一起研究', []],
    ['千家万户', []],
    ['零件', []],
    ['百姓', []],
    ['人民', []],
    // Degenerate input
    ['', []],
    ['%', []],
    ['百分之', []],
    ['百分之x', []],
  ];

  it.each(cases)('%s', (input, expected) => {
    const tokens = findNumbers(input);
    checkInvariants(input, tokens);
    expect(tokens.map(pick)).toEqual(expected);
  });
});

describe('findNumbers: offsets', () => {
  it('reports start/end of the number itself', () => {
    const text = '全年共受理近300件,其中1,234件办结。';
    const tokens = findNumbers(text);
    expect(tokens.map((t) => [t.start, t.end])).toEqual([
      [6, 10],
      [13, 19],
    ]);
  });

  it('holds raw === slice, sorted, non-overlapping over a long paragraph', () => {
    const paragraph =
      '2024年,我镇深入学习贯彻习近平法治思想,全年召开党委会十二次,专题研究法治工作两场。' +
      '共受理行政复议案件165件,成功调解162件,调解成功率98.5%;发放宣传资料5000余份,' +
      '开展“12·4”宪法宣传周活动,服务群众2万余人次,投入经费2.95万元、639.33万元和1.5万元。' +
      '全镇26个村(社区)实现一村(社区)一法律顾问全覆盖,覆盖率达百分之百,群众满意度百分之九十八点五。' +
      '组织136批279人次参加40学时培训;“12345”热线工单191件次,按期办结率100%。' +
      '第一次会议上,一是统一思想,二是一站式办理,近300人参加,约50户受益,900多人次到场,共5件.';
    const text = paragraph.repeat(50);
    const tokens = findNumbers(text);
    checkInvariants(text, tokens);
    const perParagraph = findNumbers(paragraph);
    expect(tokens.length).toBe(perParagraph.length * 50);
    expect(perParagraph.map((t) => `${t.value}${t.unit}`)).toEqual([
      '2024年',
      '12次',
      '2场',
      '165件',
      '162件',
      '98.5%',
      '5000份',
      '12',
      '4',
      '20000人次',
      '29500元',
      '6393300元',
      '15000元',
      '26个',
      '100%',
      '98.5%',
      '136批',
      '279人次',
      '40学时',
      '12345',
      '191件次',
      '100%',
      '300人',
      '50户',
      '900人次',
      '5件',
    ]);
  });

  it('keeps its invariants on random noise', () => {
    const alphabet = '0123456789,.%万亿千余多近约超过第一二两三十百零〇点分之件次人个元年是统;。、()“”ab';
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let text = '';
    for (let i = 0; i < 200_000; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
    checkInvariants(text, findNumbers(text));
  });

  it('handles long runs without blowing up', () => {
    for (const unit of ['1', '1,000', '一', '十', '九十九', '1.', '百分之', '一村(', '1余万', '第一']) {
      const text = unit.repeat(50_000) + '件';
      checkInvariants(text, findNumbers(text));
    }
  });
});

describe('parseChineseNumeral', () => {
  const table: Array<[string, number | null]> = [
    ['十二', 12],
    ['两', 2],
    ['二十六', 26],
    ['一百零五', 105],
    ['三千', 3000],
    ['两万', 20000],
    ['九十八点五', 98.5],
    ['〇', 0],
    ['零', 0],
    ['百', 100],
    ['十', 10],
    ['十万', 100000],
    ['一千零一十', 1010],
    ['三万五千', 35000],
    ['三千五', 3500],
    ['两万五', 25000],
    ['一亿二千万', 120000000],
    ['一点五万', 15000],
    ['零点五', 0.5],
    ['二〇二四', 2024],
    ['', null],
    ['点五', null],
    ['五点', null],
    ['十百', null],
    ['一二', null],
    ['万万', null],
    ['十四五', null],
    ['abc', null],
    ['12', null],
    ['一点两', null],
  ];

  it.each(table)('%s → %s', (input, expected) => {
    expect(parseChineseNumeral(input)).toBe(expected);
  });
});
