import { describe, expect, it } from 'vitest';
import { analyseReport, checkReport, finding, statusOf } from './helpers.js';

// Decided by reading each report (issue #2, "Expected on the real corpus").
const EXPECTED = [
  {
    file: 'xuantan-2024.txt',
    meta: { title: null, body: '玄滩镇', year: 2024 },
    parts: ['first-responsible', 'measures', 'shortcomings', 'next-year'],
    firstResponsible: 'pass',
    threeSystems: 'pass',
    legalAdviser: 'pass',
    rate: 98,
    mediation: 'pass',
  },
  {
    file: 'gurtu-2024.txt',
    meta: { title: '乌苏市古尔图镇2024年法治政府建设工作报告', body: '古尔图镇', year: 2024 },
    parts: ['measures', 'first-responsible', 'shortcomings', 'next-year'],
    firstResponsible: 'pass',
    threeSystems: 'pass',
    legalAdviser: 'pass',
    rate: 98,
    mediation: 'pass',
  },
  {
    file: 'taojia-2025.txt',
    meta: { title: '陶家镇关于2025年法治政府建设情况的报告', body: '陶家镇', year: 2025 },
    parts: ['measures', 'first-responsible', 'shortcomings', 'next-year', 'other'],
    firstResponsible: 'pass',
    threeSystems: 'pass',
    legalAdviser: 'pass',
    rate: null,
    mediation: 'fail',
  },
  {
    file: 'draft-no-first-responsible.txt',
    meta: { title: '青石镇2025年法治政府建设工作报告', body: '青石镇', year: 2025 },
    parts: ['measures', 'shortcomings', 'next-year', 'other'],
    firstResponsible: 'fail',
    threeSystems: 'pass',
    legalAdviser: 'pass',
    rate: 97.5,
    mediation: 'pass',
  },
  {
    file: 'draft-low-mediation.txt',
    meta: { title: '白沙乡2025年法治政府建设情况报告', body: '白沙乡', year: 2025 },
    parts: ['measures', 'first-responsible', 'shortcomings', 'next-year', 'other'],
    firstResponsible: 'pass',
    threeSystems: 'fail',
    legalAdviser: 'pass',
    rate: 85,
    mediation: 'fail',
  },
] as const;

describe.each(EXPECTED)('$file', (expected) => {
  it('finds title, issuing body and year', async () => {
    const r = await checkReport(expected.file);
    expect({ title: r.meta.title, body: r.meta.body, year: r.meta.year }).toEqual(expected.meta);
  });

  it('finds the statutory parts', async () => {
    const r = await checkReport(expected.file);
    expect([...new Set(r.parts.map((p) => p.id))].sort()).toEqual([...expected.parts].sort());
  });

  it('gives the expected verdicts on the contract rules', async () => {
    const r = await checkReport(expected.file);
    expect({
      firstResponsible: statusOf(r, 'structure/first-responsible'),
      threeSystems: statusOf(r, 'enforcement/three-systems'),
      legalAdviser: statusOf(r, 'counsel/legal-adviser'),
      mediation: statusOf(r, 'mediation/success-rate'),
    }).toEqual({
      firstResponsible: expected.firstResponsible,
      threeSystems: expected.threeSystems,
      legalAdviser: expected.legalAdviser,
      mediation: expected.mediation,
    });
  });

  it('reads the year’s mediation rate (never a next-year target)', async () => {
    const r = await checkReport(expected.file);
    const achieved = r.metrics.find((m) => m.id === 'mediation.rate' && !m.target);
    expect(achieved?.value ?? null).toBe(expected.rate);
  });

  it('backs every passing contract rule with quoted evidence from the report', async () => {
    const { result: r, document } = await analyseReport(expected.file);
    const lines = document.lines;
    for (const id of [
      'structure/first-responsible',
      'enforcement/three-systems',
      'counsel/legal-adviser',
      'mediation/success-rate',
    ]) {
      const f = finding(r, id);
      if (f.status !== 'pass') continue;
      expect(f.evidence.length, id).toBeGreaterThan(0);
      for (const e of f.evidence) {
        const original = lines[e.line - 1]?.original ?? '';
        expect(original.slice(e.column - 1, e.endColumn - 1).trim(), id).toBe(e.quote);
      }
    }
  });
});

describe('corpus details', () => {
  it('xuantan: part 三 carries both shortcomings and next-year', async () => {
    const r = await checkReport('xuantan-2024.txt');
    const onLine23 = r.parts.filter((p) => p.line === 23).map((p) => p.id);
    expect(onLine23).toEqual(['shortcomings', 'next-year']);
  });

  it('xuantan: the login prompts at the end are chrome, not body', async () => {
    const { document } = await analyseReport('xuantan-2024.txt');
    expect(document.lines.slice(28, 32).map((l) => l.kind)).toEqual(['chrome', 'chrome', 'chrome', 'chrome']);
  });

  it('xuantan: mediation counts 165 cases, 162 resolved, 98%', async () => {
    const r = await checkReport('xuantan-2024.txt');
    const first = (id: string) => r.metrics.find((m) => m.id === id)?.value;
    expect([first('mediation.cases'), first('mediation.resolved'), first('mediation.rate')]).toEqual([165, 162, 98]);
  });

  it('gurtu: 一 and 三 are inferred as 主要举措和成效 by position', async () => {
    const r = await checkReport('gurtu-2024.txt');
    const measures = r.parts.filter((p) => p.id === 'measures');
    expect(measures.map((p) => [p.line, p.inferred])).toEqual([
      [5, true],
      [7, true],
    ]);
  });

  it('gurtu: the Word bookmark artefact is cut from matching but columns stay original', async () => {
    const { document } = await analyseReport('gurtu-2024.txt');
    const line = document.lines[15];
    expect(line?.original.startsWith('[bookmark: _GoBack]')).toBe(true);
    expect(line?.norm.text.startsWith('(二)健全依法行政机制')).toBe(true);
    expect(line?.artefacts).toEqual([{ start: 0, end: 19 }]);
    expect(document.headings.some((h) => h.line === 16 && h.level === 2)).toBe(true);
  });

  it('taojia: 125 disputes mediated but no rate: fails with 未报告 and quotes the count', async () => {
    const r = await checkReport('taojia-2025.txt');
    const f = finding(r, 'mediation/success-rate');
    expect(f.message).toContain('未报告');
    expect(f.evidence[0]?.quote).toBe('全年调解矛盾纠纷125件');
  });

  it('draft-low-mediation: the 98% target in the plan is a target, and the rate fails at 85%', async () => {
    const r = await checkReport('draft-low-mediation.txt');
    expect(r.metrics.filter((m) => m.id === 'mediation.rate').map((m) => [m.value, m.target])).toEqual([
      [85, false],
      [98, true],
    ]);
    expect(finding(r, 'mediation/success-rate').message).toBe('矛盾纠纷调解成功率为85%，低于95%');
  });

  it('scores are deterministic, add up, and carry the grade of their band', async () => {
    const a = await checkReport('taojia-2025.txt');
    const b = await checkReport('taojia-2025.txt');
    expect(a.score).toEqual(b.score);
    const areaSum = a.score.areas.reduce((s, x) => s + x.score, 0);
    expect(Math.abs(areaSum - a.score.total)).toBeLessThan(0.5);
    const lost = a.score.deductions.reduce((s, d) => s + d.points, 0);
    expect(Math.abs(100 - lost - a.score.total)).toBeLessThan(0.5);
    const band = a.score.total >= 90 ? '优秀' : a.score.total >= 75 ? '良好' : a.score.total >= 60 ? '合格' : '不合格';
    expect(a.score.grade).toBe(band);
  });
});
