import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/report/pipeline.js';
import { readInput } from '../src/ingest/index.js';
import type { ReportResult } from '../src/report/result.js';
import { builtinRules, ROOT } from './helpers.js';

/**
 * The same report as .txt, GBK/UTF-16 text, .docx, .pdf and a portal .html page gives the
 * same parts, metrics and verdicts; only locations differ. Rules that read publication
 * metadata (which only a portal page carries) are compared separately.
 */
const FIXTURES = path.join(ROOT, 'test/fixtures');
// A portal page adds its publication date and its own title (<h1>) to what the text says.
const METADATA_RULES = new Set(['structure/published-on-time', 'structure/title']);

function signature(r: ReportResult) {
  return {
    meta: { body: r.meta.body, year: r.meta.year },
    parts: r.parts.map((p) => `${p.id}${p.inferred ? '*' : ''}`),
    metrics: r.metrics.map(
      (m) => `${m.id}=${m.value}${m.unit}${m.target ? ' (target)' : ''}${m.derived ? ' (derived)' : ''}`,
    ),
    verdicts: Object.fromEntries(
      r.findings.filter((f) => !METADATA_RULES.has(f.ruleId)).map((f) => [f.ruleId, f.status]),
    ),
  };
}

async function check(file: string): Promise<ReportResult> {
  return checkSource(await readInput(file), builtinRules());
}

const VARIANTS = (name: string): string[] => [
  `text/${name}.gbk.txt`,
  `text/${name}.utf16le.txt`,
  `text/${name}.utf16be.txt`,
  `text/${name}.utf8bom.txt`,
  `docx/${name}.docx`,
  `pdf/${name}.pdf`,
  `html/${name}.html`,
];

describe.each(['taojia-2025', 'xuantan-2024'])('%s in every format', (name) => {
  it.each(VARIANTS(name))('%s matches the .txt', async (variant) => {
    const reference = signature(await check(path.join(ROOT, 'reports', `${name}.txt`)));
    const other = await check(path.join(FIXTURES, variant));
    expect(signature(other)).toEqual(reference);
  });
});

describe('what differs by format is the location', () => {
  it('Word evidence names the paragraph, PDF the page and line', async () => {
    const docx = await check(path.join(FIXTURES, 'docx/taojia-2025.docx'));
    const pdf = await check(path.join(FIXTURES, 'pdf/taojia-2025.pdf'));
    const evidence = (r: ReportResult) => r.findings.find((f) => f.ruleId === 'enforcement/three-systems')?.evidence[0];
    expect(evidence(docx)).toMatchObject({ paragraph: expect.any(Number) });
    expect(evidence(pdf)).toMatchObject({ page: expect.any(Number), pageLine: expect.any(Number) });
  });

  it('a portal page carries its publication date, checked against 4月1日', async () => {
    const taojia = await check(path.join(FIXTURES, 'html/taojia-2025.html'));
    const xuantan = await check(path.join(FIXTURES, 'html/xuantan-2024.html'));
    const verdict = (r: ReportResult) => r.findings.find((f) => f.ruleId === 'structure/published-on-time');
    expect([taojia.meta.published, verdict(taojia)?.status]).toEqual(['2026-03-20', 'pass']);
    expect([xuantan.meta.published, verdict(xuantan)?.status]).toEqual(['2025-04-15', 'fail']);
    expect(verdict(xuantan)?.message).toBe('报告于2025-04-15发布，晚于2025-04-01（逾期14天）');
  });

  it('a .doc exported from a portal is read as the web page it is', async () => {
    const doc = await check(path.join(FIXTURES, 'html/taojia-2025.doc'));
    expect(doc.format).toBe('html');
    expect(signature(doc)).toEqual(signature(await check(path.join(ROOT, 'reports/taojia-2025.txt'))));
  });
});
