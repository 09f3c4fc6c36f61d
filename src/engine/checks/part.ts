import { PART_TITLES } from '../../document/model.js';
import { factId } from '../../facts/model.js';
import { evidenceForHeading } from '../evidence.js';
import { defineCheckType } from './types.js';

/**
 * A statutory part is present. `headings: any` also accepts a sub-section with its
 * own heading (一个小节标题); a passing mention in another section's text never counts.
 */
export const partCheck = defineCheckType({
  type: 'part',
  description:
    'A statutory part is present (a top-level section, or with headings: any, a sub-section with its own heading)',
  summary: 'a statutory part is present; `headings: any` also accepts a sub-section heading',
  options: {
    required: ['part'],
    properties: {
      part: { $ref: '#/definitions/partId' },
      headings: { type: 'string', enum: ['top', 'any'] },
    },
  },
  vars: ['part'],
  home: () => 'report',
  compile(config) {
    const anyLevel = config.headings === 'any';
    const fact = anyLevel ? factId.heading(config.part) : factId.part(config.part);
    return {
      conditions: { fact, operator: 'is', value: true },
      explain(facts, passed) {
        const vars = { part: PART_TITLES[config.part] };
        if (!passed) return { evidence: [], vars };
        const ref = facts.document.parts.find((p) => p.id === config.part && (anyLevel || p.topLevel));
        const evidence = ref ? [evidenceForHeading(facts.document, ref.line)] : [];
        if (ref?.inferred && evidence[0]) evidence[0].note = '按位置推定：该部分标题未直接写明，但内容为本年度工作情况';
        return { evidence, vars };
      },
    };
  },
});
