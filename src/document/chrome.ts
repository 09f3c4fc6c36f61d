import type { Span } from './model.js';

/**
 * Web page chrome and editor artefacts: text that sits in a published file but is
 * not part of the report. Chrome lines are dropped from the body; artefacts are
 * cut out of a line's matching form (the rest of the line is real text).
 */

// Whole lines that are portal furniture. Tested on the normalised line (half-width, no spaces).
const CHROME_LINE_PATTERNS: RegExp[] = [
  // 索引号/发布机构 metadata tables
  /^(索引号|发布机构|发文机关|发文机构|发布日期|成文日期|生成日期|发布时间|主题分类|体裁分类|组配分类|服务对象分类|文号|发文字号|有效性|公开方式|公开范围|公开时限|信息来源|来源|作者|责任编辑|编辑|审核|点击数|浏览次数|阅读次数|访问次数|浏览量|阅读量)[:]?.{0,60}$/,
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
  /^(首页|网站首页)(>|»|›)/,
  // login prompts
  /^(账号\+?密码登录|手机\+?密码登录|手机号登录|验证码登录|短信登录|扫码登录|还没有账号\??|立即注册|忘记密码\??|用户登录|登录|注册|退出|个人中心)$/,
];

// Inline artefacts from Word exports and HTML copy-paste. Tested on the original line.
const ARTEFACT_PATTERNS: RegExp[] = [
  /\[bookmark:[^\]]{0,80}\]/g,
  /\bfontface=[^>]{0,120}>/g,
  /<\/?[a-zA-Z][a-zA-Z0-9]{0,10}(\s[^<>]{0,200})?\/?>/g,
  /&(nbsp|amp|lt|gt|quot|ensp|emsp|#\d{2,6}|#x[0-9a-fA-F]{2,5});/g,
  /\b(MERGEFORMAT|HYPERLINK\s+"[^"]{0,200}"|PAGE\s*\\\*\s*MERGEFORMAT)\b/g,
];

// One scan per line instead of one per pattern; patterns with other flags stay apart.
const CHROME_LINE_TESTS: RegExp[] = [...new Set(CHROME_LINE_PATTERNS.map((re) => re.flags))].map(
  (flags) =>
    new RegExp(
      CHROME_LINE_PATTERNS.filter((re) => re.flags === flags)
        .map((re) => `(?:${re.source})`)
        .join('|'),
      flags,
    ),
);

export function isChromeLine(normLine: string): boolean {
  if (normLine.length === 0 || normLine.length > 120) return false;
  return CHROME_LINE_TESTS.some((re) => re.test(normLine));
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
