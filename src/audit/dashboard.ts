/**
 * The audit dashboard: index.html (ranking, heatmap, score distribution, most common gaps) and
 * one page per report. Static HTML and SVG, printable, with nothing from elsewhere: a CSP of
 * default-src 'self', styles and the sorting script as files beside the pages (they work from
 * file://), the data the script sorts by in data-* attributes of the rows it sorts.
 */
import { escapeHtml as e } from '../formatters/html.js';
import { noShared, sharedCount } from '../formatters/shared-paragraphs.js';
import { SEVERITY_NAMES } from '../formatters/gate.js';
import { placeLabel } from '../formatters/evidence.js';
import { failedFindings, type RunHead } from '../report/result.js';
import type { Comparison } from '../compare/index.js';
import { PLAN_STATUS, SHORTCOMING_STATUS } from '../compare/format.js';
import { SHARED_THRESHOLD, type SharedParagraph } from '../compare/shared.js';
import type { AuditRow, RuleCount } from './model.js';
import { reviewedFindings, VERDICT_NAMES } from './review.js';

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'";

function page(title: string, body: string, depth: 0 | 1, scripts: readonly string[] = []): string {
  const up = depth === 1 ? '../' : '';
  const own = scripts.map((src) => `<script src="${up}${src}"></script>\n`).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="fazhi audit">
<title>${e(title)}</title>
<link rel="stylesheet" href="${up}dashboard.css">
</head>
<body>
${body}
${own}<script src="${up}dashboard.js"></script>
</body>
</html>
`;
}

/** Grade bands as the packs define them, lowest first, for the histogram's background. */
export interface GradeBand {
  name: string;
  min: number;
}

const round1 = (n: number): string => (Math.round(n * 10) / 10).toString();
/** Points, or 不适用 for an area with no applicable rule. */
const pointsText = (n: number | null): string => (n === null ? '—' : round1(n));

/** Colour of a share of an area's points: red (none) through amber to green (all), readable on white. */
export function heatColour(share: number): string {
  const s = Math.max(0, Math.min(1, share));
  const hue = Math.round(s * 120);
  return `hsl(${hue} 70% ${Math.round(88 - s * 30)}%)`;
}

/** Town × area, in points against each area's maximum: one scale for every town, with a legend. */
/** Above this many reports the heatmap's cells carry no labels (see heatmapSvg). */
export const LABELLED_HEATMAP_MAX = 200;

export function heatmapSvg(rows: readonly AuditRow[], head: Pick<RunHead, 'areas'>): string {
  const compact = rows.length > LABELLED_HEATMAP_MAX;
  const cell = 34;
  const left = 150;
  const top = 120;
  const width = left + head.areas.length * cell + 10;
  const height = top + rows.length * 22 + 60;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="各单位各方面得分热力图">`,
  ];
  head.areas.forEach((a, i) => {
    const x = left + i * cell + cell / 2;
    out.push(
      `<text x="${x}" y="${top - 8}" transform="rotate(-55 ${x} ${top - 8})" class="axis">${e(a.title)}（${a.weight}）</text>`,
    );
  });
  rows.forEach((r, j) => {
    const y = top + j * 22;
    out.push(
      `<a href="towns/${e(r.slug)}.html"><text x="${left - 6}" y="${y + 15}" class="label" text-anchor="end">${e(r.town || r.file)}${r.year ? ` ${r.year}` : ''}</text></a>`,
    );
    r.areas.forEach((a, i) => {
      const fill = a.points === null ? '#eaeef2' : heatColour(a.max > 0 ? a.points / a.max : 0);
      const tip = a.points === null ? '不适用' : `${round1(a.points)}/${a.max} 分`;
      // A large batch keeps the colours only (the points are in the table and on each page):
      // 2,000 towns of labelled cells would make a page of many megabytes.
      if (compact) {
        // Eleven steps of the same scale as classes (dashboard.css): a cell is a few dozen bytes.
        const step = a.points === null ? 'na' : String(Math.round((a.max > 0 ? a.points / a.max : 0) * 10));
        out.push(`<rect x="${left + i * cell}" y="${y}" class="h${step}"/>`);
        return;
      }
      out.push(
        `<rect x="${left + i * cell}" y="${y}" width="${cell - 2}" height="20" fill="${fill}"><title>${e(r.town)} · ${e(a.title)}：${tip}</title></rect>`,
        `<text x="${left + i * cell + (cell - 2) / 2}" y="${y + 14}" class="value" text-anchor="middle">${pointsText(a.points)}</text>`,
      );
    });
  });
  // Legend: the same scale for every cell.
  const ly = top + rows.length * 22 + 20;
  for (let k = 0; k <= 10; k++) {
    out.push(`<rect x="${left + k * 22}" y="${ly}" width="22" height="12" fill="${heatColour(k / 10)}"/>`);
  }
  out.push(
    `<text x="${left - 6}" y="${ly + 10}" class="axis" text-anchor="end">得分率</text>`,
    `<text x="${left}" y="${ly + 26}" class="axis">0%</text>`,
    `<text x="${left + 220}" y="${ly + 26}" class="axis" text-anchor="end">100%</text>`,
    '</svg>',
  );
  return out.join('\n');
}

/** Reports per 10-point bin, over the grade bands. */
export function histogramSvg(rows: readonly AuditRow[], grades: readonly GradeBand[]): string {
  const bins = Array.from(
    { length: 10 },
    (_, i) => rows.filter((r) => Math.min(9, Math.floor(r.score / 10)) === i).length,
  );
  const most = Math.max(1, ...bins);
  const w = 40;
  const h = 160;
  const left = 36;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="histogram" viewBox="0 0 ${left + w * 10 + 10} ${h + 50}" width="${left + w * 10 + 10}" height="${h + 50}" role="img" aria-label="得分分布">`,
  ];
  const sorted = [...grades].sort((a, b) => a.min - b.min);
  sorted.forEach((g, i) => {
    const from = g.min;
    const to = sorted[i + 1]?.min ?? 100;
    out.push(
      `<rect x="${left + (from / 10) * w}" y="0" width="${((to - from) / 10) * w}" height="${h}" class="band band-${i}"/>`,
      `<text x="${left + (from / 10) * w + 3}" y="12" class="axis">${e(g.name)}</text>`,
    );
  });
  bins.forEach((n, i) => {
    const bh = (n / most) * (h - 20);
    out.push(
      `<rect x="${left + i * w + 4}" y="${h - bh}" width="${w - 8}" height="${bh}" class="bar"><title>${i * 10}–${i * 10 + 10} 分：${n} 份</title></rect>`,
    );
    if (n > 0)
      out.push(`<text x="${left + i * w + w / 2}" y="${h - bh - 4}" class="value" text-anchor="middle">${n}</text>`);
    out.push(`<text x="${left + i * w}" y="${h + 16}" class="axis" text-anchor="middle">${i * 10}</text>`);
  });
  out.push(`<text x="${left + 10 * w}" y="${h + 16}" class="axis" text-anchor="middle">100</text>`);
  out.push(
    `<text x="${left + 5 * w}" y="${h + 40}" class="axis" text-anchor="middle">得分（每档 10 分）</text>`,
    '</svg>',
  );
  return out.join('\n');
}

/** Above this many reports the ranking's rows are loaded from RANKING_DATA, so index.html stays small. */
export const INLINE_RANKING_MAX = LABELLED_HEATMAP_MAX;
/** The ranking's rows of a large batch: a script of the folder (CSP 'self', works from file://). */
export const RANKING_DATA = 'data/ranking.js';
/** The dashboard lists this many reports of each shared paragraph (the workbook lists them all). */
const SHARED_LINKS = 12;

function rankingRows(rows: readonly AuditRow[], previous: boolean): string[] {
  return rows.map((r, i) => {
    const failing = failedFindings(r.report).map((f) => f.ruleId);
    return `<tr data-rank="${i + 1}" data-score="${r.score}" data-town="${e(r.town)}" data-year="${r.year ?? ''}" data-grade="${e(r.grade)}" data-rules=" ${e(failing.join(' '))} "${previous ? ` data-follow="${followShare(r)}"` : ''}${r.areas
      .map((a) => ` data-area-${e(a.id)}="${a.points ?? ''}"`)
      .join('')}>
<td>${i + 1}</td><td><a href="towns/${e(r.slug)}.html">${e(r.town || '（未识别单位）')}</a></td><td>${r.year ?? ''}</td><td class="num">${r.score.toFixed(1)}</td><td>${e(r.grade)}</td>${r.areas
      .map((a) => `<td class="num">${pointsText(a.points)}</td>`)
      .join(
        '',
      )}<td class="num">${r.counts.error}</td><td class="num">${r.counts.warning}</td>${previous ? followCell(r) : ''}<td class="file">${e(r.file)}</td></tr>`;
  });
}

/** A script that fills the ranking's body with its rows (run before dashboard.js sorts them). */
function rankingScript(rows: readonly string[]): string {
  return `// The ranking's rows (fazhi audit), kept out of index.html so that it stays small.
(function () {
  'use strict';
  var table = document.getElementById('ranking');
  if (!table) return;
  table.tBodies[0].innerHTML = [
${rows.map((r) => JSON.stringify(r)).join(',\n')}
  ].join('\\n');
})();
`;
}

/** What the dashboard shows: the batch's rows and rule counts, and its batch results. */
export interface DashboardInput {
  rows: readonly AuditRow[];
  counts: readonly RuleCount[];
  head: Pick<RunHead, 'areas'>;
  grades: readonly GradeBand[];
  failures: ReadonlyArray<{ file: string; message: string }>;
  shared?: readonly SharedParagraph[];
  previous?: boolean;
}

/**
 * index.html, and for a large batch (over INLINE_RANKING_MAX reports) the ranking's rows as
 * RANKING_DATA beside it: 2,000 rows of a dozen cells would make the page several megabytes.
 */
export function dashboardFiles(input: DashboardInput): Map<string, string> {
  const rowsHtml = rankingRows(input.rows, input.previous ?? false);
  const external = input.rows.length > INLINE_RANKING_MAX;
  const files = new Map<string, string>();
  files.set('index.html', dashboardHtml(input, external ? null : rowsHtml));
  if (external) files.set(RANKING_DATA, rankingScript(rowsHtml));
  return files;
}

/** index.html; `inline`: the ranking's rows, or null when they load from RANKING_DATA. */
function dashboardHtml(
  { rows, counts, head, grades, failures, shared = [], previous = false }: DashboardInput,
  inline: readonly string[] | null,
): string {
  const gradesSeen = [...new Set(rows.map((r) => r.grade))];
  const ranking = inline ? inline.join('\n') : '';
  const sortable = (key: string, label: string) =>
    `<th scope="col"><button type="button" data-sort="${e(key)}">${e(label)}</button></th>`;
  const gaps = counts
    .map(
      (c) =>
        `<tr><td><code>${e(c.ruleId)}</code></td><td>${e(c.title)}</td><td>${e(SEVERITY_NAMES[c.severity])}</td><td class="num">${c.failed}</td><td class="num">${rows.length ? Math.round((c.failed / rows.length) * 100) : 0}%</td><td>${c.slugs
          .slice(0, 12)
          .map((s) => `<a href="towns/${e(s)}.html">${e(rows.find((r) => r.slug === s)?.town || s)}</a>`)
          .join('、')}${c.slugs.length > 12 ? ` 等 ${c.slugs.length} 份` : ''}</td></tr>`,
    )
    .join('\n');
  const mean = rows.length ? rows.reduce((n, r) => n + r.score, 0) / rows.length : 0;
  const reviewed = rows.reduce((n, r) => n + reviewedFindings(r.report).length, 0);
  const body = `<header>
<h1>法治政府建设年度报告审核汇总</h1>
<p class="summary">共 ${rows.length} 份报告，平均得分 ${mean.toFixed(1)} 分${failures.length ? `，${failures.length} 份文件无法检查` : ''}${reviewed ? `，复核更正 ${reviewed} 处（得分按复核后的判断计算）` : ''}。
<a href="审核汇总.xlsx">下载 Excel 汇总表</a> · <a href="反馈意见/">各单位反馈意见</a></p>
</header>
<main>
<section aria-labelledby="h-ranking">
<h2 id="h-ranking">排名</h2>
<div class="filters">
<label for="filter-grade">等级</label>
<select id="filter-grade"><option value="">全部</option>${gradesSeen.map((g) => `<option>${e(g)}</option>`).join('')}</select>
<label for="filter-rule">未通过的规则</label>
<select id="filter-rule"><option value="">全部</option>${counts.map((c) => `<option value="${e(c.ruleId)}">${e(c.title)}（${c.failed}）</option>`).join('')}</select>
<span id="shown" aria-live="polite"></span>
</div>
<div class="scroll"><table id="ranking">
<thead><tr>${sortable('rank', '名次')}${sortable('town', '单位')}${sortable('year', '年度')}${sortable('score', '得分')}<th scope="col">等级</th>${head.areas
    .map((a) => sortable(`area-${a.id}`, `${a.title}（${a.weight}）`))
    .join(
      '',
    )}<th scope="col">错误</th><th scope="col">警告</th>${previous ? sortable('follow', '去年计划落实') : ''}<th scope="col">文件</th></tr></thead>
<tbody>
${ranking}
</tbody></table></div>
${inline ? '' : `<noscript><p>共 ${rows.length} 份报告：排名表由本目录中的 ${RANKING_DATA} 载入，需要启用 JavaScript；也可查看 Excel 汇总表。</p></noscript>`}
</section>
<section aria-labelledby="h-heat">
<h2 id="h-heat">各方面得分（按各方面满分，各单位同一标尺）</h2>
<div class="scroll">${heatmapSvg(rows, head)}</div>
</section>
<section aria-labelledby="h-dist">
<h2 id="h-dist">得分分布</h2>
${histogramSvg(rows, grades)}
</section>
<section aria-labelledby="h-gaps">
<h2 id="h-gaps">最常见的问题</h2>
<div class="scroll"><table><thead><tr><th scope="col">规则编号</th><th scope="col">规则</th><th scope="col">类别</th><th scope="col">未通过</th><th scope="col">占比</th><th scope="col">报告</th></tr></thead>
<tbody>
${gaps}
</tbody></table></div>
</section>
<section aria-labelledby="h-shared">
<h2 id="h-shared">多个单位雷同的段落（${shared.length}）</h2>
${
  shared.length === 0
    ? `<p>${noShared(SHARED_THRESHOLD)}。</p>`
    : `<ol class="shared">${shared
        .map(
          (g) =>
            `<li><blockquote>${e(g.text)}</blockquote><p>${sharedCount(g)}：${g.reports
              .slice(0, SHARED_LINKS)
              .map((r) => `<a href="towns/${e(r.id)}.html">${e(r.town || r.id)}</a> 第${r.line}行`)
              .join(
                '、',
              )}${g.reports.length > SHARED_LINKS ? ` 等 ${g.reports.length} 份（全部见 Excel 汇总表“跨单位雷同”表）` : ''}</p></li>`,
        )
        .join('\n')}</ol>`
}
</section>
${
  failures.length
    ? `<section aria-labelledby="h-fail"><h2 id="h-fail">无法检查的文件</h2><ul>${failures
        .map((f) => `<li>${e(f.file)}：${e(f.message)}</li>`)
        .join('')}</ul></section>`
    : ''
}
</main>`;
  return page('法治政府建设年度报告审核汇总', body, 0, inline ? [] : [RANKING_DATA]);
}

/** Share of last year's plans reported done, for sorting ('' when there is no last year). */
function followShare(r: AuditRow): string {
  const f = r.followThrough;
  return f && f.plans > 0 ? String(Math.round((f.done / f.plans) * 1000) / 1000) : '';
}

function followCell(r: AuditRow): string {
  const f = r.followThrough;
  if (!f) return '<td class="num" title="未找到去年的报告">—</td>';
  return `<td class="num" title="已报告完成 ${f.done}，未见报告 ${f.notReported}，再次列为计划 ${f.again}；与去年雷同段落 ${f.copied}">${f.done}/${f.plans}${f.copied ? ` · 雷同 ${f.copied}` : ''}</td>`;
}

function followSection(c: Comparison | undefined): string {
  if (!c) return '';
  const item = (p: Comparison['plans'][number]) =>
    `<li><span class="status-${p.status}">${(p.kind === 'plan' ? PLAN_STATUS : SHORTCOMING_STATUS)[p.status]}</span> ${e(p.text)}${p.evidence
      .map((ev) => `<blockquote><span class="where">今年第${ev.line}行</span> ${e(ev.quote)}</blockquote>`)
      .join('')}</li>`;
  return `<section aria-labelledby="h-follow"><h2 id="h-follow">去年的计划和不足（${e(c.last.file)}）</h2>
<h3>下一年度安排</h3><ul class="plans">${
    c.plans
      .filter((p) => p.kind === 'plan')
      .map(item)
      .join('\n') || '<li>去年的报告中没有这一部分</li>'
  }</ul>
<h3>存在的不足</h3><ul class="plans">${
    c.plans
      .filter((p) => p.kind === 'shortcoming')
      .map(item)
      .join('\n') || '<li>去年的报告中没有这一部分</li>'
  }</ul>
<h3>与去年相同或几乎相同的段落（${c.copied.length}）</h3><ul>${c.copied
    .map((p) => `<li>第${p.line}行（相似度 ${p.similarity.toFixed(2)}，去年第${p.lastLine}行）：${e(p.quote)}</li>`)
    .join('\n')}</ul>
<h3>与去年相同的数字（${c.repeatedNumbers.length}）</h3><ul>${c.repeatedNumbers
    .map((n) => `<li>${e(n.value)}：今年第${n.line}行“${e(n.quote)}”；去年第${n.lastLine}行“${e(n.lastQuote)}”</li>`)
    .join('\n')}</ul></section>`;
}

export function townHtml(row: AuditRow, docx: string | null, feedback: string, comparison?: Comparison): string {
  const { report } = row;
  const findings = failedFindings(report)
    .map(
      (f) => `<li class="finding sev-${f.severity}">
<p class="head"><span class="badge">${e(SEVERITY_NAMES[f.severity])}</span> ${e(f.title)} <code>${e(f.ruleId)}</code></p>
<p>${e(f.message)}</p>
${f.evidence
  .slice(0, 3)
  .map((ev) => `<blockquote><span class="where">${e(placeLabel(ev))}</span> ${e(ev.quote)}</blockquote>`)
  .join('\n')}
<p class="fix">修改建议：${e(f.fix)}</p>
<p class="clause">依据：${e(f.clause)}${f.basis === 'practice' ? '（地方实践，非官方指标）' : ''}</p>
</li>`,
    )
    .join('\n');
  const body = `<header>
<p><a href="../index.html">← 返回审核汇总</a></p>
<h1>${e(row.town || '（未识别单位）')}${row.year ? ` ${row.year}年度` : ''}</h1>
<p class="summary">${e(report.meta.title ?? row.file)}</p>
<p class="score">得分 <strong>${row.score.toFixed(1)}</strong> 分 · ${e(row.grade)} · 错误 ${row.counts.error} · 警告 ${row.counts.warning} · 提示 ${row.counts.info}</p>
<p>${docx ? `<a href="${e(docx)}">下载批注版 Word</a> · ` : ''}<a href="../反馈意见/${e(feedback)}">反馈意见</a> · 原文件：${e(row.file)}</p>
</header>
<main>
<section aria-labelledby="h-areas"><h2 id="h-areas">各方面得分</h2>
<table><thead><tr><th scope="col">方面</th><th scope="col">得分</th><th scope="col">满分</th></tr></thead><tbody>
${row.areas.map((a) => `<tr><td>${e(a.title)}</td><td class="num">${pointsText(a.points)}</td><td class="num">${a.max}</td></tr>`).join('\n')}
</tbody></table></section>
${reviewSection(row)}
${followSection(comparison)}
<section aria-labelledby="h-findings"><h2 id="h-findings">问题（${failedFindings(report).length}）</h2>
<ol class="findings">
${findings}
</ol></section>
</main>`;
  return page(`${row.town || row.file} · 审核意见`, body, 1);
}

function reviewSection(row: AuditRow): string {
  const reviewed = reviewedFindings(row.report);
  if (reviewed.length === 0) return '';
  return `<section aria-labelledby="h-review"><h2 id="h-review">复核更正（${reviewed.length}）</h2>
<table><thead><tr><th scope="col">规则</th><th scope="col">工具判断</th><th scope="col">复核判断</th><th scope="col">理由</th><th scope="col">复核人</th></tr></thead><tbody>
${reviewed
  .map(
    (f) =>
      `<tr><td>${e(f.title)} <code>${e(f.ruleId)}</code></td><td>${VERDICT_NAMES[f.review.tool]}</td><td><strong>${VERDICT_NAMES[f.review.verdict]}</strong></td><td>${e(f.review.reason)}</td><td>${e(f.review.reviewer ?? '')}</td></tr>`,
  )
  .join('\n')}
</tbody></table>
<p class="summary">得分按复核后的判断计算${row.toolScore !== undefined ? `（工具得分 ${row.toolScore.toFixed(1)} 分）` : ''}。</p></section>`;
}

/** The heatmap's eleven colour steps and not-applicable, for the compact heatmap of a large batch. */
const HEAT_STEPS = [
  ...Array.from({ length: 11 }, (_, k) => `svg.heatmap rect.h${k} { fill: ${heatColour(k / 10)}; }`),
  'svg.heatmap rect.hna { fill: #eaeef2; }',
  'svg.heatmap rect[class^="h"] { width: 32px; height: 20px; }',
].join('\n');

export const DASHBOARD_CSS = `${HEAT_STEPS}
:root { color: #1f2328; background: #fff; font: 15px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
body { margin: 0 auto; max-width: 1200px; padding: 16px; }
h1 { font-size: 1.5rem; margin: 0.2rem 0; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
a { color: #0b57d0; } .summary { color: #3d444d; }
table { border-collapse: collapse; font-size: 0.9rem; } th, td { border: 1px solid #d0d7de; padding: 3px 6px; text-align: left; vertical-align: top; }
th button { all: unset; cursor: pointer; font-weight: 600; } th button:focus-visible { outline: 2px solid #0b57d0; }
th button[aria-sort="ascending"]::after { content: " ▲"; } th button[aria-sort="descending"]::after { content: " ▼"; }
td a, td.num, #ranking td:nth-child(5) { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } td.file { color: #57606a; font-size: 0.8rem; }
.scroll { overflow-x: auto; } .filters { margin: 0.5rem 0; display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
select { font: inherit; padding: 2px 4px; }
svg text { font-size: 12px; fill: #1f2328; } svg .value { font-size: 11px; } svg .axis { fill: #3d444d; }
svg .bar { fill: #0b57d0; } svg .band-0 { fill: #fde2e1; } svg .band-1 { fill: #fff4d6; } svg .band-2 { fill: #e6f4ea; } svg .band-3 { fill: #d7eefc; }
.findings { padding-left: 1.4rem; } .finding { margin-bottom: 1rem; } .finding .head { font-weight: 600; margin-bottom: 0; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; color: #fff; background: #57606a; font-size: 0.8rem; }
.sev-error .badge { background: #b42318; } .sev-warning .badge { background: #8a5300; } .sev-info .badge { background: #245ea8; }
blockquote { margin: 0.3rem 0; padding: 0.2rem 0.6rem; border-left: 3px solid #d0d7de; background: #f6f8fa; }
.status-done { color: #1a5e20; } .status-not-reported { color: #b42318; } .status-again { color: #8a5300; }
.plans li { margin-bottom: 0.4rem; }
.where { color: #57606a; font-size: 0.8rem; } .fix { color: #1a5e20; } .clause { color: #57606a; font-size: 0.85rem; }
@media print { .filters, th button::after { display: none; } a { color: inherit; text-decoration: none; } body { max-width: none; } }
`;

/** Sorting and filtering of the ranking (a file of its own: the CSP allows no inline script). */
export const DASHBOARD_JS = `(function () {
  'use strict';
  var table = document.getElementById('ranking');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var grade = document.getElementById('filter-grade');
  var rule = document.getElementById('filter-rule');
  var shown = document.getElementById('shown');
  function value(row, key) {
    var v = row.getAttribute('data-' + key) || '';
    return key === 'town' ? v : v === '' ? -Infinity : Number(v);
  }
  function sortBy(button) {
    var key = button.getAttribute('data-sort');
    // A second click turns the order round; scores start highest first, rank, town and year in order.
    var current = button.getAttribute('aria-sort');
    var descending = current ? current === 'ascending' : !(key === 'rank' || key === 'town' || key === 'year');
    Array.prototype.forEach.call(table.querySelectorAll('th button'), function (b) { b.removeAttribute('aria-sort'); });
    button.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    rows.sort(function (a, b) {
      var x = value(a, key), y = value(b, key);
      var c = typeof x === 'string' ? x.localeCompare(y, 'zh') : x - y;
      return (descending ? -c : c) || value(a, 'rank') - value(b, 'rank');
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function filter() {
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!grade.value || r.getAttribute('data-grade') === grade.value) &&
        (!rule.value || r.getAttribute('data-rules').indexOf(' ' + rule.value + ' ') >= 0);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = '显示 ' + n + ' / ' + rows.length + ' 份';
  }
  Array.prototype.forEach.call(table.querySelectorAll('th button'), function (b) {
    b.addEventListener('click', function () { sortBy(b); });
  });
  grade.addEventListener('change', filter);
  rule.addEventListener('change', filter);
  filter();
})();
`;
