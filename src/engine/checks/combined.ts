import type { NestedCondition } from 'json-rules-engine';
import type { Basic, Evidence } from '../model.js';
import { byPosition } from './terms.js';
import type { CheckConfig } from './index.js';
import type { CheckOutcome, CheckType, CompileContext, CompiledCheck } from './types.js';

/** checksOption as a type: written out because it is recursive (a check of checks). */
export interface CombinedCheckConfig<K extends 'all' | 'any'> {
  type: K;
  checks: CheckConfig[];
}

const checksOption = {
  required: ['checks'],
  properties: { checks: { type: 'array', minItems: 1, items: { $ref: '#/definitions/check' } } },
} as const;

/** all: every sub-check passes; any: at least one does. Evidence comes from the sub-checks. */
function compileCombined(kind: 'all' | 'any', checks: CheckConfig[], ctx: CompileContext): CompiledCheck {
  const subs = checks.map((c, i) => ctx.compileNested(c, ['checks', i]));
  const conditions = subs.map((s) => s.conditions);
  const gates = subs.map((s) => s.applicability).filter((g): g is NestedCondition => g !== undefined);
  const compiled: CompiledCheck = {
    conditions: kind === 'all' ? { all: conditions } : { any: conditions },
    explain(facts, passed, verdicts): CheckOutcome {
      const evidence: Evidence[] = [];
      const vars: Record<string, string | number> = {};
      let missing = false;
      // Not judged for unknown basics: any sub-check of a failed "any" that could not be judged, or
      // every failed sub-check of an "all" (one that fails outright fails the rule whatever the year).
      const unknown = new Set<Basic>();
      let judgedFailure = false;
      subs.forEach((sub, i) => {
        // json-rules-engine evaluated every sub-condition and recorded its result.
        const node = verdicts.node?.[kind]?.[i] ?? null;
        const subPassed = node?.result === true;
        if (passed && !subPassed) return; // a passing "any" shows what carried it
        const outcome = sub.explain(facts, subPassed, { node });
        for (const e of outcome.evidence) {
          if (!evidence.some((x) => x.line === e.line && x.column === e.column && x.endColumn === e.endColumn))
            evidence.push(e);
        }
        for (const [k, v] of Object.entries(outcome.vars)) if (!(k in vars) || vars[k] === '') vars[k] = v;
        missing ||= !subPassed && outcome.missing === true;
        if (subPassed) return;
        if (outcome.unknownBasics?.length) for (const b of outcome.unknownBasics) unknown.add(b);
        else judgedFailure = true;
      });
      const result: CheckOutcome = { evidence: evidence.sort(byPosition).slice(0, 6), vars, missing };
      if (!passed && unknown.size > 0 && (kind === 'any' || !judgedFailure)) result.unknownBasics = [...unknown].sort();
      return result;
    },
  };
  if (gates.length > 0) compiled.applicability = gates.length === 1 ? gates[0] : { all: gates };
  return compiled;
}

// Their values are the sub-checks' (see nestedChecks in compile.ts): none of their own.
export const allCheck: CheckType<CombinedCheckConfig<'all'>> = {
  type: 'all',
  description: 'Every sub-check passes',
  summary: 'every one of `checks` passes',
  options: checksOption,
  vars: [],
  compile: (config, ctx) => compileCombined('all', config.checks, ctx),
};

export const anyCheck: CheckType<CombinedCheckConfig<'any'>> = {
  type: 'any',
  description: 'At least one sub-check passes',
  summary: 'at least one of `checks` passes',
  options: checksOption,
  vars: [],
  compile: (config, ctx) => compileCombined('any', config.checks, ctx),
};
