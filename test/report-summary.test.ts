/**
 * A run keeps every report's summary until it ends (the closing table, the gate, the batch
 * section): the summaries share their area scores, frozen, instead of each holding copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/report/text.js';
import { shareSummaryStrings, summarizeReport } from '../src/report/result.js';
import { builtinRules, ROOT } from './helpers.js';

const sample = fs.readFileSync(path.join(ROOT, 'reports/taojia-2025.txt'), 'utf8');

describe('report summaries', () => {
  it('share one frozen object per area score, with the report’s values', async () => {
    const report = await checkText(sample, builtinRules(), 'a.txt');
    const again = await checkText(sample, builtinRules(), 'b.txt');
    const a = summarizeReport(report, 0);
    const b = summarizeReport(again, 1);
    expect(a.score.areas).toEqual(report.score.areas);
    expect(a.score.areas).not.toBe(report.score.areas);
    a.score.areas.forEach((area, i) => {
      expect(area).toBe(b.score.areas[i]);
      expect(Object.isFrozen(area)).toBe(true);
    });
  });

  it('a summary arriving from a worker thread (its own copies) is given the shared ones', async () => {
    const report = await checkText(sample, builtinRules(), 'a.txt');
    const here = summarizeReport(report, 0);
    const copied = shareSummaryStrings(structuredClone(here));
    expect(copied.score.areas).toEqual(here.score.areas);
    copied.score.areas.forEach((area, i) => expect(area).toBe(here.score.areas[i]));
  });

  it('an area scored differently gets an object of its own', async () => {
    const report = await checkText(sample, builtinRules(), 'a.txt');
    const other = await checkText(
      fs.readFileSync(path.join(ROOT, 'reports/draft-low-mediation.txt'), 'utf8'),
      builtinRules(),
      'c.txt',
    );
    const a = summarizeReport(report, 0).score.areas;
    const c = summarizeReport(other, 1).score.areas;
    const differ = a.filter((area, i) => area.score !== c[i]!.score);
    expect(differ.length).toBeGreaterThan(0);
    for (const area of differ) expect(c).not.toContain(area);
  });
});
