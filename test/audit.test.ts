import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedParagraphs, SHARED_THRESHOLD, type BatchParagraph } from '../src/compare/shared.js';
import { DASHBOARD_CSS, heatColour, heatmapSvg, LABELLED_HEATMAP_MAX } from '../src/audit/dashboard.js';
import { safeStem, uniqueStems } from '../src/audit/names.js';
import { maskNumber } from '../src/audit/mask.js';
import { auditRow } from '../src/audit/model.js';
import { auditWorkbook, columnName } from '../src/audit/xlsx.js';
import type { ReportResult } from '../src/report/result.js';
import { checkReport, ROOT, runCli } from './helpers.js';

/** The longest body paragraph of 玄滩镇's report: pasted into another town's draft. */
const COPIED = fs
  .readFileSync(path.join(ROOT, 'reports/xuantan-2024.txt'), 'utf8')
  .split(/\r?\n/)
  .filter((l) => !/^[一二三四五六七八九十]+、|^（/.test(l.trim()))
  .sort((a, b) => b.length - a.length)[0]!
  .trim();

const HEAD = { areas: [{ id: 'mediation', title: '矛盾纠纷化解', weight: 8 }] };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-audit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** An ID number with a valid GB 11643 check digit, and a mobile number: personal data to mask. */
const RESIDENT_ID = '110105199001011232';
const MOBILE = '13912345678';

function submissions(name: string): string {
  const dir = path.join(tmp, name);
  const sub = path.join(dir, '报送材料');
  fs.mkdirSync(sub, { recursive: true });
  for (const r of ['taojia-2025.txt', 'xuantan-2024.txt', 'gurtu-2024.txt', 'draft-low-mediation.txt'])
    fs.copyFileSync(path.join(ROOT, 'reports', r), path.join(sub, r));
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/html/taojia-2025.html'), path.join(sub, '陶家镇网页.html'));
  // A draft that leaks personal data, and copies a paragraph of 玄滩镇's report whole.
  const draft = fs.readFileSync(path.join(ROOT, 'reports/draft-no-first-responsible.txt'), 'utf8');
  fs.writeFileSync(
    path.join(sub, '泄露.txt'),
    draft.replace('二、存在的不足和原因', `${COPIED}\n二、存在的不足和原因`) +
      `\n联系人：王某，身份证号${RESIDENT_ID}，电话${MOBILE}。\n`,
  );
  return dir;
}

describe('fazhi audit: one folder for the county office', async () => {
  const dir = submissions('main');
  const run = runCli(['audit', '报送材料', '--out', '审核结果'], { cwd: dir });
  const out = path.join(dir, '审核结果');
  const files = fs.readdirSync(out, { recursive: true }).map(String).sort();
  const sheets = await readXlsxFile(fs.readFileSync(path.join(out, '审核汇总.xlsx')));
  const sheet = (name: string) => sheets.find((s) => s.sheet === name)!.data;

  it('writes the dashboard, the workbook, a page, a feedback and an annotated copy per report', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^已写入审核结果：审核结果（6 份报告）/);
    expect(files).toContain('index.html');
    expect(files).toContain('审核汇总.xlsx');
    expect(files.filter((f) => f.startsWith('反馈意见/') && f.endsWith('.md'))).toHaveLength(6);
    expect(files.filter((f) => f.startsWith('towns/') && f.endsWith('.html'))).toHaveLength(6);
    expect(files.filter((f) => f.endsWith('.批注.docx'))).toHaveLength(6);
  });

  it('ranks by score, highest first, in the summary sheet and on the dashboard', () => {
    const scores = sheet('汇总')
      .slice(1)
      .map((r) => r[3] as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const ranked = [...html.matchAll(/<tr data-rank="(\d+)" data-score="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(ranked).toEqual(scores);
  });

  it('draws the heatmap as reports × areas, in absolute points against each area’s maximum', () => {
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const heat = html.slice(
      html.indexOf('<svg xmlns="http://www.w3.org/2000/svg" class="heatmap"'),
      html.indexOf('</svg>'),
    );
    const header = sheet('汇总')[0] as string[];
    const areas = header.filter((h) => /（\d+分）$/.test(h));
    expect([...heat.matchAll(/<rect [^>]*><title>/g)]).toHaveLength(6 * areas.length);
    const cells = [...heat.matchAll(/<title>[^<]*：([\d.]+)\/(\d+) 分<\/title>/g)];
    expect(cells.length).toBeGreaterThan(0);
    for (const [, points, max] of cells) expect(Number(points)).toBeLessThanOrEqual(Number(max));
    // An area scores against its own maximum in every row: one scale for every town.
    const maxima = new Map(areas.map((a) => [a.replace(/（\d+分）$/, ''), Number(/（(\d+)分）/.exec(a)![1])]));
    for (const m of heat.matchAll(/<title>[^<·]*· ([^：]+)：([\d.]+)\/(\d+) 分<\/title>/g))
      expect(Number(m[3])).toBe(maxima.get(m[1]!));
  });

  it('stores numbers as numbers, dates as dates, and text that looks like a formula as text', () => {
    const summary = sheet('汇总');
    for (const row of summary.slice(1)) {
      expect(typeof row[1]).toBe('number');
      expect(typeof row[3]).toBe('number');
    }
    const published = summary
      .slice(1)
      .map((r) => r.at(-1))
      .filter((v) => v !== null);
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((v) => v instanceof Date)).toBe(true);
  });

  it('stores text that starts with = + - @ as text, never as a formula', async () => {
    const report = (await checkReport('draft-low-mediation.txt')) as ReportResult;
    const hostile = ['=HYPERLINK("http://example.invalid","点击")', '+1+1', '-2+3', '@SUM(A1)'];
    const rows = hostile.map((h, i) =>
      auditRow({ ...report, file: h, meta: { ...report.meta, body: h } }, HEAD, `r${i}`),
    );
    const bytes = await auditWorkbook(rows, [], HEAD);
    const zip = unzipSync(bytes);
    for (const [name, part] of Object.entries(zip)) {
      if (name.startsWith('xl/worksheets/sheet')) expect(strFromU8(part), name).not.toMatch(/<f[ >]/);
    }
    const [summary] = await readXlsxFile(Buffer.from(bytes));
    expect(summary!.data.slice(1).map((r) => r[0])).toEqual(hostile);
  });

  it('gives every sheet Chinese headers, a frozen header row and an autofilter', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['汇总', '问题清单', '规则统计', '跨单位雷同', '复核']);
    expect(sheet('问题清单')[0]).toEqual([
      '单位',
      '文件',
      '规则编号',
      '规则',
      '类别',
      '问题',
      '引文',
      '位置',
      '修改建议',
      '依据',
    ]);
    expect(sheet('规则统计')[0]).toEqual(['规则编号', '规则', '类别', '未通过报告数', '占比']);
    const zip = unzipSync(fs.readFileSync(path.join(out, '审核汇总.xlsx')));
    // Wrapped text gets the rows it needs: a header of long area titles, findings with long messages.
    const rowHeight = (sheetXml: string, row: number) =>
      Number(new RegExp(`<row r="${row}" ht="(\\d+)" customHeight="1"`).exec(sheetXml)?.[1] ?? 0);
    expect(rowHeight(strFromU8(zip['xl/worksheets/sheet1.xml']!), 1)).toBeGreaterThanOrEqual(34);
    expect(rowHeight(strFromU8(zip['xl/worksheets/sheet2.xml']!), 2)).toBeGreaterThanOrEqual(34);
    const workbook = strFromU8(zip['xl/workbook.xml']!);
    sheets.forEach((s, i) => {
      const xml = strFromU8(zip[`xl/worksheets/sheet${i + 1}.xml`]!);
      expect(xml).toContain('state="frozen"');
      const last = `${columnName(s.data[0]!.length)}${s.data.length}`;
      expect(xml).toContain(`<autoFilter ref="A1:${last}"/>`);
      // LibreOffice shows the filter buttons only with the sheet's hidden filter database name.
      expect(workbook).toContain(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${s.sheet}'!$A$1:$${last.replace(/(\d+)$/, '$$$1')}</definedName>`,
      );
    });
  });

  it('counts per rule how many reports fail it, with the share', () => {
    const rules = sheet('规则统计').slice(1);
    const findings = sheet('问题清单').slice(1);
    for (const [ruleId, , , failed, share] of rules) {
      const reports = new Set(findings.filter((f) => f[2] === ruleId).map((f) => f[1]));
      expect(failed).toBe(reports.size);
      expect(share).toBeCloseTo((failed as number) / 6, 6);
    }
  });

  it('masks identity-card and mobile numbers in every output, Word copies included', () => {
    const leaks: string[] = [];
    for (const f of files) {
      const full = path.join(out, f);
      if (fs.statSync(full).isDirectory()) continue;
      const bytes = fs.readFileSync(full);
      const texts =
        f.endsWith('.xlsx') || f.endsWith('.docx')
          ? Object.values(unzipSync(bytes)).map((b) => strFromU8(b))
          : [bytes.toString('utf8')];
      if (texts.some((t) => t.includes(RESIDENT_ID) || t.includes(MOBILE))) leaks.push(f);
    }
    expect(leaks).toEqual([]);
    const page = files.find((f) => f.startsWith('towns/青石镇') && f.endsWith('.html'))!;
    expect(fs.readFileSync(path.join(out, page), 'utf8')).toContain(maskNumber(MOBILE));
    expect(sheet('问题清单').flat().join('')).toContain(maskNumber(RESIDENT_ID));
  });

  it('writes the feedback in an inspector’s words: score, gaps by weight, quotes, fixes', () => {
    const md = fs.readFileSync(
      path.join(
        out,
        '反馈意见',
        fs.readdirSync(path.join(out, '反馈意见')).find((f) => f.startsWith('白沙'))!,
      ),
      'utf8',
    );
    expect(md).toMatch(
      /^# 关于白沙乡2025年度法治政府建设年度报告的反馈意见\n\n白沙乡：\n\n经审核，你单位报送的《.+》得分 \d+\.\d 分（.+）。发现 \d+ 个问题/,
    );
    const costs = [...md.matchAll(/^## \d+\. .+（.+?(?:，扣 ([\d.]+) 分)?）$/gm)].map((m) => Number(m[1] ?? 0));
    expect(costs.length).toBeGreaterThan(3);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    expect(md).toContain('- 修改建议：');
    expect(md).toMatch(/- 原文（第\d+行:\d+）：“/);
  });

  it('finds the paragraph two towns share, not the ones a town repeats in its own two copies', () => {
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const section = html.slice(
      html.indexOf('id="h-shared"'),
      html.indexOf('</section>', html.indexOf('id="h-shared"')),
    );
    expect(section).toMatch(/多个单位雷同的段落（1）/);
    expect(section).toContain(COPIED.slice(0, 30));
    expect(section).toMatch(/2 份报告.*玄滩镇.*青石镇|2 份报告.*青石镇.*玄滩镇/s);
    const shared = sheet('跨单位雷同');
    expect(shared).toHaveLength(2);
    expect(shared[1]![1]).toBe(2);
  });

  it('replaces its own earlier audit, and writes the same files every time', () => {
    const before = new Map(
      files.map((f) => [f, fs.statSync(path.join(out, f)).isFile() ? fs.readFileSync(path.join(out, f)) : null]),
    );
    const again = runCli(['audit', '报送材料', '--out', '审核结果'], { cwd: dir });
    expect(again.code).toBe(0);
    for (const [f, bytes] of before) if (bytes) expect(fs.readFileSync(path.join(out, f)).equals(bytes), f).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['审核结果', '报送材料']);
  });
});

describe('fazhi audit refuses what it must not touch', () => {
  it('a folder that holds anything else: exit 2, one line, nothing written', () => {
    const dir = submissions('refuse');
    fs.mkdirSync(path.join(dir, '我的文件'));
    fs.writeFileSync(path.join(dir, '我的文件', '重要.docx'), 'x');
    const run = runCli(['audit', '报送材料', '--out', '我的文件'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fazhi: 用法错误：|^fazhi: --out 我的文件: 目录不为空且不是 fazhi 审核结果，不会覆盖/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readdirSync(path.join(dir, '我的文件'))).toEqual(['重要.docx']);
  });

  it('no --out, or nothing to check: exit 2', () => {
    const dir = submissions('usage');
    expect(runCli(['audit', '报送材料'], { cwd: dir }).stderr).toContain('请用 --out <目录> 指定');
    fs.mkdirSync(path.join(dir, '空'));
    const empty = runCli(['audit', '空', '--out', 'x'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });
});

describe('file names from untrusted text', () => {
  it.each([
    ['城关镇', 'a.txt', '城关镇'],
    ['../../etc/passwd', 'a.txt', 'etc_passwd'],
    ['', '报告 2024.docx', '报告_2024'],
    ['CON', 'x.txt', 'CON_'],
    ['', '...', '报告'],
  ])('%j (file %s) → %s', (town, file, stem) => {
    expect(safeStem(town, file)).toBe(stem);
  });

  it('stay unique: two 城关镇, two years of one town, and names that differ only in case', () => {
    expect(
      uniqueStems([
        { town: '城关镇', year: 2024, file: 'a.txt' },
        { town: '城关镇', year: 2024, file: 'b.txt' },
        { town: '城关镇', year: 2025, file: 'c.txt' },
        { town: '', year: null, file: 'Report.txt' },
        { town: '', year: null, file: 'report.txt' },
      ]),
    ).toEqual(['城关镇2024', '城关镇2024-2', '城关镇2025', 'Report', 'report-2']);
  });
});

describe('paragraphs shared between towns, at batch scale', () => {
  /** Deterministic pseudo-random text: paragraphs that share nothing but the alphabet. */
  function paragraph(seed: number): string {
    const chars =
      '法治政府建设调解纠纷执法公开审查顾问学习宣传应急数字监督决策文件清单服务培训考核制度村社区镇街道群众干部';
    let x = seed * 2654435761;
    let out = '';
    for (let i = 0; i < 60; i++) {
      x = (Math.imul(x ^ (x >>> 15), 2246822519) + i) >>> 0;
      out += chars[x % chars.length];
    }
    return out;
  }

  it('finds every planted copy among 400 reports, and no near-miss', () => {
    const paragraphs: BatchParagraph[] = [];
    for (let r = 0; r < 400; r++) {
      for (let k = 0; k < 10; k++)
        paragraphs.push({ id: `r${r}`, town: `镇${r}`, line: k + 1, text: paragraph(r * 100 + k) });
    }
    const planted = paragraph(999_999);
    paragraphs.push({ id: 'r3', town: '镇3', line: 20, text: planted });
    paragraphs.push({ id: 'r250', town: '镇250', line: 21, text: planted.replace(/。?$/, '。') });
    paragraphs.push({ id: 'r399', town: '镇399', line: 22, text: `${planted.slice(0, 58)}工作` });
    // A near-miss: a third of it rewritten.
    paragraphs.push({ id: 'r10', town: '镇10', line: 23, text: planted.slice(0, 40) + paragraph(7).slice(0, 20) });
    // A town repeating itself is not a copy between towns.
    paragraphs.push({ id: 'r5', town: '镇5', line: 30, text: paragraph(500) });
    const shared = sharedParagraphs(paragraphs);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.reports.map((r) => r.id).sort()).toEqual(['r250', 'r3', 'r399']);
    expect(shared[0]!.similarity).toBeGreaterThanOrEqual(SHARED_THRESHOLD);
  });

  it('takes a paragraph copied word for word as wholly shared, and one with nothing to compare as not', () => {
    const copied = paragraph(4242);
    const reworded = `${copied.slice(0, 56)}工作`;
    const bare = '……——！！？？、、、；；：：“”‘’（）《》……——！！？？、、、；；：：“”';
    const paragraphs: BatchParagraph[] = [
      { id: 'a', town: '甲镇', line: 1, text: copied },
      { id: 'b', town: '乙镇', line: 1, text: copied },
      { id: 'c', town: '丙镇', line: 1, text: copied },
      { id: 'a', town: '甲镇', line: 2, text: bare },
      { id: 'b', town: '乙镇', line: 2, text: bare },
    ];
    const word = sharedParagraphs(paragraphs);
    expect(word.map((g) => [g.reports.map((r) => r.id), g.similarity])).toEqual([[['a', 'b', 'c'], 1]]);
    // With a reworded copy in the group, the group is as similar as its least similar member.
    const mixed = sharedParagraphs([...paragraphs, { id: 'd', town: '丁镇', line: 1, text: reworded }]);
    expect(mixed).toHaveLength(1);
    expect(mixed[0]!.reports.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(mixed[0]!.similarity).toBeLessThan(1);
    expect(mixed[0]!.similarity).toBeGreaterThanOrEqual(SHARED_THRESHOLD);
  });
});

describe('the inspector has the last word (fazhi-review.yaml)', async () => {
  const dir = submissions('review');
  const review = `reviews:
  draft-low-mediation.txt:
    mediation/success-rate:
      verdict: pass
      reason: 县定标准为85%，已达到
      reviewer: 张三
  不在这里.txt:
    structure/other: { verdict: fail, reason: 无 }
`;
  fs.writeFileSync(path.join(dir, '报送材料', 'fazhi-review.yaml'), review);
  const tool = runCli(['audit', '报送材料', '--out', '不复核', '--review', path.join(dir, 'none.yaml')], { cwd: dir });
  const run = runCli(['audit', '报送材料', '--out', '审核结果'], { cwd: dir });
  const out = path.join(dir, '审核结果');
  const read = async (folder: string) => readXlsxFile(fs.readFileSync(path.join(dir, folder, '审核汇总.xlsx')));
  const rowOf = (sheets: Awaited<ReturnType<typeof read>>, file: string) => sheets[0]!.data.find((r) => r[2] === file)!;

  it('scores with the reviewer’s verdict, and shows both', async () => {
    expect(tool.code).toBe(2); // the --review file named does not exist
    expect(tool.stderr).toMatch(/^fazhi: .*none\.yaml: 复核意见文件不存在/);
    expect(run.code, run.stderr).toBe(0);
    const before = (await checkReport('draft-low-mediation.txt')).score.total;
    const after = rowOf(await read('审核结果'), '报送材料/draft-low-mediation.txt')[3] as number;
    expect(after).toBeGreaterThan(before);
    const sheet = (await read('审核结果')).find((s) => s.sheet === '复核')!.data;
    expect(sheet.slice(1)).toEqual([
      [
        '白沙乡',
        '报送材料/draft-low-mediation.txt',
        'mediation/success-rate',
        '矛盾纠纷调解成功率达到要求',
        '未通过',
        '通过',
        '县定标准为85%，已达到',
        '张三',
      ],
    ]);
    const page = fs.readFileSync(path.join(out, 'towns', '白沙乡2025.html'), 'utf8');
    expect(page).toContain('复核更正（1）');
    expect(page).toContain(`工具得分 ${before.toFixed(1)} 分`);
  });

  it('says which entries matched no report, and keeps the verdict on every run', () => {
    expect(run.stderr).toMatch(/fazhi-review\.yaml: 报送材料\/不在这里\.txt 不在本次审核的报告中/);
    const again = runCli(['audit', '报送材料', '--out', '审核结果'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'towns', '白沙乡2025.html'), 'utf8')).toContain('复核更正（1）');
  });

  it('refuses a review that names an unknown rule or gives no reason: one line, exit 2', () => {
    for (const bad of [
      'reviews:\n  a.txt:\n    no/such-rule: { verdict: pass, reason: x }\n',
      'reviews:\n  a.txt:\n    structure/other: { verdict: pass }\n',
      'reviews:\n  a.txt:\n    structure/other: { verdict: maybe, reason: x }\n',
    ]) {
      fs.writeFileSync(path.join(dir, 'bad.yaml'), bad);
      const r = runCli(['audit', '报送材料', '--out', '坏', '--review', 'bad.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^fazhi: bad\.yaml: a\.txt: (no\/such-rule: 没有这条规则|structure\/other: 请在 reason 中写明复核理由|structure\/other: verdict 应为 pass)/,
      );
      expect(fs.existsSync(path.join(dir, '坏'))).toBe(false);
    }
  });

  it('fazhi eval exports the corrections as test cases, and runs them', () => {
    const exported = runCli(['eval', '报送材料/fazhi-review.yaml', '--export', 'cases.yaml'], { cwd: dir });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe('已导出 2 条期望结果（2 份报告）：cases.yaml\n');
    const cases = fs.readFileSync(path.join(dir, 'cases.yaml'), 'utf8');
    expect(cases).toContain('reports:\n  报送材料/draft-low-mediation.txt:\n    mediation/success-rate: pass\n');
    fs.copyFileSync(path.join(ROOT, 'reports/taojia-2025.txt'), path.join(dir, '报送材料', '不在这里.txt'));
    const evaluated = runCli(['eval', 'cases.yaml'], { cwd: dir });
    // The tool still fails the reviewed rule: the case records the disagreement for the rule's authors.
    expect(evaluated.stdout).toMatch(/✗ fail≠pass/);
  });
});

describe('fazhi audit --previous: last year’s plans against this year’s reports', async () => {
  const dir = path.join(tmp, 'previous');
  fs.mkdirSync(path.join(dir, '去年'), { recursive: true });
  fs.mkdirSync(path.join(dir, '今年'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/compare/2023.txt'), path.join(dir, '去年', '青石镇.txt'));
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/compare/2024.txt'), path.join(dir, '今年', '青石镇.txt'));
  fs.copyFileSync(path.join(ROOT, 'reports/taojia-2025.txt'), path.join(dir, '今年', '陶家镇.txt'));
  const run = runCli(['audit', '今年', '--previous', '去年', '--out', '审核结果'], { cwd: dir });
  const out = path.join(dir, '审核结果');

  it('pairs each report with last year’s by town and year, and counts what was done', async () => {
    expect(run.code, run.stderr).toBe(0);
    const [summary] = await readXlsxFile(fs.readFileSync(path.join(out, '审核汇总.xlsx')));
    const header = summary!.data[0] as string[];
    const at = header.indexOf('去年计划');
    expect(header.slice(at)).toEqual([
      '去年计划',
      '已报告完成',
      '未见报告',
      '再次列为计划',
      '与去年雷同段落',
      '去年的报告',
    ]);
    const row = (file: string) => summary!.data.find((r) => r[2] === file)!.slice(at);
    expect(row('今年/青石镇.txt')).toEqual([5, 3, 1, 1, 1, '去年/青石镇.txt']);
    expect(row('今年/陶家镇.txt')).toEqual([null, null, null, null, null, '（未找到去年的报告）']);
  });

  it('adds a follow-through column to the ranking and the plans to the town’s page', () => {
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('data-sort="follow"');
    expect(html).toContain('>3/5 · 雷同 1</td>');
    const page = fs.readFileSync(path.join(out, 'towns', '青石镇2024.html'), 'utf8');
    expect(page).toMatch(/<span class="status-again">↻ 再次列为计划<\/span> 组织开展防汛和森林防火应急演练/);
    expect(page).toMatch(/<span class="status-done">✓ 已报告完成<\/span> 加强法律顾问队伍建设/);
  });
});

describe('the heatmap of a large batch', () => {
  it('keeps labels up to 200 reports, then colours only, on the same scale', async () => {
    const report = await checkReport('draft-low-mediation.txt');
    const head = {
      areas: [
        { id: 'mediation', title: '矛盾纠纷化解', weight: 8 },
        { id: 'structure', title: '报告要件', weight: 20 },
      ],
    };
    const rows = (n: number) => Array.from({ length: n }, (_, i) => auditRow(report, head, `r${i}`));
    const small = heatmapSvg(rows(LABELLED_HEATMAP_MAX), head);
    const large = heatmapSvg(rows(LABELLED_HEATMAP_MAX + 1), head);
    expect(small.match(/class="value"/g)).toHaveLength(LABELLED_HEATMAP_MAX * 2);
    expect(large).not.toContain('class="value"');
    expect(large.match(/<rect [^>]*class="h(\d+|na)"\/>/g)).toHaveLength((LABELLED_HEATMAP_MAX + 1) * 2);
    expect(DASHBOARD_CSS).toContain(`svg.heatmap rect.h10 { fill: ${heatColour(1)}; }`);
    // Per cell, the large form is a fraction of the labelled one.
    expect(large.length / (LABELLED_HEATMAP_MAX + 1)).toBeLessThan((small.length / LABELLED_HEATMAP_MAX) * 0.4);
  });
});
