import type { NestedCondition } from 'json-rules-engine';
import type { CombinedCheckConfig } from '../../packs/model.js';
import type { Evidence } from '../model.js';
import { byPosition } from './terms.js';
import type { CheckOutcome, CheckType, CompiledCheck } from './types.js';

/** all: every sub-check passes; any: at least one does. Evidence comes from the sub-checks. */
export const combinedCheck: CheckType<CombinedCheckConfig> = {
  type: 'all',
  compile(config, ctx) {
    const subs = config.checks.map((c, i) => ctx.compileNested(c, ['checks', i]));
    const conditions = subs.map((s) => s.conditions);
    const gates = subs.map((s) => s.applicability).filter((g): g is NestedCondition => g !== undefined);
    const compiled: CompiledCheck = {
      conditions: config.type === 'all' ? { all: conditions } : { any: conditions },
      explain(facts, passed, verdicts): CheckOutcome {
        const evidence: Evidence[] = [];
        const vars: Record<string, string | number> = {};
        let missing = false;
        subs.forEach((sub, i) => {
          // json-rules-engine evaluated every sub-condition and recorded its result.
          const node = verdicts.node?.[config.type]?.[i] ?? null;
          const subPassed = node?.result === true;
          if (passed && !subPassed) return; // a passing "any" shows what carried it
          const outcome = sub.explain(facts, subPassed, { node });
          for (const e of outcome.evidence) {
            if (!evidence.some((x) => x.line === e.line && x.column === e.column && x.endColumn === e.endColumn))
              evidence.push(e);
          }
          for (const [k, v] of Object.entries(outcome.vars)) if (!(k in vars) || vars[k] === '') vars[k] = v;
          missing ||= !subPassed && outcome.missing === true;
        });
        return { evidence: evidence.sort(byPosition).slice(0, 6), vars, missing };
      },
    };
    if (gates.length > 0) compiled.applicability = gates.length === 1 ? (gates[0] as NestedCondition) : { all: gates };
    return compiled;
  },
};
