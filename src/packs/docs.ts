import { lazy } from '../shared/lazy.js';

const yaml = lazy<typeof import('yaml')>('yaml');
import type { AreaDef, ConceptDef, ContextDefs, PackRule, PackSet } from './model.js';

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

/** The vocabularies a rule's documentation can spell out. */
export interface Vocabulary {
  concepts: Map<string, ConceptDef>;
  contexts: ContextDefs;
}

/** The concepts a check names, at any depth (all / any / when), in order of first mention. */
export function conceptsNamed(check: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.type === 'concepts')
      for (const key of ['all', 'any', 'none'])
        for (const id of Array.isArray(obj[key]) ? (obj[key] as unknown[]) : [])
          if (typeof id === 'string' && !found.includes(id)) found.push(id);
    Object.values(obj).forEach(visit);
  };
  visit(check);
  return found;
}

function conceptLine(id: string, concept: ConceptDef | undefined): string {
  if (!concept) return `- \`${id}\``;
  const parts: string[] = [];
  if (concept.words?.length) parts.push(`words 词语：${concept.words.join('、')}`);
  if (concept.patterns?.length) parts.push(`patterns 句式：${concept.patterns.map((p) => `\`${p}\``).join(' ')}`);
  if (concept.exceptWithin?.length) parts.push(`not within 不计：${concept.exceptWithin.join('、')}`);
  if (concept.not) parts.push(`not in a sentence with 同句排除：\`${concept.not}\``);
  if (concept.inDocumentTitles) parts.push('counts inside 《》 titles too 书名号内也计');
  return [`- \`${id}\` **${concept.title}**`, ...parts.map((p) => `  - ${p}`)].join('\n');
}

/**
 * What a rule's concepts accept and which sentences never count: the words an author or a town
 * office can check a sentence against.
 */
function renderConcepts(ids: string[], vocabulary: Vocabulary): string[] {
  const title = (id: string) => vocabulary.concepts.get(id)?.title ?? id;
  const out = [
    '**Concepts 概念** (found in one sentence, in any order; traditional script is read as simplified ' +
      '一句之内、不论语序；繁体按简体读):',
    '',
    ...ids.map((id) => conceptLine(id, vocabulary.concepts.get(id))),
    '',
  ];
  const { plan, substance } = vocabulary.contexts;
  if (plan.length > 0)
    out.push(
      `Not evidence 不作为依据：含${plan.map(title).join('、')}的句子。`,
      '',
      ...plan.map((id) => conceptLine(id, vocabulary.concepts.get(id))),
      '',
    );
  if (substance.length > 0)
    out.push(
      `Within a clause of the match, the sentence also needs 匹配处前后一个分句内还须有：${substance.map(title).join('或')}` +
        '（否则视为口号）。',
      '',
      ...substance.map((id) => conceptLine(id, vocabulary.concepts.get(id))),
      '',
    );
  return out;
}

/** One rule's documentation (also what `fazhi explain` prints). */
export function renderRule(rule: PackRule, area: AreaDef | undefined, vocabulary?: Vocabulary): string {
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
      yaml().stringify(rule.when ? { check: rule.check, when: rule.when } : { check: rule.check }, {
        lineWidth: 0,
        aliasDuplicateObjects: false,
      }),
      'yaml',
    ),
    '',
  );
  const concepts = vocabulary ? conceptsNamed(rule.when ? [rule.check, rule.when] : rule.check) : [];
  if (vocabulary && concepts.length > 0) out.push(...renderConcepts(concepts, vocabulary));
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
    for (const r of rules) page.push(renderRule(r, area, set));
    pages.set(`${area.id}.md`, `${page.join('\n').replace(/\n+$/, '')}\n`);
  }
  index.push('', `${set.rules.length} rules in all · 共 ${set.rules.length} 条规则。`);
  pages.set('README.md', `${index.join('\n')}\n`);
  return pages;
}
