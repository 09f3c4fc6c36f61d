import { lazy } from '../shared/lazy.js';

const yaml = lazy<typeof import('yaml')>('yaml');
import type { AreaDef, PackRule, PackSet } from './model.js';

/**
 * Rule documentation rendered from the packs (markdownlint style: one section per rule,
 * one page per area). The committed docs/rules/ pages are this output; a test keeps them equal.
 */

const SEVERITY: Record<PackRule['severity'], string> = {
  error: 'error（错误）',
  warning: 'warning（警告）',
  info: 'info（提示）',
};
const BASIS: Record<PackRule['basis'], string> = {
  official: 'official（法规或纲要明确要求）',
  practice: 'practice（地方通行做法，非官方指标）',
};

/** The anchor GitHub gives the heading "## area/name": punctuation other than - dropped. */
export function anchorFor(ruleId: string): string {
  return ruleId
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

export function docPathFor(rule: PackRule): string {
  return `docs/rules/${rule.area}.md#${anchorFor(rule.id)}`;
}

function codeBlock(text: string, lang = 'text'): string {
  return `\`\`\`${lang}\n${text.replace(/\n+$/, '')}\n\`\`\``;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One rule's documentation (also what `fazhi explain` prints). */
export function renderRule(rule: PackRule, area: AreaDef | undefined): string {
  const out: string[] = [];
  out.push(`## ${rule.id}`, '', `**${rule.title}**`, '');
  out.push('| | |', '|---|---|');
  out.push(`| severity 严重程度 | ${SEVERITY[rule.severity]} |`);
  out.push(`| basis 依据类型 | ${BASIS[rule.basis]} |`);
  out.push(`| weight 权重 | ${rule.weight}${area ? `（领域“${area.title}”，满分 ${area.weight}）` : ''} |`);
  out.push(`| clause 依据条款 | ${escapeCell(rule.clause)} |`);
  out.push(`| pack 规则包 | ${rule.pack} |`, '');
  if (rule.rationale) out.push(`**Why 为什么.** ${rule.rationale.trim()}`, '');
  out.push(`**Message 提示.** ${rule.message}`, '');
  if (rule.messages?.missing) out.push(`**When not reported 未报告时.** ${rule.messages.missing}`, '');
  out.push(`**Fix 修改建议.** ${rule.fix}`, '');
  const params = Object.entries(rule.params);
  if (params.length > 0) {
    out.push('**Params 参数** (override with `--param ' + rule.id + '.<name>=<value>`):', '');
    out.push('| name | default | range | description |', '|---|---|---|---|');
    for (const [name, p] of params) {
      const range = p.minimum !== undefined || p.maximum !== undefined ? `${p.minimum ?? ''}–${p.maximum ?? ''}` : '';
      out.push(`| \`${name}\` | ${String(p.default)}${p.unit ?? ''} | ${range} | ${escapeCell(p.description ?? '')} |`);
    }
    out.push('');
  }
  out.push(
    '**Check 检查方式:**',
    '',
    codeBlock(
      yaml().stringify(rule.when ? { check: rule.check, when: rule.when } : { check: rule.check }, { lineWidth: 0 }),
      'yaml',
    ),
    '',
  );
  for (const [kind, label] of [
    ['pass', 'Passes 通过'],
    ['fail', 'Fails 不通过'],
    ['notApplicable', 'Not applicable 不适用'],
  ] as const) {
    for (const example of rule.examples?.[kind] ?? []) out.push(`${label}:`, '', codeBlock(example), '');
  }
  return out.join('\n');
}

/** docs/rules/<area>.md for every area, plus docs/rules/README.md as the index. */
export function renderRuleDocs(set: PackSet): Map<string, string> {
  const pages = new Map<string, string>();
  const index: string[] = [
    '# Rules · 规则',
    '',
    'Generated from the built-in packs by `npm run docs`; do not edit by hand (a test compares).',
    '由内置规则包生成，请勿手工修改。',
    '',
    '| area 领域 | weight 分值 | rules 规则数 | clause 依据 |',
    '|---|---|---|---|',
  ];
  for (const area of set.areas.values()) {
    const rules = set.rules.filter((r) => r.area === area.id);
    if (rules.length === 0) continue;
    index.push(
      `| [${area.title}](${area.id}.md) \`${area.id}\` | ${area.weight} | ${rules.length} | ${escapeCell(area.clause ?? '')} |`,
    );
    const page: string[] = [`# ${area.title} \`${area.id}\``, ''];
    if (area.clause) page.push(`Clause 依据: ${area.clause}`, '');
    page.push(`Weight 分值: ${area.weight} / 100`, '');
    page.push('| rule | severity | basis | weight | title |', '|---|---|---|---|---|');
    for (const r of rules)
      page.push(
        `| [${r.id}](#${anchorFor(r.id)}) | ${r.severity} | ${r.basis} | ${r.weight} | ${escapeCell(r.title)} |`,
      );
    page.push('');
    for (const r of rules) page.push(renderRule(r, area));
    pages.set(`${area.id}.md`, `${page.join('\n').replace(/\n+$/, '')}\n`);
  }
  index.push('', `${set.rules.length} rules in all · 共 ${set.rules.length} 条规则。`);
  pages.set('README.md', `${index.join('\n')}\n`);
  return pages;
}
