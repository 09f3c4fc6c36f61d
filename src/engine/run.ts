import type { Facts } from '../facts/model.js';
import type { EvaluatedCondition } from './checks/types.js';
import type { CompiledRule, RuleSet } from './compile.js';
import type { Finding, Status } from './model.js';

/** Fill {name} placeholders; unknown names stay visible rather than vanish. */
export function fillTemplate(template: string, vars: Record<string, string | number | boolean>): string {
  return template.replace(/\{([a-zA-Z][\w-]*)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function messageFor(compiled: CompiledRule, status: Status, vars: Record<string, string | number | boolean>, missing: boolean): string {
  const { rule } = compiled;
  if (status === 'pass') return fillTemplate(rule.messages?.pass ?? rule.title, vars);
  if (status === 'not-applicable') return fillTemplate(rule.messages?.notApplicable ?? `不适用：${rule.title}`, vars);
  return fillTemplate(missing && rule.messages?.missing ? rule.messages.missing : rule.message, vars);
}

/** Run the engine once over a report's flat facts and turn its verdicts into findings. */
export async function evaluate(ruleSet: RuleSet, facts: Facts): Promise<Finding[]> {
  const { results, failureResults } = await ruleSet.engine.run(facts.values);
  const evaluated = new Map([...results, ...failureResults].map((r) => [r.name as string, r]));
  return ruleSet.rules.map((compiled): Finding => {
    const { rule } = compiled;
    const ruleResult = evaluated.get(rule.id);
    const top = (ruleResult?.conditions ?? null) as EvaluatedCondition | null;
    // With a gate the conditions are all: [gate, check] (see compile.ts).
    const applies = compiled.applicability === null || top?.all?.[0]?.result === true;
    const node = compiled.applicability === null ? top : (top?.all?.[1] ?? null);
    const status: Status = !applies ? 'not-applicable' : ruleResult?.result === true ? 'pass' : 'fail';
    const outcome = status === 'not-applicable' ? { evidence: [], vars: {} } : compiled.check.explain(facts, status === 'pass', { node });
    const vars = { ...compiled.params, ...outcome.vars };
    return {
      ruleId: rule.id,
      title: rule.title,
      status,
      severity: rule.severity,
      area: rule.area,
      weight: rule.weight,
      basis: rule.basis,
      message: messageFor(compiled, status, vars, 'missing' in outcome && outcome.missing === true),
      clause: rule.clause,
      fix: fillTemplate(rule.fix, vars),
      evidence: outcome.evidence,
    };
  });
}
