import type { Facts } from '../facts/model.js';
import type { CompiledRule, RuleSet } from './compile.js';
import type { Basic, Finding, Status } from './model.js';
import type { Verdict } from './verdicts.js';
import { mapPacked } from '../shared/packed.js';

type Vars = Record<string, string | number | boolean>;

/** A {name} in a rule's message or fix: filled from the check's values and the rule's params. */
export const PLACEHOLDER = /\{([a-zA-Z][\w-]*)\}/g;

/** A message or fix split at its placeholders: literal text, and the names to fill in. */
export type Template = ReadonlyArray<string | { name: string }>;

/** Split a template once (at compile time): a report then only joins the pieces. */
export function splitTemplate(template: string): Template {
  const parts: Array<string | { name: string }> = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, m.index), { name: m[1] as string });
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

/** Fill a split template's placeholders; unknown names stay visible rather than vanish. */
export function fillTemplate(parts: Template, vars: Vars): string {
  if (parts.length === 1) return parts[0] as string;
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : p.name in vars ? String(vars[p.name]) : `{${p.name}}`;
  return out;
}

/** What each basic is called in a message. */
export const BASIC_NAMES: Readonly<Record<Basic, string>> = { year: '报告年度', title: '报告标题', body: '报告单位' };

/** A rule that could not be judged fails with this message, naming what could not be read. */
export function unknownMessage(title: string, basics: readonly Basic[]): string {
  return `无法判断：未能读出${basics.map((b) => BASIC_NAMES[b]).join('、')}，无法核对“${title}”（按未通过计分）`;
}

/** Its fix hint: make the basics legible, then the rule's own hint. */
export function unknownFix(basics: readonly Basic[], fix: string): string {
  return `在标题和开头写明${basics.map((b) => BASIC_NAMES[b]).join('、')}（如“××镇2025年法治政府建设年度报告”），使本条可以核对。${fix}`;
}

/** The template of a finding's message. */
function messageTemplate(compiled: CompiledRule, status: Status, missing: boolean): Template {
  const { templates } = compiled;
  if (status === 'pass') return templates.pass;
  if (status === 'not-applicable') return templates.notApplicable;
  return missing && templates.missing ? templates.missing : templates.fail;
}

const NO_VARS: Vars = Object.freeze({});

/** Have json-rules-engine decide every rule over a report's flat facts; turn its verdicts into findings. */
export async function evaluate(ruleSet: RuleSet, facts: Facts): Promise<Finding[]> {
  const decided = mapPacked(ruleSet.rules, (compiled) => compiled.decider.decide(facts.values));
  // Usually every verdict is remembered: then there is nothing to wait for. The engine's answers
  // were all asked for above, so waiting for them one by one costs no parallelism.
  const verdicts: Verdict[] = [];
  for (const d of decided) verdicts.push(d instanceof Promise ? await d : d);
  return mapPacked(ruleSet.rules, (compiled, i): Finding => {
    const { rule } = compiled;
    const { passed, conditions: top } = verdicts[i] as Verdict;
    // With a gate the conditions are all: [gate, check]; a lone condition is wrapped (see compile.ts).
    const applies = compiled.checkAt !== 'gated' || top.all?.[0]?.result === true;
    const node = compiled.checkAt === 'top' ? top : (top.all?.[compiled.checkAt === 'gated' ? 1 : 0] ?? null);
    const status: Status = !applies ? 'not-applicable' : passed ? 'pass' : 'fail';
    const outcome =
      status === 'not-applicable'
        ? { evidence: [], vars: {} }
        : compiled.check.explain(facts, status === 'pass', { node });
    const unknown = status === 'fail' && 'unknownBasics' in outcome ? outcome.unknownBasics : undefined;
    const message = unknown?.length
      ? null
      : messageTemplate(compiled, status, 'missing' in outcome && outcome.missing === true);
    const fix = compiled.templates.fix;
    // Made only for a template with a placeholder: most messages and fixes have none.
    const vars =
      (message !== null && message.length > 1) || fix.length > 1 ? { ...compiled.params, ...outcome.vars } : NO_VARS;
    const finding: Finding = {
      ruleId: rule.id,
      title: rule.title,
      status,
      severity: rule.severity,
      area: rule.area,
      weight: rule.weight,
      basis: rule.basis,
      message: message === null ? unknownMessage(rule.title, unknown ?? []) : fillTemplate(message, vars),
      clause: rule.clause,
      fix: unknown?.length ? unknownFix(unknown, fillTemplate(fix, vars)) : fillTemplate(fix, vars),
      evidence: outcome.evidence,
    };
    if (unknown?.length) finding.unknownBasics = [...unknown];
    return finding;
  });
}
