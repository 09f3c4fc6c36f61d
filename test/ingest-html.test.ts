import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { htmlAdapter } from '../src/ingest/html.js';
import type { SourceText } from '../src/ingest/index.js';
import { expectInputError } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, 'fixtures', 'html');
const MSG_NO_ARTICLE = '网页中未找到正文（可能是栏目页或需要登录的页面）';
const CHROME_WORDS = [
  '索引号',
  '主办',
  '打印本页',
  '字体',
  '当前位置',
  '分享',
  '您现在的位置',
  '发布机构',
  '联系电话',
  '登录',
  '注册',
];

interface FixtureModule {
  makeHtmlFixtures(outDir: string): string[];
  taojiaReportLines(): string[];
  xuantanReportLines(): string[];
  XUANTAN_LOGIN_LINES: string[];
}

// A variable specifier keeps tsc from looking for declarations of the plain-JS generator.
const generatorUrl = pathToFileURL(path.join(here, 'fixtures', 'make-html.mjs')).href;
const gen = (await import(generatorUrl)) as FixtureModule;

function fixture(name: string): Uint8Array {
  return fs.readFileSync(path.join(FIXTURES, name));
}

function read(bytes: Uint8Array | string, file = 'page.html'): SourceText {
  const input = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return htmlAdapter.read(input, file) as SourceText;
}

function lines(src: SourceText): string[] {
  return src.text.split('\n').filter((l) => l !== '');
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** Line-by-line differences (whitespace ignored), for a readable failure. */
function differences(actual: string[], expected: string[]): string[] {
  const out: string[] = [];
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    const a = actual[i] === undefined ? undefined : squeeze(actual[i]!);
    const e = expected[i] === undefined ? undefined : squeeze(expected[i]!);
    if (a !== e)
      out.push(`line ${i + 1}: got ${JSON.stringify(a?.slice(0, 40))}, want ${JSON.stringify(e?.slice(0, 40))}`);
  }
  return out;
}

/** Report paragraphs; the first alone is just over the 200-hanzi article minimum. */
const XUANTAN = gen.xuantanReportLines();
const PROSE = [13, 15, 16, 18].map((i) => XUANTAN[i]!);

function page(body: string, head = '<meta charset="utf-8"><title>测试页</title>'): string {
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
}

describe('fixtures', () => {
  it('are deterministic and match the committed files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-html-'));
    try {
      const names = gen.makeHtmlFixtures(dir);
      expect(names.sort()).toEqual([
        'login.html',
        'no-article.html',
        'taojia-2025.doc',
        'taojia-2025.html',
        'xuantan-2024.html',
      ]);
      for (const name of names)
        expect(Buffer.compare(fs.readFileSync(path.join(dir, name)), Buffer.from(fixture(name))), name).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('htmlAdapter on portal pages', () => {
  it('taojia (UTF-8): the article is exactly the report, title first', () => {
    const src = read(fixture('taojia-2025.html'), 'taojia-2025.html');
    expect(src.format).toBe('html');
    expect(src.encoding).toBe('utf-8');
    expect(src.file).toBe('taojia-2025.html');
    expect(differences(lines(src), gen.taojiaReportLines())).toEqual([]);
  });

  it('taojia: no portal chrome and no script text reaches the text', () => {
    const { text } = read(fixture('taojia-2025.html'));
    for (const word of CHROME_WORDS) expect(text, word).not.toContain(word);
    expect(text).not.toContain('栏目1');
    expect(text).not.toContain('_hmt');
    expect(text).not.toContain('九龙坡区人民政府\n');
  });

  it('taojia: meta from the metadata table and <meta> tags', () => {
    const src = read(fixture('taojia-2025.html'));
    expect(src.meta).toEqual({
      published: '2026-03-20',
      issuer: '陶家镇人民政府',
      indexNo: '11500107MB1719456X/2026-00012',
      title: '陶家镇关于2025年法治政府建设情况的报告',
    });
  });

  it('place() gives the 1-based paragraph', () => {
    const src = read(fixture('taojia-2025.html'));
    expect(src.place?.(1, 1)).toEqual({ paragraph: 1 });
    expect(src.place?.(7, 12)).toEqual({ paragraph: 7 });
  });

  it('xuantan (GBK, gb2312 declared): decodes, finds the article in nested tables, drops the login box', () => {
    const bytes = fixture('xuantan-2024.html');
    // Really GBK: not valid UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const src = read(bytes, 'xuantan-2024.html');
    expect(src.encoding).toBe('gb18030');
    const want = ['泸县玄滩镇2024年法治政府建设工作报告', ...gen.xuantanReportLines()];
    expect(differences(lines(src), want)).toEqual([]);
    for (const l of gen.XUANTAN_LOGIN_LINES) expect(src.text).not.toContain(l);
    for (const word of CHROME_WORDS) expect(src.text, word).not.toContain(word);
    expect(src.text).not.toContain('2099');
  });

  it('xuantan: published after the deadline, 发布日期 preferred over 成文日期', () => {
    const { meta } = read(fixture('xuantan-2024.html'));
    expect(meta).toEqual({
      published: '2025-04-15',
      issuer: '泸县玄滩镇人民政府',
      indexNo: '008547123/2025-00031',
      title: '泸县玄滩镇2024年法治政府建设工作报告',
    });
  });

  it('a .doc that is really the portal HTML is sniffed and read as HTML', () => {
    const doc = fixture('taojia-2025.doc');
    expect(htmlAdapter.sniff?.(doc)).toBe(true);
    expect(read(doc, 'taojia-2025.doc').text).toBe(read(fixture('taojia-2025.html')).text);
  });

  it('a channel (list) page and a login wall have no article', () => {
    expectInputError(() => read(fixture('no-article.html'), 'no-article.html'), MSG_NO_ARTICLE, 'no-article.html');
    expectInputError(() => read(fixture('login.html'), 'login.html'), MSG_NO_ARTICLE, 'login.html');
  });
});

describe('htmlAdapter.sniff', () => {
  const sniff = (s: string | Uint8Array): boolean =>
    htmlAdapter.sniff!(typeof s === 'string' ? Buffer.from(s, 'utf8') : s);

  it('recognises HTML starts', () => {
    expect(sniff('<!DOCTYPE html><html>')).toBe(true);
    expect(sniff('  \r\n<!doctype HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">')).toBe(true);
    expect(sniff('<HTML xmlns:v="urn:schemas-microsoft-com:vml">')).toBe(true);
    expect(sniff('<head><meta charset="gbk">')).toBe(true);
    expect(sniff('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')).toBe(true);
    expect(sniff('<body>正文</body>')).toBe(true);
    expect(sniff('\ufeff\n<html>')).toBe(true);
    expect(sniff('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">')).toBe(
      true,
    );
    expect(sniff('<!-- saved from url=(0042)http://www.example.gov.cn/art/1.html -->\r\n<html>')).toBe(true);
    expect(sniff('<!--[if gte mso 9]><xml>x</xml><![endif]--><!-- b --><html>')).toBe(true);
  });

  it('recognises UTF-16 HTML by its BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body>报告</body></html>', 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(sniff(le)).toBe(true);
    expect(sniff(be)).toBe(true);
  });

  it('rejects plain text, Markdown, PDF, zip and near misses', () => {
    expect(sniff(fs.readFileSync(path.join(here, '..', 'reports', 'taojia-2025.txt')))).toBe(false);
    expect(sniff('# 陶家镇法治政府建设报告\n<html> 出现在正文里')).toBe(false);
    expect(sniff('%PDF-1.7\n%âãÏÓ\n1 0 obj')).toBe(false);
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toBe(false);
    expect(sniff(new Uint8Array(0))).toBe(false);
    expect(sniff('<header>不是网页开头</header>')).toBe(false);
    expect(sniff('<!-- 注释 -->\n一、主要举措')).toBe(false);
    expect(sniff('<!-- 未结束的注释 <html>')).toBe(false);
    expect(sniff(`${' '.repeat(3000)}<html>`)).toBe(false);
  });

  it('declares its name and extensions', () => {
    expect(htmlAdapter.name).toBe('html');
    expect(htmlAdapter.extensions).toEqual(['.html', '.htm', '.shtml', '.xhtml']);
  });
});

describe('htmlAdapter text extraction', () => {
  it('never lets a <script> or <style> inside the article into the text', () => {
    const html = page(
      `<div id="zoom"><p>${PROSE[0]}</p><script>document.write("<p>脚本里的假正文：发布日期 2000-01-01</p>");</script>` +
        `<style>.x{content:"样式里的字"}</style><p>${PROSE[1]}</p><noscript>请启用脚本</noscript></div>`,
    );
    const src = read(html);
    expect(lines(src)).toEqual([PROSE[0], PROSE[1]]);
    expect(src.meta?.published).toBeUndefined();
  });

  it('handles &nbsp; indentation, <br> paragraphs, entities and full-width spaces', () => {
    const html = page(
      `<div class="article-content">&nbsp;&nbsp;&nbsp;&nbsp;${PROSE[0]}<br>` +
        `<br/>　　${PROSE[1]}&nbsp;<br />&nbsp;<br>&emsp;&emsp;${PROSE[2]} A&amp;B &lt;第二条&gt;<br>\n` +
        `<span>${PROSE[3]!.slice(0, 10)}</span><b>${PROSE[3]!.slice(10)}</b></div>`,
    );
    expect(lines(read(html))).toEqual([PROSE[0], `　　${PROSE[1]}`, `${PROSE[2]} A&B <第二条>`, PROSE[3]]);
  });

  it('collapses whitespace in a line; a source line break between two Chinese characters disappears', () => {
    const html = page(
      `<div class="content"><p>${PROSE[0]}</p><p>全年调解   矛盾纠纷\n      165件，\n调解\t成功率 98% 。</p><p>  \n &nbsp; </p><p>${PROSE[1]}</p></div>`,
    );
    expect(lines(read(html))).toEqual([PROSE[0], '全年调解 矛盾纠纷 165件，调解 成功率 98% 。', PROSE[1]]);
  });

  it('finds the article in nested layout tables without a known container', () => {
    const html = page(
      `<table width="1000"><tr><td class="leftcol"><table><tr><td><a href="#">栏目一</a></td></tr><tr><td><a href="#">栏目二</a></td></tr></table></td>` +
        `<td><table><tr><td>发布日期：2025/3/28</td></tr><tr><td class="zw">` +
        `<p>${PROSE[0]}</p><p>${PROSE[1]}</p><table border="1"><tr><td>调解件数</td><td>165</td></tr><tr><td>成功件数</td><td>162</td></tr></table><p>${PROSE[2]}</p>` +
        `</td></tr></table></td></tr></table>`,
    );
    const src = read(html);
    expect(lines(src)).toEqual([PROSE[0], PROSE[1], '调解件数 165', '成功件数 162', PROSE[2]]);
    expect(src.meta).toEqual({ published: '2025-03-28', title: '测试页' });
  });

  it('survives unclosed tags and stray end tags', () => {
    const html = `<html><head><meta charset="utf-8"><title>报告</title><body><div class="detail"><p>${PROSE[0]}<p>${PROSE[1]}</td></span><br><font color=red><b>${PROSE[2]}<li>${PROSE[3]}`;
    expect(lines(read(html))).toEqual([PROSE[0], PROSE[1], PROSE[2], PROSE[3]]);
  });

  it('does not drop the article when a wrapper has a chrome-like name (ASP.NET <form>, "side" layouts)', () => {
    const html = page(
      `<form id="form1" method="post"><div class="main-side-layout"><div class="nav"><a href="#">首页</a></div><div class="zw"><p>${PROSE[0]}</p><p>${PROSE[1]}</p></div></div></form>`,
    );
    expect(lines(read(html))).toEqual([PROSE[0], PROSE[1]]);
  });

  it('puts the page h1 first when the article lacks it, but does not repeat it', () => {
    const title = '青石镇2024年法治政府建设年度报告';
    const outside = page(
      `<div class="title"><h1>${title}</h1></div><div id="zoom"><p>${PROSE[0]}</p><p>${PROSE[1]}</p></div>`,
    );
    expect(lines(read(outside))).toEqual([title, PROSE[0], PROSE[1]]);
    const repeated = page(
      `<h1>${title}</h1><div id="zoom"><p>青石镇2024年</p><p>法治政府建设年度报告</p><p>${PROSE[0]}</p></div>`,
    );
    expect(lines(read(repeated))).toEqual(['青石镇2024年', '法治政府建设年度报告', PROSE[0]]);
    const inside = page(`<div class="article"><h1>${title}</h1><p>${PROSE[0]}</p></div>`);
    expect(lines(read(inside))).toEqual([title, PROSE[0]]);
  });

  it('keeps the site logo h1 out of the title', () => {
    const html = page(
      `<div class="logo"><h1>泸县人民政府</h1></div><h1>玄滩镇2024年法治政府建设工作报告</h1><div id="zoom"><p>${PROSE[0]}</p></div>`,
      '<meta charset="utf-8"><title>玄滩镇2024年法治政府建设工作报告 - 泸县人民政府</title>',
    );
    const src = read(html);
    expect(lines(src)[0]).toBe('玄滩镇2024年法治政府建设工作报告');
    expect(src.meta?.title).toBe('玄滩镇2024年法治政府建设工作报告');
  });

  it('never prepends the site name as the title', () => {
    const logoOnly = page(`<div class="logo"><h1>泸县人民政府网站</h1></div><div id="zoom"><p>${PROSE[0]}</p></div>`);
    expect(lines(read(logoOnly))).toEqual([PROSE[0]]);
    const siteH1 = page(
      `<h1>泸县人民政府</h1><div id="zoom"><p>${PROSE[0]}</p></div>`,
      '<meta charset="utf-8"><title>通知 - 泸县人民政府</title>',
    );
    expect(lines(read(siteH1))).toEqual([PROSE[0]]);
    const siteMeta = page(
      `<h1>泸县人民政府</h1><div id="zoom"><p>${PROSE[0]}</p></div>`,
      '<meta charset="utf-8"><meta name="SiteName" content="泸县人民政府">',
    );
    expect(lines(read(siteMeta))).toEqual([PROSE[0]]);
  });

  it('reads Word "save as web page" HTML (no known container)', () => {
    const html =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8">' +
      '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><style>p.MsoNormal{margin:0}</style></head>' +
      `<body lang=ZH-CN><div class=WordSection1><p class=MsoNormal align=center><b><span>白沙乡2024年法治政府建设工作报告</span></b></p>` +
      PROSE.map((p) => `<p class=MsoNormal><span lang=EN-US>&nbsp;&nbsp;&nbsp; </span><span>${p}</span></p>`).join('') +
      '</div></body></html>';
    expect(htmlAdapter.sniff?.(Buffer.from(html))).toBe(true);
    expect(lines(read(html, 'report.doc'))).toEqual(['白沙乡2024年法治政府建设工作报告', ...PROSE]);
  });

  it('a page with only a little prose has no article', () => {
    expectInputError(
      () => read(page(`<div id="zoom"><p>本栏目暂无内容。</p></div>`), 'empty.html'),
      MSG_NO_ARTICLE,
      'empty.html',
    );
  });
});

describe('htmlAdapter charsets and meta', () => {
  const gbkPage = (charsetTag: string): Buffer =>
    iconv.encode(
      page(`<div id="zoom"><p>${PROSE[0]}</p><p>${PROSE[1]}</p></div>`, `${charsetTag}<title>报告</title>`),
      'gbk',
    );

  it('honours gb2312/gbk/gb18030 declarations (decoded as GB18030)', () => {
    for (const tag of [
      '<meta charset="gb2312">',
      '<meta http-equiv="Content-Type" content="text/html; charset=GBK">',
      "<meta charset='gb18030'>",
    ]) {
      const src = read(gbkPage(tag));
      expect(src.encoding, tag).toBe('gb18030');
      expect(lines(src), tag).toEqual([PROSE[0], PROSE[1]]);
    }
  });

  it('detects GBK without a declaration, and a wrong declaration either way', () => {
    expect(read(gbkPage('')).encoding).toBe('gb18030');
    const wrongUtf8 = read(gbkPage('<meta charset="utf-8">'));
    expect(wrongUtf8.encoding).toBe('gb18030');
    expect(lines(wrongUtf8)).toEqual([PROSE[0], PROSE[1]]);
    const resaved = read(page(`<div id="zoom"><p>${PROSE[0]}</p></div>`, '<meta charset="gb2312">'));
    expect(resaved.encoding).toBe('utf-8');
    expect(lines(resaved)).toEqual([PROSE[0]]);
  });

  it('reads UTF-16 and UTF-8-BOM pages', () => {
    const html = page(`<div id="zoom"><p>${PROSE[0]}</p></div>`);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]);
    expect(read(le).encoding).toBe('utf-16le');
    expect(lines(read(le))).toEqual([PROSE[0]]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html)]);
    expect(read(bom).encoding).toBe('utf-8-bom');
  });

  it('normalises dates and prefers 发布日期 over 发布时间, <meta PubDate> and 成文日期', () => {
    const body = (info: string): string => `<div class="info">${info}</div><div id="zoom"><p>${PROSE[0]}</p></div>`;
    const metaOf = (info: string, head = '<meta charset="utf-8">'): SourceText['meta'] =>
      read(page(body(info), head)).meta;
    expect(metaOf('成文日期：2025年3月1日 发布时间：2025/3/28 10:20 发布日期：2025年4月2日')?.published).toBe(
      '2025-04-02',
    );
    expect(metaOf('成文日期：2025-03-01 发布时间：2025.3.28')?.published).toBe('2025-03-28');
    expect(
      metaOf(
        '成文日期：2025-03-01',
        '<meta charset="utf-8"><meta name="firstpublishedtime" content="2025-03-29-10:15:00">',
      )?.published,
    ).toBe('2025-03-29');
    expect(metaOf('成文日期：2025年03月01日')?.published).toBe('2025-03-01');
    expect(metaOf('发布日期：2025-02-30')?.published).toBeUndefined();
  });

  it('reads 来源 and <meta ContentSource> as the issuer when there is no 发布机构', () => {
    const src = read(page(`<div>来源：白沙乡人民政府 浏览次数：12</div><div id="zoom"><p>${PROSE[0]}</p></div>`));
    expect(src.meta).toEqual({ issuer: '白沙乡人民政府', title: '测试页' });
    const fromMeta = read(
      page(
        `<div id="zoom"><p>${PROSE[0]}</p></div>`,
        '<meta charset="utf-8"><meta name="ContentSource" content="青石镇人民政府">',
      ),
    );
    expect(fromMeta.meta).toEqual({ issuer: '青石镇人民政府' });
  });

  it('strips the site name from <title> and sets only the fields found', () => {
    for (const t of [
      '某镇2024年法治政府建设年度报告 - 某县人民政府',
      '某镇2024年法治政府建设年度报告_某县人民政府门户网站',
      '某镇2024年法治政府建设年度报告|某县政府',
    ]) {
      const src = read(page(`<div id="zoom"><p>${PROSE[0]}</p></div>`, `<meta charset="utf-8"><title>${t}</title>`));
      expect(src.meta, t).toEqual({ title: '某镇2024年法治政府建设年度报告' });
    }
  });
});
