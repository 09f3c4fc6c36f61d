import type { Facts } from '../../facts/model.js';
import { evidenceAt, evidenceForHeading } from '../evidence.js';
import type { Evidence } from '../model.js';
import { defineCheckType } from './types.js';

/** Where the basic was read: the title line, else the first line that names it. */
function evidenceFor(facts: Facts, basic: 'year' | 'title' | 'body'): Evidence[] {
  const { document } = facts;
  const { meta, lines } = document;
  const titleLine = meta.titleLine === null ? undefined : lines[meta.titleLine - 1];
  if (basic === 'title') return titleLine ? [evidenceForHeading(document, titleLine.number)] : [];
  const wanted = String(meta[basic] ?? '');
  // The year may come from a portal's metadata, or be written 二〇二五年: then there is no quote.
  const line = titleLine?.original.includes(wanted) ? titleLine : lines.find((l) => l.original.includes(wanted));
  if (wanted === '' || !line) return [];
  const start = line.original.indexOf(wanted);
  return [evidenceAt(document, { line: line.number, start, end: start + wanted.length })];
}

/**
 * A basic of the report could be read: the year under report, the title, the issuing body.
 * Rules that need one fail, as not judged, while it is unknown; this check says so on its own.
 */
export const knownCheck = defineCheckType({
  type: 'known',
  description: "One of the report's basics could be read: its year, its title or its issuing body",
  summary: "the report's `basic` could be read: `year` (报告年度), `title` (标题) or `body` (单位：乡镇、街道)",
  options: {
    required: ['basic'],
    properties: { basic: { type: 'string', enum: ['year', 'title', 'body'] } },
  },
  vars: ['value'],
  home: () => 'report',
  compile(config) {
    return {
      conditions: { fact: `meta.${config.basic}`, operator: 'reported', value: true },
      explain(facts, passed) {
        const value = facts.document.meta[config.basic];
        // Unread, a rule's messages.missing says so (structure/title: no title line at all).
        if (!passed) return { evidence: [], vars: { value: '' }, missing: true };
        return { evidence: evidenceFor(facts, config.basic), vars: { value: value ?? '' } };
      },
    };
  },
});
