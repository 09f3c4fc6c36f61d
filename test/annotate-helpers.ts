import { expect } from 'vitest';
import { walkXml } from '../src/ingest/docx/xml.js';

/**
 * The text each comment range covers, read the way the .docx reader reads text (w:t in runs,
 * w:tab as a tab), with the balance of every marker checked: one start, one end, one reference.
 */
export function coveredText(xml: string): Map<number, string> {
  const open = new Map<number, string>();
  const done = new Map<number, string>();
  const seen = { start: new Set<number>(), end: new Set<number>(), ref: new Set<number>() };
  walkXml(xml, {
    open(name, attr, path) {
      const id = Number(attr('id'));
      if (name === 'w:commentRangeStart') {
        expect(seen.start.has(id)).toBe(false);
        seen.start.add(id);
        open.set(id, '');
      } else if (name === 'w:commentRangeEnd') {
        expect(open.has(id)).toBe(true);
        seen.end.add(id);
        done.set(id, open.get(id) as string);
        open.delete(id);
      } else if (name === 'w:commentReference') {
        expect(seen.end.has(id)).toBe(true);
        seen.ref.add(id);
      } else if (name === 'w:tab' && path[path.length - 2] === 'w:r') {
        for (const [k, v] of open) open.set(k, v + '\t');
      }
    },
    text(data, path) {
      if (path[path.length - 1] !== 'w:t') return;
      for (const [k, v] of open) open.set(k, v + data);
    },
  });
  expect(open.size).toBe(0);
  expect([...seen.ref].sort()).toEqual([...seen.start].sort());
  return done;
}
