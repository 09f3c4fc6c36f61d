import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRuleSet } from '../src/engine/compile.js';
import { csvCell, csvFormatter } from '../src/formatters/csv.js';
import { htmlFormatter } from '../src/formatters/html.js';
import { escapeMarkdown, markdownFormatter } from '../src/formatters/markdown.js';
import type { FormatOptions } from '../src/formatters/types.js';
import { loadPackSet } from '../src/packs/load.js';
import type { RunResult } from '../src/report/result.js';
import { runCheck } from '../src/run/batch.js';

const OPTIONS: FormatOptions = { color: false, verbose: false };
const SCRIPT = '<script>alert(1)</script>';
const FORMULA = "=cmd|' /C calc'!A0";
const SUM = '@SUM(1)';

const SAMPLES = fs
  .readdirSync('reports')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => `reports/${f}`);

let tmp: string;
let all: RunResult;
let evil: RunResult;

beforeAll(async () => {
  const rules = compileRuleSet(loadPackSet());
  all = await runCheck(SAMPLES, rules, {});
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-inspector-'));
  const lines = fs.readFileSync('reports/draft-low-mediation.txt', 'utf8').split('\n');
  lines[0] = `${FORMULA}白沙乡${SCRIPT}2025年法治政府建设情况报告`;
  lines[7] = `更新 | 公开栏 *强调* _下划_ \`代码\` [链接](x) 推行执法全过程记录${SCRIPT}，政务公开栏 ${SUM}，${FORMULA}。`;
  const evilFile = path.join(tmp, '报告"白沙".txt');
  fs.writeFileSync(evilFile, lines.join('\n'));
  evil = await runCheck([evilFile, path.join(tmp, 'missing.txt')], rules, {});
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('test runs', () => {
  it('come from the real pipeline', () => {
    expect(all.reports).toHaveLength(SAMPLES.length);
    expect(evil.reports).toHaveLength(1);
    expect(evil.failures).toHaveLength(1);
    expect(evil.reports[0]!.meta.title).toContain(SCRIPT);
    expect(evil.reports[0]!.findings.some((f) => f.evidence.some((e) => e.quote.includes('|')))).toBe(true);
  });
});

describe('markdown', () => {
  it('has the score, grade, area table and every failed finding with its fix', () => {
    const md = markdownFormatter(all, OPTIONS);
    for (const r of all.reports) {
      expect(md).toContain(`# 关于《${escapeMarkdown(r.meta.title ?? r.file)}》的审核意见`);
      expect(md).toContain(`**得分：${r.score.total.toFixed(1)} / 100　等级：${r.score.grade}**`);
      for (const f of r.findings.filter((x) => x.status === 'fail')) {
        expect(md).toContain(escapeMarkdown(f.message));
        expect(md).toContain(`- 整改建议：${escapeMarkdown(f.fix)}`);
        expect(md).toContain(`\`${f.ruleId}\``);
      }
    }
    expect(md).toContain('| 领域 | 得分 | 满分 |');
    expect(md).toContain('## 需要整改的问题');
    expect(md).toContain('## 已符合的要求');
    expect(md).toContain('（地方实践，非官方指标）');
    expect(md).toMatch(/^ {2}> 第\d+行:\d+：“/m);
  });

  it('lists errors before warnings and info last', () => {
    const md = markdownFormatter(
      { ...all, reports: [all.reports.find((r) => r.file.includes('draft-low-mediation'))!] },
      OPTIONS,
    );
    const at = (s: string) => md.indexOf(s);
    expect(at('未报告落实行政执法“三项制度”')).toBeLessThan(at('矛盾纠纷调解成功率为85%'));
    expect(at('矛盾纠纷调解成功率为85%')).toBeLessThan(at('## 提示'));
    expect(at('## 提示')).toBeLessThan(at('未报告村（社区）法律顾问配备情况'));
    expect(md).not.toContain('审核结果汇总');
  });

  it('puts a ranking table first when there are several reports, best first', () => {
    const md = markdownFormatter(all, OPTIONS);
    expect(md.startsWith('# 审核结果汇总')).toBe(true);
    expect(md).toContain('| 名次 | 乡镇 | 年度 | 得分 | 等级 | 错误 | 警告 |');
    const rows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(all.reports.length);
    const scores = rows.map((l) => Number(l.split('|')[4]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The ranking, one letter per report, then the batch's shared paragraphs.
    expect(md.split('\n---\n')).toHaveLength(all.reports.length + 2);
    expect(md.split('\n---\n').at(-1)).toMatch(/^\n## 跨单位雷同段落/);
  });

  it('keeps tables and formatting intact with hostile report text', () => {
    const md = markdownFormatter(evil, OPTIONS);
    const unescapedPipe = /(?<!\\)\|/g;
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) {
      const cells = line.match(unescapedPipe)?.length ?? 0;
      expect(cells === 4 || cells === 8, line).toBe(true);
    }
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).not.toMatch(/(?<!\\)<script/);
    expect(md).toContain('更新 \\| 公开栏 \\*强调\\* \\_下划\\_ \\`代码\\` \\[链接\\](x)');
    expect(md).toContain('## 无法读取的文件');
    expect(md).toContain('missing.txt');
  });
});

describe('html', () => {
  it('is one self-contained document without scripts', () => {
    const html = htmlFormatter(all, OPTIONS);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<html/g)).toHaveLength(1);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(
      '"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:|\/\/)/i);
    expect(html).not.toMatch(/url\(|@import|@font-face/i);
    expect(html).toContain('<svg');
    expect(html).toContain('@page { size: A4; margin: 16mm; }');
    expect(html).toContain('@media print');
    expect(html).toContain('<details>');
  });

  it('shows the score card, areas, parts and every failed finding', () => {
    const html = htmlFormatter(all, OPTIONS);
    for (const [i, r] of all.reports.entries()) {
      expect(html).toContain(`id="report-${i + 1}"`);
      expect(html).toContain(`href="#report-${i + 1}"`);
      expect(html).toContain(`<span class="total">${r.score.total.toFixed(1)}</span>`);
      for (const f of r.findings.filter((x) => x.status === 'fail')) expect(html).toContain(f.ruleId);
    }
    expect(html).toContain('存在的不足和原因');
    expect(html).toContain('✖ 错误');
    expect(html).toContain('<mark>');
  });

  it('escapes report text', () => {
    const html = htmlFormatter(evil, OPTIONS);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('=cmd|&#39; /C calc&#39;!A0');
    expect(html).toContain('报告&quot;白沙&quot;.txt');
    expect(html).toContain('无法读取的文件');
  });

  it('is deterministic', async () => {
    const again = await runCheck(SAMPLES, compileRuleSet(loadPackSet()), {});
    expect(htmlFormatter(again, OPTIONS)).toBe(htmlFormatter(all, OPTIONS));
    expect(markdownFormatter(again, OPTIONS)).toBe(markdownFormatter(all, OPTIONS));
    expect(csvFormatter(again, OPTIONS)).toBe(csvFormatter(all, OPTIONS));
  });
});

/** RFC 4180 parser for the tests (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('csv', () => {
  it('is UTF-8 with BOM, CRLF, with the specified header and one row per report', () => {
    const csv = csvFormatter(all, OPTIONS);
    expect(csv.startsWith('\uFEFF文件,乡镇,年度,得分,等级,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv.slice(1));
    const header = rows[0]!;
    expect(header).toEqual([
      '文件',
      '乡镇',
      '年度',
      '得分',
      '等级',
      ...all.areas.map((a) => `${a.title}（${a.weight}分）`),
      '错误',
      '警告',
      '提示',
      '最弱领域',
      '发布日期',
      '说明',
    ]);
    expect(rows).toHaveLength(all.reports.length + 1);
    for (const [i, r] of all.reports.entries()) {
      const row = rows[i + 1]!;
      expect(row).toHaveLength(header.length);
      expect(row[0]).toBe(r.file);
      expect(row[1]).toBe(r.meta.body ?? '');
      expect(Number(row[3])).toBe(r.score.total);
      expect(row[3]).toMatch(/^\d+(\.\d)?$/);
      expect(row[4]).toBe(r.score.grade);
      // Points against the area's own weight (not the report's rescaled maximum): they compare across reports.
      for (const [j, area] of all.areas.entries()) {
        const s = r.score.areas.find((a) => a.id === area.id);
        const points = s && s.max > 0 ? Math.round((s.score / s.max) * area.weight * 10) / 10 : null;
        expect(row[5 + j]).toBe(points === null ? '' : String(points));
        if (points !== null) expect(points).toBeLessThanOrEqual(area.weight);
      }
      const n = all.areas.length;
      expect(Number(row[5 + n])).toBe(r.findings.filter((f) => f.status === 'fail' && f.severity === 'error').length);
    }
    const xuantan = rows.find((r) => r[0]!.includes('xuantan'))!;
    const gurtu = rows.find((r) => r[0]!.includes('gurtu'))!;
    const normative = header.findIndex((h) => h.startsWith('依法行政制度与规范性文件（'));
    expect(xuantan[normative]).toBe('0');
    expect(gurtu[normative]).toBe('');
    // 政府职能 and 依法行政制度与规范性文件 both score 0 for xuantan: the tie goes to the area listed first.
    expect(xuantan[header.findIndex((h) => h.startsWith('政府职能（'))]).toBe('0');
    expect(xuantan[header.indexOf('最弱领域')]).toBe('政府职能');
  });

  it('lists unreadable inputs and escapes quotes', () => {
    const csv = csvFormatter(evil, OPTIONS);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[1]![0]).toBe(evil.reports[0]!.file);
    expect(csv).toContain('报告""白沙"".txt"');
    const failure = rows[2]!;
    expect(failure[0]).toContain('missing.txt');
    expect(failure[4]).toBe('无法读取');
    expect(failure[failure.length - 1]).toBe(evil.failures[0]!.message);
    expect(failure).toHaveLength(rows[0]!.length);
  });

  it('neutralises formula cells', () => {
    // With these columns, report text reaches the CSV only through 乡镇 and 文件 (and 说明):
    // feed the hostile title (read by the pipeline) in as the body, and a hostile file name.
    const r = evil.reports[0]!;
    const run: RunResult = {
      ...evil,
      reports: [
        { ...r, meta: { ...r.meta, body: r.meta.title } },
        { ...r, file: '-' },
      ],
      failures: [{ file: SUM, code: 'input-empty', message: '+1 "quoted" message, with comma' }],
    };
    const csv = csvFormatter(run, OPTIONS);
    const rows = parseCsv(csv.slice(1));
    expect(rows[1]![1]).toBe(`'${FORMULA}白沙乡${SCRIPT}2025年法治政府建设情况报告`);
    expect(rows[2]![0]).toBe("'-");
    expect(rows[3]![0]).toBe(`'${SUM}`);
    expect(rows[3]![rows[3]!.length - 1]).toBe(`'+1 "quoted" message, with comma`);
    expect(csv).toContain(`"'+1 ""quoted"" message, with comma"`);
    // A leading tab or CR is shown as a visible escape (shared/safe-text.ts), which no
    // spreadsheet reads as a formula: a CSV cell never carries a raw control character.
    expect(csvCell('\tx')).toBe('\\x09x');
    expect(csvCell('\rx')).toBe('\\x0dx');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
  });
});
