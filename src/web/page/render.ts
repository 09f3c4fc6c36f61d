/**
 * The result on the page: the score card, the findings by severity, missing content by part,
 * and the document with every evidence quote marked. Findings and marks link both ways.
 */
import type { Document } from '../../document/model.js';
import { PART_IDS, type PartId } from '../../document/model.js';
import type { Finding } from '../../engine/model.js';
import type { ReportResult, RuleInfo } from '../../report/result.js';
import { el } from './dom.js';
import { BASIS_TITLES, partTitle, SEVERITY_ORDER, SEVERITY_SHORT, SEVERITY_TITLES } from './labels.js';

/** A failed finding and its place in the page (its index among the report's findings). */
interface Shown {
  finding: Finding;
  index: number;
}

const findingId = (index: number) => `finding-${index}`;
const evidenceKey = (index: number, k: number) => `${index}-${k}`;

export function renderScore(report: ReportResult): HTMLElement {
  const { score } = report;
  const areas = score.areas.map((a) =>
    el(
      'li',
      {},
      el('span', { class: 'area-title' }, a.title),
      el('span', { class: 'num' }, `${a.score} / ${a.max}`),
      el(
        'span',
        { class: 'bar', 'aria-hidden': 'true' },
        el('span', { class: 'bar-fill', 'data-ratio': ratio(a.score, a.max) }),
      ),
    ),
  );
  return el(
    'div',
    { class: 'score-card' },
    el(
      'div',
      { class: 'score-total' },
      el('span', { class: 'score-label' }, '总分'),
      el('span', { class: 'score-value', id: 'fazhi-score' }, String(score.total)),
      el('span', { class: 'score-grade' }, `等级：${score.grade}`),
    ),
    el(
      'div',
      { class: 'areas' },
      el('h3', { id: 'areas-heading' }, '各领域得分（得分 / 满分）'),
      el('ul', { 'aria-labelledby': 'areas-heading' }, ...areas),
    ),
  );
}

function ratio(score: number, max: number): string {
  return max > 0 ? String(Math.max(0, Math.min(1, score / max))) : '0';
}

/** Bar widths from data-ratio (the CSP forbids style attributes; CSSOM writes are allowed). */
export function sizeBars(root: HTMLElement): void {
  for (const bar of root.querySelectorAll<HTMLElement>('.bar-fill'))
    bar.style.width = `${Number(bar.dataset.ratio ?? 0) * 100}%`;
}

function findingCard(shown: Shown, rules: Map<string, RuleInfo>): HTMLElement {
  const { finding: f, index } = shown;
  const details = el('details', { class: `finding sev-${f.severity}`, id: findingId(index), 'data-rule': f.ruleId });
  const quotes = f.evidence.map((e, k) =>
    el(
      'li',
      {},
      el(
        'button',
        { type: 'button', class: 'quote-link', 'data-ev': evidenceKey(index, k) },
        `第 ${e.line} 行：“${e.quote}”`,
      ),
      e.note ? el('span', { class: 'note' }, `（${e.note}）`) : null,
    ),
  );
  const parts: Array<Node | null> = [
    el(
      'summary',
      {},
      el('span', { class: `badge sev-${f.severity}` }, SEVERITY_SHORT[f.severity]),
      el('span', { class: 'finding-title' }, f.title),
    ),
    el('p', { class: 'message' }, f.message),
    f.fix ? el('p', { class: 'fix' }, el('strong', {}, '修改建议：'), f.fix) : null,
    el(
      'p',
      { class: 'clause' },
      el('strong', {}, '依据：'),
      f.clause || (rules.get(f.ruleId)?.clause ?? ''),
      el('span', { class: `basis basis-${f.basis}` }, BASIS_TITLES[f.basis]),
    ),
    quotes.length > 0 ? el('ul', { class: 'quotes' }, ...quotes) : null,
    el('p', { class: 'rule-id' }, `规则 ${f.ruleId}`),
  ];
  for (const part of parts) if (part) details.append(part);
  return details;
}

/** Failed findings with evidence, grouped by severity. */
export function renderFindings(report: ReportResult, rules: Map<string, RuleInfo>): HTMLElement {
  const failed = report.findings
    .map((finding, index) => ({ finding, index }))
    .filter((s) => s.finding.status === 'fail');
  const withEvidence = failed.filter((s) => s.finding.evidence.length > 0);
  const root = el('div', { class: 'findings' }, el('h2', {}, `原文中需要修改的地方（${withEvidence.length} 项）`));
  for (const severity of SEVERITY_ORDER) {
    const group = withEvidence.filter((s) => s.finding.severity === severity);
    if (group.length === 0) continue;
    root.append(
      el(
        'section',
        { class: 'severity-group', 'aria-label': SEVERITY_TITLES[severity] },
        el('h3', { class: `sev-${severity}` }, `${SEVERITY_TITLES[severity]} · ${group.length} 项`),
        ...group.map((s) => findingCard(s, rules)),
      ),
    );
  }
  if (withEvidence.length === 0) root.append(el('p', {}, '没有需要在原文中修改的地方。'));
  return root;
}

/** The part a rule's missing content belongs in (null: the report as a whole). */
function partOf(rule: RuleInfo | undefined): PartId | null {
  return rule?.part ?? null;
}

/** Failed findings with no evidence (content missing), under the part where it belongs. */
export function renderMissing(report: ReportResult, rules: Map<string, RuleInfo>): HTMLElement {
  const missing = report.findings
    .map((finding, index) => ({ finding, index }))
    .filter((s) => s.finding.status === 'fail' && s.finding.evidence.length === 0);
  const root = el('div', { class: 'missing' }, el('h2', {}, `缺少的内容（${missing.length} 项）`));
  const byPart = new Map<PartId | null, Shown[]>();
  for (const s of missing) {
    const part = partOf(rules.get(s.finding.ruleId));
    byPart.set(part, [...(byPart.get(part) ?? []), s]);
  }
  // The whole report first, then the parts in the report's order, then the parts it lacks.
  const order: Array<PartId | null> = [null, ...report.parts.map((p) => p.id), ...PART_IDS].filter(
    (p, i, all) => all.indexOf(p) === i,
  );
  for (const part of order) {
    const group = byPart.get(part);
    if (!group) continue;
    const heading = part === null ? undefined : report.parts.find((p) => p.id === part);
    const canonical = part === null ? '' : partTitle(part);
    const title =
      part === null
        ? '全文（不属于某一部分的内容）'
        : !heading
          ? `应有「${canonical}」部分（报告中没有找到）`
          : heading.heading.includes(canonical)
            ? `应写入「${heading.heading}」部分`
            : `应写入「${heading.heading}」部分（${canonical}）`;
    group.sort((a, b) => SEVERITY_ORDER.indexOf(a.finding.severity) - SEVERITY_ORDER.indexOf(b.finding.severity));
    root.append(
      el('section', { class: 'part-group' }, el('h3', {}, title), ...group.map((s) => findingCard(s, rules))),
    );
  }
  if (missing.length === 0) root.append(el('p', {}, '没有缺少的内容。'));
  return root;
}

interface Span {
  start: number;
  end: number;
  key: string;
  index: number;
  severity: Finding['severity'];
}

/** The document's lines, each evidence span in a <mark> (overlaps split into segments). */
export function renderDocument(document: Document, report: ReportResult): HTMLElement {
  const spans = new Map<number, Span[]>();
  report.findings.forEach((f, index) => {
    if (f.status !== 'fail') return;
    f.evidence.forEach((e, k) => {
      for (let line = e.line; line <= e.endLine; line++) {
        const text = document.lines[line - 1]?.original ?? '';
        const start = line === e.line ? e.column - 1 : 0;
        const end = line === e.endLine ? e.endColumn - 1 : text.length;
        if (end <= start) continue;
        spans.set(line, [
          ...(spans.get(line) ?? []),
          { start, end, key: evidenceKey(index, k), index, severity: f.severity },
        ]);
      }
    });
  });
  const body = el('div', { class: 'doc-text', lang: 'zh-CN' });
  document.lines.forEach((line, i) => {
    const text = line.original;
    const p = el(
      'p',
      { 'data-line': String(i + 1) },
      el('span', { class: 'line-no', 'aria-hidden': 'true' }, String(i + 1)),
    );
    const here = spans.get(i + 1) ?? [];
    if (text.trim() === '') p.classList.add('blank');
    const cuts = [...new Set([0, text.length, ...here.flatMap((s) => [s.start, s.end])])]
      .filter((c) => c >= 0 && c <= text.length)
      .sort((a, b) => a - b);
    for (let c = 0; c + 1 < cuts.length; c++) {
      const from = cuts[c] as number;
      const to = cuts[c + 1] as number;
      const piece = text.slice(from, to);
      const covering = here.filter((s) => s.start <= from && s.end >= to);
      if (covering.length === 0) {
        p.append(piece);
        continue;
      }
      const worst = SEVERITY_ORDER.find((sev) => covering.some((s) => s.severity === sev)) ?? 'info';
      p.append(
        el(
          'mark',
          {
            class: `ev sev-${worst}`,
            tabindex: '0',
            role: 'button',
            'data-ev': covering.map((s) => s.key).join(' '),
            'data-findings': [...new Set(covering.map((s) => s.index))].join(' '),
            title: '查看对应的问题',
          },
          piece,
        ),
      );
    }
    body.append(p);
  });
  return el('div', { class: 'document' }, el('h2', {}, '报告原文（标出的是问题所在）'), body);
}

/** Clicking a finding's quote shows it in the text; clicking a mark opens its finding. */
export function linkFindingsAndMarks(root: HTMLElement): void {
  const clearActive = () => {
    for (const n of root.querySelectorAll('.active')) n.classList.remove('active');
  };
  const showQuote = (key: string) => {
    const marks = [...root.querySelectorAll<HTMLElement>('mark.ev')].filter((m) =>
      (m.dataset.ev ?? '').split(' ').includes(key),
    );
    if (marks.length === 0) return;
    clearActive();
    for (const m of marks) m.classList.add('active');
    const first = marks[0] as HTMLElement;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  };
  const openFinding = (mark: HTMLElement) => {
    const index = (mark.dataset.findings ?? '').split(' ')[0];
    const details = root.querySelector<HTMLDetailsElement>(`#${findingId(Number(index))}`);
    if (!details) return;
    clearActive();
    mark.classList.add('active');
    details.open = true;
    details.classList.add('active');
    details.scrollIntoView({ block: 'center' });
    details.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
  };
  root.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const link = target.closest<HTMLElement>('.quote-link');
    if (link?.dataset.ev) return showQuote(link.dataset.ev);
    const mark = target.closest<HTMLElement>('mark.ev');
    if (mark) openFinding(mark);
  });
  root.addEventListener('keydown', (event) => {
    const mark = (event.target as HTMLElement).closest<HTMLElement>('mark.ev');
    if (mark && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      openFinding(mark);
    }
  });
}
