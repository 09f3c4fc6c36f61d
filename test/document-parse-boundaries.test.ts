import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/document/parse.js';
import { classifyHeading } from '../src/document/parts.js';
import type { Document } from '../src/document/model.js';
import type { SourceMeta } from '../src/ingest/index.js';

/** The parser's own fields at their boundaries; the report lines are made up. */
function parse(lines: string[], meta?: SourceMeta): Document {
  return parseDocument({ file: 'parse.txt', format: 'text', encoding: null, text: lines.join('\n'), meta });
}

describe('parseDocument: the page’s own metadata', () => {
  it('issuer and index number come from the source, or are null', () => {
    const doc = parse(['开展普法12场。'], { issuer: '青石镇人民政府', indexNo: 'QS-2026-001' });
    expect([doc.meta.issuer, doc.meta.indexNo]).toEqual(['青石镇人民政府', 'QS-2026-001']);
    const none = parse(['开展普法12场。']);
    expect([none.meta.issuer, none.meta.indexNo]).toEqual([null, null]);
  });
});

describe('parseDocument: title lines below a Markdown heading', () => {
  it('a title line belongs to no section, even after a heading', () => {
    const doc = parse(['# 主要举措', '# 青石镇2025年法治政府建设工作报告', '开展普法12场。']);
    expect(doc.lines.map((l) => l.kind)).toEqual(['heading', 'title', 'body']);
    expect(doc.lines[1]?.section).toBeNull();
    expect(doc.lines[1]?.parts).toEqual([]);
    expect(doc.lines[2]?.section?.heading.line).toBe(1);
    expect(doc.headings.map((h) => h.line)).toEqual([1]);
  });
});

describe('classifyHeading without a report year', () => {
  it.each([
    ['2021年重点工作', []],
    ['2026年工作安排', ['next-year']],
  ])('%s → %j', (title, parts) => {
    expect(classifyHeading(title, 1, null)).toEqual(parts);
  });
});
