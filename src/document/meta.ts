import type { SourceMeta } from '../ingest/index.js';
import { allRemoved, normalize, toOriginalSpan } from '../text/normalize.js';
import { foldLabels } from './chrome.js';
import { matchHeading } from './headings.js';
import type { DocLine, DocumentMeta } from './model.js';

/**
 * How an inspector reads the basics of a published report: its title (the line that names the
 * body, the year and 法治政府建设…报告, without the portal's dates, counters and breadcrumbs),
 * the reporting body (a real 镇/乡/街道/区/县 name, never 我镇 or 全乡), the year reported on
 * and, when the page prints it, the publication date.
 */

const TITLE_MAX = 60;
/** A title is at most this many lines (Word and portals break long ones). */
const TITLE_LINES = 4;
/** The page head (chrome, title block) is looked for in this many lines at most. */
const HEAD_LINES = 60;

const LAW_WORD = /法治|法制|依法行政|依法治/;
const REPORT_WORD = /报告|总结|汇报/;

/** Names the subject (rule of law) and the genre (报告/总结, or a title ending in 情况). */
function isCompleteTitle(folded: string): boolean {
  return LAW_WORD.test(folded) && (REPORT_WORD.test(folded) || /情况$/.test(folded));
}

/** A short line with no sentence punctuation: part of a title block. */
function isTitleish(norm: string): boolean {
  return (
    norm.length > 0 && norm.length <= TITLE_MAX && !/[。;:,]$/.test(norm) && !/[。;]/.test(norm) && !/^现将/.test(norm)
  );
}

// Page furniture printed after a title on the same line: a table cell, a dated or counted label.
const TITLE_FURNITURE: RegExp[] = [
  /\s*[|｜]/,
  /\s*(?:发布|发表|更新|上传|发文)?(?:时间|日期)\s*[:：]/,
  /\s*(?:信息|文章)?来源\s*[:：]/,
  /\s*(?:浏览|阅读|点击|访问)(?:量|数|次数)?\s*[:：]/,
  /\s*(?:作者|责任编辑|编辑|字号|字体)\s*[:：]/,
  /\s*20\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/,
  /\s*[【[]\s*(?:打印|关闭|字体|收藏|分享)/,
];
// After the first 报告/总结, what a page appends: its site, an address, a count, a date.
const TRAILING_FURNITURE = /网站|www\.|https?:|\.gov|浏览|点击|阅读|来源|发布|时间|日期|\d{4}[-/.]\d/i;

/**
 * A title line without its page furniture: "…的报告 时间:2023-02-28 15:36 浏览量:1" → "…的报告",
 * a title printed twice in a row ("AA") → "A".
 */
export function cleanTitle(original: string): string {
  let t = original.trim().replace(/^#+\s*/, '');
  let folded = foldLabels(t);
  // Furniture follows a title: cut only where what stands before still names the report.
  let cut = t.length;
  for (const re of TITLE_FURNITURE) {
    const m = re.exec(folded);
    if (m && m.index > 0 && m.index < cut && isCompleteTitle(folded.slice(0, m.index))) cut = m.index;
  }
  t = t.slice(0, cut).trim();
  folded = foldLabels(t);
  const end = REPORT_WORD.exec(folded);
  if (end) {
    const at = end.index + end[0].length;
    const rest = folded.slice(at).trim();
    if (rest.length > 0 && (isCompleteTitle(rest) || TRAILING_FURNITURE.test(rest))) t = t.slice(0, at);
  }
  return t.trim();
}

/**
 * The matching form of a cleaned title line. When cleaning only trimmed spaces that normalising
 * drops anyway, and no artefact was cut out of the line, that is the line's own matching form:
 * the same units folded, so the same text (a paragraph after the title is read so, not folded
 * again).
 */
export function cleanNorm(line: DocLine, clean: string): string {
  const { original } = line;
  const start = original.length - original.trimStart().length;
  const end = start + clean.length;
  const whole =
    line.artefacts.length === 0 &&
    original.startsWith(clean, start) &&
    allRemoved(original.slice(0, start)) &&
    allRemoved(original.slice(end));
  return whole ? line.norm.text : normalize(clean).text;
}

interface TitleFound {
  title: string;
  line: number;
  lines: number[];
}

/** Where the page head ends: the first heading, or a sentence (the opening), or an addressee line. */
function endsHead(norm: string): boolean {
  return matchHeading(norm) !== null || /[。;]/.test(norm) || /[:：]$/.test(norm) || norm.length > 80;
}

function isMarkdownTitle(norm: string): boolean {
  return /^#(?!#)/.test(norm) && !matchHeading(norm.replace(/^#+/, ''));
}

/**
 * The title: the first run of one to four short lines in the page head that, stripped of page
 * furniture, names rule of law and a report. Chrome and blank lines break a run. A line that is a
 * whole title naming its body stands alone (a site name above it is no part of it); a title line
 * that names no body ("关于…的报告") takes the short lines above it ("某某镇人民政府").
 */
function findTitle(lines: DocLine[]): TitleFound | null {
  let block: Array<{ line: DocLine; clean: string; norm: string }> = [];
  const head = lines.slice(0, HEAD_LINES);
  for (const [i, line] of head.entries()) {
    if (line.kind === 'blank' || line.kind === 'chrome') {
      block = [];
      continue;
    }
    const markdown = isMarkdownTitle(line.norm.text);
    if (!markdown && endsHead(line.norm.text)) break;
    const clean = cleanTitle(line.original);
    const norm = cleanNorm(line, clean);
    if (!isTitleish(norm)) {
      block = [];
      continue;
    }
    block.push({ line, clean, norm });
    if (block.length > TITLE_LINES) block.shift();
    const alone = foldLabels(norm);
    let parts = block;
    // A Markdown "# 标题" is a title by its mark: a report word or the subject is enough.
    if (markdown && (REPORT_WORD.test(alone) || LAW_WORD.test(alone))) parts = [block[block.length - 1]!];
    else if (isCompleteTitle(alone) && findBody(alone) !== null) parts = [block[block.length - 1]!];
    else if (!isCompleteTitle(foldLabels(block.map((b) => b.norm).join('')))) continue;
    // "…建设情况" / "的报告": a title ending in 情况 may go on with its genre on the next line.
    const next = head[i + 1];
    if (!REPORT_WORD.test(alone) && next && next.kind === 'body') {
      const nextClean = cleanTitle(next.original);
      const nextNorm = cleanNorm(next, nextClean);
      const nextFolded = foldLabels(nextNorm);
      if (isTitleish(nextNorm) && REPORT_WORD.test(nextFolded) && !LAW_WORD.test(nextFolded))
        parts = [...parts, { line: next, clean: nextClean, norm: nextNorm }];
    }
    return {
      title: parts.map((p) => p.clean).join(''),
      line: parts[0]!.line.number,
      lines: parts.map((p) => p.line.number),
    };
  }
  return null;
}

/** The title printed again below itself (same words or a variant): a title line too, not text. */
function repeatedTitleLines(lines: DocLine[], title: TitleFound): number[] {
  const repeats: number[] = [];
  const last = title.lines[title.lines.length - 1] as number;
  for (const line of lines.slice(last, HEAD_LINES)) {
    if (line.kind === 'blank' || line.kind === 'chrome') continue;
    const norm = cleanNorm(line, cleanTitle(line.original));
    if (!isTitleish(norm) || !isCompleteTitle(foldLabels(norm)) || matchHeading(norm)) break;
    repeats.push(line.number);
  }
  return repeats;
}

// ---------------------------------------------------------------------------------------------
// The reporting body

type Level = 1 | 2 | 3;
interface BodyName {
  /** Offsets in the searched text. */
  start: number;
  end: number;
  /** 1 = 街道/镇/乡/苏木, 2 = 区/县/旗, 3 = 市. */
  level: Level;
}

const UNIT = /街道|苏木|镇|乡|区|县|旗|市/g;
const LEVEL: Record<string, Level> = { 街道: 1, 苏木: 1, 镇: 1, 乡: 1, 区: 2, 县: 2, 旗: 2, 市: 3 };
// A unit character that starts another word: 镇村, 乡村, 乡贤, 区域, 市场 …
const NOT_UNIT_AFTER: Record<string, RegExp> = {
  镇: /^[村级里长域]/,
  乡: /^[村镇贤风土愁情亲音间里野级长域]/,
  区: /^[域间别分块位划]/,
  县: /^[域级城]/,
  旗: /^[帜手杆袍舰下]/,
  市: /^[场民级容貌区域长]/,
};
// Words a name never runs across: a higher unit (省/市/县/区 …), an organ, a preposition.
const HARD_BOUNDARY = /人民政府|政府|办事处|委员会|党工委|党委|工委|中共|关于|党政|人大|[省州盟]/g;
const HIGHER_UNIT: Record<Level, RegExp> = { 1: /[市区县旗]/g, 2: /[市]/g, 3: /(?!)/g };
// Function words and verbs that stand before a place in running text (在下太镇, 列入某镇…).
const FUNCTION_CHARS = '的在于对为以和与及同把将向从由让使是了到至经按据给被或等即入进驻赴往绕助';
// A unit right after a preposition is the township itself, abbreviated (由乡党委书记, 围绕镇中心工作).
const PREPOSITION_END = /[由在于对为向从把将让使被给经按据到绕的了是等或即获受]$/;
// 我镇, 全乡, 本街道, 各镇, 依法治镇, 乡镇, 城乡: no name.
const GENERIC_END = /[我本全该各此每其某另治乡镇]$/;
// 城镇, 集镇, 小镇, 城乡 are words, not names, unless a name stands before them (通城镇, 宝城镇).
const GENERIC_WORD_END = /[城集小]$/;
// Running text before a unit: a verb or an attribute, not a name (定期召开街道, 推进城镇, 纳入镇).
const RUNNING_TEXT_END =
  /(?:召开|推进|纳入|开展|建设|实现|覆盖|深入|走进|进入|带领|组织|指导|服务|联系|统筹|促进|加快|打造|全面|推动|助力|美丽|平安|法治|智慧|文明|特色|重点|中心|各级|基层|新型|思维|工作|发展|治理|通过|经过|获得|依托|利用|借助|联合|协调|会同|配合|结合|围绕|按照|根据|依据|报请|提请|报送)$/;

/** A name that is a common word or a stretch of running text rather than a place. */
function isGenericName(name: string): boolean {
  if (GENERIC_END.test(name) || RUNNING_TEXT_END.test(name)) return true;
  if (!GENERIC_WORD_END.test(name)) return false;
  const rest = name.slice(0, -1);
  return rest.length === 0 || RUNNING_TEXT_END.test(rest) || GENERIC_END.test(rest);
}
// Two-character words ending in 区/县/市 that are no place (社区, 园区, 城市, 超市 …).
const NOT_COUNTY_END: Record<string, RegExp> = {
  区: /[社园辖景片山库矿灾街盲牧林校厂学营考专战禁小能范发验护聚误老功试点本全我该各治]$/,
  县: /[郡全我本该各治]$/,
  旗: /[国红党彩锦令全我本该各治]$/,
  市: /[城超都股夜集菜上门全我本该各治城]$/,
};
const HAN = /[\u4e00-\u9fff]/;

function lastBoundaryEnd(run: string, re: RegExp, minRest: number): number {
  let best = -1;
  re.lastIndex = 0;
  for (const m of run.matchAll(re)) {
    const end = m.index + m[0].length;
    if (run.length - end >= minRest) best = Math.max(best, end);
  }
  return best;
}

/**
 * Every place name in `text` (label-folded, so 鎮/鄉 count), with its level. A name is the Han run
 * before the unit, cut after the last higher unit or organ (乌苏市古尔图镇 → 古尔图镇,
 * 鲤城区人民政府金龙街道 → 金龙街道) or, in running text, after a function word (在下太镇 → 下太镇).
 */
function bodyNames(text: string): BodyName[] {
  const folded = foldLabels(text);
  const names: BodyName[] = [];
  for (const m of folded.matchAll(UNIT)) {
    const unit = m[0];
    const at = m.index;
    const level = LEVEL[unit] as Level;
    if (NOT_UNIT_AFTER[unit]?.test(folded.slice(at + unit.length))) continue;
    let from = at;
    while (from > 0 && at - from < 10 && HAN.test(folded[from - 1] as string)) from--;
    const run = folded.slice(from, at);
    if (run.length === 0) continue;
    let cut = Math.max(lastBoundaryEnd(run, HARD_BOUNDARY, 1), lastBoundaryEnd(run, HIGHER_UNIT[level], 1));
    const hard = cut >= 0;
    if (!hard) {
      for (let i = run.length - 3; i >= 0; i--) {
        if (FUNCTION_CHARS.includes(run[i] as string)) {
          cut = i + 1;
          break;
        }
      }
    }
    const name = run.slice(Math.max(cut, 0));
    if (isGenericName(name) || PREPOSITION_END.test(name) || (name.length === 1 && !hard)) continue;
    if (unit === '镇' && name.endsWith('村')) continue; // 村镇
    if (level > 1 && (name.length < 2 || NOT_COUNTY_END[unit]?.test(name))) continue;
    names.push({ start: from + Math.max(cut, 0), end: at + unit.length, level });
  }
  return names;
}

/** The most local unit a title names: a township before its district, a district before its city. */
function bestOf(names: BodyName[], maxLevel: Level): BodyName | null {
  let best: BodyName | null = null;
  for (const n of names) if (n.level <= maxLevel && (!best || n.level < best.level)) best = n;
  return best;
}

/** The spaces of a line as boundaries: "中共某镇委员会 某镇人民政府" holds two names, not one. */
function spaced(original: string): string {
  return original.replace(/\s+/g, ' ').trim();
}

/**
 * The issuing body named in a title-like text: the most local 镇/乡/街道/苏木, else 区/县/旗,
 * else 市, as written (a traditional-script report keeps 鎮).
 */
export function findBody(text: string): string | null {
  const t = spaced(text);
  const n = bestOf(bodyNames(t), 3);
  return n ? t.slice(n.start, n.end) : null;
}

// An opening's subject, where a short form (鹤龙街) or a district stands: "2024年，某某街坚持…".
const SUBJECT =
  /(?:^|[,，。;；:：])(?:20\d\d\s*年(?:度|以来|来)?|一年来|今年以来)[,，]?(?:在[^,，。;；]{2,30}(?:领导|指导|关心|支持)下[,，])?([\u4e00-\u9fff]{2,6}?(?:街道|街|镇|乡|区|县|旗))(?=坚持|深入|全面|认真|积极|始终|紧紧|紧扣|紧密|持续|聚焦|围绕|按照|在|以|立足|不断|扎实|切实|高度|大力|着力|党|结合|锚定)/;

/** The body in the opening paragraphs: a township anywhere, else the subject of the first sentence. */
function bodyInOpening(opening: string): string | null {
  const t = spaced(opening);
  const n = bestOf(bodyNames(t), 1);
  if (n) return t.slice(n.start, n.end);
  const m = SUBJECT.exec(foldLabels(t));
  if (!m || m[1] === undefined) return null;
  const start = m.index + m[0].length - m[1].length;
  const name = t.slice(start, start + m[1].length);
  return isGenericName(name.replace(/(?:街道|街|镇|乡|区|县|旗)$/, '')) ? null : name;
}

/**
 * The township the text keeps naming, when neither title nor opening does: each mention votes for
 * its name and every shorter form of it, and the longest name with the most votes wins (so
 * "列入下太镇" and "在下太镇" agree on 下太镇).
 */
function mostNamed(lines: DocLine[]): string | null {
  const mentions: string[] = [];
  for (const line of lines) {
    if (line.kind !== 'body') continue;
    const t = spaced(line.original);
    for (const n of bodyNames(t)) if (n.level === 1) mentions.push(t.slice(n.start, n.end));
  }
  let best: string | null = null;
  let bestVotes = 0;
  for (const name of new Set(mentions)) {
    const key = foldLabels(name);
    const votes = mentions.filter((m) => foldLabels(m).endsWith(key)).length;
    if (votes > bestVotes || (votes === bestVotes && best !== null && name.length > best.length)) {
      best = name;
      bestVotes = votes;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The year reported on

const YEAR = /(?<!\d)(20\d\d)\s*年/g;

/**
 * Years in `text` that can be the year reported on: not inside a quoted document title
 * (《…纲要(2021—2025年)》), not the end of a range, not a next-year plan (明年, 下一年度 …).
 */
function reportYears(text: string, quoted = false): number[] {
  const folded = foldLabels(text);
  const years: number[] = [];
  let depth = 0;
  let scanned = 0;
  for (const m of folded.matchAll(YEAR)) {
    for (; scanned < m.index; scanned++) {
      const c = folded[scanned];
      if (c === '《') depth++;
      else if (c === '》' && depth > 0) depth--;
    }
    if (depth > 0 && !quoted) continue;
    const before = folded.slice(Math.max(0, m.index - 2), m.index);
    if (/[-—–~至到]\s*$/.test(before)) continue;
    years.push(Number(m[1]));
  }
  return years;
}

/** The year under report: the first year the text gives that is not a document title or a range. */
export function findYear(text: string): number | null {
  return reportYears(text)[0] ?? null;
}

// A heading that opens the plans for next year: years after it are plans, not the year reported on.
const PLAN_HEADING = /下一步|下一年|下年度|明年|来年|今后|计划|打算|安排|思路|展望|努力方向/;

/** The year the report's text keeps naming (up to its plans for next year), when no title or opening gives one. */
function mostNamedYear(lines: DocLine[]): number | null {
  const counts = new Map<number, number>();
  for (const line of lines) {
    if (line.kind !== 'body') continue;
    if (matchHeading(line.norm.text) && PLAN_HEADING.test(foldLabels(line.norm.text))) break;
    for (const y of reportYears(line.norm.text)) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) as number)) best = y;
  return best;
}

// ---------------------------------------------------------------------------------------------
// Publication date and issuer from the page's own metadata lines

const DATE_LABEL =
  /(发布日期|发布时间|发文日期|发文时间|公开日期|发表时间|上传时间|成文日期|成文时间|生成日期|印发日期|更新时间|日期|时间)[\]】)|:]*(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})/g;
// Labels that date the writing or the page, not the publication: used only when nothing better.
const SECONDARY_DATE = /^(成文|生成|印发|更新)/;
const ISSUER_LABEL = /(?:发布机构|发文机关|发文机构|发布单位|发文单位|信息来源|来源)[\]】)|:]*([^|[【\]】:]{2,30})/g;

function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The publication date wherever the page states it: "发布时间：2025-04-03 15:22", "| 发布日期 |
 * 2024-01-15 |", "[ 发布日期 ] 2026-02-10", "日期：2023年05月11日". A 成文日期 stands in only
 * when no publication date is given.
 */
function findPublished(lines: DocLine[]): string | null {
  let secondary: string | null = null;
  for (const line of lines) {
    const t = foldLabels(line.norm.text);
    for (const m of t.matchAll(DATE_LABEL)) {
      const date = isoDate(m[2] as string, m[3] as string, m[4] as string);
      if (!date) continue;
      if (!SECONDARY_DATE.test(m[1] as string)) return date;
      secondary ??= date;
    }
  }
  return secondary;
}

/**
 * A label's value (the regex's last group, matched at the end of the match on the folded matching
 * form) as the page writes it: the matching form may have folded its script.
 */
function labelValue(line: DocLine, m: RegExpExecArray | RegExpMatchArray): string {
  const value = m[1] as string;
  const end = (m.index as number) + m[0].length;
  const [start, stop] = toOriginalSpan(line.norm, end - value.length, end);
  return line.original.slice(start, stop);
}

/** The township a page's 发布机构/来源 line names ("发布机构：某某县某某乡人民政府"). */
function issuerBody(lines: DocLine[]): string | null {
  for (const line of lines) {
    const t = foldLabels(line.norm.text);
    for (const m of t.matchAll(ISSUER_LABEL)) {
      const value = labelValue(line, m);
      const names = bodyNames(value);
      const n = bestOf(names, 2);
      if (n) return value.slice(n.start, n.end);
    }
  }
  return null;
}

const TITLE_LABEL = /(?:^|[|[【\]】])(?:标题|文章标题|信息名称|名称)[\]】)|:]+([^|[【\]】]{4,80})/;

/** The title a page's metadata table gives ("| 标题: | 某某镇2024年法治政府建设年度报告 |"). */
function labelledTitle(lines: DocLine[]): string | null {
  for (const line of lines) {
    const t = foldLabels(line.norm.text);
    const m = TITLE_LABEL.exec(t);
    if (!m) continue;
    const value = labelValue(line, m).trim();
    if (isCompleteTitle(foldLabels(normalize(value).text))) return value;
  }
  return null;
}

// A title run into the text on one line (a page flattened): "…的报告 某某县委、县人民政府: 2024年，…".
const RUN_IN_END = /(?:报告|总结|汇报|情况)$/;

/**
 * The title at the start of the first line of text, when the page printed title, addressee and
 * text on one line: the shortest run of its first few space-separated parts that is a whole title.
 */
function runInTitle(lines: DocLine[]): TitleFound | null {
  const first = lines.slice(0, HEAD_LINES).find((l) => l.kind === 'body' || l.kind === 'heading');
  if (!first) return null;
  const parts = first.original.trim().split(/\s+/);
  if (parts.length < 2) return null;
  for (let n = 1; n < Math.min(parts.length, 4); n++) {
    const candidate = parts.slice(0, n).join(' ');
    const folded = foldLabels(normalize(candidate).text);
    if (folded.length > TITLE_MAX + 20 || /[。;,]/.test(folded) || matchHeading(folded)) return null;
    // The line stays text: the title is read from it, not cut out of it.
    if (RUN_IN_END.test(folded) && isCompleteTitle(folded)) return { title: candidate, line: first.number, lines: [] };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

export interface ExtractedMeta extends Pick<DocumentMeta, 'title' | 'body' | 'year' | 'titleLine' | 'published'> {
  /** Lines of the title and of its repeats below it (kind 'title', never evidence). */
  titleLines: number[];
}

/** The opening: the first two paragraphs of text after the title (page furniture and short addressee lines skipped). */
function openingLines(lines: DocLine[], after: number): DocLine[] {
  const out: DocLine[] = [];
  for (const line of lines) {
    if (line.number <= after || line.kind !== 'body') continue;
    if (line.norm.text.length < 10 && !/[。,]/.test(line.norm.text)) continue;
    if (/[:：]$/.test(line.norm.text) && line.norm.text.length <= 40) continue;
    out.push(line);
    if (out.length === 2) break;
  }
  return out;
}

/**
 * Title, body, year and publication date of a parsed text. The body and the year come from the
 * title, else the opening, else the page's own metadata (`portal`), else what the text keeps naming.
 */
export function extractMeta(lines: DocLine[], portal: SourceMeta = {}): ExtractedMeta {
  const title = findTitle(lines) ?? runInTitle(lines);
  const repeats = title && title.lines.length > 0 ? repeatedTitleLines(lines, title) : [];
  const titleLines = title ? [...title.lines, ...repeats] : [];
  const after = titleLines.length > 0 ? Math.max(...titleLines) : 0;
  const openers = openingLines(lines, after);
  const opening = openers.map((l) => l.original).join('\n');
  // Years are read in the matching form (full-width digits folded).
  const openingNorm = openers.map((l) => l.norm.text).join('\n');
  const headEnd = lines.findIndex((l) => l.number > after && l.kind === 'body' && endsHead(l.norm.text));
  const head = lines.slice(0, headEnd < 0 ? HEAD_LINES : Math.min(headEnd, HEAD_LINES));
  const chrome = lines.filter((l) => l.kind === 'chrome');
  const portalTitle = portal.title ? spaced(portal.title) : null;
  const text = lines.filter((l) => !titleLines.includes(l.number));
  return {
    title: title?.title ?? labelledTitle(chrome),
    titleLine: title?.line ?? null,
    titleLines,
    body:
      (title ? findBody(title.title) : null) ??
      bodyInOpening(opening) ??
      issuerBody(chrome) ??
      (portalTitle ? findBody(portalTitle) : null) ??
      (portal.issuer ? findBody(portal.issuer) : null) ??
      mostNamed(text),
    year:
      (title ? findYear(title.title) : null) ??
      findYear(openingNorm) ??
      (portalTitle ? findYear(portalTitle) : null) ??
      mostNamedYear(text) ??
      // Last, the year of a plan the opening cites (《2025年全县法治政府建设工作要点》): the plan for the year reported on.
      reportYears(openingNorm, true)[0] ??
      null,
    published: portal.published ?? findPublished([...new Set([...head, ...chrome])]),
  };
}
