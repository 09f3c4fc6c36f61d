import { describe, expect, it } from 'vitest';
import { checkText } from '../src/report/text.js';
import { builtinRules, statusOf } from './helpers.js';

/**
 * The rubric's rules on sentences written for this test, not taken from any report: the same
 * facts in other words and other orders than the rules' own examples, as towns vary them. A
 * rule that passes only on the wording it was written from fails here.
 */
const CASES: Array<[string, 'pass' | 'fail', string]> = [
  ['study/xi-thought', 'pass', '镇党委理论学习中心组把习近平法治思想列为年度专题，全年集中学习4次。'],
  ['study/xi-thought', 'pass', '围绕习近平法治思想，邀请市委党校教师为全体机关干部作专题辅导。'],
  ['study/xi-thought', 'pass', '组织村（社区）干部参加习近平法治思想轮训2期。'],
  ['study/xi-thought', 'pass', '今年以来，我镇深入学习领会习近平法治思想，召开党委会专题学习3次。'],
  ['study/xi-thought', 'pass', '习近平法治思想宣讲进村入户12场次。'],
  ['study/xi-thought', 'fail', '我镇坚持以习近平法治思想为指导，全面推进依法行政。'],
  ['study/xi-thought', 'fail', '下一步，将持续深入学习习近平法治思想。'],
  ['study/collective-learning', 'pass', '每次党委会召开前安排一部法律法规的会前学法，全年共计14次。'],
  ['study/collective-learning', 'pass', '全镇干部职工参加网上学法考试，参考率100%。'],
  ['study/collective-learning', 'pass', '镇政府常务会议集体学习《行政处罚法》《信访工作条例》等法律法规。'],
  ['study/collective-learning', 'pass', '组织机关干部和村“两委”成员开展法律知识培训3场。'],
  ['study/collective-learning', 'fail', '干部学法用法的自觉性还有待提高。'],
  ['study/leadership-lectures', 'pass', '邀请县司法局业务骨干为镇领导班子上法治课2次。'],
  ['study/leadership-lectures', 'pass', '举办领导干部法治专题讲座两期。'],
  ['study/leadership-lectures', 'fail', '明年计划举办法治讲座2期。'],
  ['leadership/mechanism', 'pass', '调整充实镇法治政府建设工作领导小组，由镇长任组长。'],
  ['leadership/mechanism', 'pass', '镇党委会全年4次专题研究法治建设工作。'],
  ['leadership/mechanism', 'pass', '把法治政府建设成效纳入村（社区）年度综合考核。'],
  ['leadership/mechanism', 'pass', '党政班子定期听取法治建设工作汇报，及时解决存在的问题。'],
  ['leadership/mechanism', 'fail', '在县委县政府的坚强领导下，我镇法治建设取得新成效。'],
  ['leadership/law-popularisation', 'pass', '利用赶集日开展法律咨询和普法宣传活动8场，发放资料3000余份。'],
  ['leadership/law-popularisation', 'pass', '以“宪法宣传周”为契机，组织法治文艺演出进村。'],
  ['leadership/law-popularisation', 'pass', '民法典宣传进社区、进企业、进校园活动覆盖群众5000余人次。'],
  ['leadership/law-popularisation', 'pass', '在各村设立法治宣传栏，定期更新法律知识。'],
  ['leadership/law-popularisation', 'fail', '普法宣传的针对性和实效性有待增强。'],
  ['leadership/report-on-law', 'pass', '镇党委书记、镇长在年终述职时一并报告履行推进法治建设第一责任人职责情况。'],
  ['leadership/report-on-law', 'pass', '各村党组织书记开展述职述法，接受党员群众评议。'],
  ['leadership/report-on-law', 'pass', '把法治建设情况作为领导干部年度述职的重要内容。'],
  ['leadership/report-on-law', 'fail', '下一步将推行领导干部述法制度。'],
  ['functions/government-services', 'pass', '镇为民服务中心设立综合受理窗口，实行“一窗受理、集成服务”。'],
  ['functions/government-services', 'pass', '全年代办帮办企业群众事项560件。'],
  ['functions/government-services', 'pass', '推动社保、医保等高频事项在村级便民服务站就近办理。'],
  ['functions/government-services', 'pass', '深化“放管服”改革，承接县级下放事项42项。'],
  ['functions/government-services', 'fail', '持续优化营商环境，提升群众满意度。'],
  ['enforcement/three-systems', 'pass', '严格落实行政执法公示、执法全过程记录和重大执法决定法制审核制度。'],
  ['enforcement/three-systems', 'pass', '全面推行行政执法“三项制度”，执法信息在政府网站公开。'],
  [
    'enforcement/three-systems',
    'pass',
    '综合执法队配备执法记录仪12台，实现执法过程全程记录，重大执法决定均经法制审核。',
  ],
  ['enforcement/three-systems', 'fail', '规范公正文明执法水平还需提高。'],
  ['counsel/legal-adviser', 'pass', '镇政府聘请律师事务所律师担任常年法律顾问，全年审查合同38份。'],
  ['counsel/legal-adviser', 'pass', '重大决策事项出台前均征求法律顾问意见。'],
  ['counsel/legal-adviser', 'pass', '各村（社区）法律顾问每月驻村坐班一天，为群众解答法律问题。'],
  ['counsel/legal-adviser', 'pass', '与某律师事务所续签法律顾问协议。'],
  ['counsel/legal-adviser', 'fail', '部分村法律顾问作用发挥不明显。'],
  ['decision/collective', 'pass', '凡涉及“三重一大”事项，均经镇党委会集体研究决定。'],
  ['decision/collective', 'pass', '重大行政决策严格履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。'],
  ['decision/collective', 'pass', '全年提交镇政府常务会议集体讨论决定重大事项15项。'],
  ['decision/collective', 'fail', '进一步规范重大行政决策程序。'],
  ['supervision/open-government', 'pass', '通过政府门户网站主动公开政府信息126条。'],
  ['supervision/open-government', 'pass', '全年办理依申请公开事项3件，均在法定期限内答复。'],
  ['supervision/open-government', 'pass', '各村按时更新党务、村务、财务公开栏。'],
  ['supervision/open-government', 'fail', '政务公开的及时性还不够。'],
  ['mediation/mechanism', 'pass', '镇、村两级人民调解委员会全年调处矛盾纠纷150件。'],
  ['mediation/mechanism', 'pass', '推行“访调对接”工作法，把信访矛盾导入调解渠道。'],
  ['mediation/mechanism', 'pass', '建成镇综治中心，整合司法所、派出所、信访办力量集中化解矛盾纠纷。'],
  ['mediation/mechanism', 'pass', '坚持和发展新时代“枫桥经验”，小事不出村、大事不出镇。'],
  ['mediation/mechanism', 'fail', '全年受理矛盾纠纷60件，调解成功58件。'],
];

// The sentence stands in an otherwise plain report: title, preamble, the measures heading.
const report = (sentence: string) =>
  `某镇2024年法治政府建设工作情况报告\n\n2024年，某镇认真贯彻落实上级部署，现将有关情况报告如下。\n一、主要举措和成效\n${sentence}\n`;

describe('the same facts in other words', () => {
  const rules = builtinRules();
  it.each(CASES)('%s → %s: %s', async (ruleId, expected, sentence) => {
    expect(statusOf(await checkText(report(sentence), rules, 'x.txt'), ruleId)).toBe(expected);
  });
});
