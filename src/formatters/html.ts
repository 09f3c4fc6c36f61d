import { visible } from '../shared/safe-text.js';
import { noShared, sharedCount, sharedHeading, sharedIntro } from './shared-paragraphs.js';
import { PART_IDS, PART_TITLES } from '../document/model.js';
import type { Evidence, Finding } from '../engine/model.js';
import { failedFindings, rankReports, type ReportPart, type ReportResult, type RunSummary } from '../report/result.js';
import { placeLabel } from './evidence.js';
import { wholeDocument, type Formatter, type FormatWriterFactory } from './types.js';

const SEVERITY_LABEL: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_ICON: Record<Finding['severity'], string> = { error: '✖', warning: '▲', info: 'ℹ' };
const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * Every character that could end a text node or an attribute value; controls, line breaks and
 * bidi marks shown visibly (shared/safe-text.ts), so report text never starts a line of the page.
 */
export function escapeHtml(text: string): string {
  return visible(text).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );
}
const e = escapeHtml;

const num = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Score band, for colour only (the grade and the number are always printed as text). */
function band(ratio: number): 'good' | 'fair' | 'pass' | 'poor' {
  return ratio >= 0.9 ? 'good' : ratio >= 0.75 ? 'fair' : ratio >= 0.6 ? 'pass' : 'poor';
}

const CSS = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
  --error: #b42318; --warning: #9a6700; --info: #0b5cad; --good: #1a7f37; --fair: #2f6f9f; --pass: #9a6700; --poor: #b42318; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; padding: 24px; background: #eef1f4; color: var(--ink);
  font-family: "Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;
  font-size: 14px; line-height: 1.65; }
main { max-width: 960px; margin: 0 auto; }
h1, h2, h3, h4 { line-height: 1.35; margin: 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px;
  background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; overflow-wrap: anywhere; }
.run, .report, .failures { background: #fff; border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 1px 3px rgba(0,0,0,.08); padding: 24px 28px; margin-bottom: 24px; }
.run h1 { font-size: 22px; }
.run p { color: var(--muted); margin: 4px 0 16px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
.nw { white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; }
.ranking a { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--muted); }
.ranking .sub { display: block; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.card { display: grid; grid-template-columns: 120px 1fr; gap: 20px; align-items: center;
  padding-bottom: 18px; border-bottom: 2px solid var(--ink); }
.score { border: 3px solid currentColor; border-radius: 12px; text-align: center; padding: 10px 4px; }
.score .total { display: block; font-size: 34px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.score .of { display: block; font-size: 12px; color: var(--muted); }
.score .grade { display: block; font-size: 17px; font-weight: 700; margin-top: 4px; }
.band-good { color: var(--good); } .band-fair { color: var(--fair); } .band-pass { color: var(--pass); } .band-poor { color: var(--poor); }
.card h2 { font-size: 20px; overflow-wrap: anywhere; }
.facts { margin: 6px 0 10px; color: var(--muted); overflow-wrap: anywhere; }
.facts span + span::before { content: " · "; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; list-style: none; }
.badge { display: inline-block; border: 1.5px solid currentColor; border-radius: 4px; padding: 0 7px;
  font-size: 12.5px; font-weight: 600; line-height: 1.7; white-space: nowrap; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.badge.sev-error { background: var(--error); color: #fff; border-color: var(--error); }
.badge.sev-info { border-style: dotted; }
.report h3 { font-size: 16px; margin: 22px 0 10px; padding-left: 8px; border-left: 4px solid var(--ink); }
.bars { display: block; width: 100%; max-width: 720px; height: auto; }
.bars text { font-size: 13px; fill: var(--ink); }
.bars .val { font-variant-numeric: tabular-nums; }
.fill-good { fill: #2da44e; } .fill-fair { fill: #3d7fb8; } .fill-pass { fill: #d4a72c; } .fill-poor { fill: #cf222e; }
.parts td:first-child { width: 3em; text-align: center; font-weight: 700; }
.parts .missing td { color: var(--error); font-weight: 600; }
.parts .where { color: var(--muted); font-size: 12.5px; }
.area { margin-top: 14px; }
.area h4 { font-size: 15px; padding: 4px 0; border-bottom: 1px solid var(--line); margin-bottom: 8px;
  display: flex; justify-content: space-between; gap: 12px; break-after: avoid; page-break-after: avoid; }
.area h4 .pts { font-weight: 400; color: var(--muted); white-space: nowrap; font-variant-numeric: tabular-nums; }
.finding { border: 1px solid var(--line); border-left: 5px solid currentColor; border-radius: 6px; padding: 10px 14px;
  margin: 0 0 10px; break-inside: avoid; page-break-inside: avoid; }
.finding.sev-warning { border-left-style: double; border-left-width: 6px; }
.finding.sev-info { border-left-style: dotted; }
.finding .head { display: flex; gap: 10px; align-items: baseline; color: var(--ink); }
.finding .msg { font-weight: 600; overflow-wrap: anywhere; }
.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 8px 0 0; color: var(--ink); }
.finding dt { color: var(--muted); }
.finding dd { margin: 0; overflow-wrap: anywhere; }
.practice { color: var(--muted); font-size: 12.5px; }
.quotes { list-style: none; margin: 0; padding: 0; }
.quotes li { margin: 0 0 6px; padding: 4px 10px; background: var(--soft); border-left: 3px solid var(--line);
  overflow-wrap: anywhere; word-break: break-word; }
.quotes .where { display: inline-block; min-width: 5em; color: var(--muted); font-size: 12.5px; margin-right: 6px; white-space: nowrap; }
.shared blockquote { margin: 4px 0; padding: 4px 10px; border-left: 3px solid var(--line); }
.shared .where { color: var(--muted); font-size: 12.5px; margin: 0 0 10px; }
mark { background: #fff1a8; color: inherit; padding: 0 1px; border-bottom: 1.5px solid #8a6d00; }
.quotes .note { color: var(--muted); font-size: 12.5px; }
.ok { color: var(--good); font-weight: 600; }
details { margin-top: 18px; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; }
summary { cursor: pointer; font-weight: 600; }
.passlist { columns: 2 22em; column-gap: 24px; margin: 8px 0 0; padding: 0; list-style: none; font-size: 13px; }
.passlist li { break-inside: avoid; padding: 1px 0; overflow-wrap: anywhere; }
.passlist li::before { content: "✓ "; color: var(--good); font-weight: 700; }
.passlist.na li::before { content: "– "; color: var(--muted); }
.failures h2 { font-size: 18px; margin-bottom: 10px; }
.failures td { overflow-wrap: anywhere; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin: 8px 0 0; }
@media (max-width: 560px) {
  body { padding: 8px; }
  .run, .report, .failures { padding: 14px; }
  .card { grid-template-columns: 1fr; }
  .finding dl { grid-template-columns: 1fr; }
  th, td { padding: 5px 4px; }
  th { white-space: normal; }
}
@page { size: A4; margin: 16mm; }
@media print {
  body { background: #fff; padding: 0; font-size: 10.5pt; }
  main { max-width: none; }
  .run, .report, .failures { box-shadow: none; border: none; border-radius: 0; padding: 0; margin: 0 0 8mm; }
  .run ~ .report, .report ~ .report, .failures { break-before: page; page-break-before: always; }
  .finding, .quotes li, .card, .parts tr, .ranking tr { break-inside: avoid; page-break-inside: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  .scroll { overflow-x: auto; }
.ranking a { border: none; }
  details { border: none; padding: 0; }
  body { line-height: 1.5; }
  .report h3 { margin: 14px 0 8px; }
  .finding { padding: 6px 10px; margin-bottom: 6px; }
  .finding dl { margin-top: 4px; gap: 0 10px; }
  .quotes li { margin-bottom: 3px; padding: 2px 8px; }
  .area { margin-top: 10px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function partWhere(p: ReportPart): string {
  if (p.page !== undefined) return `第${p.page}页`;
  if (p.paragraph !== undefined) return `第${p.paragraph}段`;
  return `第${p.line}行`;
}

function scoreCard(r: ReportResult): string {
  const { meta, score } = r;
  const facts = [
    meta.body ? e(meta.body) : '单位未识别',
    meta.year ? `${meta.year}年度` : '年度未识别',
    ...(meta.published ? [`发布日期 ${e(meta.published)}`] : []),
    ...(meta.issuer ? [`发文机关 ${e(meta.issuer)}`] : []),
    `文件 <code>${e(r.file)}</code>`,
  ];
  const counts = (['error', 'warning', 'info'] as const).map(
    (s) =>
      `<li><span class="badge sev-${s}">${SEVERITY_ICON[s]} ${SEVERITY_LABEL[s]} ${failedFindings(r, s).length}</span></li>`,
  );
  const passed = r.findings.filter((f) => f.status === 'pass').length;
  counts.push(`<li><span class="badge band-good">✓ 通过 ${passed}</span></li>`);
  return `<header class="card">
<div class="score band-${band(score.total / 100)}" aria-label="得分"><span class="total">${score.total.toFixed(1)}</span><span class="of">满分 100</span><span class="grade">${e(score.grade)}</span></div>
<div><h2>${e(meta.title ?? r.file)}</h2>
<p class="facts">${facts.map((f) => `<span>${f}</span>`).join('')}</p>
<ul class="counts">${counts.join('')}</ul></div>
</header>`;
}

const BAR = { width: 720, label: 168, bar: 400, row: 28, height: 16 };

/** Per-area bars as inline SVG: the label, the bar (score of max), and score/max as text. */
function areaBars(r: ReportResult): string {
  const areas = r.score.areas;
  if (areas.length === 0) return '<p>没有计分的领域。</p>';
  const h = areas.length * BAR.row + 4;
  const rows = areas.map((a, i) => {
    const ratio = a.max > 0 ? Math.min(1, Math.max(0, a.score / a.max)) : 1;
    const y = i * BAR.row + 4;
    const w = Math.round(BAR.bar * ratio * 10) / 10;
    const pct = Math.round(ratio * 100);
    return (
      `<g><title>${e(a.title)}：${num(a.score)} / ${num(a.max)}</title>` +
      `<text x="0" y="${y + 13}">${e(a.title)}</text>` +
      `<rect x="${BAR.label}" y="${y}" width="${BAR.bar}" height="${BAR.height}" rx="3" fill="#f0f2f4" stroke="#8c959f" stroke-width="1"/>` +
      (w > 0
        ? `<rect x="${BAR.label}" y="${y}" width="${w}" height="${BAR.height}" rx="3" class="fill-${band(ratio)}"/>`
        : '') +
      `<text class="val" x="${BAR.label + BAR.bar + 10}" y="${y + 13}">${num(a.score)} / ${num(a.max)}（${pct}%）</text></g>`
    );
  });
  return `<svg class="bars" viewBox="0 0 ${BAR.width} ${h}" role="img" aria-label="各领域得分">
${rows.join('\n')}
</svg>`;
}

function partsTable(r: ReportResult): string {
  const found = new Map<string, ReportPart>();
  for (const p of r.parts) if (!found.has(p.id)) found.set(p.id, p);
  const rows = PART_IDS.map((id) => {
    const p = found.get(id);
    if (!p) return `<tr class="missing"><td>✗</td><td>${e(PART_TITLES[id])}</td><td>未找到</td></tr>`;
    const where = `${partWhere(p)}${p.inferred ? '，按位置推定' : ''}`;
    return `<tr><td class="ok">✓</td><td>${e(PART_TITLES[id])}</td><td>${e(p.heading)} <span class="where">（${where}）</span></td></tr>`;
  });
  return `<table class="parts"><thead><tr><th>结果</th><th>法定要件</th><th>报告中的标题</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function quote(ev: Evidence): string {
  const note = ev.note ? ` <span class="note">（${e(ev.note)}）</span>` : '';
  return `<li><span class="where">${e(placeLabel(ev))}</span>“<mark>${e(ev.quote)}</mark>”${note}</li>`;
}

function finding(f: Finding): string {
  const practice = f.basis === 'practice' ? ' <span class="practice">（地方实践，非官方指标）</span>' : '';
  const quotes =
    f.evidence.length > 0 ? `<dt>原文</dt><dd><ul class="quotes">${f.evidence.map(quote).join('')}</ul></dd>` : '';
  return `<div class="finding sev-${f.severity}">
<div class="head"><span class="badge sev-${f.severity}">${SEVERITY_ICON[f.severity]} ${SEVERITY_LABEL[f.severity]}</span><span class="msg">${e(f.message)}</span></div>
<dl><dt>规则</dt><dd><code>${e(f.ruleId)}</code> ${e(f.title)}</dd>
<dt>依据</dt><dd>${e(f.clause)}${practice}</dd>
${quotes}<dt>整改建议</dt><dd>${e(f.fix)}</dd></dl>
</div>`;
}

function findingsByArea(r: ReportResult, areaTitles: Map<string, string>): string {
  const fails = failedFindings(r);
  if (fails.length === 0) return '<p class="ok">✓ 未发现需要整改的问题。</p>';
  const order = [...areaTitles.keys()];
  const groups = new Map<string, Finding[]>();
  for (const f of fails) {
    if (!groups.has(f.area)) groups.set(f.area, []);
    (groups.get(f.area) as Finding[]).push(f);
  }
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  const areaScore = new Map(r.score.areas.map((a) => [a.id, a] as const));
  return [...groups.entries()]
    .map(([id, list], i) => ({ id, list, i }))
    .sort((a, b) => rank(a.id) - rank(b.id) || a.i - b.i)
    .map(({ id, list }) => {
      const s = areaScore.get(id);
      const sorted = list
        .map((f, i) => ({ f, i }))
        .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i);
      const pts = s ? `<span class="pts">本领域得分 ${num(s.score)} / ${num(s.max)}</span>` : '';
      return `<section class="area"><h4><span>${e(areaTitles.get(id) ?? id)}</span>${pts}</h4>
${sorted.map(({ f }) => finding(f)).join('\n')}
</section>`;
    })
    .join('\n');
}

function passing(r: ReportResult): string {
  const pass = r.findings.filter((f) => f.status === 'pass');
  const na = r.findings.filter((f) => f.status === 'not-applicable');
  const item = (f: Finding): string => `<li>${e(f.title)} <code>${e(f.ruleId)}</code></li>`;
  return `<details><summary>已符合的要求（${pass.length} 项${na.length > 0 ? `，另有 ${na.length} 项不适用` : ''}）</summary>
<ul class="passlist">${pass.map(item).join('')}</ul>
${na.length > 0 ? `<p>不适用：</p><ul class="passlist na">${na.map(item).join('')}</ul>` : ''}
</details>`;
}

function report(r: ReportResult, index: number, areaTitles: Map<string, string>): string {
  return `<article class="report" id="report-${index + 1}">
${scoreCard(r)}
<h3>各领域得分</h3>
${areaBars(r)}
<h3>报告要件（五个法定部分）</h3>
${partsTable(r)}
<h3>需要整改的问题（${failedFindings(r).length} 项）</h3>
${findingsByArea(r, areaTitles)}
${passing(r)}
</article>`;
}

function ranking(run: RunSummary): string {
  const rows = rankReports(run.reports).map(({ rank, report: r }) => {
    const name = r.meta.body ?? r.meta.title ?? r.file;
    const sub = r.meta.title && r.meta.title !== name ? r.meta.title : r.file;
    return (
      `<tr><td class="n">${rank}</td><td><a href="#report-${r.position + 1}">${e(name)}</a><span class="sub">${e(sub)}</span></td>` +
      `<td>${r.meta.year ?? ''}</td><td class="n"><strong>${r.score.total.toFixed(1)}</strong></td><td class="nw">${e(r.score.grade)}</td>` +
      `<td class="n">${r.failed.error}</td><td class="n">${r.failed.warning}</td><td class="n">${r.failed.info}</td></tr>`
    );
  });
  return `<div class="scroll"><table class="ranking"><thead><tr><th class="n">名次</th><th>乡镇 / 报告</th><th>年度</th><th class="n">得分</th><th>等级</th><th class="n">错误</th><th class="n">警告</th><th class="n">提示</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

/** Paragraphs two or more towns share: a batch result, after every report. */
function sharedSection(shared: NonNullable<RunSummary['batch']>['shared']): string {
  const items = shared
    .map(
      (g) =>
        `<li><blockquote>${e(g.text)}</blockquote><p class="where">${sharedCount(g)}：${g.reports
          .map((r) => `${e(r.file)} 第${r.line}行`)
          .join('、')}</p></li>`,
    )
    .join('\n');
  return `<section class="run" id="shared"><h2>${sharedHeading(shared.length)}</h2>
${shared.length === 0 ? `<p>${noShared()}。</p>` : `<p>${sharedIntro(shared.length)}</p>\n<ol class="shared">${items}</ol>`}
</section>`;
}

function failures(run: RunSummary): string {
  if (run.failures.length === 0 && run.skipped.length === 0) return '';
  const parts = ['<section class="failures">'];
  if (run.failures.length > 0) {
    parts.push('<h2>无法读取的文件</h2><table><thead><tr><th>文件</th><th>原因</th></tr></thead><tbody>');
    for (const f of run.failures) parts.push(`<tr><td><code>${e(f.file)}</code></td><td>${e(f.message)}</td></tr>`);
    parts.push('</tbody></table>');
  }
  if (run.skipped.length > 0) {
    parts.push(
      `<p>跳过 ${run.skipped.length} 个不支持的文件：${run.skipped.map((s) => `<code>${e(s)}</code>`).join('、')}</p>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

/**
 * One self-contained HTML page (inline CSS and SVG, no scripts, no external assets), printable
 * on A4. The ranking opens the page, so the reports' sections wait until the run is over.
 */
export const htmlWriter: FormatWriterFactory = (run) => {
  const areaTitles = new Map(run.areas.map((a) => [a.id, a.title] as const));
  return {
    head(end) {
      const many = end.reports.length >= 2;
      const only = end.reports.length === 1 ? end.reports[0] : undefined;
      const title = only ? `审核意见：${only.meta.title ?? only.file}` : '法治政府建设年度报告审核结果';
      const ranked = many
        ? `<section class="run"><h1>法治政府建设年度报告审核结果</h1>
<p>共 ${end.reports.length} 份报告，按得分从高到低排列${end.failures.length > 0 ? `；${end.failures.length} 个文件无法读取` : ''}。点击乡镇名称查看该报告的审核意见。</p>
${ranking(end)}
</section>`
        : '';
      return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="fazhi ${e(run.tool.version)}">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${ranked}
`;
    },
    report: (r, position) => report(r, position, areaTitles),
    separator: '\n',
    tail(end, empty) {
      const packs = run.packs.map((p) => `${e(p.id)} ${e(p.version)}`).join('、');
      return `${empty && end.failures.length === 0 ? '<section class="run"><p>没有可检查的报告。</p></section>' : ''}
${end.batch ? sharedSection(end.batch.shared) : ''}
${failures(end)}
<footer>由 ${e(run.tool.name)} ${e(run.tool.version)} 生成${packs ? ` · 规则包 ${packs}` : ''}</footer>
</main>
</body>
</html>
`;
    },
  };
};

export const htmlFormatter: Formatter = wholeDocument(htmlWriter);
