import { withoutCaptures } from '../shared/regex-source.js';
import { unitSet } from '../text/unit-set.js';
import type { Span } from './model.js';

/**
 * Web page chrome and editor artefacts: text that sits in a published file but is
 * not part of the report. Chrome lines are dropped from the body; artefacts are
 * cut out of a line's matching form (the rest of the line is real text).
 */

/**
 * Traditional forms of the characters that portal labels, report titles and township names are
 * written with, folded one for one (offsets stay valid) before the label tests: a mirror in
 * traditional script prints 發布時間, 報告 and 鎮 where the tests look for 发布时间, 报告 and 镇.
 */
const LABEL_FOLD_PAIRS =
  '報报總总結结匯汇況况設设發发時时間间來来瀏浏覽览閱阅讀读點点擊击數数號号題题機机構构關关開开類类頁页當当網网務务' +
  '門门戶户員员會会黨党辦办處处訪访問问統统計计劃划鎮镇鄉乡區区縣县蘇苏於于編编輯辑審审佈布屬属導导碼码簡简體体無无' +
  '礙碍權权狀状態态範范級级長长內内們们該该進进對对為为與与將将從从讓让經经據据給给莊庄園园轄辖礦矿災灾閉闭載载護护' +
  '驗验標标識识備备聯联電电話话圖图幫帮適适轉转鍵键詞词責责華华' +
  '規规專专欄栏稱称業业選选擇择節节營营';
const LABEL_FOLD = new Map<string, string>();
for (let i = 0; i + 1 < LABEL_FOLD_PAIRS.length; i += 2) {
  LABEL_FOLD.set(LABEL_FOLD_PAIRS[i] as string, LABEL_FOLD_PAIRS[i + 1] as string);
}
// Global: only the characters that fold are visited (a line is mostly ideographs that do not).
const LABEL_FOLD_ANY = new RegExp(`[${[...LABEL_FOLD.keys()].join('')}\uff01-\uff5e]`, 'g');
// Most lines have none of them: a table read a unit is four times quicker to tell than the class
// (its 150 characters), and a test cheaper than a replace that finds nothing.
const FOLDS = unitSet([...LABEL_FOLD.keys()].join(''), [0xff01, 0xff5e]);
const anyFolds = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (FOLDS[text.charCodeAt(i)] === 1) return true;
  return false;
};
const foldOne = (c: string): string => {
  const code = c.charCodeAt(0);
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : (LABEL_FOLD.get(c) ?? c);
};

/**
 * `text` with the traditional label characters above and full-width ASCII (２０２６－０３，：) folded;
 * same length, same offsets, so a match can be cut out of the original.
 */
export function foldLabels(text: string): string {
  return anyFolds(text) ? text.replace(LABEL_FOLD_ANY, foldOne) : text;
}

/**
 * Labels of the metadata block a government portal prints above or beside a report (索引号,
 * 发布机构, 发布日期 …). Long labels are never the start of a report sentence; short ones
 * (来源, 时间) count only with a separator after them.
 */
export const META_LABELS_LONG =
  '索引号|信息索引号|内容索引号|审核程序|发布机构|发文机关|发文机构|发文单位|发布单位|发布日期|成文日期|生成日期|印发日期|发布时间|成文时间|' +
  '发文时间|发文日期|公开日期|更新时间|主题分类|体裁分类|组配分类|服务对象分类|信息分类|所属主题|所属机构|' +
  '发文字号|文件编号|有效性|效力状态|是否有效|公开方式|公开形式|公开范围|公开时限|公开属性|信息来源|' +
  '文章来源|稿件来源|责任编辑|点击数|点击量|浏览次数|阅读次数|访问次数|访问量|浏览量|阅读量|关键词|关键字|主题词';
export const META_LABELS_SHORT = '文号|来源|作者|编辑|审核|日期|时间|标题|浏览|阅读|点击|字号|字体|分类|摄影|校对|发布';

// Whole lines that are portal furniture. Tested on the normalised, label-folded line.
export const CHROME_LINE_PATTERNS: readonly RegExp[] = [
  // 索引号/发布机构 metadata, as "label: value", "- [ label ] value" or a pipe-table row
  new RegExp(`^[-*•·]?\\|?[\\[【(]?(?:${META_LABELS_LONG})[\\]】)]?.{0,80}$`),
  new RegExp(`^[-*•·]?\\|?[\\[【(]?(?:${META_LABELS_SHORT})(?:[\\]】)][:|]?|[:|]).{0,80}$`),
  new RegExp(`^\\|(?:[^|]*\\|)*?(?:${META_LABELS_LONG}|${META_LABELS_SHORT})[:]?(?:\\||$)`),
  // a bulleted label with its value on the next line ("• 审核程序:"): a list of page metadata
  /^[-*•·]\s*[\u4e00-\u9fff]{2,8}[:]$/,
  // a bare table rule, a lone bullet, the 大/中/小 font switch printed one a line
  /^[-*•·|:]+$/,
  /^[大中小]$/,
  // 主办/承办 footers
  /^.{0,20}(主办|承办|协办|技术支持|运维|维护单位)[:].{0,60}$/,
  /(网站标识码|ICP备|公网安备|版权所有|Copyright|©)/i,
  /^.{0,30}联系电话[:].{0,40}$/,
  /^.{0,20}(联系我们|网站地图|关于本站|使用帮助|无障碍|适老化|长者模式).{0,40}$/,
  // 字体大中小 / 打印 / 关闭 / 分享
  /^【?字体[:]?.{0,20}$/,
  /(字体|字号)[:]?.{0,4}大.{0,3}中.{0,3}小/,
  /^\[?大\]?\[?中\]?\[?小\]?$/,
  /^.{0,30}(打印本页|打印此页|关闭窗口|【打印】|【关闭】|\[打印\]|\[关闭\]|分享到|扫一扫|在手机上打开|返回顶部|上一篇|下一篇|相关链接|当前位置|您当前的位置|您现在的位置).{0,60}$/,
  // "您当前所在位置：…", "当前位置>…"
  /^(您|你)?(当前|现在|目前)?(所在|所处)?的?位置[:>]/,
  // a navigation bar: 网站首页 政府信息公开 互动交流
  /^(首页|网站首页|主页|返回首页)[^。;,!?]{0,60}$/,
  // a site header dated with its weekday: "某某区人民政府 2019年12月3日星期二"
  /^.{0,30}20\d\d年\d{1,2}月\d{1,2}日(星期|周)[一二三四五六日天].{0,20}$/,
  // login prompts
  /^(账号\+?密码登录|手机\+?密码登录|手机号登录|验证码登录|短信登录|扫码登录|还没有账号\??|立即注册|忘记密码\??|用户登录|登录|注册|退出|个人中心)$/,
];

const BREADCRUMB_SEPARATOR = />{1,2}|»|›|→|＞/;
const NAV_HEAD = /^(首页|网站首页|主页|返回首页|当前位置|位置)$/;
const BREADCRUMB_SPLIT = new RegExp(BREADCRUMB_SEPARATOR.source, 'g');
/** A trail needs one of its separators (or a slash after 首页). */
const ANY_SEPARATOR = /[>»›→＞/]/;

/**
 * A breadcrumb trail: short segments joined by > » › (or / after 首页), three or more of them,
 * or two when the first is 首页. "满意度>95%" has no such shape.
 */
function isBreadcrumb(norm: string): boolean {
  if (!ANY_SEPARATOR.test(norm)) return false;
  // A trail continued from the line above ("首页" / ">> 政务公开 >> 某某报告") starts with its separator.
  if (/^(?:>{1,2}|»|›|＞)/.test(norm) && !/[。;,!?%]/.test(norm) && norm.length <= 80) return true;
  let segments = norm.split(BREADCRUMB_SPLIT);
  if (segments.length < 2) {
    segments = norm.split('/');
    if (segments.length < 3 || !NAV_HEAD.test(segments[0] as string)) return false;
  }
  if (segments.some((s) => s.length > 24 || /[。;,!?%]/.test(s))) return false;
  const filled = segments.filter((s) => s.length > 0);
  return filled.length >= 3 || (filled.length === 2 && NAV_HEAD.test(filled[0] as string));
}

const DATE_AFTER_LABEL = new RegExp(
  `(?:${META_LABELS_LONG}|${META_LABELS_SHORT})[\\]】)]?[:|]?20\\d\\d[-/.年]\\d{1,2}`,
);

const DATE_ANYWHERE = /20\d\d[-/.年]\d/;

/**
 * A short line that carries a dated label after some other text ("某某县人民政府门户网站
 * www.… 发布时间：2025-04-03"), or a site line with its address, and no sentence: furniture.
 * A title with its date on the same line stays a title (the title reader strips the date).
 */
function isDatedFurniture(norm: string): boolean {
  if (norm.length > 100 || /[。;!?]/.test(norm)) return false;
  // The labels are many and common characters start them; the date they need is rarer.
  const dated = DATE_ANYWHERE.test(norm) ? DATE_AFTER_LABEL.exec(norm) : null;
  if (dated) return !/报告|总结|汇报/.test(norm.slice(0, dated.index));
  return /(www\.|https?:|\.gov\.cn)/i.test(norm) && !/报告|总结|汇报/.test(norm);
}

// Inline artefacts from Word exports and HTML copy-paste. Tested on the original line.
const ARTEFACT_PATTERNS: RegExp[] = [
  /\[bookmark:[^\]]{0,80}\]/g,
  /\bfontface=[^>]{0,120}>/g,
  /<\/?[a-zA-Z][a-zA-Z0-9]{0,10}(\s[^<>]{0,200})?\/?>/g,
  /&(nbsp|amp|lt|gt|quot|ensp|emsp|#\d{2,6}|#x[0-9a-fA-F]{2,5});/g,
  /\b(MERGEFORMAT|HYPERLINK\s+"[^"]{0,200}"|PAGE\s*\\\*\s*MERGEFORMAT)\b/g,
];

/** A pattern that can only match at the line's start: `^…` with no alternation outside a group. */
export function startsAnchored(re: RegExp): boolean {
  const source = re.source;
  if (!source.startsWith('^')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

/**
 * One scan per line instead of one per pattern, in groups of one flag set. The patterns anchored at
 * the line's start go in a regex of their own, tried at the start alone: mixed with unanchored
 * ones, each of them was tried (and failed its ^) at every position of every short line.
 */
export const CHROME_LINE_TESTS: readonly RegExp[] = [true, false].flatMap((anchored) => {
  const patterns = CHROME_LINE_PATTERNS.filter((re) => startsAnchored(re) === anchored);
  return [...new Set(patterns.map((re) => re.flags))].map((flags) => {
    const group = patterns.filter((re) => re.flags === flags);
    const source = anchored
      ? `^(?:${group.map((re) => `(?:${re.source.slice(1)})`).join('|')})`
      : group.map((re) => `(?:${re.source})`).join('|');
    // A test reads no group: none kept.
    return new RegExp(withoutCaptures(source, flags) ?? source, flags);
  });
});

// A label that opens a field of a metadata row: "[ 索引号 ]…  [ 发布机构 ]…".
const LONG_LABEL = new RegExp(`(?:^|[\\s\\[【|])(?:${META_LABELS_LONG})(?:[\\]】)]|[:|])`, 'g');

/** Two of the marks that end a long label's match: a row of two labels holds at least these. */
const TWO_LABEL_ENDS = /[\]】):|][^]*[\]】):|]/;

const twoLongLabels = (line: string): boolean => (line.match(LONG_LABEL)?.length ?? 0) >= 2;

/** A metadata row of two or more long labels and no sentence, however long its values. */
function isMetadataRow(line: string): boolean {
  if (line.length > 240 || /[。;!?]/.test(line)) return false;
  return TWO_LABEL_ENDS.test(line) && twoLongLabels(line);
}

export function isChromeLine(normLine: string): boolean {
  if (normLine.length === 0) return false;
  // A long line with a sentence in it is text (most of a report): answered before folding it. Folding keeps the
  // length, and turns only the full-width marks into the marks isMetadataRow looks for.
  if (normLine.length > 120 && (normLine.length > 240 || /[。;!?；！？]/.test(normLine))) return false;
  const line = foldLabels(normLine);
  if (isMetadataRow(line)) return true;
  if (normLine.length > 120) return false;
  return CHROME_LINE_TESTS.some((re) => re.test(line)) || isBreadcrumb(line) || isDatedFurniture(line);
}

export function findArtefacts(original: string): Span[] {
  if (!/[[<&]|fontface|MERGEFORMAT|HYPERLINK|PAGE/.test(original)) return [];
  const spans: Span[] = [];
  for (const re of ARTEFACT_PATTERNS) {
    re.lastIndex = 0;
    for (const m of original.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop overlaps so a later stage can cut them out in one pass.
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * Each cheap test that guards a costly one, for the tests that hold it to what it promises: the
 * costly test can pass only where the cheap one does.
 */
export const CHROME_GUARDS: ReadonlyArray<{ name: string; guard: RegExp; full: (line: string) => boolean }> = [
  { name: 'a dated label needs a date', guard: DATE_ANYWHERE, full: (line) => DATE_AFTER_LABEL.test(line) },
  {
    name: 'two long labels need two label ends',
    guard: TWO_LABEL_ENDS,
    full: twoLongLabels,
  },
  {
    name: 'a breadcrumb needs a separator or a slash',
    guard: ANY_SEPARATOR,
    full: (line) => BREADCRUMB_SEPARATOR.test(line) || line.includes('/'),
  },
];
