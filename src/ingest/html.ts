/**
 * Web page adapter: county portals publish the annual report as an HTML article page
 * (and "export to Word" often hands out the same HTML under a .doc name).
 *
 * Steps:
 *  1. Bytes → string: a BOM wins; else a declared charset (<meta charset>, http-equiv
 *     content-type, <?xml encoding>) for UTF-8 and the GB family (decoded as GB18030);
 *     else, or when the declaration is plainly wrong, decodeText's detection.
 *  2. Parse leniently (htmlparser2) and throw away what never is text (script, style …).
 *  3. Read publication metadata from the whole page, chrome included: <meta name=PubDate …>
 *     and the 索引号/发布机构/发布日期 labels of the portal's metadata table.
 *  4. Drop portal chrome: nav/header/footer/form … and elements whose id/class names
 *     navigation, footers, share bars, breadcrumbs, login boxes …, unless the element
 *     holds the article (a known content container, or most of the page's prose).
 *  5. Pick the article container: known portal containers first (#zoom, .TRS_Editor …),
 *     else the element whose paragraph children carry the most Chinese prose outside links.
 *  6. Text: block elements and <br> end a line, inline text joins, whitespace collapses
 *     (full-width spaces are kept), empty lines go. If the article lacks the page's <h1>
 *     title, the h1 becomes line 1 so the document stage finds the title and year.
 *
 * place(line) is { paragraph: line }: the n-th non-empty paragraph of the extracted
 * article (the prepended h1, when there is one, counts as paragraph 1).
 */
import { lazy } from '../shared/lazy.js';

const domutils = lazy<typeof import('domutils')>('domutils');
const htmlparser2 = lazy<typeof import('htmlparser2')>('htmlparser2');
import { InputError } from '../shared/errors.js';
import {
  decodeGb18030,
  decodeLatin1,
  decodeText,
  decodeUtf16Units,
  sniffBom,
  tryUtf8,
  type TextEncoding,
} from './decode.js';
import type { FormatAdapter, SourceMeta, SourceText } from './index.js';
import { checkDeadline, type ReadLimits } from './limits.js';

type HtmlDocument = ReturnType<typeof import('htmlparser2').parseDocument>;
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;
type HtmlText = Extract<HtmlNode, { type: 'text' }>;
type HtmlParent = HtmlDocument | HtmlElement;

const isTag = (node: HtmlNode | HtmlParent): node is HtmlElement => domutils().isTag(node);
const isText = (node: HtmlNode): node is HtmlText => domutils().isText(node);

export const MSG_NO_ARTICLE = '网页中未找到正文（可能是栏目页或需要登录的页面）';

/** An article needs at least this many Chinese characters outside links. */
const MIN_ARTICLE_HAN = 200;
/** Sniffing looks at this many bytes (code units for UTF-16). */
const SNIFF_BYTES = 2048;
/** The charset declaration is looked for in this many leading bytes. */
const PRESCAN_BYTES = 32 * 1024;

// --- sniffing ------------------------------------------------------------

/** True when the bytes start like an HTML document (after BOM, whitespace, <?xml?> and comments). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const [a, b, c] = bytes;
  let head: string;
  if (a === 0xff && b === 0xfe) head = decodeUtf16Units(bytes.subarray(2, 2 + SNIFF_BYTES * 2), true);
  else if (a === 0xfe && b === 0xff) head = decodeUtf16Units(bytes.subarray(2, 2 + SNIFF_BYTES * 2), false);
  else {
    const start = a === 0xef && b === 0xbb && c === 0xbf ? 3 : 0;
    // Most inputs are plain text: the first byte past the white space settles it undecoded.
    let first = start;
    while (first < bytes.length && isLatin1Space(bytes[first] as number)) first++;
    if (bytes[first] !== 0x3c) return false; // '<'
    head = decodeLatin1(bytes.subarray(start, start + SNIFF_BYTES));
  }
  let s = head.trimStart();
  if (/^<\?xml\b/i.test(s)) {
    const end = s.indexOf('?>');
    if (end < 0) return false;
    s = s.slice(end + 2).trimStart();
  }
  // Saved pages start with <!-- saved from url=… -->, Word's HTML with conditional comments.
  while (s.startsWith('<!--')) {
    const end = s.indexOf('-->', 4);
    if (end < 0) return false;
    s = s.slice(end + 3).trimStart();
  }
  return /^<(?:!doctype\s+html|html|head|meta|body)(?=[\s>/])/i.test(s);
}

/** The bytes String.prototype.trimStart removes from a Latin-1 string: \t \n \v \f \r, space, NBSP. */
function isLatin1Space(byte: number): boolean {
  return (byte >= 0x09 && byte <= 0x0d) || byte === 0x20 || byte === 0xa0;
}

// --- decoding ------------------------------------------------------------

interface DecodedHtml {
  html: string;
  encoding: TextEncoding;
}

/** The charset a page declares in its first bytes, mapped to what we can decode; null if none/unknown. */
export function declaredCharset(bytes: Uint8Array): 'utf-8' | 'gbk' | null {
  const head = decodeLatin1(bytes.subarray(0, PRESCAN_BYTES));
  const m =
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head) ??
    /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([a-z0-9_.:-]+)/i.exec(head);
  if (!m) return null;
  const label = m[1]!.toLowerCase();
  if (label === 'utf-8' || label === 'utf8') return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|euc-cn|csgb2312|chinese|iso-ir-58)$/.test(label))
    return 'gbk';
  return null;
}

function decodeHtml(bytes: Uint8Array, file: string): DecodedHtml {
  const hasBom = sniffBom(bytes) !== null;
  const declared = bytes.length > 0 && !hasBom && !bytes.includes(0) ? declaredCharset(bytes) : null;
  if (declared === 'gbk') {
    // Pages re-saved as UTF-8 often keep their old <meta charset=gb2312>: valid UTF-8 with
    // non-ASCII content is UTF-8 (real GBK prose is practically never valid UTF-8).
    if (!(hasNonAscii(bytes) && tryUtf8(bytes) !== null)) {
      const html = decodeGb18030(bytes);
      if (!tooManyReplacements(html)) return { html, encoding: 'gb18030' };
    }
  } else if (declared === 'utf-8') {
    const html = tryUtf8(bytes);
    if (html !== null) return { html, encoding: 'utf-8' };
    // Declared UTF-8 but is not: let detection find out (usually GBK).
  }
  const { text, encoding } = decodeText(bytes, file);
  return { html: text, encoding };
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const x of bytes) if (x >= 0x80) return true;
  return false;
}

function tooManyReplacements(text: string): boolean {
  let n = 0;
  for (const ch of text) if (ch === '\ufffd') n++;
  return n > 3 && n > text.length * 0.001;
}

// --- tag sets and chrome patterns -----------------------------------------

/** Never text. Removed before anything else (also from the metadata scan). */
const JUNK_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'math',
  'textarea',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'map',
  'title',
]);
/** Portal chrome by tag. Removed unless they hold the article (ASP.NET pages wrap everything in <form>). */
const CHROME_TAGS = new Set([
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'input',
  'label',
  'dialog',
]);
/** id/class names of portal chrome. head(?!line) keeps "headline". */
const CHROME_NAME =
  /nav|menu|footer|foot|header|head(?!line)|share|bdshare|breadcrumb|crumb|position|location|sidebar|side|login|comment|related|pager|page-?bar|toolbar|print|fontsize|font-size|qrcode|erweima|logo|banner|search|copyright|gotop|backtop|wza/i;

/** Elements that end a line. Table cells are joined with a space within their row. */
const LINE_BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'body',
  'html',
  'option',
]);
const CELLS = new Set(['td', 'th']);

/** Known portal article containers, in order of trust (TRS, 开普云/UCAP, 政府网站集约化平台 …). */
const KNOWN_CONTAINERS: Array<{ id?: string; cls?: string; tag?: string }> = [
  { id: 'zoom' },
  { cls: 'trs_editor' },
  { cls: 'trs_editor_view' },
  { id: 'ucap-content' },
  { cls: 'custom_unionstyle' },
  { cls: 'article-content' },
  { cls: 'article' },
  { tag: 'article' },
  { id: 'content' },
  { cls: 'content' },
  { cls: 'detail' },
  { cls: 'main-text' },
  { id: 'fontzoom' },
  { cls: 'pages_content' },
  { cls: 'wzy' },
  { cls: 'news_content' },
];
/** A known container must hold this share of the page's prose (after chrome) to be trusted. */
const KNOWN_MIN_SHARE = 0.4;

// --- tree helpers ----------------------------------------------------------

interface Stats {
  /** Chinese characters in the subtree. */
  han: number;
  /** … of which inside <a>. */
  link: number;
  /** No block or cell descendants: a paragraph. */
  leaf: boolean;
  /** Readability-style score: prose in direct paragraph children, penalised by link density. */
  score: number;
  /** Best score in the subtree (this element included). */
  best: number;
}

const HAN = /\p{Script=Han}/gu;

function hanCount(s: string): number {
  HAN.lastIndex = 0;
  let n = 0;
  while (HAN.exec(s) !== null) n++;
  return n;
}

function isStructural(name: string): boolean {
  return LINE_BLOCKS.has(name) || CELLS.has(name);
}

/** Iterative pre-order over elements; `enter` returning false skips the subtree. */
function walkElements(root: HtmlParent, enter: (el: HtmlElement) => boolean | void): void {
  const stack: HtmlNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (enter(node) === false) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** All elements under root (not root itself) in document order that satisfy pred. */
function findElements(root: HtmlParent, pred: (el: HtmlElement) => boolean): HtmlElement[] {
  const out: HtmlElement[] = [];
  walkElements(root, (el) => {
    if (pred(el)) out.push(el);
  });
  return out;
}

/** Iterative post-order computation of Stats for root (if an element) and every element under it. */
function computeStats(root: HtmlParent): Map<HtmlElement, Stats> {
  const stats = new Map<HtmlElement, Stats>();
  const order: HtmlElement[] = isTag(root) ? [root] : [];
  walkElements(root, (el) => {
    order.push(el);
  });
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    let han = 0;
    let link = 0;
    let leaf = true;
    let direct = 0;
    let best = 0;
    for (const child of el.children) {
      if (isText(child)) {
        const n = hanCount(child.data);
        han += n;
        direct += n;
      } else if (isTag(child)) {
        const s = stats.get(child);
        if (!s) continue;
        han += s.han;
        link += s.link;
        best = Math.max(best, s.best);
        const structural = isStructural(child.name);
        if (structural || !s.leaf) leaf = false;
        // Inline children and paragraph-like blocks are this element's prose.
        if (!structural || s.leaf) direct += s.han - s.link;
      }
    }
    if (el.name === 'a') link = han;
    const score = han > 0 ? direct * (1 - link / han) : 0;
    stats.set(el, { han, link, leaf, score, best: Math.max(best, score) });
  }
  return stats;
}

function nonLink(s: Stats | undefined): number {
  return s ? s.han - s.link : 0;
}

function classTokens(el: HtmlElement): string[] {
  return (el.attribs.class ?? '').split(/\s+/).filter(Boolean);
}

function matchesKnown(el: HtmlElement, sel: { id?: string; cls?: string; tag?: string }): boolean {
  if (sel.tag) return el.name === sel.tag;
  if (sel.id) return (el.attribs.id ?? '').toLowerCase() === sel.id;
  return classTokens(el).some((t) => t.toLowerCase() === sel.cls);
}

function isChromeByName(el: HtmlElement): boolean {
  const id = el.attribs.id ?? '';
  if (id && CHROME_NAME.test(id)) return true;
  if (classTokens(el).some((t) => CHROME_NAME.test(t))) return true;
  const role = (el.attribs.role ?? '').toLowerCase();
  return role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'search';
}

function isHidden(el: HtmlElement): boolean {
  if ('hidden' in el.attribs) return true;
  const style = (el.attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function contains(ancestor: HtmlParent, node: HtmlNode): boolean {
  for (let p: HtmlParent | null = node.parent as HtmlParent | null; p; p = p.parent as HtmlParent | null) {
    if (p === ancestor) return true;
  }
  return false;
}

function findBody(doc: HtmlDocument): HtmlParent {
  return findElements(doc, (el) => el.name === 'body')[0] ?? doc;
}

/** Chinese characters outside links in root's subtree. */
function prose(root: HtmlParent, stats: Map<HtmlElement, Stats>): number {
  return isTag(root) ? nonLink(stats.get(root)) : sumChildren(root, stats);
}

// --- text ------------------------------------------------------------------

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const CJK_BREAK = new RegExp(`([${CJK}])\\n(?=[${CJK}])`, 'gu');

/**
 * One line of page text: zero-width characters go, runs of ASCII/nbsp/typographic spaces
 * collapse to one space, a source line break between two CJK characters disappears (as
 * browsers render it), and the line is trimmed of those spaces. Full-width spaces (U+3000)
 * are kept for the document stage, which knows what indentation is.
 */
export function cleanLine(raw: string): string {
  let s = raw.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');
  s = s.replace(/[\t\n\r\f \u00a0\u2002-\u200a\u202f\u205f]+/g, (m) => (/[\n\r]/.test(m) ? '\n' : ' '));
  s = s.replace(CJK_BREAK, '$1').replace(/\n/g, ' ').replace(/ {2,}/g, ' ');
  s = s.replace(/^ +| +$/g, '');
  return s.trim() === '' ? '' : s;
}

/** Lines of text under root: blocks and <br> end lines, cells are separated by a space. */
function collectLines(root: HtmlParent): string[] {
  const lines: string[] = [];
  let buf = '';
  const flush = (): void => {
    const line = cleanLine(buf);
    if (line) lines.push(line);
    buf = '';
  };
  // Explicit stack of nodes and "after element" markers, so deep junk nesting cannot overflow.
  type Item = HtmlNode | { after: HtmlElement };
  const stack: Item[] = [...root.children].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('after' in item) {
      if (LINE_BLOCKS.has(item.after.name)) flush();
      else if (CELLS.has(item.after.name)) buf += ' ';
      continue;
    }
    if (isText(item)) {
      buf += item.data;
      continue;
    }
    if (!isTag(item) || JUNK_TAGS.has(item.name)) continue;
    if (item.name === 'br') {
      flush();
      continue;
    }
    if (item.name === 'pre') {
      flush();
      for (const l of domutils()
        .textContent(item)
        .split(/\r\n|\r|\n/)) {
        buf = l;
        flush();
      }
      continue;
    }
    if (LINE_BLOCKS.has(item.name)) flush();
    stack.push({ after: item });
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
  }
  flush();
  return lines;
}

// --- metadata ----------------------------------------------------------------

/** 2025-03-28, 2025年3月28日, 2025/3/28, 2025.3.28 (time after it ignored) → 2025-03-28. */
export function normaliseDate(s: string): string | null {
  const m =
    /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/.exec(s) ?? /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1990 || y > 2100 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Labels of portal metadata tables. Only some are read; the others end a value. */
const META_LABELS = [
  '索引号',
  '发布机构',
  '发文机关',
  '发文机构',
  '发布日期',
  '发布时间',
  '成文日期',
  '生成日期',
  '信息来源',
  '来源',
  '主题分类',
  '体裁分类',
  '组配分类',
  '服务对象分类',
  '主题词',
  '文号',
  '发文字号',
  '有效性',
  '公开方式',
  '公开范围',
  '公开时限',
  '作者',
  '责任编辑',
  '编辑',
  '浏览次数',
  '点击数',
  '阅读次数',
  '访问次数',
  '浏览量',
  '阅读量',
  '字体',
  '字号',
  '分享到',
  '名称',
  '标题',
];
// Portals space labels out to align them (索&nbsp;引&nbsp;号：): allow spaces between the characters.
const LABEL_RE = new RegExp(
  `(?<=^|[\\s|｜【\\[（(])(${[...META_LABELS]
    .sort((x, y) => y.length - x.length)
    .map((l) => [...l].join('[\\s\\u3000]*'))
    .join('|')})[\\s\\u3000]*(?:[:：]|\\s)`,
  'g',
);

/** label → first non-empty value, in page order. */
function scanLabels(lines: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of lines) {
    if (line.length > 300) continue;
    const hits = [...line.matchAll(LABEL_RE)];
    hits.forEach((h, i) => {
      const label = h[1]!.replace(/[\s\u3000]+/g, '');
      const next = hits[i + 1];
      const value = line
        .slice(h.index + h[0].length, next ? next.index : line.length)
        .replace(/^[\s:：]+|[\s|｜】\]）)]+$/g, '');
      if (value && !found.has(label)) found.set(label, value);
    });
  }
  return found;
}

function headMeta(doc: HtmlDocument): Map<string, string> {
  const metas = new Map<string, string>();
  walkElements(doc, (el) => {
    if (el.name === 'meta') {
      const name = (el.attribs.name ?? el.attribs.property ?? '').toLowerCase();
      const content = (el.attribs.content ?? '').trim();
      if (name && content && !metas.has(name)) metas.set(name, content);
    }
    return true;
  });
  return metas;
}

function firstOf<T>(...xs: Array<T | null | undefined>): T | undefined {
  for (const x of xs) if (x !== null && x !== undefined) return x;
  return undefined;
}

function cleanIssuer(v: string | undefined): string | null {
  if (!v) return null;
  const first = v.split(/\s+/)[0]!.replace(/[，,。；;、]+$/, '');
  return hanCount(first) >= 2 && first.length <= 40 ? first : null;
}

function cleanIndexNo(v: string | undefined): string | null {
  if (!v) return null;
  const first = v.split(/\s+/)[0]!;
  return first.length >= 4 && /\d/.test(first) ? first : null;
}

const TITLE_SEPARATOR = /\s+[-–—|｜]\s+|_|\||｜/;

/** "报告标题 - 某某区人民政府", "报告标题_某某网", "报告标题|某某网" → "报告标题". */
export function stripSiteSuffix(title: string): string {
  const t = cleanLine(title);
  const head = t.split(TITLE_SEPARATOR)[0]!.trim();
  return head || t;
}

/** The site-name segments of a <title> (everything after the first separator). */
function siteSuffixes(title: string): string[] {
  return cleanLine(title)
    .split(TITLE_SEPARATOR)
    .slice(1)
    .map((x) => x.trim())
    .filter(Boolean);
}

function readMeta(labels: Map<string, string>, metas: Map<string, string>, title: string | null): SourceMeta {
  const meta: SourceMeta = {};
  const date = (label: string): string | null => {
    const v = labels.get(label);
    return v ? normaliseDate(v) : null;
  };
  const metaDate = (): string | null => {
    for (const name of ['pubdate', 'publishdate', 'firstpublishedtime', 'articledate']) {
      const v = metas.get(name);
      const d = v ? normaliseDate(v) : null;
      if (d) return d;
    }
    return null;
  };
  const published = firstOf(date('发布日期'), date('发布时间'), metaDate(), date('成文日期'));
  if (published) meta.published = published;
  const issuer = firstOf(
    cleanIssuer(labels.get('发文机关')),
    cleanIssuer(labels.get('发布机构')),
    cleanIssuer(labels.get('发文机构')),
    cleanIssuer(labels.get('来源')),
    cleanIssuer(labels.get('信息来源')),
    cleanIssuer(metas.get('contentsource')),
  );
  if (issuer) meta.issuer = issuer;
  const indexNo = cleanIndexNo(labels.get('索引号'));
  if (indexNo) meta.indexNo = indexNo;
  if (title) meta.title = title;
  return meta;
}

function comparable(s: string): string {
  return s.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Containers of a site's own name rather than the report's. */
const SITE_BRANDING = /logo|banner|brand|site-?name|masthead/i;

/**
 * The page's report heading: the <h1> matching the page title, else the longest Chinese h1.
 * Never one inside <nav> or a logo/banner block, nor one that is just the site's name.
 */
function pickHeading(root: HtmlParent, pageTitle: string | null, siteNames: string[]): HtmlElement | null {
  const sites = new Set(siteNames.map(comparable).filter(Boolean));
  const h1s: Array<{ el: HtmlElement; text: string }> = [];
  walkElements(root, (el) => {
    if (el.name === 'nav') return false;
    if ((el.attribs.id && SITE_BRANDING.test(el.attribs.id)) || classTokens(el).some((t) => SITE_BRANDING.test(t)))
      return false;
    if (el.name === 'h1') {
      const text = cleanLine(domutils().textContent(el));
      if (hanCount(text) >= 4 && text.length <= 100 && !sites.has(comparable(text))) h1s.push({ el, text });
      return false;
    }
    return true;
  });
  if (h1s.length === 0) return null;
  const want = pageTitle ? comparable(pageTitle) : '';
  const matching = want ? h1s.find((h) => comparable(h.text) === want) : undefined;
  if (matching) return matching.el;
  return h1s.reduce((a, b) => (hanCount(b.text) > hanCount(a.text) ? b : a)).el;
}

// --- article ----------------------------------------------------------------

function dropChrome(body: HtmlParent): void {
  const stats = computeStats(body);
  const total = prose(body, stats);
  // Elements holding a trusted container must stay, whatever their names.
  const keep = new Set<HtmlParent>();
  walkElements(body, (el) => {
    if (nonLink(stats.get(el)) >= MIN_ARTICLE_HAN && KNOWN_CONTAINERS.some((sel) => matchesKnown(el, sel))) {
      for (let p: HtmlParent | null = el; p && !keep.has(p); p = p.parent as HtmlParent | null) keep.add(p);
    }
    return true;
  });
  const holdsArticle = (el: HtmlElement): boolean =>
    keep.has(el) || nonLink(stats.get(el)) >= Math.max(MIN_ARTICLE_HAN, total * 0.5);
  const doomed: HtmlElement[] = [];
  walkElements(body, (el) => {
    if ((CHROME_TAGS.has(el.name) || isChromeByName(el) || isHidden(el)) && !holdsArticle(el)) {
      doomed.push(el);
      return false;
    }
    return true;
  });
  for (const el of doomed) domutils().removeElement(el);
}

function sumChildren(root: HtmlParent, stats: Map<HtmlElement, Stats>): number {
  let n = 0;
  for (const c of root.children) {
    if (isTag(c)) n += nonLink(stats.get(c));
    else if (isText(c)) n += hanCount(c.data);
  }
  return n;
}

function chooseArticle(body: HtmlParent): HtmlParent | null {
  const stats = computeStats(body);
  const total = prose(body, stats);
  if (total < MIN_ARTICLE_HAN) return null;

  for (const sel of KNOWN_CONTAINERS) {
    const matches = findElements(body, (el) => matchesKnown(el, sel));
    if (matches.length === 0) continue;
    // The match with the most prose (ties: the first).
    const pick = matches.reduce((a, b) => (nonLink(stats.get(b)) > nonLink(stats.get(a)) ? b : a));
    const n = nonLink(stats.get(pick));
    if (n >= MIN_ARTICLE_HAN && n >= total * KNOWN_MIN_SHARE) return pick;
  }

  // Readability-style: the element whose paragraph children carry the most prose; on a
  // near tie the deeper one (a wrapper adds nothing but its title and metadata rows).
  let best: HtmlParent = body;
  let bestScore = isTag(body) ? (stats.get(body)?.score ?? 0) : 0;
  walkElements(body, (el) => {
    const score = stats.get(el)?.score ?? 0;
    if (score > bestScore || (score > 0 && score >= bestScore * 0.95 && contains(best, el))) {
      best = el;
      bestScore = score;
    }
    return true;
  });
  // An article split over sibling blocks: take their parent when siblings carry prose too.
  const parent = best.parent as HtmlParent | null;
  if (parent && best !== body && contains(body, best)) {
    const strongSiblings = parent.children.filter(
      (c): c is HtmlElement => isTag(c) && c !== best && (stats.get(c)?.best ?? 0) >= Math.max(50, bestScore * 0.2),
    );
    if (strongSiblings.length > 0) best = parent;
  }
  return prose(best, stats) >= MIN_ARTICLE_HAN ? best : null;
}

// --- adapter ----------------------------------------------------------------

/**
 * Elements nested deeper than this are not built: their text joins the element at this depth
 * (browsers stop at 512). htmlparser2 keeps its open elements in an array it unshifts, so
 * 100,000 nested <span>s cost it minutes; capped, any nesting parses in linear time.
 */
export const MAX_HTML_DEPTH = 256;
/** Elements past this many are not built either (a report page has thousands): their text stays. */
export const MAX_HTML_ELEMENTS = 200_000;

/** What the depth cap needs of htmlparser2's Parser (fields that are private in its typings). */
interface ParserInternals {
  stack: string[];
  tagname: string;
  attribs: Record<string, string> | null;
  onopentagname(start: number, endIndex: number): void;
  onclosetag(start: number, endIndex: number): void;
  isVoidElement(name: string): boolean;
  getSlice(start: number, endIndex: number): string;
}

/**
 * htmlparser2's parseDocument with depth and element caps: a tag past a cap is dropped with
 * its attributes (and its end tag), its text kept where it is, so deep or huge markup degrades
 * to flat text. A dropped block or <br> leaves a space, so words do not run together.
 */
export function parseHtmlCapped(
  html: string,
  maxDepth = MAX_HTML_DEPTH,
  maxElements = MAX_HTML_ELEMENTS,
): HtmlDocument {
  const { DomHandler, Parser } = htmlparser2();
  const options = { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true };
  const handler = new DomHandler();
  const parser = new Parser(handler, options);
  const internals = parser as unknown as ParserInternals;
  const open = internals.onopentagname.bind(parser);
  const close = internals.onclosetag.bind(parser);
  let dropped = 0; // dropped elements still open
  let built = 0;
  internals.onopentagname = (start, endIndex) => {
    if (dropped === 0 && internals.stack.length < maxDepth && built < maxElements) {
      built++;
      return open(start, endIndex);
    }
    const name = internals.getSlice(start, endIndex).toLowerCase();
    if (!internals.isVoidElement(name)) dropped++;
    // No tag name, no attributes: the tag's end builds nothing.
    internals.tagname = '';
    internals.attribs = null;
    if (name === 'br' || LINE_BLOCKS.has(name) || CELLS.has(name)) handler.ontext(' ');
  };
  internals.onclosetag = (start, endIndex) => {
    const name = internals.getSlice(start, endIndex).toLowerCase();
    if (dropped > 0) {
      if (!internals.isVoidElement(name)) dropped--;
      return;
    }
    // `</br>`, and `</p>` with no <p> open, build an element of their own: capped the same.
    if (name === 'br' || (name === 'p' && !internals.stack.includes('p'))) {
      if (internals.stack.length >= maxDepth || built >= maxElements) {
        if (name === 'br') handler.ontext(' ');
        return;
      }
      built++;
    }
    close(start, endIndex);
  };
  parser.end(html);
  return handler.root;
}

export function readHtml(bytes: Uint8Array, file: string, limits?: Partial<ReadLimits>): SourceText {
  const { html, encoding } = decodeHtml(bytes, file);
  const doc = parseHtmlCapped(html);
  const clock = { deadline: limits?.deadline ?? Number.POSITIVE_INFINITY, timeoutMs: limits?.timeoutMs ?? 0 };
  checkDeadline(clock, file);

  const metas = headMeta(doc);
  const titleEl = findElements(doc, (el) => el.name === 'title')[0];
  const rawTitle = titleEl ? domutils().textContent(titleEl) : '';
  const pageTitle = stripSiteSuffix(rawTitle) || null;
  const siteNames = [...siteSuffixes(rawTitle), metas.get('sitename') ?? ''];

  // Junk first, so neither the metadata scan nor scoring sees scripts and styles.
  const junk: HtmlElement[] = [];
  walkElements(doc, (el) => {
    if (JUNK_TAGS.has(el.name)) {
      junk.push(el);
      return false;
    }
    return true;
  });
  for (const el of junk) domutils().removeElement(el);

  const body = findBody(doc);
  const labels = scanLabels(collectLines(body));
  const articleTitle = metas.get('articletitle') ? cleanLine(metas.get('articletitle')!) : null;
  const heading = pickHeading(body, articleTitle ?? pageTitle, siteNames);
  const headingText = heading ? cleanLine(domutils().textContent(heading)) : null;
  const meta = readMeta(labels, metas, articleTitle || headingText || pageTitle);

  checkDeadline(clock, file);
  dropChrome(body);
  const article = chooseArticle(body);
  checkDeadline(clock, file);
  if (!article) throw new InputError(MSG_NO_ARTICLE, file, 'input-empty');
  const lines = collectLines(article);

  // The report title usually sits in an <h1> above the article container: put it back as line 1.
  if (headingText && heading && heading !== article && !contains(article, heading)) {
    const start = comparable(lines.slice(0, 3).join(''));
    if (!start.includes(comparable(headingText))) lines.unshift(headingText);
  }

  return {
    file,
    format: 'html',
    encoding,
    text: lines.join('\n') + '\n',
    place: (line: number) => ({ paragraph: line }),
    meta,
  };
}

export const htmlAdapter: FormatAdapter = {
  name: 'html',
  extensions: ['.html', '.htm', '.shtml', '.xhtml'],
  sniff: looksLikeHtml,
  read: readHtml,
};
